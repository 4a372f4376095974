import { ResourceValidationPolicy } from "@pulumi/policy";
import { plainProps } from "../lib/knownValues";
import { resourceTypes } from "../lib/resourceTypes";
import { cloudWatchLogsProblems } from "../lib/trailRequirements";

/** Metric filters and alarms only see what the trail delivers to CloudWatch Logs (CIS 3.4). */
export const cloudtrailCloudWatchLogs: ResourceValidationPolicy = {
    name: "cloudtrail-cloudwatch-logs-delivery",
    description: "CloudTrail trails must deliver their events to a CloudWatch Logs log group through an IAM role.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: ["cloudtrail", "securityhub:CloudTrail.5"],
    validateResource: (args, reportViolation) => {
        if (args.type !== resourceTypes.trail) return;
        for (const problem of cloudWatchLogsProblems(args.name, plainProps(args.props))) reportViolation(problem);
    },
};
