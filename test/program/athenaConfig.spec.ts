import * as assert from "assert";
import { readDevStackConfig, stackConfigProblems } from "../support/stackConfigProblems";

const region = { "aws:region": "eu-west-1" };

describe("stack configuration: the Athena keys", () => {
    it("leaves the Athena backtest off unless athenaWorkgroup is set", () => {
        assert.strictEqual(readDevStackConfig(region).athena, undefined);
    });

    it("reads the workgroup, database, table (default cloudtrail_logs) and results location", () => {
        assert.deepStrictEqual(
            readDevStackConfig({
                ...region,
                "trailwatch:athenaWorkgroup": "trailwatch",
                "trailwatch:athenaDatabase": "audit",
            }).athena,
            { workGroup: "trailwatch", database: "audit", table: "cloudtrail_logs", outputLocation: undefined },
        );
        assert.deepStrictEqual(
            readDevStackConfig({
                ...region,
                "trailwatch:athenaWorkgroup": "primary",
                "trailwatch:athenaDatabase": "audit",
                "trailwatch:athenaTable": "org_trail",
                "trailwatch:athenaOutputLocation": "s3://my-athena-results/trailwatch/",
            }).athena,
            {
                workGroup: "primary",
                database: "audit",
                table: "org_trail",
                outputLocation: "s3://my-athena-results/trailwatch/",
            },
        );
    });

    it("names every bad key", () => {
        assert.deepStrictEqual(
            stackConfigProblems({
                ...region,
                "trailwatch:athenaWorkgroup": "trail watch",
                "trailwatch:athenaTable": "CloudTrail-Logs",
                "trailwatch:athenaOutputLocation": "https://example.com/",
            }),
            [
                "trailwatch:athenaWorkgroup: must be 1-128 letters, digits, '.', '_' or '-'",
                "trailwatch:athenaDatabase: is required when athenaWorkgroup is set",
                "trailwatch:athenaTable: must be lower-case letters, digits and _",
                "trailwatch:athenaOutputLocation: must be an S3 URI such as s3://my-athena-results/trailwatch/",
            ],
        );
        assert.deepStrictEqual(stackConfigProblems({ ...region, "trailwatch:athenaDatabase": "audit" }), [
            "trailwatch:athenaDatabase: is only used with athenaWorkgroup, which is not set",
        ]);
    });
});

describe("stack configuration: athenaEnabled", () => {
    it("names the workgroup and database the stack creates, and passes on the regions and accounts", () => {
        assert.deepStrictEqual(readDevStackConfig({ ...region, "trailwatch:athenaEnabled": "true" }).athena, {
            workGroup: "trailwatch-dev",
            database: "trailwatch_dev",
            table: "cloudtrail_logs",
            outputLocation: undefined,
            create: { regions: undefined, accountIds: undefined },
        });
        assert.deepStrictEqual(
            readDevStackConfig({
                ...region,
                "trailwatch:athenaEnabled": "true",
                "trailwatch:athenaWorkgroup": "audit",
                "trailwatch:athenaDatabase": "audit_logs",
                "trailwatch:athenaRegions": '["us-east-1","eu-west-1"]',
                "trailwatch:athenaAccountIds": '["111122223333"]',
            }).athena,
            {
                workGroup: "audit",
                database: "audit_logs",
                table: "cloudtrail_logs",
                outputLocation: undefined,
                create: { regions: ["us-east-1", "eu-west-1"], accountIds: ["111122223333"] },
            },
        );
    });

    it("names every bad key", () => {
        assert.deepStrictEqual(
            stackConfigProblems({
                ...region,
                "trailwatch:athenaEnabled": "yes",
                "trailwatch:athenaRegions": '["eu-west-1"]',
            }),
            [
                'trailwatch:athenaEnabled: "yes" is not a boolean; use true or false',
                "trailwatch:athenaRegions: is only used with athenaEnabled: true",
            ],
        );
        assert.deepStrictEqual(
            stackConfigProblems({
                ...region,
                "trailwatch:athenaEnabled": "true",
                "trailwatch:athenaRegions": '["eu-west-1","Europe"]',
                "trailwatch:athenaAccountIds": '["1234"]',
            }),
            [
                'trailwatch:athenaRegions: element 1 "Europe" is not an AWS region',
                'trailwatch:athenaAccountIds: element 0 "1234" is not a 12-digit account ID',
            ],
        );
    });
});
