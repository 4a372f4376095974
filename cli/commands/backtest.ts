import * as path from "path";
import { Command, CommandIO, UsageError } from "../command";
import { singleValue } from "../flags";
import { assertReadable } from "../inputFile";
import {
    buildReport,
    DEFAULT_LOG_FILE_LIMITS,
    defaultThreads,
    LogFileLimits,
    MAX_RECORD_DEPTH,
    formatReportTable,
    ProgressLine,
    runBacktest,
    selectBacktestRules,
} from "../engines/backtest";

const usage = `Usage: trailwatch backtest PATH... [--stack NAME] [--rule ID]... [--since TIME] [--until TIME]
                           [--threads N] [--max-file-mb N] [--max-records N] [--engine local|duckdb] [--json]
       trailwatch backtest --engine athena --stack NAME --since TIME --until TIME [--rule ID]... [--json]

Replays CloudTrail log files, as S3 delivers them, through the alert rules and reports how often
each alarm would have fired: matching events, alarm periods that reached the rule's threshold,
alarms (OK -> ALARM transitions after the rule's evaluation periods), first and last match, top
principals and source IP addresses, and sample events.

Arguments:
  PATH...          CloudTrail log files ({"Records":[...]}, .json or .json.gz) or directories as
                   \`aws s3 sync\` leaves them (AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/).
                   Insights files (CloudTrail-Insight/) are evaluated too; digest files
                   (CloudTrail-Digest/) and other services' logs under AWSLogs/ are left out.

Options:
  --stack NAME     Evaluate the rules enabled in stacks/Pulumi.NAME.yaml, with that stack's office
                   addresses, instance types, overrides and own rules. Default: every rule of the
                   built-in catalogue enabled with its defaults.
  --rule ID        Evaluate only this rule (repeatable). With --stack, IDs of that stack's rules.
  --since TIME     Only events at or after TIME (ISO 8601: 2024-05-01 or 2024-05-01T12:00:00Z;
                   UTC when no zone is given). Files delivered before it are not read.
  --until TIME     Only events before TIME (same format).
  --threads N      Threads reading files. 1 reads on the main thread. Default: one per core (${defaultThreads()} here).
  --max-file-mb N  Largest file read, in MB after gunzip; a larger one (or a gzip bomb) is reported
                   and skipped without being inflated further. Default: ${DEFAULT_LOG_FILE_LIMITS.maxUncompressedBytes / 1e6}.
  --max-records N  Most records one file may hold; a file with more is reported and skipped before it
                   is parsed. Default: ${DEFAULT_LOG_FILE_LIMITS.maxRecords}.
  --engine E       local (default): the project's own evaluator on worker threads. duckdb: the rules
                   translated to SQL (as trailwatch sql prints them) and run by an embedded DuckDB;
                   the same report. athena: the same translation run by Amazon Athena over the
                   stack's CloudTrail table (trailwatch:athenaWorkgroup, athenaDatabase, athenaTable,
                   athenaOutputLocation), no PATH; shows the query's state, data scanned and its cost
                   ($5 per TB scanned). Rules it cannot translate faithfully are a usage error.
  --json           Print one JSON document (same content as the table, plus full sample records).
  -h, --help       Show this help.

Progress (files, events, MB/s, time left) is shown on stderr when it is a terminal.
Ctrl-C stops reading and prints the summary so far (exit code 130).

Real CloudTrail files are far below both limits (an event is at most 256 KB; delivered files hold
a few minutes of events). A record nested deeper than ${MAX_RECORD_DEPTH} levels is reported by file and index
and left out; the rest of its file is evaluated.

Exit codes: 0 all files read; 1 some files or records were unusable (unreadable, corrupt gzip,
truncated or non-CloudTrail JSON, over a limit: each is named in the summary, the rest is
processed); 2 usage error.
`;

/**
 * True when the fields name a real calendar date and time: Date.parse rolls 2024-02-30 over to
 * March 1st and 24:00 to the next day instead of refusing them.
 */
function isCalendarDateTime(m: RegExpExecArray): boolean {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    const dateOk = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
    const timeOk = (m[4] === undefined || Number(m[4]) <= 23) && (m[5] === undefined || Number(m[5]) <= 59);
    return dateOk && timeOk && (m[6] === undefined || Number(m[6]) <= 59);
}

/** Parses an ISO 8601 date or date-time; UTC unless a zone is given. */
export function parseTimeFlag(flag: string, value: string): number {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(
        value,
    );
    if (m !== null && !isCalendarDateTime(m)) {
        throw new UsageError(`${flag}: "${value}" is not a date in the calendar`);
    }
    const ms = m === null ? NaN : Date.parse(m[4] === undefined ? `${value}T00:00:00Z` : m[7] ? value : `${value}Z`);
    if (Number.isNaN(ms)) {
        throw new UsageError(
            `${flag}: expected an ISO 8601 date or time such as 2024-05-01 or 2024-05-01T12:00:00Z, got "${value}"`,
        );
    }
    return ms;
}

interface BacktestArgs {
    paths: string[];
    stack?: string;
    ruleIds: string[];
    since?: number;
    until?: number;
    threads?: number;
    limits: LogFileLimits;
    engine: "local" | "duckdb" | "athena";
    json: boolean;
}

/** The most `--threads` a run may ask for. */
const MAX_THREADS = 64;

/** A positive whole number flag, at most `max` (beyond which it stops being a limit). */
function positiveInteger(flag: string, v: string, max: number): number {
    if (!/^[1-9]\d*$/.test(v) || Number(v) > max) {
        throw new UsageError(`${flag}: expected a whole number from 1 to ${max}, got "${v}"`);
    }
    return Number(v);
}

function parseArgs(argv: string[]): BacktestArgs {
    const args: BacktestArgs = {
        paths: [],
        ruleIds: [],
        engine: "local",
        json: false,
        limits: { ...DEFAULT_LOG_FILE_LIMITS },
    };
    const given: Record<string, string> = {}; // single-valued flags seen: a second one is a usage error
    for (let i = 0; i < argv.length; i++) {
        let arg = argv[i];
        let inlineValue: string | undefined;
        const eq = arg.indexOf("=");
        if (arg.startsWith("--") && eq > 0) {
            inlineValue = arg.slice(eq + 1);
            arg = arg.slice(0, eq);
        }
        const value = (): string => {
            let v = inlineValue;
            if (v === undefined) {
                v = argv[++i];
                if (v === undefined || v.startsWith("--")) throw new UsageError(`${arg} needs a value`);
            }
            if (arg !== "--rule") given[arg] = singleValue(given[arg], arg, v);
            return v;
        };
        switch (arg) {
            case "--json":
                args.json = true;
                break;
            case "--stack":
                args.stack = value();
                break;
            case "--rule":
                args.ruleIds.push(value());
                break;
            case "--since":
                args.since = parseTimeFlag(arg, value());
                break;
            case "--until":
                args.until = parseTimeFlag(arg, value());
                break;
            case "--threads":
                // Each thread is a worker with its own V8 heap: thousands exhaust memory long before they could
                // help on any machine this runs on.
                args.threads = positiveInteger(arg, value(), MAX_THREADS);
                break;
            case "--max-file-mb":
                // A file is parsed as one string, and V8 caps a string at 2^29 - 24 characters
                // (buffer.constants.MAX_STRING_LENGTH, about 536 MB): 512 stays below it.
                args.limits.maxUncompressedBytes = positiveInteger(arg, value(), 512) * 1e6;
                break;
            case "--max-records":
                args.limits.maxRecords = positiveInteger(arg, value(), 100_000_000);
                break;
            case "--engine": {
                const v = value();
                if (v !== "local" && v !== "duckdb" && v !== "athena") {
                    throw new UsageError(`--engine: expected local, duckdb or athena, got "${v}"`);
                }
                args.engine = v;
                break;
            }
            default:
                if (arg.startsWith("-") && arg !== "-") throw new UsageError(`unknown option ${arg}`);
                args.paths.push(arg);
        }
    }
    if (args.engine === "athena") {
        if (args.paths.length > 0) throw new UsageError("--engine athena reads the stack's Athena table: give no PATH");
        if (args.stack === undefined || args.since === undefined || args.until === undefined) {
            throw new UsageError(
                "--engine athena needs --stack, --since and --until (Athena bills every byte it scans)",
            );
        }
        if (args.threads !== undefined) throw new UsageError("--threads is for the local engine");
    } else if (args.paths.length === 0) {
        throw new UsageError("give at least one PATH (a log file or a directory)");
    }
    if (args.since !== undefined && args.until !== undefined && args.since >= args.until) {
        throw new UsageError("--since must be before --until");
    }
    return args;
}

/** The DuckDB engine, loaded only when asked for; a rule it cannot translate is a usage error. */
async function duckdbEngine(): Promise<typeof runBacktest> {
    const { runDuckdbBacktest } = await import("../engines/sqlBacktest/duckdbBacktest");
    const { RuleTranslationError } = await import("../engines/sql");
    return async (options) => {
        try {
            return await runDuckdbBacktest(options);
        } catch (err) {
            if (err instanceof RuleTranslationError)
                throw new UsageError(`--engine duckdb: cannot translate ${err.message}`);
            throw err;
        }
    };
}

export const backtestCommand: Command = {
    name: "backtest",
    summary: "Replay CloudTrail archives through the rules: how often would each alarm have fired?",
    usage,
    async run(argv: string[], io: CommandIO): Promise<number> {
        const args = parseArgs(argv);
        for (const p of args.paths) await assertReadable(path.resolve(io.cwd, p), p, true);
        const rules = selectBacktestRules({ cwd: io.cwd, stack: args.stack, ruleIds: args.ruleIds });
        const window = { since: args.since, until: args.until };
        if (args.engine === "athena") {
            const { runAthenaEngine } = await import("../engines/sqlBacktest/athenaEngine");
            return runAthenaEngine({ ...args, stack: args.stack!, rules, window }, io);
        }
        const progress = io.stderr.isTTY ? new ProgressLine(io.stderr) : undefined;
        const abort = new AbortController();
        const onSigint = (): void => abort.abort();
        process.once("SIGINT", onSigint);
        let run;
        try {
            run = await (args.engine === "duckdb" ? await duckdbEngine() : runBacktest)({
                paths: args.paths.map((p) => path.resolve(io.cwd, p)),
                rules,
                window,
                threads: args.threads,
                limits: args.limits,
                signal: abort.signal,
                onProgress: progress && ((p) => progress.update(p)),
            });
        } finally {
            process.removeListener("SIGINT", onSigint);
            progress?.clear();
        }
        const report = buildReport(run, window, io.cwd);
        io.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : formatReportTable(report));
        if (run.interrupted) return 130;
        return run.problems.length > 0 ? 1 : 0;
    },
};
