import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { AlertTopic, AlertTopicArgs } from "@trailwatch/components";
import { ProgramRun, RecordedResource, runUnderMocks } from "../../../cli/engines/offline/runProgram";
import { onlyResource, policyDocumentOf } from "../../support/recordedResources";

// What these tests prove: the exact key policy, topic policy and settings AlertTopic sends to the AWS provider, and
// that consumers of topicArn wait for the topic policy. What they cannot prove: that CloudWatch then delivers (that
// needs an account: `aws cloudwatch set-alarm-state` on a deployed alarm); the policy pack guards the key choice.

const account = "111122223333";
const region = "eu-west-1";
const regionConfig = { values: { "aws:region": region }, secretKeys: new Set<string>() };

async function construct(args: AlertTopicArgs = {}, name = "alerts"): Promise<ProgramRun> {
    return runUnderMocks({ config: regionConfig }, async () => {
        const alerts = new AlertTopic(name, args);
        // A consumer of topicArn, as the Opsgenie subscription will be.
        new aws.sns.TopicSubscription("probe", {
            topic: alerts.topicArn,
            protocol: "https",
            endpoint: "https://example.com/hook",
        });
        return { topicArn: alerts.topicArn, keyArn: alerts.keyArn, keyAlias: alerts.keyAlias };
    });
}

function statementsOf(resource: RecordedResource): unknown[] {
    const document = policyDocumentOf(resource, "policy");
    assert.strictEqual(document.Version, "2012-10-17");
    return document.Statement;
}

describe("AlertTopic", () => {
    let run: ProgramRun;
    const topicArn = `arn:aws:sns:${region}:${account}:trailwatch-dev-alerts`;

    before(async () => {
        run = await construct({ topicName: "trailwatch-dev-alerts", tags: { environment: "dev" } });
        if (run.error !== undefined) throw run.error;
    });

    it("creates a key, its alias, the topic and the topic policy, named from the component and parented to it", () => {
        const component = onlyResource(run, "trailwatch:index:AlertTopic");
        assert.deepStrictEqual(
            run.resources.filter((r) => r.parent === component.urn).map((r) => `${r.type} ${r.name}`),
            [
                "aws:kms/key:Key alerts-key",
                "aws:kms/alias:Alias alerts-key-alias",
                "aws:sns/topic:Topic alerts-topic",
                "aws:sns/topicPolicy:TopicPolicy alerts-topic-policy",
            ],
        );
    });

    it("encrypts the topic with a customer-managed key that rotates and waits 30 days before deletion", () => {
        const key = onlyResource(run, "aws:kms/key:Key");
        const alias = onlyResource(run, "aws:kms/alias:Alias");
        const topic = onlyResource(run, "aws:sns/topic:Topic");
        assert.deepStrictEqual(
            { ...key.inputs, policy: undefined },
            {
                description: "Encrypts the alert topic of alerts; CloudWatch alarms of this account may use it",
                enableKeyRotation: true,
                deletionWindowInDays: 30,
                policy: undefined,
                tags: { environment: "dev" },
            },
        );
        assert.strictEqual(alias.inputs.name, "alias/alerts");
        assert.deepStrictEqual(topic.inputs, {
            name: "trailwatch-dev-alerts",
            kmsMasterKeyId: `arn:aws:kms:${region}:${account}:key/${alias.inputs.targetKeyId as string}`,
            tags: { environment: "dev" },
        });
    });

    it("key policy: the account administers the key; CloudWatch may Decrypt and GenerateDataKey*, with no condition no AWS page documents CloudWatch sending", () => {
        assert.deepStrictEqual(statementsOf(onlyResource(run, "aws:kms/key:Key")), [
            {
                Sid: "AccountAdministersKey",
                Effect: "Allow",
                Principal: { AWS: `arn:aws:iam::${account}:root` },
                Action: "kms:*",
                Resource: "*",
            },
            {
                Sid: "CloudWatchAlarmsUseKey",
                Effect: "Allow",
                Principal: { Service: "cloudwatch.amazonaws.com" },
                Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
                Resource: "*",
            },
            {
                Sid: "DenyInsecureTransport",
                Effect: "Deny",
                Principal: "*",
                Action: "kms:*",
                Resource: "*",
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
        ]);
    });

    it("topic policy: of the AWS services only this account's CloudWatch alarms publish (aws:SourceArn), the account manages the topic, no TLS is denied", () => {
        const policy = onlyResource(run, "aws:sns/topicPolicy:TopicPolicy");
        assert.strictEqual(policy.inputs.arn, topicArn);
        assert.deepStrictEqual(statementsOf(policy), [
            {
                Sid: "CloudWatchAlarmsPublish",
                Effect: "Allow",
                Principal: { Service: "cloudwatch.amazonaws.com" },
                Action: "SNS:Publish",
                Resource: topicArn,
                Condition: {
                    ArnLike: { "aws:SourceArn": `arn:aws:cloudwatch:${region}:${account}:alarm:*` },
                },
            },
            {
                Sid: "AccountManagesTopic",
                Effect: "Allow",
                Principal: { AWS: `arn:aws:iam::${account}:root` },
                Action: [
                    "SNS:GetTopicAttributes",
                    "SNS:SetTopicAttributes",
                    "SNS:AddPermission",
                    "SNS:RemovePermission",
                    "SNS:DeleteTopic",
                    "SNS:Subscribe",
                    "SNS:ListSubscriptionsByTopic",
                ],
                Resource: topicArn,
            },
            {
                Sid: "DenyInsecureTransport",
                Effect: "Deny",
                Principal: "*",
                Action: "SNS:Publish",
                Resource: topicArn,
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
        ]);
    });

    it("hands out topicArn only once the topic policy exists, so subscribers and alarms wait for it", () => {
        const probe = onlyResource(run, "aws:sns/topicSubscription:TopicSubscription");
        const policy = onlyResource(run, "aws:sns/topicPolicy:TopicPolicy");
        assert.strictEqual(probe.inputs.topic, topicArn);
        assert.ok(probe.dependencies.includes(policy.urn), "the subscription depends on the topic policy");
        assert.deepStrictEqual(run.outputs, {
            topicArn,
            keyArn: onlyResource(run, "aws:sns/topic:Topic").inputs.kmsMasterKeyId,
            keyAlias: "alias/alerts",
        });
    });

    describe("rejects, before any resource,", () => {
        const cases: [string, AlertTopicArgs, string][] = [
            [
                "an AWS managed key alias",
                { keyAlias: "alias/aws/sns" },
                'AlertTopic: keyAlias: "alias/aws/sns" is reserved for AWS managed keys; CloudWatch alarms cannot use those to publish, so choose another alias',
            ],
            [
                "an alias without the alias/ prefix",
                { keyAlias: "alerts" },
                'AlertTopic: keyAlias: "alerts" is not a KMS alias (alias/ followed by letters, digits, /, _ and -)',
            ],
            [
                "a deletion window KMS does not accept",
                { keyDeletionWindowInDays: 3 },
                "AlertTopic: keyDeletionWindowInDays: 3 is not a whole number of days from 7 to 30",
            ],
            [
                "a topic name SNS does not accept",
                { topicName: "alerts.fifo" },
                'AlertTopic: topicName: "alerts.fifo" is not an SNS topic name (1-256 letters, digits, - and _)',
            ],
        ];
        for (const [name, args, message] of cases) {
            it(name, async () => {
                const failed = await runUnderMocks({ config: regionConfig }, async () => {
                    new AlertTopic("alerts", args);
                });
                assert.strictEqual(failed.error?.message, message);
                assert.deepStrictEqual(
                    failed.resources.filter((r) => r.custom).map((r) => r.type),
                    [],
                );
            });
        }
    });
});
