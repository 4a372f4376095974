import * as assert from "assert";
import { unknownValue } from "../../../policy/lib/knownValues";
import { snsTopicNotPublic } from "../../../policy/policies";
import { FixtureResource, topicFixture } from "../../fixtures/policyResources";
import { allowEverything, simulate } from "../../support/iamSimulation";
import { validateResource } from "../policyHarness";

const topicArn = "arn:aws:sns:eu-west-1:111122223333:alerts-topic-0c5b1d2";

function topicPolicy(statements: unknown[]): FixtureResource {
    return {
        type: "aws:sns/topicPolicy:TopicPolicy",
        name: "alerts-topic-policy",
        urn: "urn:pulumi:dev::trailwatch::trailwatch:index:AlertTopic$aws:sns/topicPolicy:TopicPolicy::alerts-topic-policy",
        props: { arn: topicArn, policy: JSON.stringify({ Version: "2012-10-17", Statement: statements }) },
        propertyDependencies: {},
    };
}

const cloudWatchPublish = {
    Sid: "CloudWatchAlarmsPublish",
    Effect: "Allow",
    Principal: { Service: "cloudwatch.amazonaws.com" },
    Action: "SNS:Publish",
    Resource: topicArn,
    Condition: { ArnLike: { "aws:SourceArn": "arn:aws:cloudwatch:eu-west-1:111122223333:alarm:*" } },
};

const everyonePublish = {
    Sid: "Everyone",
    Effect: "Allow",
    Principal: { AWS: "*" },
    Action: "sns:*",
    Resource: topicArn,
};

describe("policy sns-topic-not-public", () => {
    it("accepts AlertTopic's policy, and everyone scoped to the account by aws:SourceOwner (SNS's default policy)", async () => {
        assert.deepStrictEqual(await validateResource(snsTopicNotPublic, topicPolicy([cloudWatchPublish])), []);
        const scoped = { ...everyonePublish, Condition: { StringEquals: { "AWS:SourceOwner": "111122223333" } } };
        assert.deepStrictEqual(await validateResource(snsTopicNotPublic, topicPolicy([scoped])), []);
    });

    it("skips a policy not known until the update (preview)", async () => {
        const policy = topicPolicy([]);
        policy.props.policy = unknownValue;
        assert.deepStrictEqual(await validateResource(snsTopicNotPublic, policy), []);
    });

    it("rejects everyone publishing, also with a condition that does not name the caller, and on the topic itself", async () => {
        const onlyTls = { ...everyonePublish, Condition: { Bool: { "aws:SecureTransport": "true" } } };
        assert.deepStrictEqual(await validateResource(snsTopicNotPublic, topicPolicy([cloudWatchPublish, onlyTls])), [
            'Topic policy "alerts-topic-policy" lets everyone publish (statement Everyone: Principal "*" without a ' +
                "condition naming its callers), so anyone can send fake alerts: allow cloudwatch.amazonaws.com with an " +
                "aws:SourceArn condition on this account's alarms instead (AlertTopic's topic policy does).",
        ]);
        const topic = topicFixture();
        topic.props.policy = JSON.stringify({
            Statement: [{ Effect: "Allow", Principal: "*", Action: "SNS:Publish" }],
        });
        assert.strictEqual((await validateResource(snsTopicNotPublic, topic)).length, 1);
    });

    it("rejects everyone publishing through a wildcard action (sns:Pub*) or a NotAction, as IAM allows it", async () => {
        const wildcards = [
            { ...everyonePublish, Sid: "PubWildcard", Action: "sns:Pub*" },
            { ...everyonePublish, Sid: "QuestionMark", Action: ["sns:Subscribe", "SNS:Publis?"] },
            { Sid: "AllButSubscribe", Effect: "Allow", Principal: "*", NotAction: "sns:Subscribe", Resource: topicArn },
        ];
        for (const statement of wildcards) {
            // Another account publishes a fake alert: an IAM engine nobody here wrote judges the statement.
            const decision = await simulate({
                principal: "arn:aws:iam::444455556666:user/mallory",
                action: "sns:Publish",
                resource: topicArn,
                resourceAccount: "111122223333",
                context: {},
                resourcePolicy: { name: "topic policy", document: { Version: "2012-10-17", Statement: [statement] } },
                identityPolicies: [allowEverything("mallory")],
            });
            assert.strictEqual(decision.result, "Allowed", decision.explain);
            const problems = await validateResource(snsTopicNotPublic, topicPolicy([cloudWatchPublish, statement]));
            assert.strictEqual(problems.length, 1, statement.Sid);
            assert.match(problems[0], new RegExp(`statement ${statement.Sid}: Principal "\\*"`));
        }
        const notPublish = { ...everyonePublish, Action: "sns:Subscribe" };
        const notActionPublish = { Effect: "Allow", Principal: "*", NotAction: "sns:Pub*", Resource: topicArn };
        assert.deepStrictEqual(
            await validateResource(snsTopicNotPublic, topicPolicy([notPublish, notActionPublish])),
            [],
        );
    });

    describe("a condition on a caller key that still lets another account publish is no scope", () => {
        // Mallory, in another account, publishes herself (IAM principal: no aws:Source* keys in the request) or through
        // an alarm of her own account (CloudWatch publishes for it, with aws:SourceArn and aws:SourceAccount: CloudWatch
        // User Guide, "Amazon SNS topic policy for alarm actions"). IAM's verdict comes from iam-simulate.
        const mallory = "arn:aws:iam::444455556666:user/mallory";
        const requests: { principal: string; context: Record<string, string> }[] = [
            {
                principal: mallory,
                context: {
                    "aws:PrincipalAccount": "444455556666",
                    "aws:PrincipalArn": mallory,
                    "aws:PrincipalOrgID": "o-mallory0001",
                },
            },
            {
                principal: "cloudwatch.amazonaws.com",
                context: {
                    "aws:SourceArn": "arn:aws:cloudwatch:eu-west-1:444455556666:alarm:fake",
                    "aws:SourceAccount": "444455556666",
                },
            },
            {
                // An alarm name may hold colons (CloudWatch API Reference, PutMetricAlarm: any character but ASCII
                // control characters): Mallory names hers after the victim's account.
                principal: "cloudwatch.amazonaws.com",
                context: {
                    "aws:SourceArn": "arn:aws:cloudwatch:eu-west-1:444455556666:alarm:x:111122223333:alarm:y",
                    "aws:SourceAccount": "444455556666",
                },
            },
        ];
        /** Whether some request of another account is allowed by the topic policy holding `statement`. */
        async function anotherAccountPublishes(statement: object): Promise<boolean> {
            for (const request of requests) {
                const decision = await simulate({
                    ...request,
                    action: "sns:Publish",
                    resource: topicArn,
                    resourceAccount: "111122223333",
                    resourcePolicy: {
                        name: "topic policy",
                        document: { Version: "2012-10-17", Statement: [statement] },
                    },
                    identityPolicies: request.principal.startsWith("arn:") ? [allowEverything("mallory")] : [],
                });
                if (decision.result === "Allowed") return true;
            }
            return false;
        }
        const withCondition = (sid: string, condition: object) => ({
            Sid: sid,
            Effect: "Allow",
            Principal: "*",
            Action: "SNS:Publish",
            Resource: topicArn,
            Condition: condition,
        });

        const open = [
            withCondition("NotEquals", { StringNotEquals: { "aws:SourceAccount": "111122223333" } }),
            withCondition("IfExists", { StringEqualsIfExists: { "aws:SourceAccount": "111122223333" } }),
            withCondition("ForAllValues", { "ForAllValues:StringEquals": { "aws:SourceOwner": "111122223333" } }),
            withCondition("AnyAccount", { StringLike: { "aws:SourceAccount": "*" } }),
            withCondition("AnyAlarm", { ArnLike: { "aws:SourceArn": "arn:aws:cloudwatch:*:*:alarm:*" } }),
            withCondition("AnyAccountsAlarm", {
                ArnEquals: { "aws:SourceArn": "arn:aws:cloudwatch:eu-west-1:*:alarm:*" },
            }),
            withCondition("Present", { Null: { "aws:SourceArn": "false" } }),
            withCondition("OneOfTwo", { StringLike: { "aws:PrincipalAccount": ["111122223333", "4444*"] } }),
            // StringLike's `*` matches colons too: the account field of this pattern is not the account field of the
            // ARN it matches.
            withCondition("StringLikeAcrossColons", {
                StringLike: { "aws:SourceArn": "arn:aws:cloudwatch:*:111122223333:alarm:*" },
            }),
            // A policy variable is replaced by the request's own value: the caller's account equals itself.
            withCondition("SourceAccountVariable", { StringEquals: { "aws:SourceAccount": "${aws:SourceAccount}" } }),
            withCondition("PrincipalAccountVariable", {
                StringEquals: { "aws:PrincipalAccount": "${aws:PrincipalAccount}" },
            }),
            withCondition("VariableWithDefault", {
                StringEquals: { "aws:SourceAccount": "${aws:SourceAccount, '111122223333'}" },
            }),
        ];

        it("a service principal (CloudWatch) without a condition naming the source is a violation", async () => {
            const anyAccountsAlarms: Record<string, unknown> = { ...cloudWatchPublish };
            delete anyAccountsAlarms.Condition;
            assert.ok(await anotherAccountPublishes(anyAccountsAlarms), "IAM lets another account's alarm publish");
            assert.deepStrictEqual(await validateResource(snsTopicNotPublic, topicPolicy([anyAccountsAlarms])), [
                'Topic policy "alerts-topic-policy" lets everyone publish (statement CloudWatchAlarmsPublish: Principal ' +
                    '{ Service: "cloudwatch.amazonaws.com" }, for any account, without a condition naming its callers), ' +
                    "so anyone can send fake alerts: allow cloudwatch.amazonaws.com with an aws:SourceArn condition on " +
                    "this account's alarms instead (AlertTopic's topic policy does).",
            ]);
            assert.ok(!(await anotherAccountPublishes(cloudWatchPublish)), "IAM lets no other account's alarm publish");
        });

        it("an Allow with NotPrincipal (everyone but the principals named) is a violation", async () => {
            // IAM User Guide, "AWS JSON policy elements: NotPrincipal": with Allow it "allows all principals except the
            // one named" (the older text; the page now says only that Allow with it "is not supported").
            const allButOwner = {
                Sid: "AllButTheOwner",
                Effect: "Allow",
                NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" },
                Action: "sns:Publish",
                Resource: topicArn,
            };
            assert.ok(await anotherAccountPublishes(allButOwner), "IAM lets another account publish");
            assert.deepStrictEqual(await validateResource(snsTopicNotPublic, topicPolicy([allButOwner])), [
                'Topic policy "alerts-topic-policy" lets everyone publish (statement AllButTheOwner: NotPrincipal, ' +
                    "everyone but the principals named, without a condition naming its callers), so anyone can send " +
                    "fake alerts: allow cloudwatch.amazonaws.com with an aws:SourceArn condition on this account's " +
                    "alarms instead (AlertTopic's topic policy does).",
            ]);
            const scopedAllBut = {
                ...allButOwner,
                Condition: { StringEquals: { "aws:PrincipalAccount": "111122223333" } },
            };
            assert.ok(!(await anotherAccountPublishes(scopedAllBut)), "IAM lets no other account publish");
            assert.deepStrictEqual(await validateResource(snsTopicNotPublic, topicPolicy([scopedAllBut])), []);
        });

        const scoped = [
            withCondition("ThisAccountsAlarms", {
                ArnLike: { "aws:SourceArn": "arn:aws:cloudwatch:eu-west-1:111122223333:alarm:*" },
            }),
            withCondition("ThisAccount", { StringLike: { "aws:SourceAccount": "111122223333" } }),
            withCondition("StringLikeAfterTheAccount", {
                StringLike: { "aws:SourceArn": "arn:aws:cloudwatch:eu-west-1:111122223333:alarm:*" },
            }),
            withCondition("ThisOrganization", { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }),
            withCondition("TheTopicOwnersAccount", {
                StringEquals: { "aws:PrincipalAccount": "${aws:ResourceAccount}" },
            }),
            withCondition("AnyValueOfThisAccount", {
                "ForAnyValue:StringEquals": { "aws:PrincipalAccount": "111122223333" },
            }),
            withCondition("TlsAndThisAccount", {
                Bool: { "aws:SecureTransport": "true" },
                StringEquals: { "aws:SourceOwner": "111122223333" },
            }),
        ];
        const cases = [...open.map((s) => [s, true] as const), ...scoped.map((s) => [s, false] as const)];
        for (const [statement, isOpen] of cases) {
            it(`${statement.Sid}: ${JSON.stringify(statement.Condition)} is ${isOpen ? "a violation" : "accepted"}`, async () => {
                // IAM's verdict first, then the policy's.
                assert.strictEqual(
                    await anotherAccountPublishes(statement),
                    isOpen,
                    "IAM's verdict on another account",
                );
                const problems = await validateResource(snsTopicNotPublic, topicPolicy([cloudWatchPublish, statement]));
                assert.strictEqual(problems.length, isOpen ? 1 : 0, JSON.stringify(problems));
                if (isOpen) {
                    assert.match(
                        problems[0],
                        new RegExp(`statement ${statement.Sid}: Principal "\\*" without a condition naming`),
                    );
                }
            });
        }
    });
});
