import { ResourceValidationPolicy } from "@pulumi/policy";
import { plainProps } from "../lib/knownValues";
import { resourceTypes } from "../lib/resourceTypes";
import { InsightsConfig, insightProblems, insightsConfigSchema, requiredInsightTypes } from "../lib/trailRequirements";

/** Insights catches what no fixed filter pattern does: bursts of API calls or errors unusual for the account. */
export const cloudtrailInsights: ResourceValidationPolicy = {
    name: "cloudtrail-insights-enabled",
    description:
        "CloudTrail trails must enable the required CloudTrail Insights types (by default ApiCallRateInsight and ApiErrorRateInsight).",
    enforcementLevel: "mandatory",
    severity: "medium",
    tags: ["cloudtrail"],
    configSchema: insightsConfigSchema,
    validateResource: (args, reportViolation) => {
        if (args.type !== resourceTypes.trail) return;
        const required = requiredInsightTypes(args.getConfig<InsightsConfig>());
        for (const problem of insightProblems(args.name, plainProps(args.props), required)) reportViolation(problem);
    },
};
