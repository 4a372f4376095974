import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PolicyDocument, denyInsecureS3Transport } from "../trail/trailPolicies";

/** Arguments of `CloudTrailAthena`. */
export interface CloudTrailAthenaArgs {
    /** Name of the S3 bucket the trail delivers to (`AuditTrail.bucketName`). */
    trailBucketName: pulumi.Input<string>;
    /** The account whose log files the table reads (the trail's account). */
    accountId: pulumi.Input<string>;
    /**
     * ID of the AWS Organization when the trail is an organization trail: its log files are then under
     * `AWSLogs/<organizationId>/<account>/CloudTrail/`, and `accountIds` names the accounts the table reads.
     * @default none (a single-account trail: `AWSLogs/<accountId>/CloudTrail/`)
     */
    organizationId?: pulumi.Input<string>;
    /**
     * For an organization trail, the member accounts whose log files the table reads (the `account` partition).
     * @default [accountId]
     */
    accountIds?: pulumi.Input<string>[];
    /**
     * The regions whose log files the table reads (the `region` partition). A multi-region trail writes one
     * prefix per region; global service events are in us-east-1.
     * @default every region enabled for the account (`aws.getRegions`, EC2 `DescribeRegions`: the regions a
     * multi-region trail records in); a region without log files only costs Athena an empty S3 listing
     */
    regions?: pulumi.Input<string>[];
    /**
     * Name of the Glue database (lower-case letters, digits and `_`).
     * @default `name` with every other character replaced by `_`
     */
    databaseName?: string;
    /**
     * Name of the CloudTrail table.
     * @default "cloudtrail_logs"
     */
    tableName?: string;
    /**
     * First day of the `timestamp` projection (`yyyy/MM/dd`): no partition before it exists.
     * @default "2020/01/01"
     */
    projectionStartDate?: string;
    /**
     * Name of the Athena workgroup.
     * @default `name`
     */
    workgroupName?: string;
    /**
     * Days after which query results are deleted from the results bucket.
     * @default 7
     */
    resultsExpirationDays?: number;
    /**
     * KMS key ARN to encrypt query results with (SSE_KMS); without it results use SSE_S3.
     * @default none (SSE_S3)
     */
    resultsKmsKeyArn?: pulumi.Input<string>;
    /**
     * Largest number of bytes one query may scan before Athena cancels it (at least 10 MB): a cost guard.
     * @default none (no limit)
     */
    bytesScannedCutoffPerQuery?: number;
    /** Tags for the resources that take them. @default none */
    tags?: Record<string, string>;
}

/**
 * The CloudTrail table's columns, in the order and with the Hive types of the `CREATE EXTERNAL TABLE` statement
 * of the Amazon Athena User Guide, "Create the table for CloudTrail logs in Athena using partition projection"
 * (https://docs.aws.amazon.com/athena/latest/ug/create-cloudtrail-table-partition-projection.html); the names
 * `src/sql/cloudTrailTable.ts` translates selectors to.
 */
export const cloudTrailTableColumns: readonly { name: string; type: string }[] = [
    { name: "eventversion", type: "string" },
    {
        name: "useridentity",
        type:
            "struct<type:string,principalid:string,arn:string,accountid:string,invokedby:string,accesskeyid:string," +
            "username:string,onbehalfof:struct<userid:string,identitystorearn:string>," +
            "sessioncontext:struct<attributes:struct<mfaauthenticated:string,creationdate:string>," +
            "sessionissuer:struct<type:string,principalid:string,arn:string,accountid:string,username:string>," +
            "ec2roledelivery:string,webidfederationdata:struct<federatedprovider:string,attributes:map<string,string>>>>",
    },
    { name: "eventtime", type: "string" },
    { name: "eventsource", type: "string" },
    { name: "eventname", type: "string" },
    { name: "awsregion", type: "string" },
    { name: "sourceipaddress", type: "string" },
    { name: "useragent", type: "string" },
    { name: "errorcode", type: "string" },
    { name: "errormessage", type: "string" },
    { name: "requestparameters", type: "string" },
    { name: "responseelements", type: "string" },
    { name: "additionaleventdata", type: "string" },
    { name: "requestid", type: "string" },
    { name: "eventid", type: "string" },
    { name: "readonly", type: "string" },
    { name: "resources", type: "array<struct<arn:string,accountid:string,type:string>>" },
    { name: "eventtype", type: "string" },
    { name: "apiversion", type: "string" },
    { name: "recipientaccountid", type: "string" },
    { name: "serviceeventdetails", type: "string" },
    { name: "sharedeventid", type: "string" },
    { name: "vpcendpointid", type: "string" },
    { name: "vpcendpointaccountid", type: "string" },
    { name: "eventcategory", type: "string" },
    {
        name: "addendum",
        type: "struct<reason:string,updatedfields:string,originalrequestid:string,originaleventid:string>",
    },
    { name: "sessioncredentialfromconsole", type: "string" },
    { name: "edgedevicedetails", type: "string" },
    { name: "tlsdetails", type: "struct<tlsversion:string,ciphersuite:string,clientprovidedhostheader:string>" },
];

/**
 * Where the table reads: CloudTrail's S3 layout (CloudTrail User Guide, "Finding your CloudTrail log files":
 * `AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/`, and `AWSLogs/<organization>/<account>/...` for an
 * organization trail), with `${...}` the projected partitions Athena substitutes (Athena User Guide, "Set up
 * partition projection": `storage.location.template`).
 */
export function cloudTrailLocationTemplate(p: { bucket: string; accountId: string; organizationId?: string }): string {
    const accountPath = p.organizationId === undefined ? p.accountId : `${p.organizationId}/\${account}`;
    return `s3://${p.bucket}/AWSLogs/${accountPath}/CloudTrail/\${region}/\${timestamp}`;
}

/**
 * The results bucket's policy: any request without TLS is denied (S3 User Guide, "Security best practices for
 * Amazon S3": `aws:SecureTransport`).
 */
export function athenaResultsBucketPolicy(bucketArn: string): PolicyDocument {
    return { Version: "2012-10-17", Statement: [denyInsecureS3Transport(bucketArn)] };
}

/**
 * What `trailwatch backtest --engine athena` queries: a Glue database, the CloudTrail table of the Athena user
 * guide with partition projection over the trail bucket (no partitions to load, ever), and an Athena workgroup
 * that enforces its configuration: results encrypted in a private, TLS-only bucket that deletes them after
 * `resultsExpirationDays`.
 */
export class CloudTrailAthena extends pulumi.ComponentResource {
    /** The Glue database. */
    public readonly database: aws.glue.CatalogDatabase;
    /** The CloudTrail table. */
    public readonly table: aws.glue.CatalogTable;
    /** The Athena workgroup. */
    public readonly workgroup: aws.athena.Workgroup;
    /** The bucket holding query results. */
    public readonly resultsBucket: aws.s3.Bucket;

    /** Name of the Glue database. */
    public readonly databaseName: pulumi.Output<string>;
    /** Name of the CloudTrail table. */
    public readonly tableName: pulumi.Output<string>;
    /** Name of the Athena workgroup. */
    public readonly workgroupName: pulumi.Output<string>;
    /** S3 URI the workgroup writes query results to. */
    public readonly outputLocation: pulumi.Output<string>;

    constructor(name: string, args: CloudTrailAthenaArgs, opts?: pulumi.ComponentResourceOptions) {
        const databaseName = args.databaseName ?? name.toLowerCase().replace(/[^a-z0-9_]/g, "_");
        const tableName = args.tableName ?? "cloudtrail_logs";
        const expirationDays = args.resultsExpirationDays ?? 7;
        const problems: string[] = [];
        // AWS Glue Developer Guide, "Names": lower-case letters, numbers and the underscore.
        if (!/^[a-z0-9_]{1,255}$/.test(databaseName))
            problems.push(`databaseName "${databaseName}" must be lower-case letters, digits and _`);
        if (!/^[a-z0-9_]{1,255}$/.test(tableName))
            problems.push(`tableName "${tableName}" must be lower-case letters, digits and _`);
        if (!Number.isInteger(expirationDays) || expirationDays < 1)
            problems.push("resultsExpirationDays must be a whole number of days, at least 1");
        // Athena API Reference, WorkGroupConfiguration: BytesScannedCutoffPerQuery minimum 10000000.
        if (
            args.bytesScannedCutoffPerQuery !== undefined &&
            !(Number.isInteger(args.bytesScannedCutoffPerQuery) && args.bytesScannedCutoffPerQuery >= 10_000_000)
        )
            problems.push("bytesScannedCutoffPerQuery must be a whole number of bytes, at least 10000000 (10 MB)");
        if (args.projectionStartDate !== undefined && !/^\d{4}\/\d{2}\/\d{2}$/.test(args.projectionStartDate))
            problems.push(`projectionStartDate "${args.projectionStartDate}" must be yyyy/MM/dd`);
        if (problems.length > 0) throw new Error(`CloudTrailAthena ${name}: ${problems.join("; ")}`);

        super("trailwatch:index:CloudTrailAthena", name, args, opts);
        const parent = { parent: this };
        const tags = args.tags;

        this.database = new aws.glue.CatalogDatabase(
            `${name}-database`,
            { name: databaseName, description: "CloudTrail logs for trailwatch backtests", tags },
            parent,
        );

        const isOrganization = args.organizationId !== undefined;
        // Pulumi AWS `getRegions` without `allRegions`: "Enabled AWS Regions" (its doc's example), the regions the
        // account can use and a multi-region trail records in.
        const regions =
            args.regions !== undefined ? pulumi.output(args.regions) : aws.getRegionsOutput({}, parent).names;
        const accountIds = pulumi.output(args.accountIds ?? [args.accountId]);
        // Athena User Guide, "Supported types for partition projection": `date` (format, range with NOW, interval)
        // and `enum` (comma-separated values); "Set up partition projection": `projection.enabled`.
        const parameters = pulumi
            .all([args.trailBucketName, args.accountId, args.organizationId, regions, accountIds])
            .apply(([bucket, accountId, organizationId, r, a]) => ({
                classification: "cloudtrail",
                EXTERNAL: "TRUE",
                "projection.enabled": "true",
                "projection.timestamp.type": "date",
                "projection.timestamp.format": "yyyy/MM/dd",
                "projection.timestamp.range": `${args.projectionStartDate ?? "2020/01/01"},NOW`,
                "projection.timestamp.interval": "1",
                "projection.timestamp.interval.unit": "DAYS",
                "projection.region.type": "enum",
                "projection.region.values": r.join(","),
                ...(organizationId === undefined
                    ? {}
                    : { "projection.account.type": "enum", "projection.account.values": a.join(",") }),
                "storage.location.template": cloudTrailLocationTemplate({ bucket, accountId, organizationId }),
            }));
        const location = pulumi
            .all([args.trailBucketName, args.accountId, args.organizationId])
            .apply(([bucket, accountId, organizationId]) =>
                organizationId === undefined
                    ? `s3://${bucket}/AWSLogs/${accountId}/CloudTrail/`
                    : `s3://${bucket}/AWSLogs/${organizationId}/`,
            );

        this.table = new aws.glue.CatalogTable(
            `${name}-table`,
            {
                name: tableName,
                databaseName: this.database.name,
                tableType: "EXTERNAL_TABLE",
                parameters,
                partitionKeys: [
                    ...(isOrganization ? [{ name: "account", type: "string" }] : []),
                    { name: "region", type: "string" },
                    { name: "timestamp", type: "string" },
                ],
                storageDescriptor: {
                    location,
                    // The DDL of the page cited at cloudTrailTableColumns: the Hive JSON SerDe over CloudTrail's
                    // input format (which reads each file's Records array).
                    inputFormat: "com.amazon.emr.cloudtrail.CloudTrailInputFormat",
                    outputFormat: "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
                    serDeInfo: { serializationLibrary: "org.apache.hive.hcatalog.data.JsonSerDe" },
                    columns: cloudTrailTableColumns.map((c) => ({ ...c })),
                },
            },
            parent,
        );

        // Query results are disposable (unlike the audit archive): emptied and deleted with the stack.
        this.resultsBucket = new aws.s3.Bucket(`${name}-results`, { forceDestroy: true, tags }, parent);
        const bucketName = this.resultsBucket.bucket;
        const ownership = new aws.s3.BucketOwnershipControls(
            `${name}-results-ownership`,
            { bucket: bucketName, rule: { objectOwnership: "BucketOwnerEnforced" } },
            parent,
        );
        const publicAccessBlock = new aws.s3.BucketPublicAccessBlock(
            `${name}-results-public-access-block`,
            {
                bucket: bucketName,
                blockPublicAcls: true,
                blockPublicPolicy: true,
                ignorePublicAcls: true,
                restrictPublicBuckets: true,
            },
            parent,
        );
        new aws.s3.BucketServerSideEncryptionConfiguration(
            `${name}-results-encryption`,
            {
                bucket: bucketName,
                rules: [
                    args.resultsKmsKeyArn === undefined
                        ? { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }
                        : {
                              applyServerSideEncryptionByDefault: {
                                  sseAlgorithm: "aws:kms",
                                  kmsMasterKeyId: args.resultsKmsKeyArn,
                              },
                              bucketKeyEnabled: true,
                          },
                ],
            },
            parent,
        );
        new aws.s3.BucketLifecycleConfiguration(
            `${name}-results-lifecycle`,
            {
                bucket: bucketName,
                rules: [
                    {
                        id: "expire-query-results",
                        status: "Enabled",
                        filter: {},
                        expiration: { days: expirationDays },
                        abortIncompleteMultipartUpload: { daysAfterInitiation: 1 },
                    },
                ],
            },
            parent,
        );
        new aws.s3.BucketPolicy(
            `${name}-results-policy`,
            {
                bucket: bucketName,
                policy: this.resultsBucket.arn.apply((arn) => JSON.stringify(athenaResultsBucketPolicy(arn))),
            },
            // S3 rejects a policy while the public access block is being changed; order them.
            { parent: this, dependsOn: [publicAccessBlock, ownership] },
        );

        const outputLocation = pulumi.interpolate`s3://${bucketName}/results/`;
        this.workgroup = new aws.athena.Workgroup(
            `${name}-workgroup`,
            {
                name: args.workgroupName ?? name,
                description: "trailwatch backtests over the CloudTrail table",
                // Athena API Reference, WorkGroupConfiguration: EnforceWorkGroupConfiguration makes the workgroup's
                // results location and encryption override the client's; the workgroup is deleted with its history.
                forceDestroy: true,
                configuration: {
                    enforceWorkgroupConfiguration: true,
                    publishCloudwatchMetricsEnabled: true,
                    bytesScannedCutoffPerQuery: args.bytesScannedCutoffPerQuery,
                    resultConfiguration: {
                        outputLocation,
                        encryptionConfiguration:
                            args.resultsKmsKeyArn === undefined
                                ? { encryptionOption: "SSE_S3" }
                                : { encryptionOption: "SSE_KMS", kmsKeyArn: args.resultsKmsKeyArn },
                    },
                },
                tags,
            },
            parent,
        );

        this.databaseName = this.database.name;
        this.tableName = this.table.name;
        this.workgroupName = this.workgroup.name;
        this.outputLocation = outputLocation;
        this.registerOutputs({
            databaseName: this.databaseName,
            tableName: this.tableName,
            workgroupName: this.workgroupName,
            outputLocation: this.outputLocation,
        });
    }
}
