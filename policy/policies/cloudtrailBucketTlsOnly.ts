import { StackValidationPolicy } from "@pulumi/policy";
import {
    appliesToEveryone,
    asList,
    bucketPolicySources,
    coversBucketAndObjects,
    statementsOf,
    trailBucketName,
} from "../lib/bucketPolicies";
import { Props, containsUnknown, knownObject } from "../lib/knownValues";
import { resourceTypes } from "../lib/resourceTypes";
import { stackResources } from "../lib/stackResources";
import { describeTrailBucket, resourcesOfBucket, trailBuckets } from "../lib/trailBucket";

/**
 * True for a statement denying every S3 action on the bucket and every object in it to everyone when
 * `aws:SecureTransport` is false, with no other condition to narrow it: an extra condition key, or a `Resource`
 * that leaves out the bucket or some of its objects, lets those requests through over plain HTTP (IAM User Guide,
 * "Condition": every key of every operator must match for the statement to apply). `bucketName` is `undefined`
 * while it is not known (the Resource is then checked at the update).
 */
function deniesInsecureTransport(statement: Props, bucketName: string | undefined): boolean {
    if (statement.Effect !== "Deny" || !appliesToEveryone(statement.Principal)) return false;
    if (statement.NotAction !== undefined || statement.NotResource !== undefined) return false;
    // "The prefix and the action name are case insensitive" (IAM User Guide, "IAM JSON policy elements: Action"):
    // `S3:*` denies every S3 action as `s3:*` does.
    const actions = asList(statement.Action).map((a) => (typeof a === "string" ? a.toLowerCase() : a));
    if (!actions.includes("s3:*") && !actions.includes("*")) return false;
    if (bucketName !== undefined && !coversBucketAndObjects(statement, bucketName)) return false;
    const condition = knownObject(statement.Condition) ?? {};
    const operators = Object.keys(condition);
    if (operators.length !== 1 || !["Bool", "BoolIfExists"].includes(operators[0])) return false;
    const keys = Object.entries(knownObject(condition[operators[0]]) ?? {});
    if (keys.length !== 1 || keys[0][0].toLowerCase() !== "aws:securetransport") return false;
    const values = asList(keys[0][1]);
    return values.includes("false") || values.includes(false);
}

/**
 * Requests over plain HTTP expose log files and credentials in transit; a bucket policy statement denying
 * them is the only way S3 enforces TLS (Security Hub S3.5).
 */
export const cloudtrailBucketTlsOnly: StackValidationPolicy = {
    name: "cloudtrail-bucket-tls-only",
    description: "The S3 bucket a CloudTrail trail delivers to must deny every request not made over TLS.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: ["cloudtrail", "s3", "securityhub:S3.5"],
    validateStack: (args, reportViolation) => {
        const resources = stackResources(args.resources);
        for (const trailBucket of trailBuckets(resources)) {
            const sources = bucketPolicySources(trailBucket, resources);
            // A policy computed from values known only after the update (ARNs) is checked then.
            if (sources.some((s) => containsUnknown(s.policy))) continue;
            const bucketName = trailBucketName(trailBucket);
            const denying = (policy: unknown) =>
                (statementsOf(policy) ?? []).some((statement) => deniesInsecureTransport(statement, bucketName));
            const fix =
                'add a bucket policy statement { Effect: "Deny", Principal: "*", Action: "s3:*", Resource: ' +
                '[<bucket ARN>, "<bucket ARN>/*"], Condition: { Bool: { "aws:SecureTransport": "false" } } }.';
            if (sources.length <= 1) {
                if (sources.length === 1 && denying(sources[0].policy)) continue;
                const bucketPolicy = resourcesOfBucket(trailBucket.bucket, resources, resourceTypes.bucketPolicy)[0];
                reportViolation(
                    `${describeTrailBucket(trailBucket)} does not deny requests made without TLS: ${fix}`,
                    sources[0]?.urn ?? bucketPolicy?.urn ?? trailBucket.bucket.urn,
                );
                continue;
            }
            // A bucket has one bucket policy: with two (a BucketPolicy and the bucket's own input, or two
            // BucketPolicy resources), whichever the engine applies last replaces the other (Amazon S3 API
            // Reference, PutBucketPolicy: "Applies an Amazon S3 bucket policy to an Amazon S3 bucket", replacing the
            // one it had), so each of them must deny requests without TLS, not just one.
            for (const source of sources.filter((s) => !denying(s.policy))) {
                reportViolation(
                    `${describeTrailBucket(trailBucket)} has ${sources.length} bucket policies and ${source.what} ` +
                        "does not deny requests made without TLS (S3 keeps only the policy applied last, so each " +
                        `must): remove it, or ${fix}`,
                    source.urn,
                );
            }
        }
    },
};
