import { StackValidationPolicy } from "@pulumi/policy";
import { resourceTypes } from "../lib/resourceTypes";
import { stackResources } from "../lib/stackResources";
import {
    InsightsConfig,
    insightProblems,
    insightsConfigSchema,
    loggingProblems,
    managementEventProblems,
    multiRegionProblems,
    requiredInsightTypes,
} from "../lib/trailRequirements";

/** What the compliant trail must be, in words, for the violation message. */
function requirement(required: readonly string[]): string {
    const insights = required.length > 0 ? ` and has CloudTrail Insights ${required.join(" and ")}` : "";
    return `is logging, multi-region, records read and write management events${insights}`;
}

/**
 * The per-trail policies check the trails there are; this one checks there is one. Removing the AuditTrail (or
 * replacing it with a narrower trail) passes every per-trail policy and leaves the account unwatched.
 */
export const stackHasCompliantTrail: StackValidationPolicy = {
    name: "stack-has-compliant-trail",
    description:
        "The stack must define at least one CloudTrail trail that is logging, multi-region, records read and write management events and has the required Insights types.",
    enforcementLevel: "mandatory",
    severity: "critical",
    tags: ["cloudtrail", "securityhub:CloudTrail.1"],
    configSchema: insightsConfigSchema,
    validateStack: (args, reportViolation) => {
        const required = requiredInsightTypes(args.getConfig<InsightsConfig>());
        const trails = stackResources(args.resources).filter((r) => r.type === resourceTypes.trail);
        const compliant = trails.filter(
            ({ name, props }) =>
                loggingProblems(name, props).length === 0 &&
                multiRegionProblems(name, props).length === 0 &&
                managementEventProblems(name, props).length === 0 &&
                insightProblems(name, props, required).length === 0,
        );
        if (compliant.length > 0) return;
        if (trails.length === 0) {
            reportViolation(
                `The stack defines no CloudTrail trail: add one (the AuditTrail component) that ${requirement(required)}.`,
            );
            return;
        }
        reportViolation(
            `None of the stack's trails (${trails.map((t) => `"${t.name}"`).join(", ")}) ${requirement(required)}: ` +
                "fix one of them as its cloudtrail-* violations describe.",
        );
    },
};
