import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { generateSyntheticArchive } from "../../../../bench/syntheticArchive";
import { BacktestRun, runBacktest } from "../../../../cli/engines/backtest/backtestEngine";
import { BacktestReport, buildReport } from "../../../../cli/engines/backtest/backtestReport";
import { runDuckdbBacktest } from "../../../../cli/engines/sqlBacktest/duckdbBacktest";
import { catalogueRulesForTemplates } from "../backtest/catalogueRulesForTemplates";

/**
 * What both engines must agree on: everything but timing, threads, the uncompressed size (DuckDB
 * measures the JSON text it parsed, the local reader the bytes gunzip gave) and the wording of
 * why a file was unusable.
 */
function comparable(report: BacktestReport): unknown {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { elapsedSeconds, megabytesPerSecond, threads, bytes, problems, ...rest } = report;
    return { ...rest, compressedBytes: bytes.compressed, problemFiles: problems.map((p) => p.file) };
}

describe("backtest --engine duckdb: the local engine's report", function () {
    this.timeout(120_000);
    let dir: string;
    const rules = catalogueRulesForTemplates();

    before(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "trailwatch-duckdb-backtest-"));
        await generateSyntheticArchive({ dir, targetUncompressedBytes: 3_000_000, recordsPerFile: 40 });
        const day = path.join(dir, "AWSLogs", "111122223333", "CloudTrail", "eu-west-1", "2024", "03", "04");
        fs.mkdirSync(day, { recursive: true });
        fs.writeFileSync(path.join(day, "broken.json.gz"), zlib.gzipSync('{"Records":[{"a":1}]}').subarray(0, 20));
        fs.writeFileSync(path.join(day, "not-cloudtrail.json"), '{"configurationItems":[]}');
        fs.writeFileSync(path.join(day, "records-not-objects.json"), '{"Records":[1,2]}');
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    const cases: [string, { since?: number; until?: number }][] = [
        ["the whole archive", {}],
        ["a window", { since: Date.parse("2024-03-04T01:00:00Z"), until: Date.parse("2024-03-04T01:45:00Z") }],
    ];
    for (const [name, window] of cases) {
        it(`${name}: the same report, bad files named`, async () => {
            const local: BacktestRun = await runBacktest({ paths: [dir], rules, threads: 1, window });
            const duck: BacktestRun = await runDuckdbBacktest({ paths: [dir], rules, window });
            const expected = buildReport(local, window, dir);
            assert.ok(expected.rules.filter((r) => r.matchedEvents > 0).length >= 5, "rules match in the window");
            assert.strictEqual(expected.problems.length, 3);
            assert.deepStrictEqual(comparable(buildReport(duck, window, dir)), comparable(expected));
        });
    }

    it("names why each bad file was left out", async () => {
        const duck = await runDuckdbBacktest({ paths: [dir], rules });
        const reasons = Object.fromEntries(duck.problems.map((p) => [path.basename(p.file), p.reason]));
        assert.match(reasons["broken.json.gz"], /^DuckDB could not read it: /);
        assert.strictEqual(reasons["not-cloudtrail.json"], 'not a CloudTrail log file: no "Records" array');
        assert.strictEqual(reasons["records-not-objects.json"], "not a CloudTrail log file: a record is not an object");
    });

    it("an aborted run stops and says so", async () => {
        const abort = new AbortController();
        abort.abort();
        const duck = await runDuckdbBacktest({ paths: [dir], rules, signal: abort.signal });
        assert.strictEqual(duck.interrupted, true);
        assert.strictEqual(duck.files.read, 0);
    });
});
