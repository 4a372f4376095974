import { ResourceValidationPolicy } from "@pulumi/policy";
import { isUnknown, plainProps } from "../lib/knownValues";
import { resourceTypes } from "../lib/resourceTypes";

/** Configuration of {@link logGroupRetention}. */
export interface LogGroupRetentionConfig {
    /** Fewest days a log group may keep events. @default 365 */
    minimumRetentionDays?: number;
}

/** The retention Security Hub's CloudWatch.16 asks for, and the AuditTrail default. */
export const defaultMinimumRetentionDays = 365;

/**
 * How far back an investigation can query CloudWatch Logs. Advisory by default: the S3 archive, not the log
 * group, is the long-term record, so a short retention costs search convenience rather than evidence (the dev
 * stack keeps 30 days on purpose). Make it mandatory where a retention requirement applies to the log group.
 */
export const logGroupRetention: ResourceValidationPolicy = {
    name: "log-group-minimum-retention",
    description:
        "CloudWatch Logs log groups must keep events for at least the configured number of days (default 365) or never expire.",
    enforcementLevel: "advisory",
    severity: "low",
    tags: ["cloudwatch", "securityhub:CloudWatch.16"],
    configSchema: {
        properties: {
            minimumRetentionDays: {
                type: "integer",
                minimum: 1,
                default: defaultMinimumRetentionDays,
                description: "Fewest days a log group may keep events.",
            },
        },
    },
    validateResource: (args, reportViolation) => {
        if (args.type !== resourceTypes.logGroup) return;
        const minimum = args.getConfig<LogGroupRetentionConfig>().minimumRetentionDays ?? defaultMinimumRetentionDays;
        const days = plainProps(args.props).retentionInDays;
        // Unset or 0 means the events never expire.
        if (isUnknown(days) || typeof days !== "number" || days === 0 || days >= minimum) return;
        reportViolation(
            `Log group "${args.name}" keeps events for ${days} days, fewer than the required ${minimum}: set ` +
                `retentionInDays to at least ${minimum}.`,
        );
    },
};
