import { StackValidationPolicy } from "@pulumi/policy";
import { asList, bucketPolicySources, statementsOf } from "../lib/bucketPolicies";
import { Props, containsUnknown, knownObject, knownString } from "../lib/knownValues";
import { stackResources } from "../lib/stackResources";
import { TrailBucket, describeTrailBucket, trailBuckets } from "../lib/trailBucket";

const cloudTrailPrincipal = "cloudtrail.amazonaws.com";

/** True when the statement's `Principal` names the CloudTrail service. */
function namesCloudTrail(principal: unknown): boolean {
    return asList(knownObject(principal)?.Service).includes(cloudTrailPrincipal);
}

/**
 * Condition operators that compare `aws:SourceArn` with the policy's values (IAM User Guide, "IAM JSON policy
 * elements: Condition operators"). Not their `…IfExists` forms: "If the policy key is not present in the request
 * context, the condition evaluates to true" (same page), so they admit a delivery that carries no `aws:SourceArn`,
 * and no AWS page promises that every CloudTrail delivery carries one (the CloudTrail User Guide's policy uses
 * `StringEquals`).
 */
const sourceArnOperators = ["StringEquals", "StringLike", "ArnEquals", "ArnLike"];

/** The `aws:SourceArn` values an Allow statement is limited to; `undefined` when it has no such condition. */
function sourceArnValues(statement: Props): unknown[] | undefined {
    const condition = knownObject(statement.Condition) ?? {};
    const values = sourceArnOperators.flatMap((operator) =>
        Object.entries(knownObject(condition[operator]) ?? {})
            .filter(([key]) => key.toLowerCase() === "aws:sourcearn")
            .flatMap(([, value]) => asList(value)),
    );
    return values.length > 0 ? values : undefined;
}

/** `…:trail/<name>` for every trail of the stack delivering to the bucket whose name is known. */
function trailArnSuffixes(trails: TrailBucket[]): string[] | undefined {
    const names = trails.map(({ trail }) => knownString(trail.props.name));
    if (names.some((n) => n === undefined)) return undefined;
    return names.map((n) => `:trail/${n}`);
}

/**
 * The archive bucket's policy lets `cloudtrail.amazonaws.com` write into it. Without `aws:SourceArn`, any trail of
 * any account can deliver its log files there (the confused-deputy problem), mixing forged records into the
 * audit record. CloudTrail User Guide, "Amazon S3 bucket policy for CloudTrail"
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html): "As a
 * security best practice, add an aws:SourceArn condition key to the Amazon S3 bucket policy. The IAM global
 * condition key aws:SourceArn helps ensure that CloudTrail writes to the S3 bucket only for a specific trail or
 * trails. The value of aws:SourceArn is always the ARN of the trail (or array of trail ARNs) that is using the
 * bucket". docs/deploying.md promises exactly that scope ("only with aws:SourceArn = this trail's ARN").
 */
export const cloudtrailBucketPolicySourceArn: StackValidationPolicy = {
    name: "cloudtrail-bucket-policy-source-arn",
    description:
        "The bucket policy of the S3 bucket a CloudTrail trail delivers to must allow cloudtrail.amazonaws.com only with an aws:SourceArn condition naming the stack's trails that deliver there.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: ["cloudtrail", "s3"],
    validateStack: (args, reportViolation) => {
        const resources = stackResources(args.resources);
        const all = trailBuckets(resources);
        for (const bucketUrn of new Set(all.map((tb) => tb.bucket.urn))) {
            const trails = all.filter((tb) => tb.bucket.urn === bucketUrn);
            const suffixes = trailArnSuffixes(trails);
            for (const source of bucketPolicySources(trails[0], resources)) {
                // A policy computed from values known only after the update (ARNs) is checked then.
                if (containsUnknown(source.policy)) continue;
                for (const [index, statement] of (statementsOf(source.policy) ?? []).entries()) {
                    if (statement.Effect !== "Allow" || !namesCloudTrail(statement.Principal)) continue;
                    const label = `statement ${knownString(statement.Sid) ?? index + 1} of ${source.what}`;
                    const values = sourceArnValues(statement);
                    const trailNames = trails.map((tb) => `"${tb.trail.name}"`).join(", ");
                    const fix =
                        `add Condition { StringEquals: { "aws:SourceArn": <ARN of trail ${trailNames}> } } to it ` +
                        "(AuditTrail's bucket policy does).";
                    if (values === undefined) {
                        reportViolation(
                            `${describeTrailBucket(trails[0])} lets CloudTrail write to it without an aws:SourceArn ` +
                                `condition (${sourceArnOperators.join(", ")}; not …IfExists) in ${label}, so any account's trail can deliver log files there: ${fix}`,
                            source.urn,
                        );
                        continue;
                    }
                    if (suffixes === undefined) continue;
                    const foreign = values.filter(
                        (v) => typeof v !== "string" || /[*?]/.test(v) || !suffixes.some((s) => v.endsWith(s)),
                    );
                    if (foreign.length === 0) continue;
                    reportViolation(
                        `${describeTrailBucket(trails[0])} lets CloudTrail write to it for aws:SourceArn ` +
                            `${foreign.map((v) => JSON.stringify(v)).join(", ")} in ${label}, which is not a trail of ` +
                            `the stack that delivers there: ${fix}`,
                        source.urn,
                    );
                }
            }
        }
    },
};
