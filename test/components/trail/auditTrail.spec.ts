import * as assert from "assert";
import {
    AuditTrail,
    AuditTrailArgs,
    cloudWatchLogsRetentionDays,
    glacierTransitionMinimumObjectSize,
    trailNameProblem,
    validateAuditTrailArgs,
} from "@trailwatch/components";
import { offlineOrganization } from "../../../cli/engines/offline/offlineMocks";
import { ProgramRun, runUnderMocks } from "../../../cli/engines/offline/runProgram";
import { onlyResource, policyDocumentOf } from "../../support/recordedResources";

// What these tests prove: the exact inputs AuditTrail sends to the AWS provider (policies, selectors, options,
// names, parents, dependencies). What they cannot prove: that AWS accepts them. The policy pack and the
// offline check guard the same properties on every stack; `pulumi preview` against an account closes the gap.

const account = "111122223333";
const region = "eu-west-1";
const regionConfig = { values: { "aws:region": region }, secretKeys: new Set<string>() };

async function construct(args: AuditTrailArgs = {}, name = "audit"): Promise<ProgramRun> {
    const run = await runUnderMocks({ config: regionConfig }, async () => {
        new AuditTrail(name, args);
    });
    if (run.error !== undefined) throw run.error;
    return run;
}

describe("AuditTrail", () => {
    let run: ProgramRun;
    const trailArn = `arn:aws:cloudtrail:${region}:${account}:trail/audit`;

    before(async () => {
        run = await construct();
    });

    it("creates exactly the documented children, named from the component and parented to it", () => {
        const component = onlyResource(run, "trailwatch:index:AuditTrail");
        const children = run.resources.filter((r) => r.parent === component.urn);
        assert.deepStrictEqual(children.map((r) => `${r.type} ${r.name}`).sort(), [
            "aws:cloudtrail/trail:Trail audit-trail",
            "aws:cloudwatch/logGroup:LogGroup audit-log-group",
            "aws:iam/role:Role audit-cloudwatch-logs-role",
            "aws:iam/rolePolicy:RolePolicy audit-cloudwatch-logs-role-policy",
            "aws:s3/bucket:Bucket audit-bucket",
            "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration audit-bucket-lifecycle",
            "aws:s3/bucketOwnershipControls:BucketOwnershipControls audit-bucket-ownership",
            "aws:s3/bucketPolicy:BucketPolicy audit-bucket-policy",
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock audit-bucket-public-access-block",
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration audit-bucket-encryption",
            "aws:s3/bucketVersioning:BucketVersioning audit-bucket-versioning",
        ]);
        assert.strictEqual(run.resources.length, children.length + 2, "only the stack, the component and its children");
    });

    it("records a multi-region trail with global events, log file validation, read+write management events and both Insights types", () => {
        const trail = onlyResource(run, "aws:cloudtrail/trail:Trail");
        const bucket = onlyResource(run, "aws:s3/bucket:Bucket");
        assert.deepStrictEqual(trail.inputs, {
            name: "audit",
            s3BucketName: "audit-bucket-4f1e581",
            isMultiRegionTrail: true,
            includeGlobalServiceEvents: true,
            enableLogFileValidation: true,
            isOrganizationTrail: false,
            enableLogging: true,
            cloudWatchLogsGroupArn: `arn:aws:logs:${region}:${account}:log-group:aws-cloudtrail-logs-audit:*`,
            cloudWatchLogsRoleArn: `arn:aws:iam::${account}:role/audit-cloudwatch-logs-role-54bf3a7`,
            eventSelectors: [{ readWriteType: "All", includeManagementEvents: true, dataResources: [] }],
            insightSelectors: [{ insightType: "ApiCallRateInsight" }, { insightType: "ApiErrorRateInsight" }],
        });
        assert.strictEqual(
            bucket.inputs.forceDestroy,
            undefined,
            "no forceDestroy: a retained (non-empty) archive is never emptied by Pulumi",
        );
    });

    it("makes the trail wait for the bucket policy, the role policy and the bucket's encryption configuration", () => {
        // With SSE-KMS and a Bucket Key, CloudTrail's delivery check writes with the bucket's default encryption.
        const trail = onlyResource(run, "aws:cloudtrail/trail:Trail");
        for (const type of [
            "aws:s3/bucketPolicy:BucketPolicy",
            "aws:iam/rolePolicy:RolePolicy",
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        ]) {
            assert.ok(trail.dependencies.includes(onlyResource(run, type).urn), `trail depends on ${type}`);
        }
    });

    it("enables versioning before the trail writes its first log file and before the noncurrent-version lifecycle rule", () => {
        // S3 User Guide, "Enabling versioning on buckets": writes before versioning is in place may create
        // unversioned objects, which a later delete or overwrite removes for good.
        const versioning = onlyResource(run, "aws:s3/bucketVersioning:BucketVersioning").urn;
        assert.ok(onlyResource(run, "aws:cloudtrail/trail:Trail").dependencies.includes(versioning), "trail");
        assert.ok(
            onlyResource(run, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").dependencies.includes(
                versioning,
            ),
            "lifecycle configuration",
        );
    });

    it("lets only this trail read the bucket ACL and write under AWSLogs/<account>/, and denies requests without TLS", () => {
        const bucketArn = "arn:aws:s3:::audit-bucket-4f1e581";
        assert.deepStrictEqual(policyDocumentOf(onlyResource(run, "aws:s3/bucketPolicy:BucketPolicy"), "policy"), {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "AWSCloudTrailAclCheck",
                    Effect: "Allow",
                    Principal: { Service: "cloudtrail.amazonaws.com" },
                    Action: "s3:GetBucketAcl",
                    Resource: bucketArn,
                    Condition: { StringEquals: { "aws:SourceArn": trailArn } },
                },
                {
                    Sid: "AWSCloudTrailWrite",
                    Effect: "Allow",
                    Principal: { Service: "cloudtrail.amazonaws.com" },
                    Action: "s3:PutObject",
                    Resource: `${bucketArn}/AWSLogs/${account}/*`,
                    Condition: { StringEquals: { "aws:SourceArn": trailArn } },
                },
                {
                    Sid: "DenyInsecureTransport",
                    Effect: "Deny",
                    Principal: "*",
                    Action: "s3:*",
                    Resource: [bucketArn, `${bucketArn}/*`],
                    Condition: { Bool: { "aws:SecureTransport": "false" } },
                },
            ],
        });
    });

    it("blocks all public access, enforces bucket-owner object ownership, versions and encrypts the archive (SSE-S3)", () => {
        const bucketName = "audit-bucket-4f1e581";
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
        assert.deepStrictEqual(onlyResource(run, "aws:s3/bucketVersioning:BucketVersioning").inputs, {
            bucket: bucketName,
            versioningConfiguration: { status: "Enabled" },
        });
        assert.deepStrictEqual(
            onlyResource(run, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration")
                .inputs,
            { bucket: bucketName, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] },
        );
    });

    it("applies the documented lifecycle defaults: files of 128 KB or more to Glacier IR after 90 days, every file expires after 2557, noncurrent after 365", () => {
        // S3 Lifecycle does not transition objects under 128 KB by default, and Glacier IR bills each object as at
        // least 128 KB: the size filter says so explicitly. The expiry rule has no size filter, so small files expire.
        assert.deepStrictEqual(
            onlyResource(run, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").inputs,
            {
                bucket: "audit-bucket-4f1e581",
                rules: [
                    {
                        id: "archive-cloudtrail-logs",
                        status: "Enabled",
                        filter: {},
                        expiration: { days: 2557 },
                        noncurrentVersionExpiration: { noncurrentDays: 365 },
                        abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
                    },
                    {
                        id: "large-log-files-to-glacier-ir",
                        status: "Enabled",
                        filter: { objectSizeGreaterThan: 131071 },
                        transitions: [{ days: 90, storageClass: "GLACIER_IR" }],
                    },
                ],
            },
        );
        assert.strictEqual(glacierTransitionMinimumObjectSize, 128 * 1024);
    });

    it("has no transition rule when archiveTransitionDays is 0, and still expires every file", async () => {
        const r = await construct({ archiveTransitionDays: 0 });
        const rules = onlyResource(r, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").inputs
            .rules as { id: string; filter: unknown; expiration?: unknown }[];
        assert.deepStrictEqual(
            rules.map((x) => [x.id, x.filter, x.expiration]),
            [["archive-cloudtrail-logs", {}, { days: 2557 }]],
        );
    });

    it("keeps log events 365 days by default, in a log group named after the trail", () => {
        assert.deepStrictEqual(onlyResource(run, "aws:cloudwatch/logGroup:LogGroup").inputs, {
            name: "aws-cloudtrail-logs-audit",
            retentionInDays: 365,
        });
    });

    it("lets CloudTrail assume the role with no confused-deputy condition (which CloudTrail does not support there); the role may only create streams and put events in the log group", () => {
        // CloudTrail User Guide, "Role policy document for CloudTrail to use CloudWatch Logs for monitoring": with
        // aws:SourceArn or aws:SourceAccount in this trust policy, CreateTrail fails (InvalidCloudWatchLogsRoleArnException).
        assert.deepStrictEqual(policyDocumentOf(onlyResource(run, "aws:iam/role:Role"), "assumeRolePolicy"), {
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Principal: { Service: "cloudtrail.amazonaws.com" },
                    Action: "sts:AssumeRole",
                },
            ],
        });
        assert.deepStrictEqual(policyDocumentOf(onlyResource(run, "aws:iam/rolePolicy:RolePolicy"), "policy"), {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "AWSCloudTrailDeliverToLogGroup",
                    Effect: "Allow",
                    Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                    Resource: `arn:aws:logs:${region}:${account}:log-group:aws-cloudtrail-logs-audit:log-stream:*`,
                },
            ],
        });
    });

    it("retains the bucket, its configuration and the log group on delete, and nothing else", () => {
        const retained = run.resources.filter((r) => r.options.retainOnDelete).map((r) => r.name);
        assert.deepStrictEqual(retained.sort(), [
            "audit-bucket",
            "audit-bucket-encryption",
            "audit-bucket-lifecycle",
            "audit-bucket-ownership",
            "audit-bucket-policy",
            "audit-bucket-public-access-block",
            "audit-bucket-versioning",
            "audit-log-group",
        ]);
    });

    it("registers the outputs a caller composes with", () => {
        const component = onlyResource(run, "trailwatch:index:AuditTrail");
        assert.strictEqual(component.custom, false);
        assert.strictEqual(component.parent, onlyResource(run, "pulumi:pulumi:Stack").urn);
    });

    it("retains nothing when retainOnDelete is false, and lets `pulumi destroy` empty the versioned bucket (forceDestroy)", async () => {
        const r = await construct({ retainOnDelete: false });
        assert.deepStrictEqual(
            r.resources.filter((x) => x.options.retainOnDelete).map((x) => x.name),
            [],
        );
        // S3 refuses DeleteBucket on a bucket that holds objects; without forceDestroy the destroy would fail.
        assert.strictEqual(onlyResource(r, "aws:s3/bucket:Bucket").inputs.forceDestroy, true);
    });

    it("adopts an existing log group of the trail's name when adoptExistingLogGroup is set (the way back after a retained delete)", async () => {
        assert.strictEqual(onlyResource(run, "aws:cloudwatch/logGroup:LogGroup").options.importId, undefined);
        const r = await construct({ adoptExistingLogGroup: true, trailName: "trailwatch-prod" });
        const logGroup = onlyResource(r, "aws:cloudwatch/logGroup:LogGroup");
        assert.strictEqual(logGroup.options.importId, "aws-cloudtrail-logs-trailwatch-prod");
        assert.strictEqual(
            logGroup.inputs.name,
            "aws-cloudtrail-logs-trailwatch-prod",
            "the ID imported is the group's name",
        );
        assert.strictEqual(logGroup.options.retainOnDelete, true, "still retained once adopted");
        assert.deepStrictEqual(
            r.resources.filter((x) => x.options.importId !== undefined).map((x) => x.name),
            ["audit-log-group"],
            "nothing else is imported",
        );
    });

    it("encrypts trail, bucket and log group with the given KMS keys", async () => {
        const key = `arn:aws:kms:${region}:${account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
        const r = await construct({ trailKmsKeyArn: key, bucketKmsKeyArn: key, logGroupKmsKeyArn: key });
        assert.strictEqual(onlyResource(r, "aws:cloudtrail/trail:Trail").inputs.kmsKeyId, key);
        assert.strictEqual(onlyResource(r, "aws:cloudwatch/logGroup:LogGroup").inputs.kmsKeyId, key);
        assert.deepStrictEqual(
            onlyResource(r, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration")
                .inputs.rules,
            [
                {
                    applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key },
                    bucketKeyEnabled: true,
                },
            ],
        );
    });

    it("records only the named data resources, never all buckets", async () => {
        const r = await construct({
            dataEvents: {
                s3ObjectArnPrefixes: ["arn:aws:s3:::customer-uploads/", "arn:aws:s3:::exports/invoices/"],
                lambdaFunctionArns: [`arn:aws:lambda:${region}:${account}:function:payments`],
                dynamoDbTableArns: [`arn:aws:dynamodb:${region}:${account}:table/orders`],
            },
        });
        assert.deepStrictEqual(onlyResource(r, "aws:cloudtrail/trail:Trail").inputs.eventSelectors, [
            {
                readWriteType: "All",
                includeManagementEvents: true,
                dataResources: [
                    {
                        type: "AWS::S3::Object",
                        values: ["arn:aws:s3:::customer-uploads/", "arn:aws:s3:::exports/invoices/"],
                    },
                    {
                        type: "AWS::Lambda::Function",
                        values: [`arn:aws:lambda:${region}:${account}:function:payments`],
                    },
                    { type: "AWS::DynamoDB::Table", values: [`arn:aws:dynamodb:${region}:${account}:table/orders`] },
                ],
            },
        ]);
    });

    it("accepts 250 data resources in all, the most a trail's event selectors take", () => {
        const dataEvents = {
            s3ObjectArnPrefixes: Array.from({ length: 200 }, (_, i) => `arn:aws:s3:::customer-uploads/${i}/`),
            dynamoDbTableArns: Array.from(
                { length: 50 },
                (_, i) => `arn:aws:dynamodb:${region}:${account}:table/t${i}x`,
            ),
        };
        assert.deepStrictEqual(validateAuditTrailArgs({ dataEvents }), []);
    });

    it("for an organization trail created from a delegated administrator account, names the management account (from AWS Organizations) in the trail ARN and log path", async () => {
        // The mocks deploy from 111122223333; AWS Organizations reports 444455556666 as the management account,
        // which owns every organization trail (CloudTrail User Guide, "Organization delegated administrator").
        const management = offlineOrganization.managementAccountId;
        const r = await construct({ isOrganizationTrail: true, organizationId: "o-a1b2c3d4e5" });
        assert.strictEqual(onlyResource(r, "aws:cloudtrail/trail:Trail").inputs.isOrganizationTrail, true);
        const statements = policyDocumentOf(onlyResource(r, "aws:s3/bucketPolicy:BucketPolicy"), "policy")
            .Statement as { Resource: string | string[]; Condition?: unknown }[];
        assert.deepStrictEqual(statements[1].Resource, [
            `arn:aws:s3:::audit-bucket-4f1e581/AWSLogs/${management}/*`,
            "arn:aws:s3:::audit-bucket-4f1e581/AWSLogs/o-a1b2c3d4e5/*",
        ]);
        for (const statement of statements.slice(0, 2)) {
            assert.deepStrictEqual(statement.Condition, {
                StringEquals: { "aws:SourceArn": `arn:aws:cloudtrail:${region}:${management}:trail/audit` },
            });
        }
    });

    it("takes the management account from organizationManagementAccountId when given, without asking AWS Organizations", async () => {
        const r = await construct({
            isOrganizationTrail: true,
            organizationId: "o-a1b2c3d4e5",
            organizationManagementAccountId: "210987654321",
        });
        const write = policyDocumentOf(onlyResource(r, "aws:s3/bucketPolicy:BucketPolicy"), "policy").Statement[1] as {
            Resource: string[];
            Condition: unknown;
        };
        assert.deepStrictEqual(write.Condition, {
            StringEquals: { "aws:SourceArn": `arn:aws:cloudtrail:${region}:210987654321:trail/audit` },
        });
        assert.strictEqual(write.Resource[0], "arn:aws:s3:::audit-bucket-4f1e581/AWSLogs/210987654321/*");
    });

    it("turns Insights off only when asked", async () => {
        const r = await construct({ enableInsights: false });
        assert.deepStrictEqual(onlyResource(r, "aws:cloudtrail/trail:Trail").inputs.insightSelectors, []);
    });

    const invalid: [string, AuditTrailArgs, string][] = [
        [
            "a retention CloudWatch Logs rejects",
            { logRetentionDays: 100 },
            `AuditTrail: logRetentionDays: 100 is not a retention CloudWatch Logs accepts; use one of ${cloudWatchLogsRetentionDays.join(", ")}`,
        ],
        [
            "a negative lifecycle day count",
            { archiveTransitionDays: -1 },
            "AuditTrail: archiveTransitionDays: -1 is not a whole number of days from 0 to 2147483647",
        ],
        [
            "an expiry before the transition",
            { archiveTransitionDays: 90, archiveExpirationDays: 30 },
            "AuditTrail: archiveExpirationDays: 30 must be greater than archiveTransitionDays (90), or 0 to keep log files forever",
        ],
        [
            "an organization trail without the organization ID",
            { isOrganizationTrail: true },
            "AuditTrail: organizationId: is required when isOrganizationTrail is true (the bucket policy admits AWSLogs/<organizationId>/)",
        ],
        [
            "a KMS alias ARN (a permanent diff on the trail)",
            { trailKmsKeyArn: `arn:aws:kms:${region}:${account}:alias/cloudtrail` },
            `AuditTrail: trailKmsKeyArn: "arn:aws:kms:${region}:${account}:alias/cloudtrail" is not a KMS key ARN (arn:aws:kms:<region>:<account>:key/<key-id>); an alias ARN makes the trail show a change on every preview, so give the ARN of the key the alias points to`,
        ],
        [
            "a management account ID that is not 12 digits",
            {
                isOrganizationTrail: true,
                organizationId: "o-a1b2c3d4e5",
                organizationManagementAccountId: "4444-5555-6666",
            },
            `AuditTrail: organizationManagementAccountId: "4444-5555-6666" is not an AWS account ID (12 digits)`,
        ],
        [
            "a management account ID for a trail that is not an organization trail",
            { organizationManagementAccountId: "444455556666" },
            "AuditTrail: organizationManagementAccountId: applies only to an organization trail (isOrganizationTrail: true)",
        ],
        [
            "a trail name with adjacent separators",
            { trailName: "my-_namespace" },
            `AuditTrail: trailName: "my-_namespace" has adjacent "-_" at position 3; '.', '_' and '-' may not follow each other`,
        ],
        [
            "all S3 buckets as data events",
            { dataEvents: { s3ObjectArnPrefixes: ["arn:aws:s3"] } },
            `AuditTrail: dataEvents.s3ObjectArnPrefixes[0]: "arn:aws:s3" is not an S3 bucket ARN with a '/'-terminated prefix such as arn:aws:s3:::my-bucket/ or arn:aws:s3:::my-bucket/uploads/ (all buckets is not offered)`,
        ],
        [
            "more data resources than a trail's event selectors take (250 in all)",
            {
                dataEvents: {
                    s3ObjectArnPrefixes: Array.from({ length: 200 }, (_, i) => `arn:aws:s3:::customer-uploads/${i}/`),
                    lambdaFunctionArns: Array.from(
                        { length: 51 },
                        (_, i) => `arn:aws:lambda:${region}:${account}:function:f${i}`,
                    ),
                },
            },
            "AuditTrail: dataEvents: names 251 buckets, prefixes, functions and tables; a trail's event selectors take at most 250 in all",
        ],
    ];
    for (const [what, args, message] of invalid) {
        it(`rejects ${what} before registering any child`, async () => {
            const r = await runUnderMocks({ config: regionConfig }, async () => {
                new AuditTrail("audit", args);
            });
            assert.strictEqual(r.error?.message, message);
            assert.deepStrictEqual(
                r.resources.filter((x) => x.type !== "pulumi:pulumi:Stack").map((x) => x.type),
                [],
                "nothing but the stack was registered",
            );
        });
    }
});

// The CloudTrail API Reference's rules for a trail name (CreateTrail, "Name"; InvalidTrailNameException), each with a
// name it accepts and one it rejects; the documented examples my-_namespace, my--namespace and 192.168.5.4 included.
describe("trailNameProblem: the names CloudTrail accepts", () => {
    const accepted = ["abc", "trailwatch-prod", "org.audit_trail-1", "A1b", "x".repeat(128), "192.168.5", "1.2.3.4.5"];
    const rejected: [string, string][] = [
        ["ab", "is 2 characters long; a trail name has 3 to 128"],
        ["x".repeat(129), "is 129 characters long; a trail name has 3 to 128"],
        ["my trail", `has " " at position 3; only ASCII letters, digits, '.', '_' and '-' are allowed`],
        ["trail/1", `has "/" at position 6; only ASCII letters, digits, '.', '_' and '-' are allowed`],
        ["tr\u00e4il", `has "\u00e4" at position 3; only ASCII letters, digits, '.', '_' and '-' are allowed`],
        ["-trail", "must start and end with a letter or digit"],
        ["trail.", "must start and end with a letter or digit"],
        ["my-_namespace", `has adjacent "-_" at position 3; '.', '_' and '-' may not follow each other`],
        ["my--namespace", `has adjacent "--" at position 3; '.', '_' and '-' may not follow each other`],
        ["a._b", `has adjacent "._" at position 2; '.', '_' and '-' may not follow each other`],
        ["192.168.5.4", "is in IP address form, which CloudTrail rejects"],
        ["10.0.0.1", "is in IP address form, which CloudTrail rejects"],
    ];
    for (const name of accepted) {
        it(`accepts ${JSON.stringify(name.length > 20 ? `${name.slice(0, 8)}... (${name.length})` : name)}`, () => {
            assert.strictEqual(trailNameProblem(name), undefined);
        });
    }
    for (const [name, problem] of rejected) {
        it(`rejects ${JSON.stringify(name.length > 20 ? `${name.slice(0, 8)}... (${name.length})` : name)}: ${problem}`, () => {
            assert.strictEqual(trailNameProblem(name), problem);
        });
    }
});
