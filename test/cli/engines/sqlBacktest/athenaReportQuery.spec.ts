import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { generateSyntheticArchive } from "../../../../bench/syntheticArchive";
import { walkArchive } from "../../../../cli/engines/backtest/archiveWalker";
import { runBacktest } from "../../../../cli/engines/backtest/backtestEngine";
import { buildReport, RuleReport } from "../../../../cli/engines/backtest/backtestReport";
import { duckdbFunctions, SqlDialect, sqlString } from "../../../../cli/engines/sql";
import { buildAthenaReportQuery } from "../../../../cli/engines/sqlBacktest/athenaReportQuery";
import { DuckdbSession } from "../../../../cli/engines/sqlBacktest/duckdbQuery";
import { ReportRow, tallyFromReportRows } from "../../../../cli/engines/sqlBacktest/reportRows";
import { catalogueRulesForTemplates } from "../backtest/catalogueRulesForTemplates";
import { cloudTrailTableColumns } from "../sql/athenaTableInDuckdb";

/** The athena report query with DuckDB's functions, over the CloudTrail table rebuilt in DuckDB. */
const ATHENA_SHAPE_IN_DUCKDB: SqlDialect = {
    name: "athena-in-duckdb",
    functions: duckdbFunctions,
    records: "cloudtrail-table",
};

/** What the Athena engine's report keeps of a rule: all but the sample records' other fields and files. */
function ruleFigures(r: RuleReport): unknown {
    return {
        ...r,
        samples: r.samples.map((s) => ({
            eventTime: s.eventTime,
            eventName: s.eventName,
            principal: s.principal,
            sourceIPAddress: s.sourceIPAddress,
            eventID: s.record.eventID,
        })),
    };
}

describe("backtest --engine athena: the report query, judged by DuckDB", function () {
    this.timeout(120_000);
    let dir: string;
    let session: DuckdbSession;
    const rules = catalogueRulesForTemplates();

    before(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "trailwatch-athena-report-"));
        await generateSyntheticArchive({ dir, targetUncompressedBytes: 2_000_000, recordsPerFile: 40 });
        const files: string[] = [];
        for await (const e of walkArchive([dir])) if (e.type === "file") files.push(e.path);
        session = await DuckdbSession.open();
        await session.query(
            `CREATE TABLE cloudtrail_logs AS SELECT ${cloudTrailTableColumns("r.record")}, '2024/03/04' AS "timestamp"
             FROM read_json_objects([${files.map(sqlString).join(", ")}], format = 'auto'), unnest(json_extract(json, '$.Records[*]')) AS r(record)`,
        );
    });
    after(() => {
        session?.close();
        fs.rmSync(dir, { recursive: true, force: true });
    });

    for (const [name, window] of [
        ["the whole table", {}],
        ["a window", { since: Date.parse("2024-03-04T00:10:00Z"), until: Date.parse("2024-03-04T00:40:00Z") }],
    ] as [string, { since?: number; until?: number }][]) {
        it(`${name}: every rule's figures are the local engine's`, async () => {
            const sql = buildAthenaReportQuery({
                rules,
                dialect: ATHENA_SHAPE_IN_DUCKDB,
                table: "cloudtrail_logs",
                ...window,
            });
            const rows = (await session.query(sql)).map((r): ReportRow =>
                Object.fromEntries<string | null>(
                    Object.entries(r).map(([k, v]) => [k, v === null ? null : String(v)]),
                ),
            );
            const tally = tallyFromReportRows(rows, rules);
            const local = buildReport(await runBacktest({ paths: [dir], rules, threads: 1, window }), window);
            const athena = buildReport({ ...(await runBacktest({ paths: [], rules, threads: 1 })), tally }, window);
            assert.ok(local.rules.filter((r) => r.matchedEvents > 0).length >= 5);
            assert.deepStrictEqual(athena.rules.map(ruleFigures), local.rules.map(ruleFigures));
            assert.deepStrictEqual(
                [athena.archive, athena.events.evaluated, athena.events.withoutTime],
                [local.archive, local.events.evaluated, local.events.withoutTime],
            );
        });
    }
});
