import { ResourceValidationPolicy } from "@pulumi/policy";
import { plainProps } from "../lib/knownValues";
import { resourceTypes } from "../lib/resourceTypes";
import { loggingProblems } from "../lib/trailRequirements";

/** A stopped trail keeps every other setting and records nothing: the quietest way to weaken the audit trail. */
export const cloudtrailLoggingEnabled: ResourceValidationPolicy = {
    name: "cloudtrail-logging-enabled",
    description: "CloudTrail trails must be logging (enableLogging must not be false).",
    enforcementLevel: "mandatory",
    severity: "critical",
    tags: ["cloudtrail"],
    validateResource: (args, reportViolation) => {
        if (args.type !== resourceTypes.trail) return;
        for (const problem of loggingProblems(args.name, plainProps(args.props))) reportViolation(problem);
    },
};
