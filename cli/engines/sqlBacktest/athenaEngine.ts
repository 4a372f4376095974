import { AthenaClient, AthenaServiceException } from "@aws-sdk/client-athena";
import { UsageError, type CommandIO } from "../io";
import { buildReport } from "../backtest/backtestReport";
import { formatReportTable } from "../backtest/reportTable";
import type { BacktestRule } from "../backtest/ruleTally";
import { RuleTranslationError } from "../sql";
import { AthenaBacktestRun, AthenaQueryError, athenaQueryCostUsd, runAthenaBacktest } from "./athenaBacktest";
import { athenaTargetOfStack } from "./athenaStackTarget";
import { onStopSignal, StopSignal, stoppedExitCode } from "../stopSignals";

/**
 * The scan and its price, for people: `1.23 GB scanned, about $0.0061 at $5 per TB`; under a gigabyte in megabytes
 * (`4.00 MB scanned`), where gigabytes would print `0.00 GB`.
 */
export function describeScan(bytes: number, usd: number): string {
    const size = bytes < 1e9 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e9).toFixed(2)} GB`;
    return `${size} scanned, about $${usd < 0.01 ? usd.toFixed(4) : usd.toFixed(2)} at $5 per TB`;
}

/**
 * `backtest --engine athena`: runs the report query in the stack's workgroup and prints the same
 * report as the local engine. Progress (state, data scanned, cost so far) goes to stderr on a
 * terminal; the final scan and cost are always written to stderr, so `--json` stays one document.
 */
export async function runAthenaEngine(
    args: { stack: string; rules: BacktestRule[]; window: { since?: number; until?: number }; json: boolean },
    io: CommandIO,
    client?: AthenaClient,
): Promise<number> {
    const { target, region } = athenaTargetOfStack(io.cwd, args.stack);
    const abort = new AbortController();
    let stoppedBy: StopSignal | undefined;
    // SIGTERM as Ctrl-C: a query left running keeps scanning and billing. Only the first signal is caught: a
    // second one ends the process at once, as it did before anything listened.
    const stopListening = onStopSignal((signal) => {
        stoppedBy = signal;
        stopListening();
        abort.abort();
    });
    /** The query's scan and its cost, as stderr gets it at the end of every query that ran, finished or not. */
    const scanLine = (queryExecutionId: string, bytes: number): string =>
        `Athena query ${queryExecutionId} in workgroup ${target.workGroup}: ${describeScan(bytes, athenaQueryCostUsd(bytes))}\n`;
    let run: AthenaBacktestRun;
    try {
        run = await runAthenaBacktest({
            client: client ?? new AthenaClient(region === undefined ? {} : { region }),
            target,
            rules: args.rules,
            window: args.window,
            signal: abort.signal,
            onProgress: io.stderr.isTTY
                ? (p) =>
                      io.stderr.write(
                          `\r\x1b[KAthena ${p.state}: ${describeScan(p.dataScannedBytes, athenaQueryCostUsd(p.dataScannedBytes))}, ${Math.round(p.elapsedMs / 1000)} s`,
                      )
                : undefined,
        });
    } catch (err) {
        if (err instanceof RuleTranslationError)
            throw new UsageError(`--engine athena: cannot translate ${err.message}`);
        if (err instanceof AthenaQueryError) {
            io.stderr.write(`${io.stderr.isTTY ? "\r\x1b[K" : ""}trailwatch backtest: ${err.message}\n`);
            // A query cancelled by the workgroup's per-query data limit (or by someone else) is billed for what it
            // scanned (Athena User Guide, "Configure per-query and per-workgroup data usage controls": "Canceled
            // queries are charged according to Amazon Athena pricing"): say how much, as for a finished query.
            if (err.state === "CANCELLED") io.stderr.write(scanLine(err.queryExecutionId, err.dataScannedBytes));
            return 1;
        }
        // Athena refusing a call (access denied, no such workgroup, throttling) or no credentials to sign it with:
        // AWS's own words, not a stack trace.
        if (err instanceof AthenaServiceException || (err as Error)?.name === "CredentialsProviderError") {
            const e = err as Error;
            io.stderr.write(
                `${io.stderr.isTTY ? "\r\x1b[K" : ""}trailwatch backtest: Athena: ${e.name}: ${e.message}\n`,
            );
            return 1;
        }
        throw err;
    } finally {
        stopListening();
    }
    if (io.stderr.isTTY) io.stderr.write("\r\x1b[K");
    io.stderr.write(scanLine(run.queryExecutionId, run.dataScannedBytes));
    const report = buildReport(run, args.window, io.cwd);
    io.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : formatReportTable(report));
    return run.interrupted ? stoppedExitCode(stoppedBy ?? "SIGINT") : 0;
}
