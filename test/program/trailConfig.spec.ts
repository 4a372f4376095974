import * as assert from "assert";
import { cloudWatchLogsRetentionDays } from "@trailwatch/components";
import { readDevStackConfig, stackConfigProblems } from "../support/stackConfigProblems";

describe("stack configuration: the audit trail keys", () => {
    it("gives the secure defaults when nothing is set", () => {
        assert.deepStrictEqual(readDevStackConfig({ "aws:region": "eu-west-1" }).trail, {
            trailName: "trailwatch-dev",
            logRetentionDays: undefined,
            archiveTransitionDays: undefined,
            archiveExpirationDays: undefined,
            noncurrentVersionExpirationDays: undefined,
            retainOnDelete: true,
            isOrganizationTrail: false,
            organizationId: undefined,
            organizationManagementAccountId: undefined,
            adoptExistingLogGroup: false,
            trailKmsKeyArn: undefined,
            bucketKmsKeyArn: undefined,
            logGroupKmsKeyArn: undefined,
            dataEvents: undefined,
            tags: undefined,
        });
    });

    it("reads every key in its type", () => {
        const key = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        const trail = readDevStackConfig({
            "trailwatch:trailName": "org-audit",
            "trailwatch:logRetentionDays": "731",
            "trailwatch:archiveTransitionDays": "30",
            "trailwatch:archiveExpirationDays": "0",
            "trailwatch:noncurrentVersionExpirationDays": "30",
            "trailwatch:retainOnDelete": "false",
            "trailwatch:isOrganizationTrail": "true",
            "trailwatch:organizationId": "o-a1b2c3d4e5",
            "trailwatch:organizationManagementAccountId": "444455556666",
            "trailwatch:adoptExistingLogGroup": "true",
            "trailwatch:kmsKeyArn": key,
            "trailwatch:dataEvents": JSON.stringify({
                lambdaFunctionArns: ["arn:aws:lambda:eu-west-1:111122223333:function:pay"],
            }),
            "trailwatch:tags": JSON.stringify({ team: "security" }),
        }).trail;
        assert.deepStrictEqual(trail, {
            trailName: "org-audit",
            logRetentionDays: 731,
            archiveTransitionDays: 30,
            archiveExpirationDays: 0,
            noncurrentVersionExpirationDays: 30,
            retainOnDelete: false,
            isOrganizationTrail: true,
            organizationId: "o-a1b2c3d4e5",
            organizationManagementAccountId: "444455556666",
            adoptExistingLogGroup: true,
            trailKmsKeyArn: key,
            bucketKmsKeyArn: key,
            logGroupKmsKeyArn: key,
            dataEvents: { lambdaFunctionArns: ["arn:aws:lambda:eu-west-1:111122223333:function:pay"] },
            tags: { team: "security" },
        });
    });

    const cases: [string, Record<string, string>, string[]][] = [
        [
            "a retention CloudWatch Logs does not accept",
            { "trailwatch:logRetentionDays": "100" },
            [
                `trailwatch:logRetentionDays: 100 is not a retention CloudWatch Logs accepts; use one of ${cloudWatchLogsRetentionDays.join(", ")}`,
            ],
        ],
        [
            "a retention that is not a number",
            { "trailwatch:logRetentionDays": "one year" },
            ['trailwatch:logRetentionDays: "one year" is not a number'],
        ],
        [
            "a negative lifecycle day count",
            { "trailwatch:archiveTransitionDays": "-5" },
            ["trailwatch:archiveTransitionDays: -5 is not a whole number of days from 0 to 2147483647"],
        ],
        [
            "a fractional lifecycle day count",
            { "trailwatch:archiveExpirationDays": "365.5" },
            ["trailwatch:archiveExpirationDays: 365.5 is not a whole number of days from 0 to 2147483647"],
        ],
        [
            "an expiry that comes before the transition",
            { "trailwatch:archiveTransitionDays": "90", "trailwatch:archiveExpirationDays": "60" },
            [
                "trailwatch:archiveExpirationDays: 60 must be greater than archiveTransitionDays (90), or 0 to keep log files forever",
            ],
        ],
        [
            "noncurrent versions removed at once",
            { "trailwatch:noncurrentVersionExpirationDays": "0" },
            [
                "trailwatch:noncurrentVersionExpirationDays: 0 would remove deleted log files at once; use at least 1 day",
            ],
        ],
        [
            "a boolean written as yes",
            { "trailwatch:retainOnDelete": "yes" },
            ['trailwatch:retainOnDelete: "yes" is not a boolean; use true or false'],
        ],
        [
            "a malformed KMS key ARN",
            { "trailwatch:kmsKeyArn": "arn:aws:kms:eu-west-1:1111:key/abc" },
            [
                'trailwatch:kmsKeyArn: "arn:aws:kms:eu-west-1:1111:key/abc" is not a KMS key ARN (arn:aws:kms:<region>:<account>:key/<key-id>)',
            ],
        ],
        [
            "a KMS alias ARN, once (not per use of the key)",
            { "trailwatch:kmsKeyArn": "arn:aws:kms:eu-west-1:111122223333:alias/cloudtrail" },
            [
                'trailwatch:kmsKeyArn: "arn:aws:kms:eu-west-1:111122223333:alias/cloudtrail" is not a KMS key ARN (arn:aws:kms:<region>:<account>:key/<key-id>); an alias ARN makes the trail show a change on every preview, so give the ARN of the key the alias points to',
            ],
        ],
        [
            "a KMS key of another Region than aws:region (CloudTrail: KmsKeyNotFoundException)",
            {
                "aws:region": "eu-west-1",
                "trailwatch:kmsKeyArn": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            },
            [
                'trailwatch:kmsKeyArn: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" is a key of us-east-1, but the trail\'s bucket and log group are in aws:region eu-west-1; CloudTrail refuses a key of another Region (KmsKeyNotFoundException): give a key of eu-west-1 (for a multi-Region key, its replica there)',
            ],
        ],
        [
            "a management account ID that is not 12 digits",
            {
                "trailwatch:isOrganizationTrail": "true",
                "trailwatch:organizationId": "o-a1b2c3d4e5",
                "trailwatch:organizationManagementAccountId": "44445555666",
            },
            ['trailwatch:organizationManagementAccountId: "44445555666" is not an AWS account ID (12 digits)'],
        ],
        [
            "a management account ID without an organization trail",
            { "trailwatch:organizationManagementAccountId": "444455556666" },
            [
                "trailwatch:organizationManagementAccountId: applies only to an organization trail (isOrganizationTrail: true)",
            ],
        ],
        [
            "a trail name with adjacent separators",
            { "trailwatch:trailName": "my--namespace" },
            [
                `trailwatch:trailName: "my--namespace" has adjacent "--" at position 3; '.', '_' and '-' may not follow each other`,
            ],
        ],
        [
            "a trail name in IP address form",
            { "trailwatch:trailName": "192.168.5.4" },
            ['trailwatch:trailName: "192.168.5.4" is in IP address form, which CloudTrail rejects'],
        ],
        [
            "a malformed Lambda ARN in the data events",
            { "trailwatch:dataEvents": JSON.stringify({ lambdaFunctionArns: ["my-function"] }) },
            [
                'trailwatch:dataEvents.lambdaFunctionArns[0]: "my-function" is not a Lambda function ARN such as arn:aws:lambda:eu-west-1:111122223333:function:my-function',
            ],
        ],
        [
            "all S3 buckets as data events",
            { "trailwatch:dataEvents": JSON.stringify({ s3ObjectArnPrefixes: ["arn:aws:s3"] }) },
            [
                `trailwatch:dataEvents.s3ObjectArnPrefixes[0]: "arn:aws:s3" is not an S3 bucket ARN with a '/'-terminated prefix such as arn:aws:s3:::my-bucket/ or arn:aws:s3:::my-bucket/uploads/ (all buckets is not offered)`,
            ],
        ],
        [
            "an unknown key inside dataEvents",
            { "trailwatch:dataEvents": JSON.stringify({ s3Buckets: ["arn:aws:s3:::a/"] }) },
            [
                "trailwatch:dataEvents.s3Buckets: unknown key; accepted keys: s3ObjectArnPrefixes, lambdaFunctionArns, dynamoDbTableArns",
            ],
        ],
        [
            "data events that are not a map",
            { "trailwatch:dataEvents": JSON.stringify(["arn:aws:s3:::a/"]) },
            [
                "trailwatch:dataEvents: must be a map with the keys s3ObjectArnPrefixes, lambdaFunctionArns, dynamoDbTableArns",
            ],
        ],
        [
            "an organization trail without the organization ID",
            { "trailwatch:isOrganizationTrail": "true" },
            [
                "trailwatch:organizationId: is required when isOrganizationTrail is true (the bucket policy admits AWSLogs/<organizationId>/)",
            ],
        ],
        [
            "a malformed organization ID",
            { "trailwatch:organizationId": "org-123" },
            [
                'trailwatch:organizationId: "org-123" is not an AWS Organizations ID (o- followed by 10-32 lowercase letters or digits)',
            ],
        ],
        [
            "an invalid trail name",
            { "trailwatch:trailName": "my trail" },
            [
                `trailwatch:trailName: "my trail" has " " at position 3; only ASCII letters, digits, '.', '_' and '-' are allowed`,
            ],
        ],
        [
            "a tag whose value is not a string",
            { "trailwatch:tags": JSON.stringify({ cost: 12 }) },
            ["trailwatch:tags.cost: 12 is not a string"],
        ],
    ];
    for (const [what, values, expected] of cases) {
        it(`rejects ${what}, naming the key`, () => {
            assert.deepStrictEqual(stackConfigProblems(values), expected);
        });
    }

    it("rejects an unknown key of the namespace and lists the known ones", () => {
        const [problem] = stackConfigProblems({ "trailwatch:logRetentionDay": "365" });
        assert.match(problem, /^trailwatch:logRetentionDay: unknown key; known keys: (?:[A-Za-z]+, )+[A-Za-z]+$/);
        assert.ok(problem.includes(" logRetentionDays,"), problem);
    });

    it("reports every problem at once, not only the first", () => {
        assert.deepStrictEqual(
            stackConfigProblems({ "trailwatch:logRetentionDays": "x", "trailwatch:retainOnDelete": "1" }).map(
                (p) => p.split(":")[1],
            ),
            ["logRetentionDays", "retainOnDelete"],
        );
    });

    it("accepts a KMS key of aws:region, a multi-Region key's replica there, and any key when aws:region is unset", () => {
        for (const [region, key] of [
            ["eu-west-1", "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"],
            ["eu-west-1", "arn:aws:kms:eu-west-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab"],
            [undefined, "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"],
        ] as const) {
            const values: Record<string, string> = { "trailwatch:kmsKeyArn": key };
            if (region !== undefined) values["aws:region"] = region;
            assert.deepStrictEqual(stackConfigProblems(values), [], key);
        }
    });

    it("leaves keys of other namespaces (aws:region) alone", () => {
        assert.deepStrictEqual(stackConfigProblems({ "aws:region": "eu-west-1", "aws:profile": "x" }), []);
    });
});
