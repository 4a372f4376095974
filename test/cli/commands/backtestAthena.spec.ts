import * as assert from "assert";
import * as fs from "fs";
import {
    AthenaClient,
    GetQueryExecutionCommand,
    GetQueryResultsCommand,
    StartQueryExecutionCommand,
} from "@aws-sdk/client-athena";
import { mockClient } from "aws-sdk-client-mock";
import { BacktestReport } from "../../../cli/engines/backtest/backtestReport";
import { selectBacktestRules } from "../../../cli/engines/backtest/ruleSelection";
import { REPORT_COLUMNS } from "../../../cli/engines/sqlBacktest/athenaReportQuery";
import { projectWithStack } from "../../support/projectWithStack";
import { runCli } from "../../support/runCli";

/* The command end to end with the Athena client mocked (aws-sdk-client-mock): Athena itself is not reachable here. */

const row = (...values: (string | null)[]) => ({ Data: values.map((v) => (v === null ? {} : { VarCharValue: v })) });
const US = "\u001f";

describe("trailwatch backtest --engine athena", function () {
    this.timeout(60_000);
    const athena = mockClient(AthenaClient);
    let project: string;

    before(() => {
        project = projectWithStack(
            "audit",
            [
                "config:",
                "  aws:region: eu-west-1",
                "  trailwatch:athenaWorkgroup: trailwatch",
                "  trailwatch:athenaDatabase: audit",
                "  trailwatch:athenaOutputLocation: s3://my-athena-results/trailwatch/",
                "",
            ].join("\n"),
        );
    });
    after(() => fs.rmSync(project, { recursive: true, force: true }));
    beforeEach(() => athena.reset());

    const argv = [
        "backtest",
        "--engine",
        "athena",
        "--stack",
        "audit",
        "--since",
        "2024-03-04",
        "--until",
        "2024-03-05",
    ];

    it("--json: the report from Athena's rows; the scan and its cost on stderr", async () => {
        const index = String(
            selectBacktestRules({ cwd: project, stack: "audit" }).findIndex((r) => r.id === "console-login-root"),
        );
        athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: "q-9" });
        athena.on(GetQueryExecutionCommand).resolves({
            QueryExecution: { Status: { State: "SUCCEEDED" }, Statistics: { DataScannedInBytes: 2_500_000_000 } },
        });
        athena.on(GetQueryResultsCommand).resolves({
            ResultSet: {
                Rows: [
                    row(...REPORT_COLUMNS),
                    row("-1", "19786", null, null, "5000", "2024-03-04T00:00:01Z", "2024-03-04T23:59:59Z", null),
                    row(
                        index,
                        "5697936",
                        null,
                        null,
                        "1",
                        "2024-03-04T10:00:00Z",
                        "2024-03-04T10:00:00Z",
                        `2024-03-04T10:00:00Z${US}e1${US}ConsoleLogin${US}198.51.100.7${US}arn:aws:iam::111122223333:root${US}${US}111122223333${US}Root`,
                    ),
                    row(index, null, "arn:aws:iam::111122223333:root", null, "1", null, null, null),
                    row(index, null, null, "198.51.100.7", "1", null, null, null),
                ],
            },
        });
        const result = await runCli([...argv, "--json"], { cwd: project });
        assert.strictEqual(result.code, 0);
        assert.strictEqual(
            result.stderr,
            "Athena query q-9 in workgroup trailwatch: 2.50 GB scanned, about $0.01 at $5 per TB\n",
        );
        const report = JSON.parse(result.stdout) as BacktestReport;
        const rule = report.rules[Number(index)];
        assert.strictEqual(rule.id, "console-login-root");
        assert.deepStrictEqual(
            [rule.matchedEvents, rule.alarms, rule.first, rule.topPrincipals, rule.samples.map((s) => s.principal)],
            [
                1,
                1,
                "2024-03-04T10:00:00.000Z",
                [{ principal: "arn:aws:iam::111122223333:root", events: 1 }],
                ["arn:aws:iam::111122223333:root"],
            ],
        );
        assert.deepStrictEqual([report.events.evaluated, report.archive.first], [5000, "2024-03-04T00:00:01.000Z"]);
        const start = athena.commandCalls(StartQueryExecutionCommand)[0].args[0].input;
        assert.deepStrictEqual(
            [start.WorkGroup, start.QueryExecutionContext, start.ResultConfiguration],
            ["trailwatch", { Database: "audit" }, { OutputLocation: "s3://my-athena-results/trailwatch/" }],
        );
        assert.match(
            start.QueryString!,
            /FROM "audit"\."cloudtrail_logs"\n {2}WHERE "timestamp" >= '2024\/03\/04' AND "timestamp" <= '2024\/03\/05'/,
        );
    });

    it("a failed query: Athena's reason, exit 1", async () => {
        athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: "q-10" });
        athena.on(GetQueryExecutionCommand).resolves({
            QueryExecution: {
                Status: { State: "FAILED", StateChangeReason: "Insufficient permissions to execute the query." },
            },
        });
        const result = await runCli(argv, { cwd: project });
        assert.deepStrictEqual(result, {
            code: 1,
            stdout: "",
            stderr: "trailwatch backtest: Athena query q-10 FAILED: Insufficient permissions to execute the query.\n",
        });
    });

    for (const [args, message] of [
        [
            ["backtest", "--engine", "athena", "--stack", "audit", "--since", "2024-03-04"],
            "--engine athena needs --stack, --since and --until (Athena bills every byte it scans)",
        ],
        [[...argv, "logs/"], "--engine athena reads the stack's Athena table: give no PATH"],
        [
            ["backtest", "--engine", "athena", "--stack", "dev", "--since", "2024-03-04", "--until", "2024-03-05"],
            '--engine athena: stack dev sets no trailwatch:athenaWorkgroup (see the README, "Backtests in SQL")',
        ],
    ] as [string[], string][]) {
        it(`usage error: ${args.slice(1).join(" ")}`, async () => {
            const cwd = args.includes("dev") ? undefined : project;
            const result = await runCli(args, { cwd });
            assert.deepStrictEqual(result, { code: 2, stdout: "", stderr: `trailwatch backtest: ${message}\n` });
            assert.strictEqual(athena.commandCalls(StartQueryExecutionCommand).length, 0);
        });
    }
});
