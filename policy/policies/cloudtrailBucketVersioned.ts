import { StackValidationPolicy } from "@pulumi/policy";
import { containsUnknown, knownObject } from "../lib/knownValues";
import { resourceTypes } from "../lib/resourceTypes";
import { stackResources } from "../lib/stackResources";
import { describeTrailBucket, resourcesOfBucket, trailBuckets } from "../lib/trailBucket";

/** The versioning resources of `@pulumi/aws` 7.x: `BucketVersioning` and its v6-named alias. */
const versioningTypes = [resourceTypes.bucketVersioning, resourceTypes.bucketVersioningV2];

/**
 * A log file overwritten or deleted in an unversioned bucket is gone; in a versioned one the earlier version stays
 * (Amazon S3 User Guide, "Retaining multiple versions of objects with S3 Versioning": versioning lets you recover
 * from unintended user actions and application failures), which is what the archive promises
 * (docs/deploying.md: "S3 archive (versioned, …)"). A bucket has one versioning state, set by
 * PutBucketVersioning (once enabled it can be suspended, never removed), so every resource that sets it must
 * enable it.
 */
export const cloudtrailBucketVersioned: StackValidationPolicy = {
    name: "cloudtrail-bucket-versioned",
    description: "The S3 bucket a CloudTrail trail delivers to must have versioning enabled.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: ["cloudtrail", "s3"],
    validateStack: (args, reportViolation) => {
        const resources = stackResources(args.resources);
        for (const trailBucket of trailBuckets(resources)) {
            const sources = versioningTypes.flatMap((type) => resourcesOfBucket(trailBucket.bucket, resources, type));
            // The bucket's own (deprecated) input sets the state too: `versioning` on aws.s3.Bucket, a one-block list
            // `versionings` on its v6-named alias aws.s3.BucketV2 (@pulumi/aws 7.x s3/bucketV2.d.ts).
            const { versioning, versionings } = trailBucket.bucket.props;
            const inline: unknown = versioning ?? (Array.isArray(versionings) ? versionings[0] : versionings);
            if (containsUnknown(inline) || sources.some((s) => containsUnknown(s.props.versioningConfiguration)))
                continue;
            const inlineEnabled = knownObject(inline)?.enabled;
            const status = (s: (typeof sources)[number]) => knownObject(s.props.versioningConfiguration)?.status;
            if (sources.length === 0 && inlineEnabled !== true) {
                reportViolation(
                    `${describeTrailBucket(trailBucket)} is not versioned, so an overwritten or deleted log file is ` +
                        'lost: add an aws.s3.BucketVersioning for it with versioningConfiguration { status: "Enabled" }.',
                    trailBucket.bucket.urn,
                );
                continue;
            }
            if (inline !== undefined && inlineEnabled === false) {
                reportViolation(
                    `${describeTrailBucket(trailBucket)} turns versioning off with its own versioning input ` +
                        "(enabled: false): remove it, and keep versioning enabled with an aws.s3.BucketVersioning.",
                    trailBucket.bucket.urn,
                );
            }
            for (const source of sources.filter((s) => status(s) !== "Enabled")) {
                reportViolation(
                    `${describeTrailBucket(trailBucket)} does not keep versioning enabled: set ` +
                        `versioningConfiguration.status to "Enabled" on "${source.name}" (it is ` +
                        `${JSON.stringify(status(source) ?? null)}).`,
                    source.urn,
                );
            }
        }
    },
};
