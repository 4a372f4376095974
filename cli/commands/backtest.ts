import * as path from "path";
import { Command, CommandIO, UsageError } from "../command";
import { CommandLineDefinition, parseCommandLine, usageText } from "../commandLine";
import { assertReadable } from "../inputFile";
import { parseTimeWindow } from "./timeWindow";
import {
    buildReport,
    DEFAULT_LOG_FILE_LIMITS,
    describeSkippedFiles,
    LogFileLimits,
    MAX_RECORD_DEPTH,
    PARSE_UNSCANNED_BYTES,
    formatReportTable,
    ProgressLine,
    runBacktest,
    selectBacktestRules,
    SkipReason,
} from "../engines/backtest";

/** The most `--threads` a run may ask for. */
const MAX_THREADS = 64;

/** The command line of `trailwatch backtest`, declared once: the parser, `--help` and docs/cli.md use it. */
export const backtestCommandLine = {
    command: "backtest",
    synopsis: [
        "trailwatch backtest PATH... [--stack NAME] [--rule ID]... [--since TIME] [--until TIME]",
        "                    [--threads N] [--max-file-mb N] [--max-records N] [--engine local|duckdb] [--json]",
        "trailwatch backtest --engine athena --stack NAME --since TIME --until TIME [--rule ID]... [--json]",
    ],
    description: `Replays CloudTrail log files, as S3 delivers them, through the alert rules and reports how often
each alarm would have fired: matching events, alarm periods that reached the rule's threshold,
alarms (OK -> ALARM transitions after the rule's evaluation periods), first and last match, top
principals and source IP addresses, and sample events.`,
    arguments: `  PATH...          CloudTrail log files ({"Records":[...]}, .json or .json.gz) or directories as
                   \`aws s3 sync\` leaves them (AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/).
                   Insights files (CloudTrail-Insight/) are evaluated too; digest files
                   (CloudTrail-Digest/) and other services' logs under AWSLogs/ are left out.`,
    maxPositionals: Infinity,
    options: [
        {
            name: "stack",
            type: "string",
            valueName: "NAME",
            defaultText: "every rule of the built-in catalogue enabled with its defaults",
            description:
                "Evaluate the rules enabled in stacks/Pulumi.NAME.yaml, with that stack's office addresses, instance types, overrides and own rules.",
            details: "Without a stack, `console-login-outside-office` is off: it needs office addresses.",
        },
        {
            name: "rule",
            type: "string",
            multiple: true,
            valueName: "ID",
            description: "Evaluate only this rule (repeatable). With --stack, IDs of that stack's rules.",
            details:
                "It may name a rule the stack or catalogue leaves off, to try it before turning it on, but not one without a pattern.",
        },
        {
            name: "since",
            type: "string",
            valueName: "TIME",
            description:
                "Only events at or after TIME (ISO 8601: 2024-05-01 or 2024-05-01T12:00:00Z; UTC when no zone is given). Files delivered before it are not read.",
            details:
                "Files delivered more than an hour before it (by the time in their CloudTrail name) are not even opened.",
        },
        { name: "until", type: "string", valueName: "TIME", description: "Only events before TIME (same format)." },
        {
            name: "threads",
            type: "integer",
            valueName: "N",
            // Each thread but the main one is a worker with its own V8 heap: thousands exhaust memory long before
            // they could help on any machine this runs on.
            max: MAX_THREADS,
            defaultText: "one per core",
            description: `Threads reading files, 1 to ${MAX_THREADS}: the main thread and up to N-1 worker threads. 1 reads on the main thread alone.`,
            details: "Results are identical whatever the number.",
        },
        {
            name: "max-file-mb",
            type: "integer",
            valueName: "N",
            // A file is parsed as one string, and V8 caps a string at 2^29 - 24 characters
            // (buffer.constants.MAX_STRING_LENGTH, about 536 MB): 512 stays below it.
            max: 512,
            default: DEFAULT_LOG_FILE_LIMITS.maxUncompressedBytes / 1e6,
            description:
                "Largest file read, in MB (10^6 bytes) after gunzip, 1 to 512; a larger one (or a gzip bomb) is reported and skipped without being inflated further.",
            details:
                "A bigger plain file is refused by its size on disk, unread; a `.json.gz` stops inflating at the limit, so a gzip bomb costs no more memory than that.",
        },
        {
            name: "max-records",
            type: "integer",
            valueName: "N",
            max: 100_000_000,
            default: DEFAULT_LOG_FILE_LIMITS.maxRecords,
            description: "Most records one file may hold; a file with more is reported and skipped.",
            details: `A file over ${PARSE_UNSCANNED_BYTES / 1e6} MB has its records counted before it is parsed, so a file of millions of \`{}\` is refused before it becomes millions of objects; a smaller one cannot take more than about 60 MB however it is shaped.`,
        },
        {
            name: "engine",
            type: "string",
            valueName: "E",
            choices: ["local", "duckdb", "athena"],
            default: "local",
            description:
                "local: the project's own evaluator on the main thread and worker threads. duckdb: the rules translated to SQL (as trailwatch sql prints them) and run by an embedded DuckDB; the same report. athena: the same translation run by Amazon Athena over the stack's CloudTrail table (trailwatch:athenaWorkgroup, athenaDatabase, athenaTable, athenaOutputLocation), no PATH; shows the query's state, data scanned and its cost ($5 per TB scanned). Rules it cannot translate faithfully are a usage error.",
            details: "See [Backtests in SQL](#backtests-in-sql-duckdb-and-amazon-athena).",
        },
        {
            name: "json",
            type: "boolean",
            description: "Print one JSON document (same content as the table, plus full sample records).",
            details:
                "Its fields: `rules` (`id`, `title`, `severity`, `pattern`, `threshold`, `period`, `evaluationPeriods`, `matchedEvents`, `periodsAtThreshold`, `alarms`, `alarmsPerDay`, `busiestPeriod`, `first`, `last`, `topPrincipals`, `topSourceIPs`, `samples` with the full records), `archive` (time span), `window`, `files` (`read`, `insight`, `failed`, `skipped` by reason), `events` (`read`, `evaluated`, `withoutTime`), `bytes`, `elapsedSeconds`, `megabytesPerSecond`, `threads`, `interrupted`, `problems` (`file`, `record` when one record was left out, `reason`).",
        },
    ],
    epilogue: `Progress (files, events, MB/s, time left) is shown on stderr when it is a terminal.
Ctrl-C stops reading and prints the summary so far (exit code 130).

Real CloudTrail files are far below both limits (an event is at most 256 KB; delivered files hold
a few minutes of events). A record nested deeper than ${MAX_RECORD_DEPTH} levels is reported by file and index
and left out; the rest of its file is evaluated.

Exit codes: 0 all files read; 1 some files or records were unusable (unreadable, corrupt gzip,
truncated or non-CloudTrail JSON, over a limit: each is named in the summary, the rest is
processed), or no log file was read at all (said on stderr); 2 usage error.`,
} as const satisfies CommandLineDefinition;

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

function parseArgs(argv: string[]): BacktestArgs {
    const { values, positionals } = parseCommandLine(argv, backtestCommandLine);
    const args: BacktestArgs = {
        paths: positionals,
        stack: values.stack,
        ruleIds: values.rule,
        ...parseTimeWindow(values.since, values.until),
        threads: values.threads,
        engine: values.engine,
        json: values.json,
        limits: {
            ...DEFAULT_LOG_FILE_LIMITS,
            maxUncompressedBytes: values["max-file-mb"] * 1e6,
            maxRecords: values["max-records"],
        },
    };
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

/** Why a run read nothing: what the paths held instead, so a wrong folder or window shows at once. */
function noLogFileNote(paths: string[], skipped: Record<SkipReason, number>, since: number | undefined): string {
    const held = describeSkippedFiles(skipped);
    return (
        `no CloudTrail log file read under ${paths.join(", ")}: it reads the .json and .json.gz files of a trail's ` +
        `bucket as \`aws s3 sync\` lays them out (AWSLogs/<account>/CloudTrail/...), or files named directly` +
        (since !== undefined ? `, delivered from --since ${new Date(since).toISOString()} on` : "") +
        (held.length > 0 ? `; left out: ${held.join(", ")}` : "; none was found")
    );
}

export const backtestCommand: Command = {
    name: "backtest",
    summary: "Replay CloudTrail archives through the rules: how often would each alarm have fired?",
    usage: usageText(backtestCommandLine),
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
        if (run.files.read === 0 && run.files.failed === 0) {
            // Most likely the wrong folder, or a window before every file: a finding, said on stderr so that
            // stdout stays the report (one JSON document under --json).
            io.stderr.write(`trailwatch backtest: ${noLogFileNote(args.paths, run.files.skipped, args.since)}\n`);
            return 1;
        }
        return run.problems.length > 0 ? 1 : 0;
    },
};
