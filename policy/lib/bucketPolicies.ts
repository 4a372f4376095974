import { Props, knownObject, knownString } from "./knownValues";
import { resourceTypes } from "./resourceTypes";
import { StackResource } from "./stackResources";
import { TrailBucket, resourcesOfBucket } from "./trailBucket";

/**
 * Reading the bucket policies of a trail's bucket: the documents, their statements, and whether a statement's
 * `Resource` covers the bucket. Only the IAM policy grammar the policies need is read here (IAM User Guide, "IAM
 * JSON policy elements reference": `Statement`, `Effect`, `Principal`, `Action`, `Resource`, `Condition`, each a
 * value or a list of values).
 */

/** A value or a list of values, as a list. */
export function asList(value: unknown): unknown[] {
    return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/** `"*"` or `{ AWS: "*" }`: the statement's `Principal` is everyone. */
export function appliesToEveryone(principal: unknown): boolean {
    if (principal === "*") return true;
    return asList(knownObject(principal)?.AWS).includes("*");
}

/** The statements of a bucket policy given as JSON text or as a document; `undefined` when not parseable. */
export function statementsOf(policy: unknown): Props[] | undefined {
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

/** One bucket policy set for a trail's bucket: by a BucketPolicy resource or by the bucket's own `policy` input. */
export interface BucketPolicySource {
    /** The resource that sets it. */
    urn: string;
    /** `bucket policy "x"` or `its own policy input`, for messages. */
    what: string;
    policy: unknown;
}

/**
 * Every bucket policy set for the trail's bucket. S3 keeps one policy per bucket (PutBucketPolicy replaces it), so
 * with several the one the engine applies last wins: a requirement on the bucket policy holds only if each has it.
 */
export function bucketPolicySources({ bucket }: TrailBucket, resources: StackResource[]): BucketPolicySource[] {
    const sources: BucketPolicySource[] = [
        { urn: bucket.urn, what: "its own policy input", policy: bucket.props.policy },
        ...resourcesOfBucket(bucket, resources, resourceTypes.bucketPolicy).map((p) => ({
            urn: p.urn,
            what: `bucket policy "${p.name}"`,
            policy: p.props.policy,
        })),
    ];
    return sources.filter((s) => s.policy !== undefined && s.policy !== "");
}

/** The trail bucket's name: the trail's `s3BucketName`, else the bucket's `bucket` input; `undefined` if unknown. */
export function trailBucketName({ trail, bucket }: TrailBucket): string | undefined {
    return knownString(trail.props.s3BucketName) ?? knownString(bucket.props.bucket);
}

/** True when the IAM pattern (`*` any run of characters, `?` one) matches `text`; `flags` "i" ignores case. */
function patternMatches(pattern: string, text: string, flags = ""): boolean {
    const regex = pattern
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*")
        .replace(/\?/g, ".");
    return new RegExp(`^${regex}$`, flags).test(text);
}

/**
 * True when the statement applies to `action` (`service:Name`): one of its `Action` patterns matches it, or it has
 * `NotAction` and none of those patterns does. IAM User Guide, "IAM JSON policy elements: Action": "The prefix and
 * the action name are case insensitive", and "You can use wildcards (*) or (?) to match" several actions;
 * "IAM JSON policy elements: NotAction": an Allow with NotAction allows every action not listed.
 */
export function appliesToAction(statement: Props, action: string): boolean {
    const matches = (patterns: unknown) =>
        asList(patterns).some((p) => typeof p === "string" && patternMatches(p, action, "i"));
    return statement.NotAction !== undefined ? !matches(statement.NotAction) : matches(statement.Action);
}

/**
 * True when the statement's `Resource` covers the bucket and every object in it (`arn:aws:s3:::<bucket>` and
 * `arn:aws:s3:::<bucket>/<any key>`). Any partition counts (`arn:aws-cn:…`). A pattern covers every key when it
 * ends with `*` and matches `arn:aws:s3:::<bucket>/` with that `*` empty: the `*` then absorbs any key.
 */
export function coversBucketAndObjects(statement: Props, bucketName: string): boolean {
    const patterns = asList(statement.Resource)
        .filter((r): r is string => typeof r === "string")
        .map((r) => r.replace(/^arn:[^:]+:/, "arn:aws:"));
    const bucketArn = `arn:aws:s3:::${bucketName}`;
    return (
        patterns.some((p) => patternMatches(p, bucketArn)) &&
        patterns.some((p) => p.endsWith("*") && patternMatches(p, `${bucketArn}/`))
    );
}
