import { bucketTypes, resourceTypes } from "./resourceTypes";
import { StackResource, refersTo } from "./stackResources";

/** A trail and the S3 bucket of the same stack it delivers its log files to. */
export interface TrailBucket {
    trail: StackResource;
    bucket: StackResource;
}

/**
 * Every trail of the stack whose delivery bucket is in the stack too, with that bucket. A trail writing to a
 * bucket managed elsewhere is left out: that bucket's settings are not visible here.
 */
export function trailBuckets(resources: StackResource[]): TrailBucket[] {
    const buckets = resources.filter((r) => bucketTypes.includes(r.type));
    return resources
        .filter((r) => r.type === resourceTypes.trail)
        .flatMap((trail) => {
            const bucket = buckets.find((b) => refersTo(trail, "s3BucketName", b, "bucket"));
            return bucket === undefined ? [] : [{ trail, bucket }];
        });
}

/** The resources of `type` that configure `bucket` (their `bucket` property names it). */
export function resourcesOfBucket(bucket: StackResource, resources: StackResource[], type: string): StackResource[] {
    return resources.filter((r) => r.type === type && refersTo(r, "bucket", bucket, "bucket"));
}

/** `Bucket "x", where trail "t" delivers its logs,`: the subject of a bucket violation. */
export function describeTrailBucket({ trail, bucket }: TrailBucket): string {
    return `Bucket "${bucket.name}", where trail "${trail.name}" delivers its logs,`;
}
