import { ResourceValidationPolicy } from "@pulumi/policy";
import { plainProps } from "../lib/knownValues";
import { resourceTypes } from "../lib/resourceTypes";
import { managementEventProblems } from "../lib/trailRequirements";

/**
 * Every alert rule of trailwatch matches management events; a trail that drops read events (reconnaissance) or
 * write events (changes) blinds them. Accepts basic event selectors (`readWriteType` "All", management events
 * included) and advanced ones (eventCategory "Management" without a readOnly restriction); no selector at all is
 * CloudTrail's default, which records every management event.
 */
export const cloudtrailManagementEvents: ResourceValidationPolicy = {
    name: "cloudtrail-management-events-read-write",
    description: "CloudTrail trails must record all management events, both read and write.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: ["cloudtrail", "securityhub:CloudTrail.1"],
    validateResource: (args, reportViolation) => {
        if (args.type !== resourceTypes.trail) return;
        for (const problem of managementEventProblems(args.name, plainProps(args.props))) reportViolation(problem);
    },
};
