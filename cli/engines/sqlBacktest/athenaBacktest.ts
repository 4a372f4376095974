import {
    AthenaClient,
    GetQueryExecutionCommand,
    GetQueryResultsCommand,
    QueryExecutionState,
    StartQueryExecutionCommand,
    StopQueryExecutionCommand,
} from "@aws-sdk/client-athena";
import { performance } from "perf_hooks";
import type { BacktestRun } from "../backtest/backtestEngine";
import { emptyBacktestRun } from "../backtest/emptyBacktestRun";
import type { BacktestRule } from "../backtest/ruleTally";
import { ATHENA_DIALECT } from "../sql";
import { buildAthenaReportQuery, REPORT_COLUMNS } from "./athenaReportQuery";
import { ReportRow, tallyFromReportRows } from "./reportRows";

/*
 * `backtest --engine athena`: the report query run by Amazon Athena with the AWS SDK's Athena client
 * (API Reference: StartQueryExecution, GetQueryExecution, GetQueryResults, StopQueryExecution).
 * A query runs asynchronously: start it, poll its state (QUEUED, RUNNING, then SUCCEEDED, FAILED or
 * CANCELLED) with Statistics.DataScannedInBytes, then page the results (the first row of the first
 * page holds the column names; every value is text, a NULL has no VarCharValue).
 */

/**
 * "Amazon Athena pricing" (https://aws.amazon.com/athena/pricing/): SQL queries cost $5.00 per TB of
 * data scanned, rounded up to the nearest megabyte, with a 10 MB minimum per query (the US East
 * price; a few Regions charge more).
 */
export const USD_PER_TB_SCANNED = 5;
const MB = 1024 * 1024;

/** What the scan costs at {@link USD_PER_TB_SCANNED}. */
export function athenaQueryCostUsd(bytesScanned: number): number {
    const billed = Math.max(10 * MB, Math.ceil(bytesScanned / MB) * MB);
    return (billed / 1e12) * USD_PER_TB_SCANNED;
}

/** Where the query runs. */
export interface AthenaTarget {
    workGroup: string;
    database: string;
    table: string;
    /** S3 URI for the results; omitted to use the workgroup's (required when it enforces its own). */
    outputLocation?: string;
}

export interface AthenaProgress {
    state: string;
    dataScannedBytes: number;
    elapsedMs: number;
}

export interface AthenaBacktestOptions {
    client: AthenaClient;
    target: AthenaTarget;
    rules: BacktestRule[];
    window: { since?: number; until?: number };
    signal?: AbortSignal;
    onProgress?: (progress: AthenaProgress) => void;
    /** @default 1000 */
    pollIntervalMs?: number;
}

export interface AthenaBacktestRun extends BacktestRun {
    queryExecutionId: string;
    dataScannedBytes: number;
    costUsd: number;
}

/** The query failed or was cancelled; the message is Athena's reason. */
export class AthenaQueryError extends Error {
    constructor(
        readonly queryExecutionId: string,
        readonly state: string,
        reason: string,
        /** What the query had scanned when it ended (Statistics.DataScannedInBytes). */
        readonly dataScannedBytes = 0,
    ) {
        super(`Athena query ${queryExecutionId} ${state}: ${reason}`);
        this.name = "AthenaQueryError";
    }
}

/**
 * Waits `ms`, or until `signal` aborts. The abort listener goes when the wait ends: one left per poll piles up on the
 * run's signal, and past 10 (`events.defaultMaxListeners`) Node.js 20 prints "MaxListenersExceededWarning: Possible
 * EventTarget memory leak detected" on stderr (measured on 20.20; nodejs/node#55816 later stopped that default
 * warning for AbortSignal, not the pile-up).
 */
const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise((resolve) => {
        if (signal?.aborted) return resolve();
        const onAbort = (): void => {
            clearTimeout(timer);
            resolve();
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener("abort", onAbort);
            resolve();
        }, ms);
        signal?.addEventListener("abort", onAbort, { once: true });
    });

export async function runAthenaBacktest(options: AthenaBacktestOptions): Promise<AthenaBacktestRun> {
    const started = performance.now();
    const { client, target, rules, window, signal } = options;
    const sql = buildAthenaReportQuery({
        rules,
        dialect: ATHENA_DIALECT,
        table: `${target.database}.${target.table}`,
        since: window.since,
        until: window.until,
    });
    const start = await client.send(
        new StartQueryExecutionCommand({
            QueryString: sql,
            WorkGroup: target.workGroup,
            QueryExecutionContext: { Database: target.database },
            ResultConfiguration:
                target.outputLocation === undefined ? undefined : { OutputLocation: target.outputLocation },
        }),
    );
    const id = start.QueryExecutionId;
    if (id === undefined) throw new Error("Athena StartQueryExecution returned no QueryExecutionId");
    let scanned = 0;
    let state = "QUEUED";
    let stopped = false;
    for (;;) {
        if (signal?.aborted && !stopped) {
            // Ctrl-C: a query left running keeps scanning, and the scan is billed.
            await client.send(new StopQueryExecutionCommand({ QueryExecutionId: id }));
            stopped = true;
        }
        const { QueryExecution: q } = await client.send(new GetQueryExecutionCommand({ QueryExecutionId: id }));
        state = q?.Status?.State ?? "UNKNOWN";
        scanned = q?.Statistics?.DataScannedInBytes ?? scanned;
        options.onProgress?.({ state, dataScannedBytes: scanned, elapsedMs: performance.now() - started });
        if (state === QueryExecutionState.SUCCEEDED) break;
        if (state === QueryExecutionState.FAILED || state === QueryExecutionState.CANCELLED) {
            if (stopped) {
                return {
                    ...emptyRun(rules, started),
                    interrupted: true,
                    queryExecutionId: id,
                    dataScannedBytes: scanned,
                    costUsd: athenaQueryCostUsd(scanned),
                };
            }
            throw new AthenaQueryError(id, state, q?.Status?.StateChangeReason ?? "no reason given", scanned);
        }
        // Once stopped, wait briefly for Athena to report CANCELLED.
        const interval = options.pollIntervalMs ?? 1000;
        await sleep(stopped ? Math.min(interval, 500) : interval, stopped ? undefined : signal);
    }
    const rows: ReportRow[] = [];
    let columns: string[] | undefined;
    let nextToken: string | undefined;
    do {
        const page = await client.send(new GetQueryResultsCommand({ QueryExecutionId: id, NextToken: nextToken }));
        let pageRows = page.ResultSet?.Rows ?? [];
        if (columns === undefined) {
            // The first row of a SELECT's first page holds the column names (AWS CLI Command Reference,
            // "athena get-query-results", example output; the GetQueryResults API Reference does not say so).
            columns = (pageRows[0]?.Data ?? []).map((d) => d.VarCharValue ?? "");
            pageRows = pageRows.slice(1);
            const expected = [...REPORT_COLUMNS];
            if (JSON.stringify(columns) !== JSON.stringify(expected)) {
                throw new Error(`Athena query ${id}: unexpected columns ${columns.join(", ")}`);
            }
        }
        for (const r of pageRows) {
            rows.push(Object.fromEntries(columns.map((c, i) => [c, r.Data?.[i]?.VarCharValue ?? null])));
        }
        nextToken = page.NextToken;
    } while (nextToken !== undefined);
    return {
        ...emptyRun(rules, started),
        tally: tallyFromReportRows(rows, rules),
        // What Athena read from S3 (compressed): the "bytes" of this run.
        compressedBytes: scanned,
        queryExecutionId: id,
        dataScannedBytes: scanned,
        costUsd: athenaQueryCostUsd(scanned),
    };
}

function emptyRun(rules: BacktestRule[], started: number): BacktestRun {
    return { ...emptyBacktestRun(rules, tallyFromReportRows([], rules), 0), elapsedMs: performance.now() - started };
}
