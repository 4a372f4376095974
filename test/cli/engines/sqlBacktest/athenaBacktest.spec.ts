import * as assert from "assert";
import {
    AthenaClient,
    AthenaServiceException,
    GetQueryExecutionCommand,
    GetQueryResultsCommand,
    StartQueryExecutionCommand,
    StopQueryExecutionCommand,
} from "@aws-sdk/client-athena";
import { mockClient } from "aws-sdk-client-mock";
import { getEventListeners } from "events";
import * as fs from "fs";
import { PassThrough } from "stream";
import { runAthenaEngine } from "../../../../cli/engines/sqlBacktest/athenaEngine";
import { projectWithStack } from "../../../support/projectWithStack";
import { ATHENA_DIALECT } from "../../../../cli/engines/sql";
import {
    athenaQueryCostUsd,
    AthenaQueryError,
    runAthenaBacktest,
} from "../../../../cli/engines/sqlBacktest/athenaBacktest";
import { buildAthenaReportQuery, REPORT_COLUMNS } from "../../../../cli/engines/sqlBacktest/athenaReportQuery";
import type { BacktestRule } from "../../../../cli/engines/backtest/ruleTally";

/*
 * The Athena client's calls, against aws-sdk-client-mock. What this does not prove: that Athena
 * accepts the query (DuckDB judges its logic in athenaReportQuery.spec.ts, Athena itself cannot be
 * reached from here) or that the IAM principal may run it.
 */

const rules: BacktestRule[] = [
    {
        id: "console-login-root",
        title: "Root sign-in",
        pattern: '{ ($.eventName = ConsoleLogin) && ($.userIdentity.type = "Root") }',
        severity: "P1",
        threshold: 1,
        period: 300,
        evaluationPeriods: 1,
    },
];
const target = {
    workGroup: "trailwatch",
    database: "trailwatch",
    table: "cloudtrail_logs",
    outputLocation: "s3://results-bucket/trailwatch/",
};
const window = { since: Date.parse("2024-03-04T00:00:00Z"), until: Date.parse("2024-03-05T00:00:00Z") };

const cell = (v: string | null) => (v === null ? {} : { VarCharValue: v });
const row = (...values: (string | null)[]) => ({ Data: values.map(cell) });
const header = row(...REPORT_COLUMNS);
const US = "\u001f";

describe("backtest --engine athena: the Athena client calls", () => {
    const athena = mockClient(AthenaClient);
    beforeEach(() => athena.reset());

    it("starts the report query in the workgroup, polls until it succeeds, pages the results, and tallies them", async () => {
        athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: "q-1" });
        athena
            .on(GetQueryExecutionCommand)
            .resolvesOnce({ QueryExecution: { Status: { State: "QUEUED" } } })
            .resolvesOnce({
                QueryExecution: { Status: { State: "RUNNING" }, Statistics: { DataScannedInBytes: 1_000_000 } },
            })
            .resolves({
                QueryExecution: { Status: { State: "SUCCEEDED" }, Statistics: { DataScannedInBytes: 52_428_800 } },
            });
        athena.on(GetQueryResultsCommand, { QueryExecutionId: "q-1", NextToken: undefined }).resolves({
            ResultSet: {
                Rows: [
                    header,
                    row("-1", "19786", null, null, "120", "2024-03-04T00:00:05Z", "2024-03-04T23:59:00Z", null),
                ],
            },
            NextToken: "page-2",
        });
        athena.on(GetQueryResultsCommand, { QueryExecutionId: "q-1", NextToken: "page-2" }).resolves({
            ResultSet: {
                Rows: [
                    row(
                        "0",
                        "5697936",
                        null,
                        null,
                        "2",
                        "2024-03-04T10:00:00Z",
                        "2024-03-04T10:03:00Z",
                        `2024-03-04T10:00:00Z${US}e1${US}ConsoleLogin${US}198.51.100.7${US}arn:aws:iam::111122223333:root${US}${US}111122223333${US}Root\u001e2024-03-04T10:03:00Z${US}e2${US}ConsoleLogin${US}198.51.100.7${US}arn:aws:iam::111122223333:root${US}${US}111122223333${US}Root`,
                    ),
                    row("0", null, "arn:aws:iam::111122223333:root", null, "2", null, null, null),
                    row("0", null, null, "198.51.100.7", "2", null, null, null),
                ],
            },
        });
        const progress: string[] = [];
        const run = await runAthenaBacktest({
            client: new AthenaClient({ region: "eu-west-1" }),
            target,
            rules,
            window,
            pollIntervalMs: 1,
            onProgress: (p) => progress.push(`${p.state} ${p.dataScannedBytes}`),
        });
        assert.deepStrictEqual(athena.commandCalls(StartQueryExecutionCommand)[0].args[0].input, {
            QueryString: buildAthenaReportQuery({
                rules,
                dialect: ATHENA_DIALECT,
                table: "trailwatch.cloudtrail_logs",
                ...window,
            }),
            WorkGroup: "trailwatch",
            QueryExecutionContext: { Database: "trailwatch" },
            ResultConfiguration: { OutputLocation: "s3://results-bucket/trailwatch/" },
        });
        assert.deepStrictEqual(progress, ["QUEUED 0", "RUNNING 1000000", "SUCCEEDED 52428800"]);
        assert.strictEqual(athena.commandCalls(GetQueryResultsCommand).length, 2);
        assert.strictEqual(athena.commandCalls(StopQueryExecutionCommand).length, 0);
        assert.strictEqual(run.queryExecutionId, "q-1");
        assert.strictEqual(run.costUsd, (52_428_800 / 1e12) * 5);
        assert.strictEqual(run.compressedBytes, 52_428_800);
        const t = run.tally.rules[0];
        assert.deepStrictEqual(
            [
                t.matched,
                t.first,
                t.last,
                [...t.periods],
                [...t.principals],
                [...t.sourceIPs],
                t.samples.map((s) => s.eventID),
            ],
            [
                2,
                Date.parse("2024-03-04T10:00:00Z"),
                Date.parse("2024-03-04T10:03:00Z"),
                [[5697936, 2]],
                [["arn:aws:iam::111122223333:root", 2]],
                [["198.51.100.7", 2]],
                ["e1", "e2"],
            ],
        );
        assert.deepStrictEqual(t.samples[0].record, {
            eventTime: "2024-03-04T10:00:00Z",
            eventID: "e1",
            eventName: "ConsoleLogin",
            sourceIPAddress: "198.51.100.7",
            userIdentity: { arn: "arn:aws:iam::111122223333:root", principalId: "111122223333", type: "Root" },
        });
        assert.deepStrictEqual([run.tally.eventsInRange, run.tally.untimedEvents], [120, 0]);
    });

    it("a failed query is an error with Athena's reason, and no results are asked for", async () => {
        athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: "q-2" });
        athena.on(GetQueryExecutionCommand).resolves({
            QueryExecution: {
                Status: {
                    State: "FAILED",
                    StateChangeReason: "TABLE_NOT_FOUND: line 3:8: Table 'trailwatch.cloudtrail_logs' does not exist",
                },
            },
        });
        await assert.rejects(
            runAthenaBacktest({
                client: new AthenaClient({ region: "eu-west-1" }),
                target,
                rules,
                window,
                pollIntervalMs: 1,
            }),
            (err: unknown) =>
                err instanceof AthenaQueryError &&
                err.message ===
                    "Athena query q-2 FAILED: TABLE_NOT_FOUND: line 3:8: Table 'trailwatch.cloudtrail_logs' does not exist",
        );
        assert.strictEqual(athena.commandCalls(GetQueryResultsCommand).length, 0);
    });

    it("Ctrl-C stops the query (StopQueryExecution) and ends the run as interrupted, with what was scanned", async () => {
        const abort = new AbortController();
        athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: "q-3" });
        athena
            .on(GetQueryExecutionCommand)
            .callsFakeOnce(() => {
                abort.abort();
                return {
                    QueryExecution: { Status: { State: "RUNNING" }, Statistics: { DataScannedInBytes: 3_000_000 } },
                };
            })
            .resolves({
                QueryExecution: { Status: { State: "CANCELLED" }, Statistics: { DataScannedInBytes: 4_000_000 } },
            });
        athena.on(StopQueryExecutionCommand).resolves({});
        const run = await runAthenaBacktest({
            client: new AthenaClient({ region: "eu-west-1" }),
            target: { ...target, outputLocation: undefined },
            rules,
            window,
            signal: abort.signal,
            pollIntervalMs: 60_000,
        });
        assert.deepStrictEqual(
            athena.commandCalls(StopQueryExecutionCommand).map((c) => c.args[0].input),
            [{ QueryExecutionId: "q-3" }],
        );
        assert.strictEqual(
            athena.commandCalls(StartQueryExecutionCommand)[0].args[0].input.ResultConfiguration,
            undefined,
        );
        assert.deepStrictEqual(
            [run.interrupted, run.dataScannedBytes, run.tally.rules[0].matched],
            [true, 4_000_000, 0],
        );
        assert.strictEqual(athena.commandCalls(GetQueryResultsCommand).length, 0);
    });

    it("a long query (many polls) leaves no listener on the Ctrl-C signal, and Node.js prints no leak warning", async () => {
        // Each poll's wait listened for the abort and never stopped listening: from the 11th poll (10 s at the default
        // interval) Node.js 20 printed "MaxListenersExceededWarning: Possible EventTarget memory leak detected" on stderr.
        const abort = new AbortController();
        const warnings: string[] = [];
        const onWarning = (w: Error): number => warnings.push(`${w.name}: ${w.message}`);
        process.on("warning", onWarning);
        athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: "q-4" });
        const running = { QueryExecution: { Status: { State: "RUNNING" as const } } };
        let polls = athena.on(GetQueryExecutionCommand);
        for (let i = 0; i < 30; i++) polls = polls.resolvesOnce(running);
        polls.resolves({ QueryExecution: { Status: { State: "SUCCEEDED" } } });
        athena.on(GetQueryResultsCommand).resolves({ ResultSet: { Rows: [header] } });
        try {
            const run = await runAthenaBacktest({
                client: new AthenaClient({ region: "eu-west-1" }),
                target,
                rules,
                window,
                signal: abort.signal,
                pollIntervalMs: 1,
            });
            assert.strictEqual(run.interrupted, false);
            // A warning is emitted on the next tick.
            await new Promise((resolve) => setImmediate(resolve));
        } finally {
            process.removeListener("warning", onWarning);
        }
        assert.strictEqual(athena.commandCalls(GetQueryExecutionCommand).length, 31);
        assert.deepStrictEqual(getEventListeners(abort.signal, "abort"), []);
        assert.deepStrictEqual(warnings, []);
    });

    it("the cost: $5 per TB scanned, rounded up to the megabyte, 10 MB at least", () => {
        assert.strictEqual(athenaQueryCostUsd(0), ((10 * 1024 * 1024) / 1e12) * 5);
        assert.strictEqual(athenaQueryCostUsd(11 * 1024 * 1024 + 1), ((12 * 1024 * 1024) / 1e12) * 5);
        assert.strictEqual(athenaQueryCostUsd(1e12), ((Math.ceil(1e12 / 1048576) * 1048576) / 1e12) * 5);
    });
});

describe("backtest --engine athena: Athena refusing a call", () => {
    const athena = mockClient(AthenaClient);
    let project: string;
    before(() => {
        project = projectWithStack(
            "audit",
            "config:\n  aws:region: eu-west-1\n  trailwatch:athenaWorkgroup: trailwatch\n  trailwatch:athenaDatabase: audit\n",
        );
    });
    after(() => fs.rmSync(project, { recursive: true, force: true }));
    beforeEach(() => athena.reset());

    /** Runs the Athena engine with `--json` on the mocked client: its exit code, what it wrote to stdout (null for nothing) and stderr. */
    async function runEngineJson(): Promise<{ code: number; stdout: unknown; stderr: string }> {
        const stdout = new PassThrough();
        const stderr = new PassThrough();
        const code = await runAthenaEngine(
            { stack: "audit", rules, window, json: true },
            { stdout, stderr, stdin: new PassThrough(), cwd: project },
            new AthenaClient({ region: "eu-west-1" }),
        );
        return { code, stdout: stdout.read(), stderr: String(stderr.read()) };
    }

    it("a query the workgroup's data limit cancels: Athena's reason, then what was scanned and its cost, exit 1", async () => {
        // Athena User Guide, "Configure per-query and per-workgroup data usage controls": a query over the per-query
        // limit is canceled, and canceled queries are charged for the data they scanned.
        athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: "q-5" });
        athena
            .on(GetQueryExecutionCommand)
            .resolvesOnce({
                QueryExecution: { Status: { State: "RUNNING" }, Statistics: { DataScannedInBytes: 6_000_000_000 } },
            })
            .resolves({
                QueryExecution: {
                    Status: { State: "CANCELLED", StateChangeReason: "Bytes scanned limit was exceeded" },
                    Statistics: { DataScannedInBytes: 10_000_000_000 },
                },
            });
        const { code, stdout, stderr } = await runEngineJson();
        assert.strictEqual(code, 1);
        assert.strictEqual(stdout, null);
        assert.strictEqual(
            stderr,
            "trailwatch backtest: Athena query q-5 CANCELLED: Bytes scanned limit was exceeded\n" +
                `Athena query q-5 in workgroup trailwatch: 10.00 GB scanned, about $${athenaQueryCostUsd(10_000_000_000).toFixed(2)} at $5 per TB\n`,
        );
        assert.strictEqual(athena.commandCalls(StopQueryExecutionCommand).length, 0);
        assert.strictEqual(athena.commandCalls(GetQueryResultsCommand).length, 0);
    });

    for (const [signal, code] of [
        ["SIGINT", 130],
        ["SIGTERM", 143],
    ] as const) {
        it(`${signal} while the query runs: StopQueryExecution (a running query keeps billing), the report so far, exit ${code}`, async () => {
            athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: "q-6" });
            athena
                .on(GetQueryExecutionCommand)
                .callsFakeOnce(() => {
                    setImmediate(() => process.emit(signal));
                    return {
                        QueryExecution: { Status: { State: "RUNNING" }, Statistics: { DataScannedInBytes: 3_000_000 } },
                    };
                })
                .resolves({
                    QueryExecution: { Status: { State: "CANCELLED" }, Statistics: { DataScannedInBytes: 4_000_000 } },
                });
            athena.on(StopQueryExecutionCommand).resolves({});
            const listeners = process.listenerCount(signal);
            const run = await runEngineJson();
            assert.strictEqual(run.code, code);
            assert.deepStrictEqual(
                athena.commandCalls(StopQueryExecutionCommand).map((c) => c.args[0].input),
                [{ QueryExecutionId: "q-6" }],
            );
            assert.strictEqual((JSON.parse(String(run.stdout)) as { interrupted: boolean }).interrupted, true);
            assert.match(run.stderr, /^Athena query q-6 in workgroup trailwatch: 4\.00 MB scanned/m);
            assert.strictEqual(process.listenerCount(signal), listeners, "the handler is removed");
        });
    }

    it("an access denied on StartQueryExecution is one line with AWS's code and message, exit 1, no stack trace", async () => {
        // An error Athena's model does not name reaches the caller as an AthenaServiceException with AWS's code.
        athena.on(StartQueryExecutionCommand).rejects(
            new AthenaServiceException({
                name: "AccessDeniedException",
                $fault: "client",
                $metadata: { httpStatusCode: 400 },
                message:
                    "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: athena:StartQueryExecution",
            }),
        );
        const { code, stdout, stderr } = await runEngineJson();
        assert.strictEqual(code, 1);
        assert.strictEqual(stdout, null);
        assert.strictEqual(
            stderr,
            "trailwatch backtest: Athena: AccessDeniedException: User: arn:aws:iam::123456789012:user/ci is not authorized to perform: athena:StartQueryExecution\n",
        );
    });
});
