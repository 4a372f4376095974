/**
 * Type tokens of the resources the policies look at, as the Pulumi engine reports them (`@pulumi/aws` 7.x).
 * Policies compare tokens instead of importing `@pulumi/aws`: the pack then loads in well under a second and
 * does not depend on the provider SDK's version.
 */
export const resourceTypes = {
    trail: "aws:cloudtrail/trail:Trail",
    bucket: "aws:s3/bucket:Bucket",
    bucketV2: "aws:s3/bucketV2:BucketV2",
    bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    bucketVersioning: "aws:s3/bucketVersioning:BucketVersioning",
    bucketVersioningV2: "aws:s3/bucketVersioningV2:BucketVersioningV2",
    bucketPublicAccessBlock: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    accountPublicAccessBlock: "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    logMetricFilter: "aws:cloudwatch/logMetricFilter:LogMetricFilter",
    metricAlarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
    snsTopic: "aws:sns/topic:Topic",
    snsTopicPolicy: "aws:sns/topicPolicy:TopicPolicy",
    athenaWorkgroup: "aws:athena/workgroup:Workgroup",
} as const;

/** Both S3 bucket resources a trail's archive can be (`Bucket` is the current one, `BucketV2` its v6 alias). */
export const bucketTypes: readonly string[] = [resourceTypes.bucket, resourceTypes.bucketV2];
