import { ResourceValidationPolicy } from "@pulumi/policy";
import { FilterPatternError, parseFilterPattern } from "@trailwatch/components/catalogue";
import { knownString, plainProps } from "../lib/knownValues";
import { resourceTypes } from "../lib/resourceTypes";

/**
 * A pattern CloudWatch Logs rejects fails the deployment halfway; one it accepts but reads differently from its
 * author silently matches nothing. Checked with trailwatch's own parser, the one the alert rules are tested with.
 */
export const metricFilterPatternValid: ResourceValidationPolicy = {
    name: "metric-filter-pattern-valid",
    description: "Every CloudWatch Logs metric filter pattern must be valid filter-pattern syntax.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: ["cloudwatch"],
    validateResource: (args, reportViolation) => {
        if (args.type !== resourceTypes.logMetricFilter) return;
        const pattern = knownString(plainProps(args.props).pattern);
        if (pattern === undefined) return;
        try {
            parseFilterPattern(pattern);
        } catch (err) {
            if (!(err instanceof FilterPatternError)) throw err;
            reportViolation(
                `Metric filter "${args.name}" has an invalid pattern at position ${err.position} (${err.reason}): ` +
                    "correct the pattern so that CloudWatch Logs accepts it and it matches what it is meant to.",
            );
        }
    },
};
