import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { runBacktest } from "../../../../cli/engines/backtest/backtestEngine";
import { buildReport } from "../../../../cli/engines/backtest/backtestReport";
import { selectBacktestRules } from "../../../../cli/engines/backtest/ruleSelection";
import { corpusDir, skipWithoutShared } from "../../../support/repositoryPaths";

const samplesDir = path.join(corpusDir, "cloudtrail-events", "s3-delivery-samples");

type CloudTrailRecord = {
    eventName: string;
    eventTime: string;
    errorCode?: string;
    sourceIPAddress?: string;
    userIdentity?: { type?: string; arn?: string; invokedBy?: string };
    eventType?: string;
};

/**
 * Management-plane changes and sign-ins that the catalogue's other rules watch (CIS CloudWatch.1
 * and 3–14, Organizations, the team's sign-in, instance and IAM user rules).
 */
const watchedEventNames = new Set([
    "ConsoleLogin",
    "CreateUser",
    "RunInstances",
    "PutRolePolicy",
    "AttachRolePolicy",
    "CreatePolicy",
    "StopLogging",
    "DeleteTrail",
    "UpdateTrail",
    "ScheduleKeyDeletion",
    "DisableKey",
    "PutBucketPolicy",
    "StopConfigurationRecorder",
    "AuthorizeSecurityGroupIngress",
    "CreateNetworkAclEntry",
    "CreateRoute",
    "CreateVpc",
    "AttachInternetGateway",
    "CreateAccount",
]);

describe("backtest on real S3-delivered CloudTrail files (shared corpus, read in place)", function () {
    before(function () {
        skipWithoutShared(this, samplesDir);
    });

    it("counts the same files, events and rule matches as a count made here, file by file", async () => {
        // The independent count: every .json / .json.gz file, gunzipped when compressed, parsed here.
        const files: string[] = [];
        const walk = (dir: string): void => {
            for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
                const p = path.join(dir, entry.name);
                if (entry.isDirectory()) walk(p);
                else if (/\.json(\.gz)?$/.test(entry.name)) files.push(p);
            }
        };
        walk(samplesDir);
        const records: CloudTrailRecord[] = files.flatMap((f) => {
            const data = fs.readFileSync(f);
            const text = f.endsWith(".gz") ? zlib.gunzipSync(data).toString() : data.toString();
            return (JSON.parse(text) as { Records: CloudTrailRecord[] }).Records;
        });
        // CIS CloudWatch.2, written out here as plain code rather than a filter pattern.
        const unauthorized = records.filter(
            (r) =>
                r.errorCode !== undefined &&
                (r.errorCode.endsWith("UnauthorizedOperation") || r.errorCode.startsWith("AccessDenied")),
        );
        const rootUse = records.filter(
            (r) =>
                r.userIdentity?.type === "Root" &&
                r.userIdentity.invokedBy === undefined &&
                r.eventType !== "AwsServiceEvent",
        );
        const count = (values: string[]): Record<string, number> =>
            values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {});
        const periods = new Set(unauthorized.map((r) => Math.floor(Date.parse(r.eventTime) / 300_000)));
        assert.ok(files.length > 0 && unauthorized.length > 0, "the samples hold denied calls");
        assert.ok(!records.some((r) => watchedEventNames.has(r.eventName)), "the samples hold no watched change");

        const rules = selectBacktestRules({ cwd: process.cwd() });
        const run = await runBacktest({ paths: [samplesDir], rules, threads: 2 });
        const report = buildReport(run);

        assert.deepStrictEqual(report.problems, []);
        assert.strictEqual(report.files.read, files.length);
        assert.strictEqual(report.events.read, records.length);
        const byId = Object.fromEntries(report.rules.map((r) => [r.id, r]));
        for (const id of ["cis-cloudwatch-2-unauthorized-api-calls", "unauthorized-operations"]) {
            const rule = byId[id];
            // unauthorized-operations also leaves out log delivery and HeadBucket: none of these are.
            assert.strictEqual(rule.matchedEvents, unauthorized.length, id);
            assert.strictEqual(rule.periodsAtThreshold, periods.size, id);
            assert.deepStrictEqual(
                Object.fromEntries(rule.topPrincipals.map((p) => [p.principal, p.events])),
                count(unauthorized.map((r) => r.userIdentity?.arn ?? "")),
            );
            assert.deepStrictEqual(
                Object.fromEntries(rule.topSourceIPs.map((p) => [p.sourceIPAddress, p.events])),
                count(unauthorized.map((r) => r.sourceIPAddress ?? "")),
            );
            const times = unauthorized.map((r) => Date.parse(r.eventTime));
            assert.strictEqual(rule.first, new Date(Math.min(...times)).toISOString());
            assert.strictEqual(rule.last, new Date(Math.max(...times)).toISOString());
        }
        assert.strictEqual(byId["cis-cloudwatch-1-root-usage"].matchedEvents, rootUse.length);
        for (const rule of report.rules) {
            if (rule.id.includes("unauthorized") || rule.id === "cis-cloudwatch-1-root-usage") continue;
            assert.strictEqual(rule.matchedEvents, 0, `${rule.id} matches nothing in these files`);
        }
    });
});
