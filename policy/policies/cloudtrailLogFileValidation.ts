import { ResourceValidationPolicy } from "@pulumi/policy";
import { plainProps } from "../lib/knownValues";
import { resourceTypes } from "../lib/resourceTypes";
import { logFileValidationProblems } from "../lib/trailRequirements";

/** Without digest files nobody can prove the archive was not edited after the fact (CIS 3.2). */
export const cloudtrailLogFileValidation: ResourceValidationPolicy = {
    name: "cloudtrail-log-file-validation",
    description: "CloudTrail trails must have log file integrity validation enabled.",
    enforcementLevel: "mandatory",
    severity: "medium",
    tags: ["cloudtrail", "securityhub:CloudTrail.4"],
    validateResource: (args, reportViolation) => {
        if (args.type !== resourceTypes.trail) return;
        for (const problem of logFileValidationProblems(args.name, plainProps(args.props))) reportViolation(problem);
    },
};
