// The IAM policy documents of the audit trail, as pure functions: the component sends them, tests and policies
// compare against them, and the IAM simulation test judges them with an engine nobody here wrote.
//
// Rule: every condition key on a service principal carries a comment citing the AWS page that documents that the
// service sends it; where no page does, there is no condition.

/** An IAM policy document, as AWS reads it. */
export interface PolicyDocument {
    Version: "2012-10-17";
    Statement: PolicyStatement[];
}

/** One statement of an IAM policy document. */
export interface PolicyStatement {
    Sid?: string;
    Effect: "Allow" | "Deny";
    Principal?: "*" | { Service?: string | string[]; AWS?: string | string[] };
    Action: string | string[];
    Resource?: string | string[];
    Condition?: Record<string, Record<string, string | string[]>>;
}

/**
 * The ARN CloudTrail gives a trail, known before the trail exists. An organization trail belongs to the
 * organization's management account even when a delegated administrator account creates it (CloudTrail User
 * Guide, "Organization delegated administrator": "The management account remains the owner of any CloudTrail
 * organization resources the delegated administrator creates"), so `ownerAccountId` is the management account's
 * ID there.
 */
export function trailArnOf(p: {
    partition: string;
    region: string;
    ownerAccountId: string;
    trailName: string;
}): string {
    return `arn:${p.partition}:cloudtrail:${p.region}:${p.ownerAccountId}:trail/${p.trailName}`;
}

/**
 * The archive bucket's policy: CloudTrail (this trail only) may read the bucket ACL and write log files under
 * `AWSLogs/<trail owner account>/` (and `AWSLogs/<organization>/` for an organization trail); any request without
 * TLS is denied.
 *
 * Source: CloudTrail User Guide, "Amazon S3 bucket policy for CloudTrail"
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html): the two
 * statements, the `AWSLogs/<account>/*` and, for an organization trail, `AWSLogs/<organizationId>/*` paths, and
 * `aws:SourceArn` — "The value of aws:SourceArn is always the ARN of the trail (or array of trail ARNs) that is
 * using the bucket"; for an organization trail that ARN names the management account.
 */
export function trailBucketPolicy(p: {
    bucketArn: string;
    /** The account that owns the trail: this account, or the organization's management account for an organization trail. */
    accountId: string;
    trailArn: string;
    organizationId?: string;
}): PolicyDocument {
    // aws:SourceArn is sent by CloudTrail to S3: "Amazon S3 bucket policy for CloudTrail" (see above).
    const onlyThisTrail = { StringEquals: { "aws:SourceArn": p.trailArn } };
    const logPrefixes = [`${p.bucketArn}/AWSLogs/${p.accountId}/*`];
    if (p.organizationId !== undefined) logPrefixes.push(`${p.bucketArn}/AWSLogs/${p.organizationId}/*`);
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "AWSCloudTrailAclCheck",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "s3:GetBucketAcl",
                Resource: p.bucketArn,
                Condition: onlyThisTrail,
            },
            {
                Sid: "AWSCloudTrailWrite",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "s3:PutObject",
                Resource: logPrefixes.length === 1 ? logPrefixes[0] : logPrefixes,
                Condition: onlyThisTrail,
            },
            denyInsecureS3Transport(p.bucketArn),
        ],
    };
}

/**
 * The statement of every trailwatch bucket policy that denies any request to the bucket or its objects without
 * TLS. aws:SecureTransport is a global key present in every request (IAM User Guide, "AWS global condition context
 * keys"); the S3 User Guide's "Bucket policy examples" use this exact statement.
 */
export function denyInsecureS3Transport(bucketArn: string): PolicyStatement {
    return {
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: [bucketArn, `${bucketArn}/*`],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
    };
}

/**
 * Trust policy of the CloudWatch Logs delivery role: CloudTrail may assume it, with no condition. The CloudTrail
 * User Guide, "Role policy document for CloudTrail to use CloudWatch Logs for monitoring"
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-required-policy-for-cloudwatch-logs.html),
 * says confused deputy prevention is not applicable to this role and the role policy does not support
 * `aws:SourceArn` / `aws:SourceAccount`: with either, CloudTrail cannot assume the role and `CreateTrail` fails
 * with `InvalidCloudWatchLogsRoleArnException`. What limits the role is its permissions policy (one log group).
 */
export function cloudTrailAssumeRolePolicy(): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "sts:AssumeRole",
            },
        ],
    };
}

/**
 * Permissions of the delivery role: create streams in, and put events to, this one log group (the two actions of
 * the page cited above; its stream-name prefix differs between single-account and organization trails, so every
 * stream of the one group).
 */
export function cloudWatchLogsDeliveryPolicy(logGroupArn: string): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "AWSCloudTrailDeliverToLogGroup",
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                Resource: `${logGroupArn}:log-stream:*`,
            },
        ],
    };
}

/**
 * The statements a customer-managed KMS key's policy needs so that the trail can encrypt its log files with it
 * (`trailKmsKeyArn`), S3 can use it as the bucket's default encryption (`bucketKmsKeyArn`) and CloudWatch Logs can
 * encrypt the log group with it (`logGroupKmsKeyArn`). trailwatch does not manage that key: add these statements
 * to its policy (next to the statement that lets the account administer the key) before `pulumi up`.
 *
 * Sources:
 * - CloudTrail User Guide, "Configure AWS KMS key policies for CloudTrail"
 *   (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html):
 *   `kms:GenerateDataKey*` for `cloudtrail.amazonaws.com` conditioned on `aws:SourceArn` (the trail ARN, "for
 *   organization trails, the management account") and `kms:EncryptionContext:aws:cloudtrail:arn`, and
 *   `kms:DescribeKey` conditioned on `aws:SourceArn`. The same page: with an S3 Bucket Key, whoever creates or
 *   updates the trail needs `kms:Decrypt` on the key (through the account statement and their IAM policy).
 * - CloudWatch Logs User Guide, "Encrypt log data in CloudWatch Logs using AWS Key Management Service"
 *   (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html): the principal
 *   `logs.<region>.amazonaws.com`, its actions, and `kms:EncryptionContext:aws:logs:arn` = the log group ARN.
 */
export function auditTrailKeyPolicyStatements(p: {
    partition: string;
    region: string;
    trailArn: string;
    /** The account that owns the trail (the management account for an organization trail). */
    trailOwnerAccountId: string;
    logGroupArn: string;
}): PolicyStatement[] {
    return [
        {
            Sid: "AllowCloudTrailToEncryptLogs",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "kms:GenerateDataKey*",
            Resource: "*",
            Condition: {
                // Both keys are sent by CloudTrail to KMS: "Configure AWS KMS key policies for CloudTrail" (above).
                StringEquals: { "aws:SourceArn": p.trailArn },
                StringLike: {
                    "kms:EncryptionContext:aws:cloudtrail:arn": `arn:${p.partition}:cloudtrail:*:${p.trailOwnerAccountId}:trail/*`,
                },
            },
        },
        {
            Sid: "AllowCloudTrailToDescribeKey",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "kms:DescribeKey",
            Resource: "*",
            // Sent by CloudTrail to KMS: "Configure AWS KMS key policies for CloudTrail", "Enable CloudTrail to
            // describe KMS key properties".
            Condition: { StringEquals: { "aws:SourceArn": p.trailArn } },
        },
        {
            Sid: "AllowCloudWatchLogsToUseKey",
            Effect: "Allow",
            Principal: { Service: `logs.${p.region}.amazonaws.com` },
            Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
            Resource: "*",
            // Sent by CloudWatch Logs to KMS: "Encrypt log data in CloudWatch Logs using AWS Key Management Service".
            Condition: { ArnEquals: { "kms:EncryptionContext:aws:logs:arn": p.logGroupArn } },
        },
    ];
}
