import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { generateSyntheticArchive } from "../../../bench/syntheticArchive";
import { BacktestReport } from "../../../cli/engines/backtest/backtestReport";
import { projectWithStack, REGEX_RULE_STACK_YAML } from "../../support/projectWithStack";
import { runCli } from "../../support/runCli";

/** The --json report without what depends on the engine's timing, threads and byte counting. */
function engineIndependent(json: string): unknown {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { elapsedSeconds, megabytesPerSecond, threads, bytes, ...rest } = JSON.parse(json) as BacktestReport;
    return rest;
}

describe("trailwatch backtest --engine duckdb", function () {
    this.timeout(120_000);
    let dir: string;

    before(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "trailwatch-engine-"));
        await generateSyntheticArchive({ dir, targetUncompressedBytes: 1_500_000, recordsPerFile: 40 });
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("--json: the dev stack's report is the local engine's", async () => {
        const local = await runCli(["backtest", dir, "--stack", "dev", "--json", "--threads", "1"]);
        const duck = await runCli(["backtest", dir, "--stack", "dev", "--json", "--engine", "duckdb"]);
        assert.strictEqual(duck.stderr, "");
        assert.strictEqual(duck.code, local.code);
        assert.deepStrictEqual(engineIndependent(duck.stdout), engineIndependent(local.stdout));
    });

    it("the table: the same rule lines as the local engine", async () => {
        const rulesOf = (out: string): string[] =>
            out.split("\n").filter((l) => /^\s*(cis-|console-|unauth|large-|iam-)/.test(l));
        const local = await runCli(["backtest", dir, "--threads", "1"]);
        const duck = await runCli(["backtest", dir, "--engine", "duckdb"]);
        assert.ok(rulesOf(local.stdout).length >= 10);
        assert.deepStrictEqual(rulesOf(duck.stdout), rulesOf(local.stdout));
    });

    it("a rule it cannot translate is a usage error naming the rule and the position", async () => {
        const project = projectWithStack("regex", REGEX_RULE_STACK_YAML);
        try {
            const result = await runCli(["backtest", dir, "--stack", "regex", "--engine", "duckdb"], { cwd: project });
            assert.deepStrictEqual(result, {
                code: 2,
                stdout: "",
                stderr: 'trailwatch backtest: --engine duckdb: cannot translate rule "signin-regex": position 17: regular expressions are not translated to SQL (CloudWatch\'s regex dialect has no exact equivalent in both engines)\n',
            });
        } finally {
            fs.rmSync(project, { recursive: true, force: true });
        }
    });

    it("usage error: an unknown engine", async () => {
        const result = await runCli(["backtest", dir, "--engine", "spark"]);
        assert.deepStrictEqual(result, {
            code: 2,
            stdout: "",
            stderr: 'trailwatch backtest: --engine: expected local, duckdb or athena, got "spark"\n',
        });
    });
});
