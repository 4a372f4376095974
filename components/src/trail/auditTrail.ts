import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AuditTrailArgs, AuditTrailDataEventsArgs, AuditTrailSettings, resolveAuditTrailArgs } from "./auditTrailArgs";
import {
    cloudTrailAssumeRolePolicy,
    cloudWatchLogsDeliveryPolicy,
    trailArnOf,
    trailBucketPolicy,
} from "./trailPolicies";
import { trailLogGroupName } from "./trailLogGroupName";

/**
 * A CloudTrail trail with everything it needs, secure by default: a multi-region trail recording management
 * events (read and write) with log file validation and Insights, delivered to a versioned, encrypted, private,
 * TLS-only S3 archive and to a CloudWatch Logs log group (through an IAM role that may only write there).
 */
export class AuditTrail extends pulumi.ComponentResource {
    /** The CloudTrail trail. */
    public readonly trail: aws.cloudtrail.Trail;
    /** The S3 bucket that archives the trail's log files. */
    public readonly bucket: aws.s3.Bucket;
    /** The CloudWatch Logs log group the trail delivers to; metric filters go here. */
    public readonly logGroup: aws.cloudwatch.LogGroup;
    /** The IAM role CloudTrail assumes to write to the log group. */
    public readonly role: aws.iam.Role;

    /** ARN of the trail. */
    public readonly trailArn: pulumi.Output<string>;
    /** Name of the archive bucket. */
    public readonly bucketName: pulumi.Output<string>;
    /** ARN of the archive bucket. */
    public readonly bucketArn: pulumi.Output<string>;
    /** Name of the CloudWatch Logs log group. */
    public readonly logGroupName: pulumi.Output<string>;
    /** ARN of the CloudWatch Logs log group (without the `:*` suffix). */
    public readonly logGroupArn: pulumi.Output<string>;
    /** ARN of the IAM role CloudTrail uses to deliver to CloudWatch Logs. */
    public readonly roleArn: pulumi.Output<string>;

    constructor(name: string, args: AuditTrailArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        // Validated before the component registers: bad arguments leave nothing half-created.
        const settings = resolveAuditTrailArgs(name, args);
        super("trailwatch:index:AuditTrail", name, args, opts);
        const parent = { parent: this };
        const retained = { parent: this, retainOnDelete: settings.retainOnDelete };
        const tags = args.tags;

        const partition = aws.getPartitionOutput({}, parent).partition;
        const region = aws.getRegionOutput({}, parent).region;
        const accountId = aws.getCallerIdentityOutput({}, parent).accountId;
        // An organization trail belongs to the management account, also when a delegated administrator creates it.
        const trailOwnerAccountId: pulumi.Output<string> = !settings.isOrganizationTrail
            ? accountId
            : settings.organizationManagementAccountId !== undefined
              ? pulumi.output(settings.organizationManagementAccountId)
              : aws.organizations.getOrganizationOutput({ returnOrganizationOnly: true }, parent).masterAccountId;
        // Known before the trail exists, so the bucket policy can name this one trail.
        const trailArn = pulumi
            .all([partition, region, trailOwnerAccountId])
            .apply(([p, r, owner]) =>
                trailArnOf({ partition: p, region: r, ownerAccountId: owner, trailName: settings.trailName }),
            );

        // A bucket that is not retained is deleted by `pulumi destroy`; S3 refuses to delete a bucket with objects
        // (every log file version), so only then may the provider empty it first.
        this.bucket = new aws.s3.Bucket(
            `${name}-bucket`,
            { tags, ...(settings.retainOnDelete ? {} : { forceDestroy: true }) },
            retained,
        );
        const bucketName = this.bucket.bucket;

        const ownership = new aws.s3.BucketOwnershipControls(
            `${name}-bucket-ownership`,
            { bucket: bucketName, rule: { objectOwnership: "BucketOwnerEnforced" } },
            retained,
        );
        const publicAccessBlock = new aws.s3.BucketPublicAccessBlock(
            `${name}-bucket-public-access-block`,
            {
                bucket: bucketName,
                blockPublicAcls: true,
                blockPublicPolicy: true,
                ignorePublicAcls: true,
                restrictPublicBuckets: true,
            },
            retained,
        );
        // S3 User Guide, "Enabling versioning on buckets": writes issued before versioning is enabled (and fully
        // propagated) "may apply to unversioned objects", which a delete or overwrite then removes for good. So the
        // trail, the only writer, starts after it (see the trail's dependsOn), and so does the lifecycle configuration
        // with its noncurrent-version rule (the Pulumi AWS provider's BucketLifecycleConfiguration example "for a
        // bucket with versioning" orders it `dependsOn: [versioning]`).
        const versioning = new aws.s3.BucketVersioning(
            `${name}-bucket-versioning`,
            { bucket: bucketName, versioningConfiguration: { status: "Enabled" } },
            retained,
        );
        const encryption = new aws.s3.BucketServerSideEncryptionConfiguration(
            `${name}-bucket-encryption`,
            {
                bucket: bucketName,
                rules: [
                    args.bucketKmsKeyArn === undefined
                        ? { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }
                        : {
                              applyServerSideEncryptionByDefault: {
                                  sseAlgorithm: "aws:kms",
                                  kmsMasterKeyId: args.bucketKmsKeyArn,
                              },
                              bucketKeyEnabled: true,
                          },
                ],
            },
            retained,
        );
        new aws.s3.BucketLifecycleConfiguration(
            `${name}-bucket-lifecycle`,
            { bucket: bucketName, rules: archiveLifecycleRules(settings) },
            { ...retained, dependsOn: [versioning] },
        );
        const bucketPolicy = new aws.s3.BucketPolicy(
            `${name}-bucket-policy`,
            {
                bucket: bucketName,
                policy: pulumi
                    .all([this.bucket.arn, trailOwnerAccountId, trailArn])
                    .apply(([bucketArn, account, sourceArn]) =>
                        JSON.stringify(
                            trailBucketPolicy({
                                bucketArn,
                                accountId: account,
                                trailArn: sourceArn,
                                organizationId: settings.organizationId,
                            }),
                        ),
                    ),
            },
            // S3 rejects a policy while the public access block is being changed; order them.
            { ...retained, dependsOn: [publicAccessBlock, ownership] },
        );

        this.logGroup = new aws.cloudwatch.LogGroup(
            `${name}-log-group`,
            {
                name: trailLogGroupName(settings.trailName),
                retentionInDays: settings.logRetentionDays,
                kmsKeyId: args.logGroupKmsKeyArn,
                tags,
            },
            // The name is fixed (the drill and the docs find the group by it), so a group retained by an earlier
            // stack blocks creating it again; adopting it is the way back (docs/deploying.md, "Deleting a stack").
            settings.adoptExistingLogGroup
                ? { ...retained, import: `aws-cloudtrail-logs-${settings.trailName}` }
                : retained,
        );

        this.role = new aws.iam.Role(
            `${name}-cloudwatch-logs-role`,
            {
                description: `Lets CloudTrail trail ${settings.trailName} write to its CloudWatch Logs log group`,
                assumeRolePolicy: JSON.stringify(cloudTrailAssumeRolePolicy()),
                tags,
            },
            parent,
        );
        const rolePolicy = new aws.iam.RolePolicy(
            `${name}-cloudwatch-logs-role-policy`,
            {
                role: this.role.id,
                policy: this.logGroup.arn.apply((arn) => JSON.stringify(cloudWatchLogsDeliveryPolicy(arn))),
            },
            parent,
        );

        this.trail = new aws.cloudtrail.Trail(
            `${name}-trail`,
            {
                name: settings.trailName,
                s3BucketName: bucketName,
                isMultiRegionTrail: settings.isMultiRegionTrail,
                includeGlobalServiceEvents: settings.includeGlobalServiceEvents,
                enableLogFileValidation: settings.enableLogFileValidation,
                isOrganizationTrail: settings.isOrganizationTrail,
                enableLogging: true,
                kmsKeyId: args.trailKmsKeyArn,
                cloudWatchLogsGroupArn: pulumi.interpolate`${this.logGroup.arn}:*`,
                cloudWatchLogsRoleArn: this.role.arn,
                eventSelectors: [
                    {
                        readWriteType: "All",
                        includeManagementEvents: true,
                        dataResources: dataEventResources(settings.dataEvents),
                    },
                ],
                insightSelectors: settings.enableInsights
                    ? [{ insightType: "ApiCallRateInsight" }, { insightType: "ApiErrorRateInsight" }]
                    : [],
                tags,
            },
            // CloudTrail validates bucket access and role permissions when the trail is created, and writes a test
            // object with the bucket's default encryption (with SSE-KMS and a Bucket Key, only once it is set); its
            // first log files must land in a versioned bucket (see the versioning above).
            { parent: this, dependsOn: [bucketPolicy, rolePolicy, encryption, versioning] },
        );

        this.trailArn = this.trail.arn;
        this.bucketName = bucketName;
        this.bucketArn = this.bucket.arn;
        this.logGroupName = this.logGroup.name;
        this.logGroupArn = this.logGroup.arn;
        this.roleArn = this.role.arn;
        this.registerOutputs({
            trailArn: this.trailArn,
            bucketName: this.bucketName,
            bucketArn: this.bucketArn,
            logGroupName: this.logGroupName,
            logGroupArn: this.logGroupArn,
            roleArn: this.roleArn,
        });
    }
}

function dataEventResources(
    dataEvents: AuditTrailDataEventsArgs,
): aws.types.input.cloudtrail.TrailEventSelectorDataResource[] {
    const resources: aws.types.input.cloudtrail.TrailEventSelectorDataResource[] = [];
    const add = (type: string, values: string[] | undefined) => {
        if (values !== undefined && values.length > 0) resources.push({ type, values });
    };
    add("AWS::S3::Object", dataEvents.s3ObjectArnPrefixes);
    add("AWS::Lambda::Function", dataEvents.lambdaFunctionArns);
    add("AWS::DynamoDB::Table", dataEvents.dynamoDbTableArns);
    return resources;
}

/**
 * Smallest object the Glacier IR transition moves: 128 KB. S3 Glacier Instant Retrieval bills every object as at
 * least 128 KB (Amazon S3 pricing; S3 User Guide, "Understanding and managing Amazon S3 storage classes"), and S3
 * Lifecycle by default does not transition objects smaller than 128 KB (S3 User Guide, "Transitioning objects
 * using Amazon S3 Lifecycle": `TransitionDefaultMinimumObjectSize` `all_storage_classes_128K`). The explicit filter
 * states what happens whatever the bucket's default, and no object costs more after the move than before.
 */
export const glacierTransitionMinimumObjectSize = 128 * 1024;

function archiveLifecycleRules(s: AuditTrailSettings): aws.types.input.s3.BucketLifecycleConfigurationRule[] {
    // Two rules: a size filter on the expiry rule would keep small log files forever.
    const rules: aws.types.input.s3.BucketLifecycleConfigurationRule[] = [
        {
            id: "archive-cloudtrail-logs",
            status: "Enabled",
            filter: {},
            expiration: s.archiveExpirationDays > 0 ? { days: s.archiveExpirationDays } : undefined,
            noncurrentVersionExpiration: { noncurrentDays: s.noncurrentVersionExpirationDays },
            abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
        },
    ];
    if (s.archiveTransitionDays > 0) {
        rules.push({
            id: "large-log-files-to-glacier-ir",
            status: "Enabled",
            // ObjectSizeGreaterThan is strict: objects of 128 KB and more move, smaller ones stay in S3 Standard.
            filter: { objectSizeGreaterThan: glacierTransitionMinimumObjectSize - 1 },
            transitions: [{ days: s.archiveTransitionDays, storageClass: "GLACIER_IR" }],
        });
    }
    return rules;
}
