import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PolicyDocument } from "../trail/trailPolicies";

/** Arguments of {@link AlertTopic}. */
export interface AlertTopicArgs {
    /**
     * Name of the SNS topic.
     * @default auto-named from the component's name
     */
    topicName?: string;
    /**
     * Alias of the topic's KMS key, starting with `alias/` (names under `alias/aws/` are reserved for AWS managed
     * keys, which CloudWatch cannot use).
     * @default "alias/" followed by the component's name
     */
    keyAlias?: string;
    /**
     * Days KMS waits before deleting the key once its deletion is scheduled (7-30): the window in which a mistaken
     * `pulumi destroy` can still be undone with `aws kms cancel-key-deletion`.
     * @default 30
     */
    keyDeletionWindowInDays?: number;
    /**
     * Tags applied to the key and the topic.
     * @default none
     */
    tags?: Record<string, string>;
}

/** A problem with one {@link AlertTopicArgs} value. */
export class AlertTopicArgsError extends Error {
    constructor(
        public readonly arg: string,
        public readonly reason: string,
    ) {
        super(`AlertTopic: ${arg}: ${reason}`);
        this.name = "AlertTopicArgsError";
    }
}

const topicNamePattern = /^[A-Za-z0-9_-]{1,256}$/;
const keyAliasPattern = /^alias\/[A-Za-z0-9/_-]{1,250}$/;

/**
 * The SNS topic CloudWatch alarms notify, encrypted with a customer-managed KMS key (rotated yearly) that CloudWatch is
 * allowed to use. With the AWS managed key `alias/aws/sns` CloudWatch cannot encrypt its notifications and drops them
 * without an error anywhere, so no such option exists. The topic policy admits, of all AWS services, only CloudWatch
 * alarms of this account and region; no other account may publish. Within this account an IAM user or role whose
 * own identity policy allows `sns:Publish` on the topic (and `kms:GenerateDataKey*` on the key) can publish too: the
 * topic policy cannot take that away without also locking out the account's administrators. Requests without TLS are
 * denied. Subscribe Opsgenie (or anything else) to `topicArn`.
 */
export class AlertTopic extends pulumi.ComponentResource {
    /** The SNS topic. */
    public readonly topic: aws.sns.Topic;
    /** The customer-managed KMS key that encrypts the topic. */
    public readonly key: aws.kms.Key;
    /** ARN of the topic; resolves once the topic policy is in place, so alarms never publish into a closed topic. */
    public readonly topicArn: pulumi.Output<string>;
    /** Name of the topic. */
    public readonly topicName: pulumi.Output<string>;
    /** ARN of the KMS key. */
    public readonly keyArn: pulumi.Output<string>;
    /** The key's alias, e.g. `alias/alerts`. */
    public readonly keyAlias: string;

    constructor(name: string, args: AlertTopicArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        // Validated before the component registers: bad arguments leave nothing half-created.
        const keyAlias = args.keyAlias ?? `alias/${name}`;
        const deletionWindow = args.keyDeletionWindowInDays ?? 30;
        checkAlertTopicArgs({ ...args, keyAlias, keyDeletionWindowInDays: deletionWindow });
        super("trailwatch:index:AlertTopic", name, args, opts);
        const parent = { parent: this };

        const partition = aws.getPartitionOutput({}, parent).partition;
        const region = aws.getRegionOutput({}, parent).region;
        const accountId = aws.getCallerIdentityOutput({}, parent).accountId;

        this.key = new aws.kms.Key(
            `${name}-key`,
            {
                description: `Encrypts the alert topic of ${name}; CloudWatch alarms of this account may use it`,
                enableKeyRotation: true,
                deletionWindowInDays: deletionWindow,
                policy: pulumi
                    .all([partition, accountId])
                    .apply(([p, account]) => JSON.stringify(alertKeyPolicy({ partition: p, accountId: account }))),
                tags: args.tags,
            },
            parent,
        );
        new aws.kms.Alias(`${name}-key-alias`, { name: keyAlias, targetKeyId: this.key.keyId }, parent);

        this.topic = new aws.sns.Topic(
            `${name}-topic`,
            { name: args.topicName, kmsMasterKeyId: this.key.arn, tags: args.tags },
            parent,
        );
        const topicPolicy = new aws.sns.TopicPolicy(
            `${name}-topic-policy`,
            {
                arn: this.topic.arn,
                policy: pulumi
                    .all([this.topic.arn, partition, region, accountId])
                    .apply(([topicArn, p, r, account]) =>
                        JSON.stringify(alertTopicPolicy({ topicArn, partition: p, region: r, accountId: account })),
                    ),
            },
            parent,
        );

        // Whoever composes with the topic (alarms, the Opsgenie subscription) waits for the policy that lets
        // CloudWatch publish: an alarm firing before it would be dropped.
        this.topicArn = pulumi.all([this.topic.arn, topicPolicy.id]).apply(([arn]) => arn);
        this.topicName = this.topic.name;
        this.keyArn = this.key.arn;
        this.keyAlias = keyAlias;
        this.registerOutputs({
            topicArn: this.topicArn,
            topicName: this.topicName,
            keyArn: this.keyArn,
            keyAlias: this.keyAlias,
        });
    }
}

/** Throws the first {@link AlertTopicArgs} value AWS would reject, before any child resource is created. */
function checkAlertTopicArgs(args: AlertTopicArgs & { keyAlias: string; keyDeletionWindowInDays: number }): void {
    if (args.topicName !== undefined && !topicNamePattern.test(args.topicName)) {
        throw new AlertTopicArgsError(
            "topicName",
            `"${args.topicName}" is not an SNS topic name (1-256 letters, digits, - and _)`,
        );
    }
    if (args.keyAlias.startsWith("alias/aws/")) {
        throw new AlertTopicArgsError(
            "keyAlias",
            `"${args.keyAlias}" is reserved for AWS managed keys; CloudWatch alarms cannot use those to publish, so choose another alias`,
        );
    }
    if (!keyAliasPattern.test(args.keyAlias)) {
        throw new AlertTopicArgsError(
            "keyAlias",
            `"${args.keyAlias}" is not a KMS alias (alias/ followed by letters, digits, /, _ and -)`,
        );
    }
    const days = args.keyDeletionWindowInDays;
    if (!Number.isInteger(days) || days < 7 || days > 30) {
        throw new AlertTopicArgsError("keyDeletionWindowInDays", `${days} is not a whole number of days from 7 to 30`);
    }
}

/**
 * The key policy: the account administers the key (through IAM policies, as for any key: so identities of this account
 * whose IAM policies allow it may use the key too), and CloudWatch may use it to encrypt alarm notifications — the
 * permission an encrypted topic needs from an AWS service that publishes to it (SNS Developer Guide, "Managing Amazon
 * SNS encryption keys and costs", "Enable compatibility between event sources from AWS services and encrypted topics":
 * `cloudwatch.amazonaws.com`, `kms:Decrypt` and `kms:GenerateDataKey*`).
 *
 * No condition on the CloudWatch statement: the AWS pages found do not document that CloudWatch sends `aws:SourceAccount` or
 * `aws:SourceArn` when it calls KMS for an alarm action, and a condition on a key the service does not send would drop
 * every notification silently. The key is only ever used for this topic, and the topic policy admits only this
 * account's alarms, so an alarm of another account cannot reach the key through it.
 */
export function alertKeyPolicy(p: { partition: string; accountId: string }): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "AccountAdministersKey",
                Effect: "Allow",
                Principal: { AWS: `arn:${p.partition}:iam::${p.accountId}:root` },
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
                // aws:SecureTransport is a global key present in every request (IAM User Guide, "AWS global condition
                // context keys"); KMS endpoints speak only TLS, and this says so in the policy a reviewer reads.
                Sid: "DenyInsecureTransport",
                Effect: "Deny",
                Principal: "*",
                Action: "kms:*",
                Resource: "*",
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
        ],
    };
}

/**
 * The topic policy: of the AWS services, only CloudWatch alarms of this account and region may publish; the account
 * keeps managing the topic and its subscriptions (so the Opsgenie subscription can be created); publishing without
 * TLS is denied. No other account may publish. Identities of this account publish when their own IAM policies allow
 * it (same-account access needs an allow in either policy, IAM User Guide "Policy evaluation logic"); that is how
 * `trailwatch drill` and an administrator reach the topic, and it is not closed here.
 */
export function alertTopicPolicy(p: {
    topicArn: string;
    partition: string;
    region: string;
    accountId: string;
}): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "CloudWatchAlarmsPublish",
                Effect: "Allow",
                Principal: { Service: "cloudwatch.amazonaws.com" },
                Action: "SNS:Publish",
                Resource: p.topicArn,
                // aws:SourceArn (the alarm's ARN, which names the account and region) is sent by CloudWatch to SNS: AWS
                // re:Post Knowledge Center, "Why didn't I receive an SNS notification for my CloudWatch alarm trigger?"
                // (ArnLike aws:SourceArn arn:aws:cloudwatch:<region>:<account>:alarm:<name>), and the SNS Developer
                // Guide, "Example cases for Amazon SNS access control". No page found documents aws:SourceAccount for
                // CloudWatch alarm actions, so it is not used; the ARN already names the account.
                Condition: {
                    ArnLike: { "aws:SourceArn": `arn:${p.partition}:cloudwatch:${p.region}:${p.accountId}:alarm:*` },
                },
            },
            {
                Sid: "AccountManagesTopic",
                Effect: "Allow",
                Principal: { AWS: `arn:${p.partition}:iam::${p.accountId}:root` },
                Action: [
                    "SNS:GetTopicAttributes",
                    "SNS:SetTopicAttributes",
                    "SNS:AddPermission",
                    "SNS:RemovePermission",
                    "SNS:DeleteTopic",
                    "SNS:Subscribe",
                    "SNS:ListSubscriptionsByTopic",
                ],
                Resource: p.topicArn,
            },
            {
                // aws:SecureTransport is a global key present in every request (IAM User Guide, "AWS global condition
                // context keys"); the SNS Developer Guide's "Amazon SNS security best practices" enforce TLS this way.
                Sid: "DenyInsecureTransport",
                Effect: "Deny",
                Principal: "*",
                Action: "SNS:Publish",
                Resource: p.topicArn,
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
        ],
    };
}
