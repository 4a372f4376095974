import { ResourceValidationPolicy } from "@pulumi/policy";
import { plainProps } from "../lib/knownValues";
import { resourceTypes } from "../lib/resourceTypes";
import { multiRegionProblems } from "../lib/trailRequirements";

/** A trail that records one region misses everything an attacker does elsewhere (CIS 3.1, Security Hub CloudTrail.1). */
export const cloudtrailMultiRegion: ResourceValidationPolicy = {
    name: "cloudtrail-multi-region",
    description: "CloudTrail trails must record every region (isMultiRegionTrail) and global service events.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: ["cloudtrail", "securityhub:CloudTrail.1"],
    validateResource: (args, reportViolation) => {
        if (args.type !== resourceTypes.trail) return;
        for (const problem of multiRegionProblems(args.name, plainProps(args.props))) reportViolation(problem);
    },
};
