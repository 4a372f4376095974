import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { generateSyntheticArchive } from "../../../bench/syntheticArchive";
import { runBacktest } from "../../../cli/engines/backtest/backtestEngine";
import { selectBacktestRules } from "../../../cli/engines/backtest/ruleSelection";
import { runDuckdbQuery } from "../../../cli/engines/sqlBacktest/duckdbQuery";
import { projectDir } from "../../support/repositoryPaths";
import { projectWithStack, REGEX_RULE_STACK_YAML } from "../../support/projectWithStack";
import { runCli } from "../../support/runCli";

describe("trailwatch sql", function () {
    this.timeout(120_000);
    let dir: string;

    before(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "trailwatch-sql-cli-"));
        await generateSyntheticArchive({ dir, targetUncompressedBytes: 1_500_000, recordsPerFile: 40 });
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("--dialect duckdb: the printed query, run by DuckDB, gives the dev stack's local backtest counts, days and samples", async () => {
        // Digest and Config files match the glob too: without Records they give no rows.
        const source = path.join(dir, "AWSLogs", "**", "*.json.gz");
        const result = await runCli(["sql", "--stack", "dev", "--dialect", "duckdb", "--source", source]);
        assert.strictEqual(result.stderr, "");
        assert.strictEqual(result.code, 0);
        const rows = await runDuckdbQuery(result.stdout);
        const rules = selectBacktestRules({ cwd: projectDir, stack: "dev" });
        const run = await runBacktest({ paths: [dir], rules, threads: 1 });
        assert.deepStrictEqual(
            rows.map((r) => [r.rule_id, Number(r.matches)]),
            rules.map((rule, i) => [rule.id, run.tally.rules[i].matched]),
        );
        for (const [i, row] of rows.entries()) {
            const tally = run.tally.rules[i];
            const days = (row.days as string[] | null) ?? [];
            assert.strictEqual(
                days.reduce((sum, d) => sum + Number(d.split(" ")[1]), 0),
                tally.matched,
                `${String(row.rule_id)}: the days add up`,
            );
            // The local backtest keeps the 3 earliest by (time, eventID): the query's first 3 of 5.
            const ids = ((row.sample_event_ids as string[] | null) ?? []).slice(0, 3);
            assert.deepStrictEqual(
                ids,
                tally.samples.map((s) => s.eventID),
                `${String(row.rule_id)}: samples`,
            );
        }
        assert.ok(rows.some((r) => Number(r.matches) > 0));
    });

    it("--since/--until: Athena reads only those days' partitions (plus the day after, for late delivery), DuckDB the same window", async () => {
        const athena = await runCli(["sql", "--since", "2024-03-04T01:00:00Z", "--until", "2024-03-04T03:00:00.5Z"]);
        assert.strictEqual(athena.code, 0);
        assert.match(
            athena.stdout,
            /FROM "cloudtrail_logs"\n {2}WHERE "timestamp" >= '2024\/03\/04' AND "timestamp" <= '2024\/03\/05'\n/,
        );
        assert.match(athena.stdout, /AND event_time >= '2024-03-04T01:00:00Z' AND event_time < '2024-03-04T03:00:01Z'/);
        const source = path.join(dir, "AWSLogs", "**", "*.json.gz");
        const duck = await runCli([
            "sql",
            "--dialect",
            "duckdb",
            "--source",
            source,
            "--since",
            "2024-03-04T01:00:00Z",
            "--until",
            "2024-03-04T03:00:00Z",
        ]);
        const rows = await runDuckdbQuery(duck.stdout);
        const rules = selectBacktestRules({ cwd: projectDir });
        const window = { since: Date.parse("2024-03-04T01:00:00Z"), until: Date.parse("2024-03-04T03:00:00Z") };
        const run = await runBacktest({ paths: [dir], rules, threads: 1, window });
        assert.deepStrictEqual(
            rows.map((r) => Number(r.matches)),
            run.tally.rules.map((t) => t.matched),
        );
    });

    it("a rule that cannot be translated is an error naming the rule and the position; nothing is printed", async () => {
        const project = projectWithStack("regex", REGEX_RULE_STACK_YAML);
        try {
            const result = await runCli(["sql", "--stack", "regex"], { cwd: project });
            assert.strictEqual(result.stdout, "");
            assert.strictEqual(
                result.stderr,
                'trailwatch sql: cannot translate rule "signin-regex": position 17: regular expressions are not translated to SQL (CloudWatch\'s regex dialect has no exact equivalent in both engines)\n',
            );
            assert.strictEqual(result.code, 2);
        } finally {
            fs.rmSync(project, { recursive: true, force: true });
        }
    });

    for (const [argv, message] of [
        [["--dialect", "duckdb"], "--dialect duckdb needs --source GLOB (the archive files)"],
        [["--dialect", "spark"], '--dialect: expected athena or duckdb, got "spark"'],
        [["--source", "x.json"], "--source is for --dialect duckdb; athena reads --table"],
        [["--table", "a;drop"], '--table: expected table or database.table (letters, digits, _), got "a;drop"'],
        [["--since", "2024-05-02", "--until", "2024-05-01"], "--since must be before --until"],
    ] as [string[], string][]) {
        it(`usage error: ${argv.join(" ")}`, async () => {
            const result = await runCli(["sql", ...argv]);
            assert.deepStrictEqual(result, { code: 2, stdout: "", stderr: `trailwatch sql: ${message}\n` });
        });
    }
});
