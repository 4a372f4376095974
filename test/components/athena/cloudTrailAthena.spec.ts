import * as assert from "assert";
import { CloudTrailAthena, CloudTrailAthenaArgs, cloudTrailTableColumns } from "@trailwatch/components";
import { CLOUDTRAIL_TABLE_COLUMNS, CloudTrailColumn } from "../../../cli/engines/sql";
import { offlineEnabledRegions } from "../../../cli/engines/offline/offlineMocks";
import { ProgramRun, runUnderMocks } from "../../../cli/engines/offline/runProgram";
import { simulate } from "../../support/iamSimulation";
import { onlyResource, policyDocumentOf } from "../../support/recordedResources";

// What these tests prove: the exact inputs CloudTrailAthena sends to the AWS provider (the table's columns, SerDe
// and partition projection, the workgroup's enforced encrypted results, the results bucket's protections). What
// they cannot prove: that Glue and Athena accept them and read the trail's files; the column list is AWS's DDL
// (cited in the component), the SQL translation's column map is checked against it below, and the policy pack
// guards the workgroup on every stack.

const account = "111122223333";
const region = "eu-west-1";
const regionConfig = { values: { "aws:region": region }, secretKeys: new Set<string>() };
const trailBucket = "audit-bucket-4f1e581";

/** The results bucket's name and ARN, as the bucket policy (which sends both) received them. */
function resultsBucket(run: ProgramRun): { name: string; arn: string } {
    const name = onlyResource(run, "aws:s3/bucketPolicy:BucketPolicy").inputs.bucket as string;
    return { name, arn: `arn:aws:s3:::${name}` };
}

async function construct(args: Partial<CloudTrailAthenaArgs> = {}, name = "athena"): Promise<ProgramRun> {
    const run = await runUnderMocks({ config: regionConfig }, async () => {
        new CloudTrailAthena(name, { trailBucketName: trailBucket, accountId: account, ...args });
    });
    if (run.error !== undefined) throw run.error;
    return run;
}

const projection = {
    classification: "cloudtrail",
    EXTERNAL: "TRUE",
    "projection.enabled": "true",
    "projection.timestamp.type": "date",
    "projection.timestamp.format": "yyyy/MM/dd",
    "projection.timestamp.range": "2020/01/01,NOW",
    "projection.timestamp.interval": "1",
    "projection.timestamp.interval.unit": "DAYS",
    "projection.region.type": "enum",
    // By default every region enabled for the account: what `aws.getRegions` answers (the mocks: the regions AWS
    // enables in a new account), so a multi-region trail is read whole.
    "projection.region.values": offlineEnabledRegions.join(","),
};

describe("CloudTrailAthena", () => {
    let run: ProgramRun;

    before(async () => {
        run = await construct();
    });

    it("creates exactly the documented children, named from the component and parented to it", () => {
        const component = onlyResource(run, "trailwatch:index:CloudTrailAthena");
        const children = run.resources.filter((r) => r.parent === component.urn);
        assert.deepStrictEqual(children.map((r) => `${r.type} ${r.name}`).sort(), [
            "aws:athena/workgroup:Workgroup athena-workgroup",
            "aws:glue/catalogDatabase:CatalogDatabase athena-database",
            "aws:glue/catalogTable:CatalogTable athena-table",
            "aws:s3/bucket:Bucket athena-results",
            "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration athena-results-lifecycle",
            "aws:s3/bucketOwnershipControls:BucketOwnershipControls athena-results-ownership",
            "aws:s3/bucketPolicy:BucketPolicy athena-results-policy",
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock athena-results-public-access-block",
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration athena-results-encryption",
        ]);
        assert.strictEqual(run.resources.length, children.length + 2, "only the stack, the component and its children");
    });

    it("creates the Glue database and the CloudTrail table of the Athena user guide, projected over the trail bucket", () => {
        assert.deepStrictEqual(onlyResource(run, "aws:glue/catalogDatabase:CatalogDatabase").inputs, {
            name: "athena",
            description: "CloudTrail logs for trailwatch backtests",
        });
        const table = onlyResource(run, "aws:glue/catalogTable:CatalogTable");
        assert.deepStrictEqual(table.inputs, {
            name: "cloudtrail_logs",
            databaseName: "athena",
            tableType: "EXTERNAL_TABLE",
            parameters: {
                ...projection,
                "storage.location.template": `s3://${trailBucket}/AWSLogs/${account}/CloudTrail/\${region}/\${timestamp}`,
            },
            partitionKeys: [
                { name: "region", type: "string" },
                { name: "timestamp", type: "string" },
            ],
            storageDescriptor: {
                location: `s3://${trailBucket}/AWSLogs/${account}/CloudTrail/`,
                inputFormat: "com.amazon.emr.cloudtrail.CloudTrailInputFormat",
                outputFormat: "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
                serDeInfo: { serializationLibrary: "org.apache.hive.hcatalog.data.JsonSerDe" },
                columns: cloudTrailTableColumns.map((c) => ({ ...c })),
            },
        });
    });

    it("has every column and struct field the SQL translation reads, with the type it assumes", () => {
        const types = new Map(cloudTrailTableColumns.map((c) => [c.name, c.type]));
        const fieldsOf = (type: string) => type.toLowerCase();
        const check = (column: CloudTrailColumn, type: string | undefined, where: string) => {
            assert.ok(type !== undefined, `${where}: no such column`);
            if (column.kind === "struct") {
                assert.ok(type.startsWith("struct<"), `${where} is a struct`);
                for (const [, field] of Object.entries(column.fields)) {
                    assert.ok(new RegExp(`[<,]${field.column}:`).test(fieldsOf(type)), `${where}.${field.column}`);
                }
            } else if (column.kind !== "unsupported") {
                assert.strictEqual(type, "string", where);
            }
        };
        for (const [field, column] of Object.entries(CLOUDTRAIL_TABLE_COLUMNS)) {
            check(column, types.get(column.column), field);
        }
        assert.deepStrictEqual(
            cloudTrailTableColumns.filter((c) => c.name === "timestamp"),
            [],
            "timestamp is the partition column, not a data column",
        );
    });

    it("reads an organization trail's accounts and the regions asked for", async () => {
        const org = await construct({
            organizationId: "o-a1b2c3d4e5",
            accountIds: [account, "444455556666"],
            regions: ["us-east-1", region],
            projectionStartDate: "2024/06/01",
        });
        const table = onlyResource(org, "aws:glue/catalogTable:CatalogTable");
        assert.deepStrictEqual(table.inputs.parameters, {
            ...projection,
            "projection.timestamp.range": "2024/06/01,NOW",
            "projection.region.values": `us-east-1,${region}`,
            "projection.account.type": "enum",
            "projection.account.values": `${account},444455556666`,
            "storage.location.template": `s3://${trailBucket}/AWSLogs/o-a1b2c3d4e5/\${account}/CloudTrail/\${region}/\${timestamp}`,
        });
        assert.deepStrictEqual(table.inputs.partitionKeys, [
            { name: "account", type: "string" },
            { name: "region", type: "string" },
            { name: "timestamp", type: "string" },
        ]);
        assert.strictEqual(
            (table.inputs.storageDescriptor as Record<string, unknown>).location,
            `s3://${trailBucket}/AWSLogs/o-a1b2c3d4e5/`,
        );
    });

    it("enforces the workgroup's configuration: SSE_S3 results in its own bucket, no cutoff unless asked", () => {
        const bucket = onlyResource(run, "aws:s3/bucket:Bucket");
        assert.deepStrictEqual(bucket.inputs, { forceDestroy: true });
        const workgroup = onlyResource(run, "aws:athena/workgroup:Workgroup");
        assert.deepStrictEqual(workgroup.inputs, {
            name: "athena",
            description: "trailwatch backtests over the CloudTrail table",
            forceDestroy: true,
            configuration: {
                enforceWorkgroupConfiguration: true,
                publishCloudwatchMetricsEnabled: true,
                resultConfiguration: {
                    outputLocation: `s3://${resultsBucket(run).name}/results/`,
                    encryptionConfiguration: { encryptionOption: "SSE_S3" },
                },
            },
        });
    });

    it("uses SSE_KMS with the given key for results and the bucket, and the bytes-scanned cutoff", async () => {
        const key = `arn:aws:kms:${region}:${account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
        const kms = await construct({ resultsKmsKeyArn: key, bytesScannedCutoffPerQuery: 10_000_000_000 });
        const configuration = onlyResource(kms, "aws:athena/workgroup:Workgroup").inputs.configuration as Record<
            string,
            unknown
        >;
        assert.strictEqual(configuration.bytesScannedCutoffPerQuery, 10_000_000_000);
        assert.deepStrictEqual((configuration.resultConfiguration as Record<string, unknown>).encryptionConfiguration, {
            encryptionOption: "SSE_KMS",
            kmsKeyArn: key,
        });
        assert.deepStrictEqual(
            onlyResource(kms, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration")
                .inputs.rules,
            [
                {
                    applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key },
                    bucketKeyEnabled: true,
                },
            ],
        );
    });

    it("keeps the results bucket private, owner-enforced, encrypted and expiring results after 7 days", () => {
        const bucketName = resultsBucket(run).name;
        assert.deepStrictEqual(onlyResource(run, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").inputs, {
            bucket: bucketName,
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
        });
        assert.deepStrictEqual(onlyResource(run, "aws:s3/bucketOwnershipControls:BucketOwnershipControls").inputs, {
            bucket: bucketName,
            rule: { objectOwnership: "BucketOwnerEnforced" },
        });
        assert.deepStrictEqual(
            onlyResource(run, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration")
                .inputs.rules,
            [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
        );
        assert.deepStrictEqual(
            onlyResource(run, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").inputs,
            {
                bucket: bucketName,
                rules: [
                    {
                        id: "expire-query-results",
                        status: "Enabled",
                        filter: {},
                        expiration: { days: 7 },
                        abortIncompleteMultipartUpload: { daysAfterInitiation: 1 },
                    },
                ],
            },
        );
    });

    it("sends a TLS-only bucket policy, after the public access block and ownership controls", () => {
        const policy = onlyResource(run, "aws:s3/bucketPolicy:BucketPolicy");
        const arn = resultsBucket(run).arn;
        assert.deepStrictEqual(policyDocumentOf(policy, "policy"), {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "DenyInsecureTransport",
                    Effect: "Deny",
                    Principal: "*",
                    Action: "s3:*",
                    Resource: [arn, `${arn}/*`],
                    Condition: { Bool: { "aws:SecureTransport": "false" } },
                },
            ],
        });
        assert.deepStrictEqual(
            policy.dependencies.map((urn) => urn.split("::").pop()).sort(),
            ["athena-results", "athena-results-ownership", "athena-results-public-access-block"].sort(),
        );
    });

    it("is judged by iam-simulate: an administrator reads results over TLS, and is denied without it", async () => {
        const arn = resultsBucket(run).arn;
        const request = (secure: string) => ({
            principal: `arn:aws:iam::${account}:role/security-admin`,
            action: "s3:GetObject",
            resource: `${arn}/results/0b0f2c1e-query.csv`,
            resourceAccount: account,
            context: { "aws:SecureTransport": secure },
            resourcePolicy: {
                name: "results bucket policy",
                document: policyDocumentOf(onlyResource(run, "aws:s3/bucketPolicy:BucketPolicy"), "policy"),
            },
            identityPolicies: [
                {
                    name: "administrator policy",
                    document: {
                        Version: "2012-10-17",
                        Statement: [{ Sid: "Everything", Effect: "Allow", Action: "*", Resource: "*" }],
                    },
                },
            ],
        });
        const withTls = await simulate(request("true"));
        assert.strictEqual(withTls.result, "Allowed", withTls.explain);
        const withoutTls = await simulate(request("false"));
        assert.strictEqual(withoutTls.result, "ExplicitlyDenied", withoutTls.explain);
        assert.deepStrictEqual(withoutTls.decidedBy, ["results bucket policy: DenyInsecureTransport"]);
    });

    it("refuses bad arguments before registering anything, naming each", async () => {
        await assert.rejects(
            construct({
                databaseName: "Audit-Logs",
                resultsExpirationDays: 0,
                bytesScannedCutoffPerQuery: 1000,
                projectionStartDate: "2024-06-01",
            }),
            {
                message:
                    'CloudTrailAthena athena: databaseName "Audit-Logs" must be lower-case letters, digits and _; ' +
                    "resultsExpirationDays must be a whole number of days, at least 1; " +
                    "bytesScannedCutoffPerQuery must be a whole number of bytes, at least 10000000 (10 MB); " +
                    'projectionStartDate "2024-06-01" must be yyyy/MM/dd',
            },
        );
    });
});
