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
