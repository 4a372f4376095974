import type * as pulumi from "@pulumi/pulumi";
import { cloudWatchLogsRetentionDays } from "./retention";

/** The largest `Days` an S3 lifecycle rule takes: the API types it Integer (32-bit signed). */
export const MAX_LIFECYCLE_DAYS = 2_147_483_647;

// The arguments of AuditTrail and their validation: no Pulumi resources here, so that configuration checks
// (the CLI, the policy pack) load without the AWS provider SDK.

/**
 * Data events to record in addition to management events. Data events are billed per event
 * (USD 0.10 per 100,000), so they are opt-in and always scoped to named resources: there is no
 * "all S3 buckets" or "all Lambda functions" switch.
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

/** Arguments of {@link AuditTrail}. Every default is the secure choice; a weaker one needs an explicit value. */
export interface AuditTrailArgs {
    /**
     * Name of the CloudTrail trail. The trail's ARN is derived from it before the trail exists, so that the
     * bucket policy and the IAM role can be scoped to this one trail (`aws:SourceArn`).
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
     * the organization's management account (or a delegated administrator account).
     * @default false
     */
    isOrganizationTrail?: boolean;
    /**
     * ID of the AWS Organization (`o-` followed by 10 to 32 characters). Required when `isOrganizationTrail`
     * is true: the bucket policy then admits the organization's log path `AWSLogs/<organizationId>/`.
     * @default none
     */
    organizationId?: string;
    /**
     * ARN of a KMS key that encrypts the trail's log files (SSE-KMS). Its key policy must let
     * `cloudtrail.amazonaws.com` use it (`kms:GenerateDataKey*` conditioned on the trail's encryption context).
     * @default none: log files use the bucket's default encryption
     */
    trailKmsKeyArn?: pulumi.Input<string>;
    /**
     * ARN of a KMS key used as the archive bucket's default encryption (SSE-KMS with an S3 Bucket Key).
     * @default none: SSE-S3 (AES256)
     */
    bucketKmsKeyArn?: pulumi.Input<string>;
    /**
     * ARN of a KMS key that encrypts the CloudWatch Logs log group. Its key policy must let
     * `logs.<region>.amazonaws.com` use it.
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
     * Days after which archived log files move to S3 Glacier Instant Retrieval (still readable in milliseconds,
     * so `aws s3 sync` and `trailwatch backtest` keep working). 0 disables the transition.
     * @default 90
     */
    archiveTransitionDays?: number;
    /**
     * Days after which archived log files expire. 0 keeps them forever. Must exceed `archiveTransitionDays`.
     * @default 2557 (7 years)
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
     * component is deleted or renamed, so audit data outlives a mistaken `pulumi destroy`.
     * @default true
     */
    retainOnDelete?: boolean;
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

const trailNamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{1,126}[A-Za-z0-9]$/;
const organizationIdPattern = /^o-[a-z0-9]{10,32}$/;

function withDefaults(name: string, args: AuditTrailArgs): AuditTrailSettings {
    return {
        trailName: args.trailName ?? name,
        isMultiRegionTrail: args.isMultiRegionTrail ?? true,
        includeGlobalServiceEvents: args.includeGlobalServiceEvents ?? true,
        enableLogFileValidation: args.enableLogFileValidation ?? true,
        enableInsights: args.enableInsights ?? true,
        isOrganizationTrail: args.isOrganizationTrail ?? false,
        organizationId: args.organizationId,
        logRetentionDays: args.logRetentionDays ?? 365,
        archiveTransitionDays: args.archiveTransitionDays ?? 90,
        archiveExpirationDays: args.archiveExpirationDays ?? 2557,
        noncurrentVersionExpirationDays: args.noncurrentVersionExpirationDays ?? 365,
        retainOnDelete: args.retainOnDelete ?? true,
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
    if (!trailNamePattern.test(s.trailName)) {
        fail(
            "trailName",
            `"${s.trailName}" is not a valid trail name (3-128 letters, digits, '.', '_' or '-', starting and ending with a letter or digit)`,
        );
    }
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
    return problems;
}

const s3ObjectPrefixArn = /^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/(?:[^*]*\/)?$/;
const lambdaFunctionArn = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}$/;
const dynamoDbTableArn = /^arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\d{12}:table\/[A-Za-z0-9_.-]{3,255}$/;
