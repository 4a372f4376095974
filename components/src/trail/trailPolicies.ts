// The IAM policy documents of the audit trail, as pure functions: the component sends them, tests and policies
// compare against them.

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
 * The archive bucket's policy: CloudTrail (this trail only) may read the bucket ACL and write log files under
 * `AWSLogs/<account>/` (and `AWSLogs/<organization>/` for an organization trail); any request without TLS is denied.
 */
export function trailBucketPolicy(p: {
    bucketArn: string;
    accountId: string;
    trailArn: string;
    organizationId?: string;
}): PolicyDocument {
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
            {
                Sid: "DenyInsecureTransport",
                Effect: "Deny",
                Principal: "*",
                Action: "s3:*",
                Resource: [p.bucketArn, `${p.bucketArn}/*`],
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
        ],
    };
}

/** Trust policy of the CloudWatch Logs delivery role: only CloudTrail, acting for this trail, may assume it. */
export function cloudTrailAssumeRolePolicy(trailArn: string): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "aws:SourceArn": trailArn } },
            },
        ],
    };
}

/** Permissions of the delivery role: create streams in, and put events to, this one log group. */
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
