import { StackValidationPolicy } from "@pulumi/policy";
import { Props, containsUnknown, knownObject } from "../lib/knownValues";
import { resourceTypes } from "../lib/resourceTypes";
import { stackResources } from "../lib/stackResources";
import { describeTrailBucket, resourcesOfBucket, trailBuckets } from "../lib/trailBucket";

function asList(value: unknown): unknown[] {
    return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/** `"*"` or `{ AWS: "*" }`: the statement applies to everyone. */
function appliesToEveryone(principal: unknown): boolean {
    if (principal === "*") return true;
    return asList(knownObject(principal)?.AWS).includes("*");
}

/** True for a statement denying every S3 action to everyone when `aws:SecureTransport` is false. */
function deniesInsecureTransport(statement: Props): boolean {
    if (statement.Effect !== "Deny" || !appliesToEveryone(statement.Principal)) return false;
    const actions = asList(statement.Action);
    if (!actions.includes("s3:*") && !actions.includes("*")) return false;
    const condition = knownObject(statement.Condition) ?? {};
    return ["Bool", "BoolIfExists"].some((operator) => {
        const values = asList(knownObject(condition[operator])?.["aws:SecureTransport"]);
        return values.includes("false") || values.includes(false);
    });
}

/** The statements of a bucket policy given as JSON text or as a document; `undefined` when not parseable. */
function statementsOf(policy: unknown): Props[] | undefined {
    let document: unknown = policy;
    if (typeof policy === "string") {
        try {
            document = JSON.parse(policy);
        } catch {
            return undefined;
        }
    }
    return asList(knownObject(document)?.Statement)
        .map(knownObject)
        .filter((s) => s !== undefined);
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
            const bucketPolicies = resourcesOfBucket(trailBucket.bucket, resources, resourceTypes.bucketPolicy);
            // The bucket's own (deprecated) `policy` input is a bucket policy too.
            const documents = [trailBucket.bucket.props.policy, ...bucketPolicies.map((p) => p.props.policy)].filter(
                (p) => p !== undefined && p !== "",
            );
            // A policy computed from values known only after the update (ARNs) is checked then.
            if (documents.some(containsUnknown)) continue;
            if (documents.some((d) => (statementsOf(d) ?? []).some(deniesInsecureTransport))) continue;
            reportViolation(
                `${describeTrailBucket(trailBucket)} does not deny requests made without TLS: add a bucket policy ` +
                    'statement { Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [<bucket ARN>, ' +
                    '"<bucket ARN>/*"], Condition: { Bool: { "aws:SecureTransport": "false" } } }.',
                bucketPolicies[0]?.urn ?? trailBucket.bucket.urn,
            );
        }
    },
};
