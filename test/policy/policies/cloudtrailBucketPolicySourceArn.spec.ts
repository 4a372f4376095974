import * as assert from "assert";
import { trailBucketPolicy } from "@trailwatch/components";
import { unknownValue } from "../../../policy/lib/knownValues";
import { cloudtrailBucketPolicySourceArn } from "../../../policy/policies";
import { FixtureResource, compliantStackFixture, fixtureUrns, trailFixture } from "../../fixtures/policyResources";
import { simulate } from "../../support/iamSimulation";
import { validateStack } from "../policyHarness";

const bucketArn = "arn:aws:s3:::audit-bucket-4f1e581";
const trailArn = (name: string) => `arn:aws:cloudtrail:eu-west-1:111122223333:trail/${name}`;

function bucketPolicyOf(resources: FixtureResource[]): FixtureResource {
    return resources.find((r) => r.urn === fixtureUrns.bucketPolicy)!;
}

function withWriteCondition(condition: unknown): FixtureResource[] {
    const resources = compliantStackFixture();
    const document = JSON.parse(bucketPolicyOf(resources).props.policy as string);
    const write = document.Statement.find((s: { Sid: string }) => s.Sid === "AWSCloudTrailWrite");
    if (condition === undefined) delete write.Condition;
    else write.Condition = condition;
    bucketPolicyOf(resources).props.policy = JSON.stringify(document);
    return resources;
}

const fix =
    'add Condition { StringEquals: { "aws:SourceArn": <ARN of trail "audit-trail"> } } to it (AuditTrail\'s bucket policy does).';
const subject = 'Bucket "audit-bucket", where trail "audit-trail" delivers its logs,';

describe("policy cloudtrail-bucket-policy-source-arn", () => {
    it("accepts the AuditTrail's bucket policy, and an organization trail's (both statements scoped to the trail)", async () => {
        assert.deepStrictEqual(await validateStack(cloudtrailBucketPolicySourceArn, compliantStackFixture()), []);
        const resources = compliantStackFixture();
        bucketPolicyOf(resources).props.policy = JSON.stringify(
            trailBucketPolicy({
                bucketArn,
                accountId: "111122223333",
                trailArn: trailArn("trailwatch-dev"),
                organizationId: "o-a1b2c3d4e5",
            }),
        );
        assert.deepStrictEqual(await validateStack(cloudtrailBucketPolicySourceArn, resources), []);
    });

    it("accepts ArnLike and an array naming every trail of the stack that delivers to the bucket", async () => {
        const resources = withWriteCondition({
            ArnLike: { "aws:SourceArn": [trailArn("trailwatch-dev"), trailArn("second")] },
        });
        const second = trailFixture();
        second.name = "second-trail";
        second.urn = `${fixtureUrns.trail}-2`;
        second.props.name = "second";
        resources.push(second);
        assert.deepStrictEqual(await validateStack(cloudtrailBucketPolicySourceArn, resources), []);
    });

    it("rejects a grant to CloudTrail without aws:SourceArn, naming the statement", async () => {
        assert.deepStrictEqual(await validateStack(cloudtrailBucketPolicySourceArn, withWriteCondition(undefined)), [
            {
                message:
                    `${subject} lets CloudTrail write to it without an aws:SourceArn condition (StringEquals, ` +
                    `StringLike, ArnEquals, ArnLike; not …IfExists) in statement ` +
                    `AWSCloudTrailWrite of bucket policy "audit-bucket-policy", so any account's trail can deliver ` +
                    `log files there: ${fix}`,
                urn: fixtureUrns.bucketPolicy,
            },
        ]);
    });

    it("rejects an aws:SourceArn condition in its IfExists form, which admits a delivery without the key", async () => {
        const resources = withWriteCondition({ StringEqualsIfExists: { "aws:SourceArn": trailArn("trailwatch-dev") } });
        // A delivery whose request carries no aws:SourceArn: an IAM engine nobody here wrote lets it write.
        const decision = await simulate({
            principal: "cloudtrail.amazonaws.com",
            action: "s3:PutObject",
            resource: `${bucketArn}/AWSLogs/111122223333/CloudTrail/eu-west-1/2024/03/04/forged.json.gz`,
            resourceAccount: "111122223333",
            context: { "aws:SecureTransport": "true", "s3:x-amz-acl": "bucket-owner-full-control" },
            resourcePolicy: {
                name: "audit bucket policy",
                document: JSON.parse(bucketPolicyOf(resources).props.policy as string),
            },
        });
        assert.strictEqual(decision.result, "Allowed", decision.explain);
        const reported = await validateStack(cloudtrailBucketPolicySourceArn, resources);
        assert.strictEqual(reported.length, 1, JSON.stringify(reported));
        assert.match(
            reported[0].message,
            /without an aws:SourceArn condition \(.*not …IfExists\) in statement AWSCloudTrailWrite/,
        );
    });

    it("rejects an aws:SourceArn of another trail, or a wildcard", async () => {
        for (const value of [trailArn("other"), "arn:aws:cloudtrail:*:111122223333:trail/*"]) {
            const reported = await validateStack(
                cloudtrailBucketPolicySourceArn,
                withWriteCondition({ StringLike: { "aws:SourceArn": value } }),
            );
            assert.deepStrictEqual(reported, [
                {
                    message:
                        `${subject} lets CloudTrail write to it for aws:SourceArn ${JSON.stringify(value)} in statement ` +
                        'AWSCloudTrailWrite of bucket policy "audit-bucket-policy", which is not a trail of the stack ' +
                        `that delivers there: ${fix}`,
                    urn: fixtureUrns.bucketPolicy,
                },
            ]);
        }
    });

    it("during preview: skips a policy not known yet; with the trail's name unknown, checks only that the condition is there", async () => {
        const unknownPolicy = compliantStackFixture();
        bucketPolicyOf(unknownPolicy).props.policy = unknownValue;
        assert.deepStrictEqual(await validateStack(cloudtrailBucketPolicySourceArn, unknownPolicy), []);
        const unknownName = withWriteCondition({ StringEquals: { "aws:SourceArn": trailArn("anything") } });
        unknownName.find((r) => r.urn === fixtureUrns.trail)!.props.name = unknownValue;
        assert.deepStrictEqual(await validateStack(cloudtrailBucketPolicySourceArn, unknownName), []);
        const missing = withWriteCondition(undefined);
        missing.find((r) => r.urn === fixtureUrns.trail)!.props.name = unknownValue;
        assert.strictEqual((await validateStack(cloudtrailBucketPolicySourceArn, missing)).length, 1);
    });
});
