import type * as pulumi from "@pulumi/pulumi";
import { auditTrailDefaults } from "./auditTrailDefaults";
import { cloudWatchLogsRetentionDays } from "./retention";

/** The largest `Days` an S3 lifecycle rule takes: the API types it Integer (32-bit signed). */
export const MAX_LIFECYCLE_DAYS = 2_147_483_647;

// The arguments of AuditTrail and their validation: no Pulumi resources here, so that configuration checks
// (the CLI, the policy pack) load without the AWS provider SDK.

/**
 * Data events to record in addition to management events. Data events are billed per event
 * (USD 0.10 per 100,000), so they are opt-in and always scoped to named resources: there is no
 * "all S3 buckets" or "all Lambda functions" switch. A trail takes at most 250 ARNs over the three lists
 * ({@link MAX_DATA_RESOURCES}).
 */
export interface AuditTrailDataEventsArgs {
    /**
     * S3 object-level events for these buckets or prefixes, as ARNs ending in `/`:
     * `arn:aws:s3:::my-bucket/` (every object in the bucket) or `arn:aws:s3:::my-bucket/uploads/`.
     * @default no S3 data events
     */
    s3ObjectArnPrefixes?: string[];
    /**
     * Invoke events of these Lambda functions (function ARNs).
     * @default no Lambda data events
     */
    lambdaFunctionArns?: string[];
    /**
     * Item-level events of these DynamoDB tables (table ARNs).
     * @default no DynamoDB data events
     */
    dynamoDbTableArns?: string[];
}

/**
 * Arguments of {@link AuditTrail}. Every default is the secure choice; a weaker one needs an explicit value. The
 * `@default` values are {@link auditTrailDefaults} (a test keeps them equal).
 */
export interface AuditTrailArgs {
    /**
     * Name of the CloudTrail trail, as the CloudTrail API accepts it: 3-128 ASCII letters, digits, `.`, `_` and
     * `-`, starting and ending with a letter or digit, no two of `.`, `_`, `-` next to each other, and not in IP
     * address form. The trail's ARN is derived from it before the trail exists, so that the bucket policy can be
     * scoped to this one trail (`aws:SourceArn`).
     * @default the component's name
     */
    trailName?: string;
    /**
     * Record events of every region (recommended by CIS 3.1 and required by the policy pack).
     * @default true
     */
    isMultiRegionTrail?: boolean;
    /**
     * Record events of global services (IAM, STS, CloudFront), delivered in us-east-1.
     * @default true
     */
    includeGlobalServiceEvents?: boolean;
    /**
     * Deliver digest files that let `aws cloudtrail validate-logs` prove log files were not altered (CIS 3.2).
     * @default true
     */
    enableLogFileValidation?: boolean;
    /**
     * Analyse management write and error activity with CloudTrail Insights (`ApiCallRateInsight` and
     * `ApiErrorRateInsight`). Insights is billed per 100,000 events analysed.
     * @default true
     */
    enableInsights?: boolean;
    /**
     * Make this an organization trail that records every account of the AWS Organization. Must be created in
     * the organization's management account or a CloudTrail delegated administrator account; either way the trail
     * belongs to the management account (see `organizationManagementAccountId`).
     * @default false
     */
    isOrganizationTrail?: boolean;
    /**
     * ID (12 digits) of the organization's management account, which owns an organization trail even when a
     * delegated administrator account creates it: the trail's ARN, and so the bucket policy's `aws:SourceArn` and
     * log path `AWSLogs/<account>/`, name this account. Only for an organization trail.
     * @default the management account AWS Organizations reports (`organizations:DescribeOrganization`, which a
     * member account may call)
     */
    organizationManagementAccountId?: string;
    /**
     * ID of the AWS Organization (`o-` followed by 10 to 32 characters). Required when `isOrganizationTrail`
     * is true: the bucket policy then admits the organization's log path `AWSLogs/<organizationId>/`.
     * @default none
     */
    organizationId?: string;
    /**
     * Key ARN (`arn:aws:kms:<region>:<account>:key/<key-id>`, not an alias: the trail would show a change on every
     * preview) of a KMS key, in the bucket's Region (CloudTrail refuses another Region's key), that encrypts the
     * trail's log files (SSE-KMS). trailwatch does not manage the key; its
     * key policy must grant, as the CloudTrail User Guide "Configure AWS KMS key policies for CloudTrail" requires:
     * `cloudtrail.amazonaws.com` `kms:GenerateDataKey*` conditioned on `aws:SourceArn` = the trail ARN and
     * `kms:EncryptionContext:aws:cloudtrail:arn` = `arn:aws:cloudtrail:*:<trail owner account>:trail/*`, and
     * `kms:DescribeKey` conditioned on `aws:SourceArn`; with an S3 Bucket Key (`bucketKmsKeyArn`), whoever runs
     * `pulumi up` needs `kms:Decrypt` on it. `auditTrailKeyPolicyStatements()`, exported by this package, returns them.
     * @default none: log files use the bucket's default encryption
     */
    trailKmsKeyArn?: pulumi.Input<string>;
    /**
     * Key ARN (not an alias) of a KMS key used as the archive bucket's default encryption (SSE-KMS with an S3 Bucket
     * Key). CloudTrail writes into the bucket with it, so its key policy needs the `trailKmsKeyArn` grants above;
     * the trail is created only after the bucket's encryption configuration.
     * @default none: SSE-S3 (AES256)
     */
    bucketKmsKeyArn?: pulumi.Input<string>;
    /**
     * Key ARN (not an alias) of a KMS key that encrypts the CloudWatch Logs log group. Its key policy must let
     * `logs.<region>.amazonaws.com` use it (`kms:Encrypt*`, `kms:Decrypt*`, `kms:ReEncrypt*`, `kms:GenerateDataKey*`,
     * `kms:Describe*`) conditioned on `kms:EncryptionContext:aws:logs:arn` = the log group's ARN (CloudWatch Logs
     * User Guide, "Encrypt log data in CloudWatch Logs using AWS Key Management Service").
     * @default none: CloudWatch Logs' own encryption
     */
    logGroupKmsKeyArn?: pulumi.Input<string>;
    /**
     * Days the CloudWatch Logs log group keeps events. Only the values CloudWatch Logs accepts
     * (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653).
     * @default 365
     */
    logRetentionDays?: number;
    /**
     * Days after which archived log files of more than 128 KB move to S3 Glacier Instant Retrieval (still readable
     * in milliseconds, so `aws s3 sync` and `trailwatch backtest` keep working). Smaller files (most CloudTrail files
     * of a quiet account, and every digest file) stay in S3 Standard: Glacier IR bills every object as at least
     * 128 KB, so moving them would cost more, and S3 Lifecycle does not transition objects under 128 KB by default
     * anyway. 0 disables the transition.
     * @default 90
     */
    archiveTransitionDays?: number;
    /**
     * Days after which archived log files expire (the default is 7 years). 0 keeps them forever. Must
     * exceed `archiveTransitionDays`.
     * @default 2557
     */
    archiveExpirationDays?: number;
    /**
     * Days a deleted or overwritten (noncurrent) log file version is kept before it is removed for good:
     * the window in which a mistaken or malicious delete can be undone.
     * @default 365
     */
    noncurrentVersionExpirationDays?: number;
    /**
     * Keep the archive bucket (with its encryption, public access block and policy) and the log group when this
     * component is deleted or renamed, so audit data outlives a mistaken `pulumi destroy`. When false, the bucket
     * is created with `forceDestroy`, so that `pulumi destroy` can delete it with every log file version in it
     * (S3 refuses to delete a bucket that is not empty).
     * @default true
     */
    retainOnDelete?: boolean;
    /**
     * Adopt an existing log group of the same name (`aws-cloudtrail-logs-<trailName>`) into the stack instead of
     * creating it (the `import` resource option): the way back after a stack whose log group was retained on
     * delete is deployed again, which otherwise fails with `ResourceAlreadyExistsException`. The log group's
     * retention, KMS key and tags must equal this component's arguments, or the import stops with a diff. Set it
     * back to false after the `pulumi up` that adopted the group.
     * @default false
     */
    adoptExistingLogGroup?: boolean;
    /**
     * Data events to record, scoped to named resources.
     * @default none (management events only)
     */
    dataEvents?: AuditTrailDataEventsArgs;
    /**
     * Tags applied to every taggable child resource.
     * @default none
     */
    tags?: Record<string, string>;
}

/** The arguments with every default applied. @internal */
export interface AuditTrailSettings {
    trailName: string;
    isMultiRegionTrail: boolean;
    includeGlobalServiceEvents: boolean;
    enableLogFileValidation: boolean;
    enableInsights: boolean;
    isOrganizationTrail: boolean;
    organizationId: string | undefined;
    organizationManagementAccountId: string | undefined;
    adoptExistingLogGroup: boolean;
    logRetentionDays: number;
    archiveTransitionDays: number;
    archiveExpirationDays: number;
    noncurrentVersionExpirationDays: number;
    retainOnDelete: boolean;
    dataEvents: AuditTrailDataEventsArgs;
}

/** A problem with one {@link AuditTrailArgs} value, naming the argument (with its path for nested values). */
export class AuditTrailArgsError extends Error {
    constructor(
        public readonly arg: string,
        public readonly reason: string,
    ) {
        super(`AuditTrail: ${arg}: ${reason}`);
        this.name = "AuditTrailArgsError";
    }
}

const organizationIdPattern = /^o-[a-z0-9]{10,32}$/;
const accountIdPattern = /^\d{12}$/;
// A KMS key ARN, single- or multi-Region key. Not an alias ARN: the trail's state holds the key ARN CloudTrail
// returns, so an alias would show a change on every preview (and S3 and CloudWatch Logs store what they are given).
const kmsKeyArnPattern =
    /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/;

/**
 * Why CloudTrail would reject `name` as a trail name, or undefined when it accepts it. The rules are the CloudTrail
 * API Reference's, for `CreateTrail` `Name` (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_CreateTrail.html)
 * and `InvalidTrailNameException`: only ASCII letters, numbers, periods, underscores and dashes; start and end with a
 * letter or number; 3 to 128 characters; no adjacent periods, underscores or dashes ("my-_namespace" and
 * "my--namespace" are invalid); not in IP address format (for example 192.168.5.4).
 */
export function trailNameProblem(name: string): string | undefined {
    if (name.length < 3 || name.length > 128) return `is ${name.length} characters long; a trail name has 3 to 128`;
    const bad = /[^A-Za-z0-9._-]/.exec(name);
    if (bad !== null) {
        return `has ${JSON.stringify(bad[0])} at position ${bad.index + 1}; only ASCII letters, digits, '.', '_' and '-' are allowed`;
    }
    if (!/^[A-Za-z0-9]/.test(name) || !/[A-Za-z0-9]$/.test(name)) return "must start and end with a letter or digit";
    const adjacent = /[._-]{2}/.exec(name);
    if (adjacent !== null) {
        return `has adjacent "${adjacent[0]}" at position ${adjacent.index + 1}; '.', '_' and '-' may not follow each other`;
    }
    if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(name)) return "is in IP address form, which CloudTrail rejects";
    return undefined;
}

function withDefaults(name: string, args: AuditTrailArgs): AuditTrailSettings {
    const d = auditTrailDefaults;
    return {
        trailName: args.trailName ?? name,
        isMultiRegionTrail: args.isMultiRegionTrail ?? d.isMultiRegionTrail,
        includeGlobalServiceEvents: args.includeGlobalServiceEvents ?? d.includeGlobalServiceEvents,
        enableLogFileValidation: args.enableLogFileValidation ?? d.enableLogFileValidation,
        enableInsights: args.enableInsights ?? d.enableInsights,
        isOrganizationTrail: args.isOrganizationTrail ?? d.isOrganizationTrail,
        organizationId: args.organizationId,
        organizationManagementAccountId: args.organizationManagementAccountId,
        adoptExistingLogGroup: args.adoptExistingLogGroup ?? d.adoptExistingLogGroup,
        logRetentionDays: args.logRetentionDays ?? d.logRetentionDays,
        archiveTransitionDays: args.archiveTransitionDays ?? d.archiveTransitionDays,
        archiveExpirationDays: args.archiveExpirationDays ?? d.archiveExpirationDays,
        noncurrentVersionExpirationDays: args.noncurrentVersionExpirationDays ?? d.noncurrentVersionExpirationDays,
        retainOnDelete: args.retainOnDelete ?? d.retainOnDelete,
        dataEvents: args.dataEvents ?? {},
    };
}

/**
 * Applies the defaults and throws the first value AWS would reject, before any child resource is created.
 * @internal
 */
export function resolveAuditTrailArgs(name: string, args: AuditTrailArgs): AuditTrailSettings {
    const problems = validateAuditTrailArgs(args, name);
    if (problems.length > 0) throw problems[0];
    return withDefaults(name, args);
}

/**
 * Every value of `args` that AWS would reject at deploy time (or that would weaken the archive beyond repair),
 * as errors naming the argument. `name` stands in for `trailName` when that is not set.
 */
export function validateAuditTrailArgs(args: AuditTrailArgs, name = "trail"): AuditTrailArgsError[] {
    const s = withDefaults(name, args);
    const problems: AuditTrailArgsError[] = [];
    const fail = (arg: string, reason: string) => problems.push(new AuditTrailArgsError(arg, reason));
    const nameProblem = trailNameProblem(s.trailName);
    if (nameProblem !== undefined) fail("trailName", `"${s.trailName}" ${nameProblem}`);
    if (!cloudWatchLogsRetentionDays.includes(s.logRetentionDays)) {
        fail(
            "logRetentionDays",
            `${s.logRetentionDays} is not a retention CloudWatch Logs accepts; use one of ${cloudWatchLogsRetentionDays.join(", ")}`,
        );
    }
    const dayArgs = ["archiveTransitionDays", "archiveExpirationDays", "noncurrentVersionExpirationDays"] as const;
    // S3 API Reference, LifecycleExpiration / NoncurrentVersionExpiration / Transition: "Days ... Type: Integer",
    // a 32-bit signed integer in every AWS API model; 1e23 days would reach the lifecycle rule as "1e+23".
    const badDays = dayArgs.filter((key) => !Number.isInteger(s[key]) || s[key] < 0 || s[key] > MAX_LIFECYCLE_DAYS);
    for (const key of badDays) fail(key, `${s[key]} is not a whole number of days from 0 to ${MAX_LIFECYCLE_DAYS}`);
    if (s.noncurrentVersionExpirationDays === 0) {
        fail("noncurrentVersionExpirationDays", "0 would remove deleted log files at once; use at least 1 day");
    }
    if (badDays.length === 0 && s.archiveExpirationDays > 0 && s.archiveExpirationDays <= s.archiveTransitionDays) {
        fail(
            "archiveExpirationDays",
            `${s.archiveExpirationDays} must be greater than archiveTransitionDays (${s.archiveTransitionDays}), or 0 to keep log files forever`,
        );
    }
    if (s.isOrganizationTrail && s.organizationId === undefined) {
        fail(
            "organizationId",
            "is required when isOrganizationTrail is true (the bucket policy admits AWSLogs/<organizationId>/)",
        );
    }
    if (s.organizationId !== undefined && !organizationIdPattern.test(s.organizationId)) {
        fail(
            "organizationId",
            `"${s.organizationId}" is not an AWS Organizations ID (o- followed by 10-32 lowercase letters or digits)`,
        );
    }
    if (s.organizationManagementAccountId !== undefined) {
        if (!s.isOrganizationTrail) {
            fail(
                "organizationManagementAccountId",
                "applies only to an organization trail (isOrganizationTrail: true)",
            );
        } else if (!accountIdPattern.test(s.organizationManagementAccountId)) {
            fail(
                "organizationManagementAccountId",
                `"${s.organizationManagementAccountId}" is not an AWS account ID (12 digits)`,
            );
        }
    }
    for (const key of ["trailKmsKeyArn", "bucketKmsKeyArn", "logGroupKmsKeyArn"] as const) {
        const value = args[key];
        // Values known only at deploy time (outputs of other resources) are checked by AWS.
        if (typeof value === "string" && !kmsKeyArnPattern.test(value)) {
            fail(
                key,
                `"${value}" is not a KMS key ARN (arn:aws:kms:<region>:<account>:key/<key-id>)${value.includes(":alias/") ? "; an alias ARN makes the trail show a change on every preview, so give the ARN of the key the alias points to" : ""}`,
            );
        }
    }
    const dataEventChecks: [keyof AuditTrailDataEventsArgs, RegExp, string][] = [
        [
            "s3ObjectArnPrefixes",
            s3ObjectPrefixArn,
            "an S3 bucket ARN with a '/'-terminated prefix such as arn:aws:s3:::my-bucket/ or arn:aws:s3:::my-bucket/uploads/ (all buckets is not offered)",
        ],
        [
            "lambdaFunctionArns",
            lambdaFunctionArn,
            "a Lambda function ARN such as arn:aws:lambda:eu-west-1:111122223333:function:my-function",
        ],
        [
            "dynamoDbTableArns",
            dynamoDbTableArn,
            "a DynamoDB table ARN such as arn:aws:dynamodb:eu-west-1:111122223333:table/my-table",
        ],
    ];
    for (const [key, pattern, expected] of dataEventChecks) {
        (s.dataEvents[key] ?? []).forEach((arn, i) => {
            if (!pattern.test(arn)) fail(`dataEvents.${key}[${i}]`, `"${arn}" is not ${expected}`);
        });
    }
    const dataResourceCount = dataEventChecks.reduce((n, [key]) => n + (s.dataEvents[key]?.length ?? 0), 0);
    if (dataResourceCount > MAX_DATA_RESOURCES) {
        fail(
            "dataEvents",
            `names ${dataResourceCount} buckets, prefixes, functions and tables; a trail's event selectors take at most ${MAX_DATA_RESOURCES} in all`,
        );
    }
    return problems;
}

/**
 * The most data resources (bucket or prefix ARNs, function ARNs, table ARNs) a trail's basic event selectors take.
 * CloudTrail API Reference, "DataResource": "You can specify up to 250 data resources for a trail ... the total cannot
 * exceed 250 across all selectors for the trail"; beyond it PutEventSelectors fails with
 * InvalidEventSelectorsException (CloudTrail User Guide, "Quotas in AWS CloudTrail": "Data resources in event
 * selectors: 250 across all event selectors in a trail").
 */
export const MAX_DATA_RESOURCES = 250;

const s3ObjectPrefixArn = /^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/(?:[^*]*\/)?$/;
const lambdaFunctionArn = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}$/;
const dynamoDbTableArn = /^arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\d{12}:table\/[A-Za-z0-9_.-]{3,255}$/;
