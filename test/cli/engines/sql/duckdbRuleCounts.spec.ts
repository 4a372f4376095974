import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { generateSyntheticArchive } from "../../../../bench/syntheticArchive";
import { runBacktest } from "../../../../cli/engines/backtest/backtestEngine";
import { walkArchive } from "../../../../cli/engines/backtest/archiveWalker";
import { parseFilterPattern } from "@trailwatch/components/catalogue";
import {
    buildRuleCountQuery,
    CLOUDTRAIL_TABLE_COLUMNS,
    CloudTrailColumn,
    DUCKDB_DIALECT,
    duckdbFunctions,
    rulePredicates,
    SqlDialect,
} from "../../../../cli/engines/sql";
import { DuckdbSession, runDuckdbQuery } from "../../../../cli/engines/sqlBacktest/duckdbQuery";
import { catalogueRulesForTemplates } from "../backtest/catalogueRulesForTemplates";
import { corpusDir, skipWithoutShared } from "../../../support/repositoryPaths";
import { cloudTrailTableColumns, eventValues } from "./athenaTableInDuckdb";

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

    describe("on the shared corpus", () => {
        const eventsDir = path.join(corpusDir, "cloudtrail-events");
        let session: DuckdbSession;
        let texts: string[];

        before(async function () {
            skipWithoutShared(this, eventsDir);
            texts = fs
                .readdirSync(eventsDir)
                .filter((f) => f.endsWith(".json"))
                .sort()
                .map((f) => fs.readFileSync(path.join(eventsDir, f), "utf8"));
            session = await DuckdbSession.open();
            await session.query(
                `CREATE TABLE records AS SELECT i, json(text) AS record FROM (VALUES ${eventValues(texts)}) AS t(i, text)`,
            );
            await session.query(`CREATE TABLE cloudtrail_logs AS SELECT i, ${cloudTrailTableColumns()} FROM records`);
        });
        after(() => session?.close());

        const shapes: [string, SqlDialect, string][] = [
            ["duckdb dialect over the records", DUCKDB_DIALECT, "records"],
            [
                "athena dialect (DuckDB's functions) over the table rebuilt from them",
                { name: "athena-in-duckdb", functions: duckdbFunctions, records: "cloudtrail-table" },
                "cloudtrail_logs",
            ],
        ];
        for (const [name, dialect, table] of shapes) {
            it(`every event, every catalogue rule: ${name} gives the evaluator's verdict`, async () => {
                const rules = catalogueRulesForTemplates();
                const predicates = rulePredicates(rules, dialect);
                const rows = await session.query(
                    `SELECT i, ${predicates.map((p, r) => `${p} AS r${r}`).join(", ")} FROM ${table} ORDER BY i`,
                );
                const actual = rows.map((row) => rules.map((_, r) => row[`r${r}`]));
                const expected = texts.map((text) =>
                    rules.map((rule) => parseFilterPattern(rule.pattern).matches(text)),
                );
                assert.ok(expected.flat().filter(Boolean).length >= 20, "the corpus exercises the rules");
                assert.deepStrictEqual(actual, expected);
            });
        }

        it("every field of the Athena table under =, = *, != *, NOT EXISTS and a number: both shapes give the evaluator's verdicts", async () => {
            // A team's own rules test any field: each one the table has a column for, judged on every corpus event.
            const selectors: string[] = [];
            const walk = (fields: Readonly<Record<string, CloudTrailColumn>>, prefix: string): void => {
                for (const [name, column] of Object.entries(fields)) {
                    if (column.kind === "struct") walk(column.fields, `${prefix}.${name}`);
                    else if (column.kind === "string" || column.kind === "boolean") selectors.push(`${prefix}.${name}`);
                }
            };
            walk(CLOUDTRAIL_TABLE_COLUMNS, "$");
            const parsed = texts.map((t) => JSON.parse(t) as unknown);
            const patterns = selectors.flatMap((selector) => {
                const steps = selector.split(".").slice(1);
                const seen = parsed
                    .map((r) => steps.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], r))
                    .find((v): v is string => typeof v === "string");
                return [
                    `{ ${selector} = * }`,
                    `{ ${selector} != * }`,
                    `{ ${selector} NOT EXISTS }`,
                    `{ ${selector} > 0 }`,
                    ...(seen === undefined ? [] : [`{ ${selector} = ${JSON.stringify(seen)} }`]),
                ];
            });
            const rules = patterns.map((pattern, i) => ({ id: `p${i}`, pattern }));
            const expected = texts.map((text) => patterns.map((p) => parseFilterPattern(p).matches(text)));
            for (const [name, dialect, table] of shapes) {
                const predicates = rulePredicates(rules, dialect);
                const rows = await session.query(
                    `SELECT i, ${predicates.map((p, r) => `${p} AS r${r}`).join(", ")} FROM ${table} ORDER BY i`,
                );
                const actual = rows.map((row) => rules.map((_, r) => row[`r${r}`]));
                const wrong = patterns.filter((_, r) => actual.some((a, i) => a[r] !== expected[i][r]));
                assert.deepStrictEqual(wrong, [], `${name}: patterns whose verdicts differ`);
            }
            assert.ok(expected.flat().filter(Boolean).length >= 200, "the corpus exercises the fields");
        });

        it("the S3-delivered log files: the whole query's counts equal the local backtest's", async function () {
            const samples = path.join(eventsDir, "s3-delivery-samples");
            skipWithoutShared(this, samples);
            const rules = catalogueRulesForTemplates();
            const run = await runBacktest({ paths: [samples], rules, threads: 1 });
            assert.strictEqual(run.problems.length, 0);
            const files: string[] = [];
            for await (const entry of walkArchive([samples])) if (entry.type === "file") files.push(entry.path);
            const expected = Object.fromEntries(rules.map((r, i) => [r.id, run.tally.rules[i].matched]));
            assert.deepStrictEqual(await duckdbCounts(files, rules), expected);
        });
    });
});

describe("the athena dialect names its table so that any Glue name works", function () {
    this.timeout(60_000);

    it("a database whose name begins with a digit (allowed by Glue, quoted in a SELECT): DuckDB runs the query", async () => {
        // Athena User Guide, "Name databases, tables, and columns": a name that begins with a number is enclosed in
        // quotation marks in a SELECT. DuckDB's parser asks the same, so it judges the query text.
        const events = [
            `{"eventTime":"2024-03-04T10:00:00Z","eventName":"ConsoleLogin","eventID":"e1","userIdentity":{"type":"Root"}}`,
            `{"eventTime":"2024-03-04T11:00:00Z","eventName":"GetObject","eventID":"e2","userIdentity":{"type":"IAMUser"}}`,
        ];
        const session = await DuckdbSession.open();
        try {
            await session.query(`CREATE SCHEMA "2024_audit"`);
            await session.query(
                `CREATE TABLE "2024_audit".cloudtrail_logs AS SELECT ${cloudTrailTableColumns()}, '2024/03/04' AS "timestamp" FROM (SELECT json(text) AS record FROM (VALUES ${eventValues(events)}) AS t(i, text))`,
            );
            const rows = await session.query(
                buildRuleCountQuery({
                    rules: [{ id: "root", pattern: '{ $.userIdentity.type = "Root" }' }],
                    dialect: { name: "athena-in-duckdb", functions: duckdbFunctions, records: "cloudtrail-table" },
                    source: { kind: "table", table: "2024_audit.cloudtrail_logs" },
                    since: Date.parse("2024-03-04T00:00:00Z"),
                    until: Date.parse("2024-03-05T00:00:00Z"),
                }),
            );
            assert.deepStrictEqual(
                rows.map((r) => [r.rule_id, Number(r.matches), r.sample_event_ids]),
                [["root", 1, ["e1"]]],
            );
        } finally {
            session.close();
        }
    });

    it("refuses a table name that is not table or database.table", () => {
        assert.throws(
            () =>
                buildRuleCountQuery({
                    rules: [{ id: "root", pattern: "{ $.eventName = x }" }],
                    dialect: { name: "athena-in-duckdb", functions: duckdbFunctions, records: "cloudtrail-table" },
                    source: { kind: "table", table: 'logs"; DROP TABLE x; --' },
                }),
            /expected table or database.table/,
        );
    });
});
