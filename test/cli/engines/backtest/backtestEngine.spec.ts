import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { generateSyntheticArchive, SyntheticArchiveManifest } from "../../../../bench/syntheticArchive";
import { BacktestRun, runBacktest } from "../../../../cli/engines/backtest/backtestEngine";
import { buildReport, BacktestReport } from "../../../../cli/engines/backtest/backtestReport";
import { catalogueRulesForTemplates } from "./catalogueRulesForTemplates";

/** The parts of a report that must not depend on threads or timing. */
function stable(report: BacktestReport): Omit<BacktestReport, "elapsedSeconds" | "megabytesPerSecond" | "threads"> {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { elapsedSeconds, megabytesPerSecond, threads, ...rest } = report;
    return rest;
}

describe("backtest engine on a generated archive", function () {
    let dir: string;
    let manifest: SyntheticArchiveManifest;
    const runs: Record<string, BacktestRun> = {};
    const rules = catalogueRulesForTemplates();

    before(async function () {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "trailwatch-backtest-"));
        // ~150 small files over 4 hours, ~4,000 events: every template at least once, plus the
        // digest, Insights and Config files a synced bucket holds.
        manifest = await generateSyntheticArchive({ dir, targetUncompressedBytes: 6_000_000, recordsPerFile: 40 });
        runs.single = await runBacktest({ paths: [dir], rules, threads: 1 });
        runs.multi = await runBacktest({ paths: [dir], rules, threads: 2 });
    });

    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    for (const mode of ["single", "multi"]) {
        it(`${mode}-threaded: every rule matches exactly the generator's known count, first and last time`, () => {
            const run = runs[mode];
            const report = buildReport(run);
            assert.ok(Object.keys(manifest.perRule).length >= 10, "the templates exercise most rules");
            const actual = Object.fromEntries(
                report.rules.map((r) => [r.id, { events: r.matchedEvents, first: r.first, last: r.last }]),
            );
            const expected = Object.fromEntries(
                report.rules.map((r) => {
                    const known = manifest.perRule[r.id];
                    return [
                        r.id,
                        known === undefined
                            ? { events: 0, first: null, last: null }
                            : {
                                  events: known.events,
                                  first: new Date(known.first).toISOString(),
                                  last: new Date(known.last).toISOString(),
                              },
                    ];
                }),
            );
            assert.deepStrictEqual(actual, expected);
        });

        it(`${mode}-threaded: reads every log and Insights file, leaves out digest and other services' files`, () => {
            const run = runs[mode];
            assert.deepStrictEqual(run.problems, []);
            assert.deepStrictEqual(run.files, {
                read: manifest.files,
                insight: manifest.insightFiles,
                failed: 0,
                skipped: { ...manifest.skipped, "before-since": 0 },
            });
            assert.strictEqual(run.tally.events, manifest.events);
            assert.strictEqual(run.tally.eventsInRange, manifest.events);
            assert.strictEqual(run.uncompressedBytes, manifest.uncompressedBytes);
            assert.strictEqual(run.compressedBytes, manifest.compressedBytes);
            assert.strictEqual(new Date(run.tally.first!).toISOString(), new Date(manifest.first).toISOString());
            assert.strictEqual(new Date(run.tally.last!).toISOString(), new Date(manifest.last).toISOString());
            assert.strictEqual(run.interrupted, false);
        });
    }

    it("gives the same report (periods, alarms, top lists, samples) single- and multi-threaded", () => {
        assert.strictEqual(runs.single.threads, 1);
        assert.strictEqual(runs.multi.threads, 2);
        assert.deepStrictEqual(stable(buildReport(runs.multi)), stable(buildReport(runs.single)));
    });

    it("--since/--until: counts only the window's events and skips files delivered before it", async () => {
        // The archive starts 2024-03-04T00:00Z, one file per region every 5 minutes.
        const since = Date.parse("2024-03-04T02:00:00Z");
        const until = Date.parse("2024-03-04T02:30:00Z");
        const run = await runBacktest({ paths: [dir], rules, threads: 2, window: { since, until } });
        // Independent count: read the generated files directly.
        let inWindow = 0;
        let total = 0;
        for (const file of listFiles(dir)) {
            if (!/_CloudTrail(-Insight)?_/.test(file)) continue;
            const records = JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString()).Records as {
                eventTime: string;
            }[];
            total += records.length;
            inWindow += records.filter(
                (r) => Date.parse(r.eventTime) >= since && Date.parse(r.eventTime) < until,
            ).length;
        }
        assert.ok(inWindow > 0 && inWindow < total);
        assert.strictEqual(run.tally.eventsInRange, inWindow);
        // Files delivered before 01:00 (02:00 less an hour of slack) were not even read.
        assert.ok(run.files.skipped["before-since"] > 0);
        assert.ok(run.tally.first! >= since && run.tally.last! < until);
    });

    it("stops reading when aborted and reports what it has", async () => {
        const abort = new AbortController();
        abort.abort();
        const run = await runBacktest({ paths: [dir], rules, threads: 2, signal: abort.signal });
        assert.strictEqual(run.interrupted, true);
        assert.strictEqual(run.files.read, 0);
    });
});

function listFiles(dir: string): string[] {
    return fs
        .readdirSync(dir, { withFileTypes: true, recursive: true })
        .filter((d) => d.isFile())
        .map((d) => path.join(d.parentPath ?? d.path, d.name));
}
