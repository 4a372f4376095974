import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { generateSyntheticArchive } from "../../bench/syntheticArchive";
import { runBacktest } from "../../src/backtest/backtestEngine";
import { walkArchive } from "../../src/backtest/archiveWalker";
import { buildRuleCountQuery, DUCKDB_DIALECT } from "../../src/sql";
import { runDuckdbQuery } from "../../src/sqlBacktest/duckdbQuery";
import { catalogueRulesForTemplates } from "../backtest/catalogueRulesForTemplates";

/** Every rule's count from DuckDB running the translated query, by rule id. */
async function duckdbCounts(
    files: string | string[],
    rules: { id: string; pattern: string }[],
): Promise<Record<string, number>> {
    const rows = await runDuckdbQuery(
        buildRuleCountQuery({ rules, dialect: DUCKDB_DIALECT, source: { kind: "files", files } }),
    );
    return Object.fromEntries(rows.map((r) => [r.rule_id as string, Number(r.matches)]));
}

describe("the duckdb dialect counts what the evaluator counts", function () {
    this.timeout(120_000);

    it("on the generated benchmark archive, every catalogue rule", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trailwatch-sql-"));
        try {
            await generateSyntheticArchive({ dir, targetUncompressedBytes: 4_000_000, recordsPerFile: 40 });
            const rules = catalogueRulesForTemplates();
            const run = await runBacktest({ paths: [dir], rules, threads: 1 });
            const expected = Object.fromEntries(rules.map((r, i) => [r.id, run.tally.rules[i].matched]));
            assert.ok(Object.values(expected).filter((n) => n > 0).length >= 10, "most rules match something");
            const files: string[] = [];
            for await (const entry of walkArchive([dir])) if (entry.type === "file") files.push(entry.path);
            assert.deepStrictEqual(await duckdbCounts(files, rules), expected);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
