import * as assert from "assert";
import { auditTrailKeyPolicyStatements, PolicyDocument } from "@trailwatch/components";
import { offlineAccountId, offlineOrganization } from "../../cli/engines/offline/offlineMocks";
import { ProgramRun, RecordedResource, runProgram } from "../../cli/engines/offline/runProgram";
import { listStacks, readStackFile } from "../../cli/engines/offline/stackFile";
import { NamedPolicy, simulate, SimulatedRequest } from "../support/iamSimulation";
import { stackConfigWithoutOnCall } from "../support/offlineStackConfig";
import { onlyResource } from "../support/recordedResources";
import { projectDir } from "../support/repositoryPaths";

// Every policy document the program registers, for every stack in stacks/, judged by an IAM engine nobody here
// wrote (@cloud-copilot/iam-simulate): the requests AWS services make, with the request context AWS documents,
// must be allowed by the statement meant for them; the requests that must fail must fail. What this cannot prove:
// that AWS sends exactly this context (the pages cited per request say it does) or that the engine matches AWS in
// every corner; a real account does, with `trailwatch drill`.
//
// The program runs under the offline mocks: account 111122223333, the stack's region, physical names and ARNs
// shaped as AWS shapes them. An organization trail is simulated from a delegated administrator account (the
// mocks' AWS Organizations reports 444455556666 as the management account, which owns the trail).

const account = offlineAccountId;
const otherAccount = "999988887777";
const management = offlineOrganization.managementAccountId;
const organizationId = offlineOrganization.id;

/** What a stack's run registered, and the names and ARNs AWS would give its resources. */
interface StackFacts {
    region: string;
    trailArn: string;
    /** The program's `trailArn` output, as the offline mocks resolve it. */
    trailArnOutput: string;
    /** The account that owns the trail: this one, or the management account for an organization trail. */
    trailOwner: string;
    bucketArn: string;
    logGroupArn: string;
    roleArn: string;
    topicArn: string;
    alertKeyArn: string;
    alarmArn: string;
    kmsKeyArn?: string;
    policies: {
        bucket: NamedPolicy;
        trust: NamedPolicy;
        role: NamedPolicy;
        topic: NamedPolicy;
        alertKey: NamedPolicy;
        /** The statements the README tells the owner of `kmsKeyArn` to add, in a key policy with the account's. */
        trailKey?: NamedPolicy;
    };
}

function documentOf(resource: RecordedResource, input: string, name: string): NamedPolicy {
    return { name, document: JSON.parse(resource.inputs[input] as string) };
}

async function factsOf(stack: string, overrides: Record<string, string> = {}): Promise<StackFacts> {
    const config = stackConfigWithoutOnCall(stack, overrides);
    const run: ProgramRun = await runProgram({ projectDir, stack, config });
    if (run.error !== undefined) throw run.error;
    const region = config.values["aws:region"] ?? "us-east-1";
    const trail = onlyResource(run, "aws:cloudtrail/trail:Trail");
    const trailOwner = trail.inputs.isOrganizationTrail === true ? management : account;
    // The ARN CloudTrail gives the trail (CloudTrail API Reference, "Trail": arn:aws:cloudtrail:<home region>:<owner>:trail/<name>).
    const trailArn = `arn:aws:cloudtrail:${region}:${trailOwner}:trail/${trail.inputs.name as string}`;
    const bucketName = onlyResource(run, "aws:s3/bucket:Bucket").inputs.bucket ?? run.outputs.bucketName;
    const logGroupName = onlyResource(run, "aws:cloudwatch/logGroup:LogGroup").inputs.name as string;
    const alarms = run.resources.filter((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm");
    assert.ok(alarms.length > 0, "the stack registers alarms");
    const kmsKeyArn = config.values["trailwatch:kmsKeyArn"];
    const logGroupArn = `arn:aws:logs:${region}:${account}:log-group:${logGroupName}`;
    const role = onlyResource(run, "aws:iam/role:Role");
    const facts: StackFacts = {
        region,
        trailArn,
        trailArnOutput: run.outputs.trailArn as string,
        trailOwner,
        bucketArn: `arn:aws:s3:::${bucketName as string}`,
        logGroupArn,
        roleArn: run.outputs.cloudWatchLogsRoleArn as string,
        topicArn: run.outputs.alertTopicArn as string,
        alertKeyArn: run.outputs.alertKeyArn as string,
        alarmArn: `arn:aws:cloudwatch:${region}:${account}:alarm:${alarms[0].inputs.name as string}`,
        kmsKeyArn,
        policies: {
            bucket: documentOf(onlyResource(run, "aws:s3/bucketPolicy:BucketPolicy"), "policy", "bucket policy"),
            trust: documentOf(role, "assumeRolePolicy", "role trust policy"),
            role: documentOf(onlyResource(run, "aws:iam/rolePolicy:RolePolicy"), "policy", "role permissions"),
            topic: documentOf(onlyResource(run, "aws:sns/topicPolicy:TopicPolicy"), "policy", "topic policy"),
            alertKey: documentOf(onlyResource(run, "aws:kms/key:Key"), "policy", "alert key policy"),
        },
    };
    assert.match(facts.roleArn, new RegExp(`^arn:aws:iam::${account}:role/`));
    assert.match(facts.topicArn, new RegExp(`^arn:aws:sns:${region}:${account}:`));
    assert.match(facts.alertKeyArn, new RegExp(`^arn:aws:kms:${region}:${account}:key/[0-9a-f-]{36}$`));
    if (kmsKeyArn !== undefined) {
        const keyPolicy: PolicyDocument = {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "AccountAdministersKey",
                    Effect: "Allow",
                    Principal: { AWS: `arn:aws:iam::${account}:root` },
                    Action: "kms:*",
                    Resource: "*",
                },
                ...auditTrailKeyPolicyStatements({
                    partition: "aws",
                    region,
                    trailArn,
                    trailOwnerAccountId: trailOwner,
                    logGroupArn,
                }),
            ],
        };
        facts.policies.trailKey = { name: "trail key policy", document: keyPolicy };
    }
    return facts;
}

/** An administrator of the account the request's principal belongs to (AdministratorAccess). */
const administrator: NamedPolicy = {
    name: "administrator policy",
    document: {
        Version: "2012-10-17",
        Statement: [{ Sid: "Everything", Effect: "Allow", Action: "*", Resource: "*" }],
    },
};

type Expected = "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied";

/** One row of the table: a request, what must happen, and the statement(s) that must decide it. */
interface Case {
    request: string;
    expect: Expected;
    /** `policy name: Sid` of the deciding statements; empty for an implicit deny (no statement allows it). */
    decidedBy: string[];
    /** Only for stacks that set `kmsKeyArn` (the trail key policy). */
    when?: "trailKey";
    // The request, field by field: a value, or how to compute it from the stack's facts. The resource is always
    // one of this account's (resourceAccount).
    principal: Field<string>;
    action: string;
    resource: Field<string>;
    context: Field<SimulatedRequest["context"]>;
    /** The stack's resource policy that governs the resource, if any. */
    resourcePolicy?: keyof StackFacts["policies"];
    /** The principal's IAM policies: the administrator's, or one of the stack's (by name). */
    identityPolicies?: (NamedPolicy | keyof StackFacts["policies"])[];
}

type Field<T> = T | ((f: StackFacts) => T);

/** The request a case describes, for one stack's facts. */
function requestOf(c: Case, f: StackFacts): SimulatedRequest {
    const value = <T>(field: Field<T>): T => (typeof field === "function" ? (field as (f: StackFacts) => T)(f) : field);
    const policy = (name: keyof StackFacts["policies"]): NamedPolicy => {
        const named = f.policies[name];
        if (named === undefined) throw new Error(`${c.request}: the stack has no ${name} policy`);
        return named;
    };
    return {
        principal: value(c.principal),
        action: c.action,
        resource: value(c.resource),
        resourceAccount: account,
        context: value(c.context),
        resourcePolicy: c.resourcePolicy === undefined ? undefined : policy(c.resourcePolicy),
        identityPolicies: c.identityPolicies?.map((p) => (typeof p === "string" ? policy(p) : p)),
    };
}

const tls = { "aws:SecureTransport": "true" };
const noTls = { "aws:SecureTransport": "false" };
const logFileKey = (f: StackFacts, prefix: string) =>
    `${f.bucketArn}/${prefix}/CloudTrail/${f.region}/2026/12/01/${account}_CloudTrail_${f.region}_20261201T1505Z_a1b2c3d4e5f6g7h8.json.gz`;

// What CloudTrail sends when it checks and writes the bucket: aws:SourceArn (its trail) and aws:SourceAccount
// (CloudTrail User Guide, "Amazon S3 bucket policy for CloudTrail" and "Cross-service confused deputy prevention"),
// and the canned ACL bucket-owner-full-control on PutObject (the same page's policy conditions on it).
/** A trail of the same name in another account. */
const anotherAccountsTrail = (f: StackFacts) => `arn:aws:cloudtrail:${f.region}:${otherAccount}:trail/trailwatch`;
const fromTrail = (f: StackFacts, trailArn = f.trailArn) => ({
    ...tls,
    "aws:SourceArn": trailArn,
    "aws:SourceAccount": trailArn.split(":")[4],
});

const cases: Case[] = [
    // The archive bucket.
    {
        request: "CloudTrail GetBucketAcl on the archive bucket, for this trail",
        expect: "Allowed",
        decidedBy: ["bucket policy: AWSCloudTrailAclCheck"],
        principal: "cloudtrail.amazonaws.com",
        action: "s3:GetBucketAcl",
        resource: (f) => f.bucketArn,
        context: (f) => fromTrail(f),
        resourcePolicy: "bucket",
    },
    {
        request: "CloudTrail PutObject of a log file under AWSLogs/<trail owner>/, for this trail",
        expect: "Allowed",
        decidedBy: ["bucket policy: AWSCloudTrailWrite"],
        principal: "cloudtrail.amazonaws.com",
        action: "s3:PutObject",
        resource: (f) => logFileKey(f, `AWSLogs/${f.trailOwner}`),
        context: (f) => ({ ...fromTrail(f), "s3:x-amz-acl": "bucket-owner-full-control" }),
        resourcePolicy: "bucket",
    },
    {
        request: "CloudTrail PutObject of a digest file (log file validation), for this trail",
        expect: "Allowed",
        decidedBy: ["bucket policy: AWSCloudTrailWrite"],
        principal: "cloudtrail.amazonaws.com",
        action: "s3:PutObject",
        resource: (f) =>
            `${f.bucketArn}/AWSLogs/${f.trailOwner}/CloudTrail-Digest/${f.region}/2026/12/01/${account}_CloudTrail-Digest_${f.region}_trailwatch_${f.region}_20261201T150000Z.json.gz`,
        context: (f) => ({ ...fromTrail(f), "s3:x-amz-acl": "bucket-owner-full-control" }),
        resourcePolicy: "bucket",
    },
    {
        request: "another account's trail PutObject into the archive",
        expect: "ImplicitlyDenied",
        decidedBy: [],
        principal: "cloudtrail.amazonaws.com",
        action: "s3:PutObject",
        resource: (f) => logFileKey(f, `AWSLogs/${f.trailOwner}`),
        context: (f) => ({
            ...fromTrail(f, anotherAccountsTrail(f)),
            "s3:x-amz-acl": "bucket-owner-full-control",
        }),
        resourcePolicy: "bucket",
    },
    {
        request: "another account's trail GetBucketAcl on the archive bucket",
        expect: "ImplicitlyDenied",
        decidedBy: [],
        principal: "cloudtrail.amazonaws.com",
        action: "s3:GetBucketAcl",
        resource: (f) => f.bucketArn,
        context: (f) => fromTrail(f, anotherAccountsTrail(f)),
        resourcePolicy: "bucket",
    },
    {
        request: "this trail PutObject outside AWSLogs/<trail owner>/ (another account's path)",
        expect: "ImplicitlyDenied",
        decidedBy: [],
        principal: "cloudtrail.amazonaws.com",
        action: "s3:PutObject",
        resource: (f) => logFileKey(f, `AWSLogs/${otherAccount}`),
        context: (f) => ({ ...fromTrail(f), "s3:x-amz-acl": "bucket-owner-full-control" }),
        resourcePolicy: "bucket",
    },
    {
        request: "this trail PutObject at the bucket's top level",
        expect: "ImplicitlyDenied",
        decidedBy: [],
        principal: "cloudtrail.amazonaws.com",
        action: "s3:PutObject",
        resource: (f) => `${f.bucketArn}/index.html`,
        context: (f) => fromTrail(f),
        resourcePolicy: "bucket",
    },
    {
        request: "another service (AWS Config) PutObject under AWSLogs/<trail owner>/",
        expect: "ImplicitlyDenied",
        decidedBy: [],
        principal: "config.amazonaws.com",
        action: "s3:PutObject",
        resource: (f) => logFileKey(f, `AWSLogs/${f.trailOwner}`),
        context: (f) => ({ ...fromTrail(f), "s3:x-amz-acl": "bucket-owner-full-control" }),
        resourcePolicy: "bucket",
    },
    {
        request: "CloudTrail GetObject of a log file (it only writes)",
        expect: "ImplicitlyDenied",
        decidedBy: [],
        principal: "cloudtrail.amazonaws.com",
        action: "s3:GetObject",
        resource: (f) => logFileKey(f, `AWSLogs/${f.trailOwner}`),
        context: (f) => fromTrail(f),
        resourcePolicy: "bucket",
    },
    {
        request: "a cross-account reader (administrator of another account) GetObject of a log file",
        expect: "ImplicitlyDenied",
        decidedBy: [],
        principal: `arn:aws:iam::${otherAccount}:role/auditor`,
        action: "s3:GetObject",
        resource: (f) => logFileKey(f, `AWSLogs/${f.trailOwner}`),
        context: tls,
        resourcePolicy: "bucket",
        identityPolicies: [administrator],
    },
    {
        request: "an administrator of this account GetObject of a log file over TLS",
        expect: "Allowed",
        decidedBy: ["administrator policy: Everything"],
        principal: `arn:aws:iam::${account}:role/security-admin`,
        action: "s3:GetObject",
        resource: (f) => logFileKey(f, `AWSLogs/${f.trailOwner}`),
        context: tls,
        resourcePolicy: "bucket",
        identityPolicies: [administrator],
    },
    {
        request: "an administrator of this account GetObject without TLS",
        expect: "ExplicitlyDenied",
        decidedBy: ["bucket policy: DenyInsecureTransport"],
        principal: `arn:aws:iam::${account}:role/security-admin`,
        action: "s3:GetObject",
        resource: (f) => logFileKey(f, `AWSLogs/${f.trailOwner}`),
        context: noTls,
        resourcePolicy: "bucket",
        identityPolicies: [administrator],
    },
    {
        request: "CloudTrail PutObject for this trail without TLS",
        expect: "ExplicitlyDenied",
        decidedBy: ["bucket policy: DenyInsecureTransport"],
        principal: "cloudtrail.amazonaws.com",
        action: "s3:PutObject",
        resource: (f) => logFileKey(f, `AWSLogs/${f.trailOwner}`),
        context: (f) => ({ ...fromTrail(f), ...noTls, "s3:x-amz-acl": "bucket-owner-full-control" }),
        resourcePolicy: "bucket",
    },

    // The CloudWatch Logs delivery role: its trust policy (a resource policy on the role) and its permissions.
    {
        request: "CloudTrail AssumeRole of the delivery role",
        expect: "Allowed",
        decidedBy: ["role trust policy: 1"],
        principal: "cloudtrail.amazonaws.com",
        action: "sts:AssumeRole",
        resource: (f) => f.roleArn,
        context: tls,
        resourcePolicy: "trust",
    },
    {
        // CloudTrail User Guide, "Role policy document for CloudTrail to use CloudWatch Logs for monitoring": confused
        // deputy prevention is not applicable to this role; what another trail could do with it is what the
        // permissions allow, which is writing to this log group only.
        request:
            "CloudTrail AssumeRole of the delivery role, for another account's trail (not restrictable: AWS supports no condition here)",
        expect: "Allowed",
        decidedBy: ["role trust policy: 1"],
        principal: "cloudtrail.amazonaws.com",
        action: "sts:AssumeRole",
        resource: (f) => f.roleArn,
        context: (f) => fromTrail(f, anotherAccountsTrail(f)),
        resourcePolicy: "trust",
    },
    {
        request: "another service (Lambda) AssumeRole of the delivery role",
        expect: "ImplicitlyDenied",
        decidedBy: [],
        principal: "lambda.amazonaws.com",
        action: "sts:AssumeRole",
        resource: (f) => f.roleArn,
        context: tls,
        resourcePolicy: "trust",
    },
    {
        request: "an administrator of another account AssumeRole of the delivery role",
        expect: "ImplicitlyDenied",
        decidedBy: [],
        principal: `arn:aws:iam::${otherAccount}:role/admin`,
        action: "sts:AssumeRole",
        resource: (f) => f.roleArn,
        context: tls,
        resourcePolicy: "trust",
        identityPolicies: [administrator],
    },
    {
        request: "the delivery role CreateLogStream in the trail's log group",
        expect: "Allowed",
        decidedBy: ["role permissions: AWSCloudTrailDeliverToLogGroup"],
        principal: (f) => f.roleArn,
        action: "logs:CreateLogStream",
        resource: (f) => `${f.logGroupArn}:log-stream:${account}_CloudTrail_${f.region}`,
        context: tls,
        identityPolicies: ["role"],
    },
    {
        request: "the delivery role PutLogEvents to the trail's log group",
        expect: "Allowed",
        decidedBy: ["role permissions: AWSCloudTrailDeliverToLogGroup"],
        principal: (f) => f.roleArn,
        action: "logs:PutLogEvents",
        resource: (f) => `${f.logGroupArn}:log-stream:${account}_CloudTrail_${f.region}`,
        context: tls,
        identityPolicies: ["role"],
    },
    {
        request: "the delivery role PutLogEvents to another log group",
        expect: "ImplicitlyDenied",
        decidedBy: [],
        principal: (f) => f.roleArn,
        action: "logs:PutLogEvents",
        resource: (f) => `arn:aws:logs:${f.region}:${account}:log-group:application-logs:log-stream:web-1`,
        context: tls,
        identityPolicies: ["role"],
    },
    {
        request: "the delivery role DeleteLogStream in the trail's log group (another action)",
        expect: "ImplicitlyDenied",
        decidedBy: [],
        principal: (f) => f.roleArn,
        action: "logs:DeleteLogStream",
        resource: (f) => `${f.logGroupArn}:log-stream:${account}_CloudTrail_${f.region}`,
        context: tls,
        identityPolicies: ["role"],
    },

    // The alert topic. CloudWatch sends aws:SourceArn (the alarm) when an alarm action publishes (AWS re:Post
    // Knowledge Center, "Why didn't I receive an SNS notification for my CloudWatch alarm trigger?").
    {
        request: "a CloudWatch alarm of this account and region Publish to the alert topic",
        expect: "Allowed",
        decidedBy: ["topic policy: CloudWatchAlarmsPublish"],
        principal: "cloudwatch.amazonaws.com",
        action: "sns:Publish",
        resource: (f) => f.topicArn,
        context: (f) => ({ ...tls, "aws:SourceArn": f.alarmArn, "aws:SourceAccount": account }),
        resourcePolicy: "topic",
    },
    {
        request: "a CloudWatch alarm of another account Publish to the alert topic",
        expect: "ImplicitlyDenied",
        decidedBy: [],
        principal: "cloudwatch.amazonaws.com",
        action: "sns:Publish",
        resource: (f) => f.topicArn,
        context: (f) => ({
            ...tls,
            "aws:SourceArn": `arn:aws:cloudwatch:${f.region}:${otherAccount}:alarm:root-usage`,
            "aws:SourceAccount": otherAccount,
        }),
        resourcePolicy: "topic",
    },
    {
        request: "a CloudWatch alarm of this account in another region Publish to the alert topic",
        expect: "ImplicitlyDenied",
        decidedBy: [],
        principal: "cloudwatch.amazonaws.com",
        action: "sns:Publish",
        resource: (f) => f.topicArn,
        context: (f) => ({
            ...tls,
            "aws:SourceArn": `arn:aws:cloudwatch:${f.region === "ap-south-1" ? "eu-north-1" : "ap-south-1"}:${account}:alarm:root-usage`,
            "aws:SourceAccount": account,
        }),
        resourcePolicy: "topic",
    },
    {
        request: "another service (EventBridge) Publish to the alert topic",
        expect: "ImplicitlyDenied",
        decidedBy: [],
        principal: "events.amazonaws.com",
        action: "sns:Publish",
        resource: (f) => f.topicArn,
        context: (f) => ({
            ...tls,
            "aws:SourceArn": `arn:aws:events:${f.region}:${account}:rule/anything`,
            "aws:SourceAccount": account,
        }),
        resourcePolicy: "topic",
    },
    {
        request: "an administrator of another account Publish to the alert topic",
        expect: "ImplicitlyDenied",
        decidedBy: [],
        principal: `arn:aws:iam::${otherAccount}:role/admin`,
        action: "sns:Publish",
        resource: (f) => f.topicArn,
        context: tls,
        resourcePolicy: "topic",
        identityPolicies: [administrator],
    },
    {
        // What the topic policy's comment says: within the account, an identity whose IAM policy allows it publishes.
        request: "an identity of this account whose IAM policy allows sns:Publish, over TLS",
        expect: "Allowed",
        decidedBy: ["administrator policy: Everything"],
        principal: `arn:aws:iam::${account}:role/security-admin`,
        action: "sns:Publish",
        resource: (f) => f.topicArn,
        context: tls,
        resourcePolicy: "topic",
        identityPolicies: [administrator],
    },
    {
        request: "an identity of this account with no IAM policy Publish to the alert topic",
        expect: "ImplicitlyDenied",
        decidedBy: [],
        principal: `arn:aws:iam::${account}:role/developer`,
        action: "sns:Publish",
        resource: (f) => f.topicArn,
        context: tls,
        resourcePolicy: "topic",
    },
    {
        request: "an administrator of this account Publish without TLS",
        expect: "ExplicitlyDenied",
        decidedBy: ["topic policy: DenyInsecureTransport"],
        principal: `arn:aws:iam::${account}:role/security-admin`,
        action: "sns:Publish",
        resource: (f) => f.topicArn,
        context: noTls,
        resourcePolicy: "topic",
        identityPolicies: [administrator],
    },

    // The alert topic's key: CloudWatch needs kms:GenerateDataKey* and kms:Decrypt to publish to an encrypted topic
    // (SNS Developer Guide, "Enable compatibility between event sources from AWS services and encrypted topics").
    {
        request: "CloudWatch (an alarm action) GenerateDataKey with the alert key",
        expect: "Allowed",
        decidedBy: ["alert key policy: CloudWatchAlarmsUseKey"],
        principal: "cloudwatch.amazonaws.com",
        action: "kms:GenerateDataKey",
        resource: (f) => f.alertKeyArn,
        context: tls,
        resourcePolicy: "alertKey",
    },
    {
        request: "CloudWatch (an alarm action) Decrypt with the alert key",
        expect: "Allowed",
        decidedBy: ["alert key policy: CloudWatchAlarmsUseKey"],
        principal: "cloudwatch.amazonaws.com",
        action: "kms:Decrypt",
        resource: (f) => f.alertKeyArn,
        context: tls,
        resourcePolicy: "alertKey",
    },
    {
        request: "CloudWatch ScheduleKeyDeletion of the alert key (it may only use it)",
        expect: "ImplicitlyDenied",
        decidedBy: [],
        principal: "cloudwatch.amazonaws.com",
        action: "kms:ScheduleKeyDeletion",
        resource: (f) => f.alertKeyArn,
        context: tls,
        resourcePolicy: "alertKey",
    },
    {
        request: "another service (EventBridge) GenerateDataKey with the alert key",
        expect: "ImplicitlyDenied",
        decidedBy: [],
        principal: "events.amazonaws.com",
        action: "kms:GenerateDataKey",
        resource: (f) => f.alertKeyArn,
        context: tls,
        resourcePolicy: "alertKey",
    },
    {
        request: "an administrator of another account Decrypt with the alert key",
        expect: "ImplicitlyDenied",
        decidedBy: [],
        principal: `arn:aws:iam::${otherAccount}:role/admin`,
        action: "kms:Decrypt",
        resource: (f) => f.alertKeyArn,
        context: tls,
        resourcePolicy: "alertKey",
        identityPolicies: [administrator],
    },
    {
        request:
            "an administrator of this account DescribeKey on the alert key (the account administers it through IAM)",
        expect: "Allowed",
        decidedBy: ["administrator policy: Everything", "alert key policy: AccountAdministersKey"],
        principal: `arn:aws:iam::${account}:role/security-admin`,
        action: "kms:DescribeKey",
        resource: (f) => f.alertKeyArn,
        context: tls,
        resourcePolicy: "alertKey",
        identityPolicies: [administrator],
    },
    {
        request: "CloudWatch GenerateDataKey with the alert key without TLS",
        expect: "ExplicitlyDenied",
        decidedBy: ["alert key policy: DenyInsecureTransport"],
        principal: "cloudwatch.amazonaws.com",
        action: "kms:GenerateDataKey",
        resource: (f) => f.alertKeyArn,
        context: noTls,
        resourcePolicy: "alertKey",
    },

    // The customer-managed key of `kmsKeyArn` (trail log files, bucket, log group), with the statements
    // auditTrailKeyPolicyStatements() documents: CloudTrail sends aws:SourceArn and the encryption context
    // aws:cloudtrail:arn (CloudTrail User Guide, "Configure AWS KMS key policies for CloudTrail"); CloudWatch Logs
    // sends the encryption context aws:logs:arn (CloudWatch Logs User Guide, "Encrypt log data in CloudWatch Logs
    // using AWS Key Management Service").
    {
        request: "CloudTrail GenerateDataKey with the trail key, for this trail",
        expect: "Allowed",
        decidedBy: ["trail key policy: AllowCloudTrailToEncryptLogs"],
        when: "trailKey",
        principal: "cloudtrail.amazonaws.com",
        action: "kms:GenerateDataKey",
        resource: (f) => f.kmsKeyArn as string,
        context: (f) => ({ ...fromTrail(f), "kms:EncryptionContext:aws:cloudtrail:arn": f.trailArn }),
        resourcePolicy: "trailKey",
    },
    {
        request: "CloudTrail DescribeKey on the trail key, for this trail",
        expect: "Allowed",
        decidedBy: ["trail key policy: AllowCloudTrailToDescribeKey"],
        when: "trailKey",
        principal: "cloudtrail.amazonaws.com",
        action: "kms:DescribeKey",
        resource: (f) => f.kmsKeyArn as string,
        context: (f) => fromTrail(f),
        resourcePolicy: "trailKey",
    },
    {
        request: "another account's trail GenerateDataKey with the trail key",
        expect: "ImplicitlyDenied",
        decidedBy: [],
        when: "trailKey",
        principal: "cloudtrail.amazonaws.com",
        action: "kms:GenerateDataKey",
        resource: (f) => f.kmsKeyArn as string,
        context: (f) => ({
            ...fromTrail(f, anotherAccountsTrail(f)),
            "kms:EncryptionContext:aws:cloudtrail:arn": anotherAccountsTrail(f),
        }),
        resourcePolicy: "trailKey",
    },
    {
        request: "CloudWatch Logs GenerateDataKey with the trail key, for the trail's log group",
        expect: "Allowed",
        decidedBy: ["trail key policy: AllowCloudWatchLogsToUseKey"],
        when: "trailKey",
        principal: (f) => `logs.${f.region}.amazonaws.com`,
        action: "kms:GenerateDataKey",
        resource: (f) => f.kmsKeyArn as string,
        context: (f) => ({ ...tls, "kms:EncryptionContext:aws:logs:arn": f.logGroupArn }),
        resourcePolicy: "trailKey",
    },
    {
        request: "CloudWatch Logs Decrypt with the trail key, for the trail's log group",
        expect: "Allowed",
        decidedBy: ["trail key policy: AllowCloudWatchLogsToUseKey"],
        when: "trailKey",
        principal: (f) => `logs.${f.region}.amazonaws.com`,
        action: "kms:Decrypt",
        resource: (f) => f.kmsKeyArn as string,
        context: (f) => ({ ...tls, "kms:EncryptionContext:aws:logs:arn": f.logGroupArn }),
        resourcePolicy: "trailKey",
    },
    {
        request: "CloudWatch Logs Decrypt with the trail key, for another log group",
        expect: "ImplicitlyDenied",
        decidedBy: [],
        when: "trailKey",
        principal: (f) => `logs.${f.region}.amazonaws.com`,
        action: "kms:Decrypt",
        resource: (f) => f.kmsKeyArn as string,
        context: (f) => ({
            ...tls,
            "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:${f.region}:${account}:log-group:application-logs`,
        }),
        resourcePolicy: "trailKey",
    },
    {
        request: "CloudWatch Logs of another region Decrypt with the trail key",
        expect: "ImplicitlyDenied",
        decidedBy: [],
        when: "trailKey",
        principal: (f) => `logs.${f.region === "us-east-1" ? "us-west-2" : "us-east-1"}.amazonaws.com`,
        action: "kms:Decrypt",
        resource: (f) => f.kmsKeyArn as string,
        context: (f) => ({ ...tls, "kms:EncryptionContext:aws:logs:arn": f.logGroupArn }),
        resourcePolicy: "trailKey",
    },
];

// The organization trail, created from a delegated administrator account (111122223333) and owned by the
// management account: CloudTrail writes every member account's files under AWSLogs/<organization ID>/<account>/
// (CloudTrail User Guide, "Amazon S3 bucket policy for CloudTrail", organization trail policy) as the management
// account's trail.
const organizationCases: Case[] = [
    {
        request: "the organization trail GetBucketAcl on the archive bucket",
        expect: "Allowed",
        decidedBy: ["bucket policy: AWSCloudTrailAclCheck"],
        principal: "cloudtrail.amazonaws.com",
        action: "s3:GetBucketAcl",
        resource: (f) => f.bucketArn,
        context: (f) => fromTrail(f),
        resourcePolicy: "bucket",
    },
    {
        request: "the organization trail PutObject of a member account's log file under AWSLogs/<organization ID>/",
        expect: "Allowed",
        decidedBy: ["bucket policy: AWSCloudTrailWrite"],
        principal: "cloudtrail.amazonaws.com",
        action: "s3:PutObject",
        resource: (f) => logFileKey(f, `AWSLogs/${organizationId}/${otherAccount}`),
        context: (f) => ({ ...fromTrail(f), "s3:x-amz-acl": "bucket-owner-full-control" }),
        resourcePolicy: "bucket",
    },
    {
        request: "the organization trail PutObject under AWSLogs/<management account>/",
        expect: "Allowed",
        decidedBy: ["bucket policy: AWSCloudTrailWrite"],
        principal: "cloudtrail.amazonaws.com",
        action: "s3:PutObject",
        resource: (f) => logFileKey(f, `AWSLogs/${management}`),
        context: (f) => ({ ...fromTrail(f), "s3:x-amz-acl": "bucket-owner-full-control" }),
        resourcePolicy: "bucket",
    },
    {
        request:
            "a trail of the same name in the delegated administrator account (not the organization trail) PutObject under AWSLogs/<organization ID>/",
        expect: "ImplicitlyDenied",
        decidedBy: [],
        principal: "cloudtrail.amazonaws.com",
        action: "s3:PutObject",
        resource: (f) => logFileKey(f, `AWSLogs/${organizationId}/${otherAccount}`),
        context: (f) => ({
            // Not the organization trail: the same name, in the delegated administrator account.
            ...fromTrail(f, f.trailArn.replace(`:${management}:`, `:${account}:`)),
            "s3:x-amz-acl": "bucket-owner-full-control",
        }),
        resourcePolicy: "bucket",
    },
    {
        request: "the organization trail PutObject under another organization's path",
        expect: "ImplicitlyDenied",
        decidedBy: [],
        principal: "cloudtrail.amazonaws.com",
        action: "s3:PutObject",
        resource: (f) => logFileKey(f, `AWSLogs/o-otherorg123/${otherAccount}`),
        context: (f) => ({ ...fromTrail(f), "s3:x-amz-acl": "bucket-owner-full-control" }),
        resourcePolicy: "bucket",
    },
    {
        request: "the organization trail PutObject under AWSLogs/<organization ID>/ without TLS",
        expect: "ExplicitlyDenied",
        decidedBy: ["bucket policy: DenyInsecureTransport"],
        principal: "cloudtrail.amazonaws.com",
        action: "s3:PutObject",
        resource: (f) => logFileKey(f, `AWSLogs/${organizationId}/${otherAccount}`),
        context: (f) => ({ ...fromTrail(f), ...noTls, "s3:x-amz-acl": "bucket-owner-full-control" }),
        resourcePolicy: "bucket",
    },
];

async function judge(facts: () => StackFacts, c: Case): Promise<void> {
    const request = requestOf(c, facts());
    const decision = await simulate(request);
    assert.ok(
        decision.result === c.expect && JSON.stringify(decision.decidedBy) === JSON.stringify([...c.decidedBy].sort()),
        `${c.request} (${request.principal} ${request.action} ${request.resource}):\n` +
            `    expected ${c.expect}${c.decidedBy.length > 0 ? ` by ${c.decidedBy.join(", ")}` : " (no statement allows it)"}\n` +
            `    iam-simulate: ${decision.result}${decision.decidedBy.length > 0 ? ` by ${decision.decidedBy.join(", ")}` : " (no statement allows it)"}\n` +
            `    statements:\n      ${decision.explain}`,
    );
}

for (const stack of listStacks(projectDir)) {
    describe(`stack ${stack}: every generated policy judged by iam-simulate`, function () {
        this.timeout(120_000);
        let facts: StackFacts;
        let organizationFacts: StackFacts;
        before(async () => {
            facts = await factsOf(stack);
            organizationFacts = await factsOf(stack, {
                "trailwatch:isOrganizationTrail": "true",
                "trailwatch:organizationId": organizationId,
            });
        });

        it("simulates realistic names: the mocks' account and the stack's region in every ARN", () => {
            assert.strictEqual(facts.trailArn.split(":")[3], facts.region);
            assert.strictEqual(organizationFacts.trailArn.split(":")[4], management, "the management account owns it");
            assert.strictEqual(
                facts.trailArn,
                facts.trailArnOutput,
                "the mocks give the trail the ARN CloudTrail gives it",
            );
            assert.strictEqual(organizationFacts.trailArn, organizationFacts.trailArnOutput);
            assert.match(facts.bucketArn, /^arn:aws:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/);
            assert.match(
                facts.logGroupArn,
                new RegExp(`^arn:aws:logs:${facts.region}:${account}:log-group:aws-cloudtrail-logs-`),
            );
        });

        // Only stacks with a customer-managed key (kmsKeyArn) have a trail key to judge.
        const hasTrailKey = readStackFile(projectDir, stack).values["trailwatch:kmsKeyArn"] !== undefined;
        for (const c of cases.filter((x) => x.when !== "trailKey" || hasTrailKey)) {
            it(`${c.expect}: ${c.request}`, async () => {
                await judge(() => facts, c);
            });
        }
        for (const c of organizationCases) {
            it(`${c.expect} (organization trail from a delegated administrator): ${c.request}`, async () => {
                await judge(() => organizationFacts, c);
            });
        }
    });
}
