import * as path from "path";
import { Command, CommandIO, UsageError } from "../command";
import { singleValue } from "../flags";
import { assertReadable } from "../inputFile";
import {
    buildReport,
    defaultThreads,
    formatReportTable,
    ProgressLine,
    runBacktest,
    selectBacktestRules,
} from "../../src/backtest";

const usage = `Usage: trailwatch backtest PATH... [--stack NAME] [--rule ID]... [--since TIME] [--until TIME]
                           [--threads N] [--json]

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
  --json           Print one JSON document (same content as the table, plus full sample records).
  -h, --help       Show this help.

Progress (files, events, MB/s, time left) is shown on stderr when it is a terminal.
Ctrl-C stops reading and prints the summary so far (exit code 130).

Exit codes: 0 all files read; 1 some files were unusable (unreadable, corrupt gzip, truncated or
non-CloudTrail JSON: each is named in the summary, the rest is processed); 2 usage error.
`;

/** Parses an ISO 8601 date or date-time; UTC unless a zone is given. */
export function parseTimeFlag(flag: string, value: string): number {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(
        value,
    );
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
    json: boolean;
}

function parseArgs(argv: string[]): BacktestArgs {
    const args: BacktestArgs = { paths: [], ruleIds: [], json: false };
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
            case "--threads": {
                const v = value();
                if (!/^[1-9]\d*$/.test(v)) throw new UsageError(`--threads: expected a positive integer, got "${v}"`);
                args.threads = Number(v);
                break;
            }
            default:
                if (arg.startsWith("-") && arg !== "-") throw new UsageError(`unknown option ${arg}`);
                args.paths.push(arg);
        }
    }
    if (args.paths.length === 0) throw new UsageError("give at least one PATH (a log file or a directory)");
    if (args.since !== undefined && args.until !== undefined && args.since >= args.until) {
        throw new UsageError("--since must be before --until");
    }
    return args;
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
        const progress = io.stderr.isTTY ? new ProgressLine(io.stderr) : undefined;
        const abort = new AbortController();
        const onSigint = (): void => abort.abort();
        process.once("SIGINT", onSigint);
        let run;
        try {
            run = await runBacktest({
                paths: args.paths.map((p) => path.resolve(io.cwd, p)),
                rules,
                window,
                threads: args.threads,
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
