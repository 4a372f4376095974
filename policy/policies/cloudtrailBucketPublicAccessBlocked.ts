import { StackValidationPolicy } from "@pulumi/policy";
import { isUnknown } from "../lib/knownValues";
import { resourceTypes } from "../lib/resourceTypes";
import { StackResource, stackResources } from "../lib/stackResources";
import { describeTrailBucket, resourcesOfBucket, trailBuckets } from "../lib/trailBucket";

/** The four settings of an S3 public access block; all must be on. */
const blockSettings = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;

/** Settings of a public access block that are known to be off (an unknown one is given the benefit of the doubt). */
function settingsOff(block: StackResource): string[] {
    return blockSettings.filter((s) => !isUnknown(block.props[s]) && block.props[s] !== true);
}

/**
 * An audit archive anyone can read leaks the account's whole activity; one anyone can write to can be
 * poisoned (Security Hub CloudTrail.6). An account-wide public access block with every setting on also counts.
 */
export const cloudtrailBucketPublicAccessBlocked: StackValidationPolicy = {
    name: "cloudtrail-bucket-public-access-blocked",
    description: "The S3 bucket a CloudTrail trail delivers to must block all public access.",
    enforcementLevel: "mandatory",
    severity: "critical",
    tags: ["cloudtrail", "s3", "securityhub:CloudTrail.6"],
    validateStack: (args, reportViolation) => {
        const resources = stackResources(args.resources);
        // An account or bucket has one public access block configuration: with two resources for it, whichever
        // the engine applies last is the one S3 keeps (PutPublicAccessBlock "creates or modifies" it, Amazon S3 API
        // Reference), so every one of them must have all four settings on, not just one.
        const accountBlocks = resources.filter((r) => r.type === resourceTypes.accountPublicAccessBlock);
        if (accountBlocks.length > 0 && accountBlocks.every((b) => settingsOff(b).length === 0)) return;
        for (const trailBucket of trailBuckets(resources)) {
            const blocks = resourcesOfBucket(trailBucket.bucket, resources, resourceTypes.bucketPublicAccessBlock);
            if (blocks.length > 0 && blocks.every((b) => settingsOff(b).length === 0)) continue;
            if (blocks.length === 0) {
                reportViolation(
                    `${describeTrailBucket(trailBucket)} has no public access block: add an ` +
                        "aws.s3.BucketPublicAccessBlock for it with blockPublicAcls, blockPublicPolicy, " +
                        "ignorePublicAcls and restrictPublicBuckets all true.",
                    trailBucket.bucket.urn,
                );
                continue;
            }
            for (const block of blocks) {
                const off = settingsOff(block);
                if (off.length === 0) continue;
                reportViolation(
                    `${describeTrailBucket(trailBucket)} does not block all public access: set ` +
                        `${off.join(", ")} to true on its public access block "${block.name}".`,
                    block.urn,
                );
            }
        }
    },
};
