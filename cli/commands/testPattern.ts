import {
    FilterPattern,
    FilterPatternError,
    formatFilterPatternError,
    parseFilterPattern,
} from "@trailwatch/components/catalogue";
import * as path from "path";
import { Command, CommandIO, UsageError, exitCode, reportError } from "../command";
import { CommandLineDefinition, parseCommandLine, usageText } from "../commandLine";
import { assertReadable } from "../inputFile";
import { LogEvent, LogEventsError, readLogEvents, readLogEventsFromFile } from "../engines/logEvents";

/** The command line of `trailwatch test-pattern`, declared once: the parser, `--help` and docs/cli.md use it. */
export const testPatternCommandLine = {
    command: "test-pattern",
    synopsis: ["trailwatch test-pattern PATTERN [FILE...] [--json] [--aws [--region REGION]]"],
    description: `Tests a CloudWatch Logs filter pattern against log events, offline: the twin of
\`aws logs test-metric-filter\`, without credentials. With --aws, AWS's own engine judges the same
events too, and every event on which it and trailwatch's evaluator disagree is reported.`,
    arguments: `  PATTERN   The filter pattern, e.g. '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }'.
            Quote it for your shell. A pattern starting with - (an excluded term) is fine.
  FILE      Files to read events from; none, or -, reads stdin. Each may be:
              a CloudTrail log file as delivered to S3 ({"Records":[...]}, .json or gzipped .json.gz),
              JSON Lines (one event per line), plain text (one event per line),
              or one pretty-printed JSON document (a record, or an array of records).
            Gzip is recognised by content; a file named .gz must be gzip.`,
    maxPositionals: Infinity,
    dashPositionals: true,
    endOfOptions: "Ends the options: what follows is PATTERN or FILE even if it starts with --.",
    options: [
        {
            name: "json",
            type: "boolean",
            description:
                'Print {"matches":[{"index":I,"event":E}],"matched":N,"total":M} instead of text. I is the 0-based position of the event among all events read, in input order; E is the event as JSON (a record, a parsed JSON line, or the text of a plain-text line). The document is streamed, one match at a time; a file that fails after matches were printed ends it with "error":{"code":2,"message":...} after the counts so far.',
        },
        {
            name: "aws",
            type: "boolean",
            description:
                "Also send the events to CloudWatch Logs' TestMetricFilter (AWS SDK default credentials; IAM action logs:TestMetricFilter; one call per 50 events) and compare its verdicts.",
            details:
                "Every event on which AWS and trailwatch disagree is reported (exit 1); `--json` adds `aws` (`region`, `matched`, `disagreements` with `index`, `local`, `aws`).",
        },
        {
            name: "region",
            type: "string",
            valueName: "REGION",
            defaultText: "the AWS SDK's, e.g. AWS_REGION",
            description: "The region of --aws.",
        },
    ],
    epilogue: `Output: each matching event on one line (records as compact JSON), then "N of M events matched".
Ctrl-C stops reading at once and prints the count so far, "N of M events matched (interrupted)"
(with --json, the document gets "interrupted":true), and exits 130.
Regular expressions (%...%) run in time linear in the event (RE2), whatever the pattern.
Exit codes: 0 the pattern was tested (whether or not anything matched); 1 with --aws, AWS and
trailwatch disagree on an event, or AWS could not be asked (a refused call names the IAM action);
2 an invalid pattern (the position and reason are shown), an unreadable or corrupt file, or one
named .gz that is not gzip (named), or a usage error; 130 interrupted.`,
} as const satisfies CommandLineDefinition;

const usage = usageText(testPatternCommandLine);

interface Arguments {
    pattern: string;
    files: string[];
    json: boolean;
    aws: boolean;
    region?: string;
}

function parseArguments(argv: string[]): Arguments {
    let parsed;
    try {
        parsed = parseCommandLine(argv, testPatternCommandLine);
    } catch (err) {
        // test-pattern's usage errors are followed by the usage text, as they always were.
        if (err instanceof UsageError) throw new UsageError(`${err.message}\n\n${usage}`);
        throw err;
    }
    const { json, aws, region } = parsed.values;
    const [pattern, ...files] = parsed.positionals;
    if (pattern === undefined) throw new UsageError(`missing PATTERN\n\n${usage}`);
    if (region !== undefined && !aws) throw new UsageError(`--region is only used with --aws\n\n${usage}`);
    return { pattern, files, json, aws, region };
}

/** Resolves once the stream can take more, so a large match list does not pile up in memory. */
function write(stream: NodeJS.WritableStream, text: string): Promise<void> | undefined {
    if (stream.write(text)) return undefined;
    return new Promise((resolve) => stream.once("drain", () => resolve()));
}

/** A matched event as JSON output: records as they are, JSON lines parsed, plain text as a string. */
function eventAsJson(event: LogEvent["event"]): unknown {
    if (typeof event !== "string") return event;
    const first = event.trimStart().charAt(0);
    if (first === "{" || first === "[") {
        try {
            return JSON.parse(event);
        } catch {
            return event;
        }
    }
    return event;
}

/**
 * The items of `source` until `signal` aborts: then it ends at once, even while `source` is waiting for input (a
 * pipe that sends nothing more), instead of after the next item.
 */
async function* untilAborted<T>(source: AsyncIterable<T>, signal: AbortSignal): AsyncGenerator<T> {
    const iterator = source[Symbol.asyncIterator]();
    // Not Promise.race with one long-lived "aborted" promise: every race leaves a reaction on it, so a
    // million events would keep a million reactions alive. One waiter at a time, woken by the abort.
    let wake: (() => void) | undefined;
    const onAbort = (): void => wake?.();
    signal.addEventListener("abort", onAbort, { once: true });
    try {
        for (;;) {
            if (signal.aborted) return;
            const next = await new Promise<IteratorResult<T> | undefined>((resolve, reject) => {
                wake = () => resolve(undefined);
                iterator.next().then(resolve, reject);
            });
            wake = undefined;
            if (next === undefined || next.done === true) return;
            yield next.value;
        }
    } finally {
        signal.removeEventListener("abort", onAbort);
        // Not awaited: a source still waiting for input would keep us waiting too.
        if (signal.aborted) void iterator.return?.(undefined)?.catch(() => undefined);
        else await iterator.return?.(undefined);
    }
}

async function* allEvents(files: string[], io: CommandIO): AsyncGenerator<LogEvent> {
    if (files.length === 0) {
        yield* readLogEvents(io.stdin as AsyncIterable<Buffer | string>, "<stdin>");
        return;
    }
    for (const file of files) {
        if (file === "-") yield* readLogEvents(io.stdin as AsyncIterable<Buffer | string>, "<stdin>");
        else yield* readLogEventsFromFile(path.resolve(io.cwd, file), file);
    }
}

/** `--aws`: AWS's verdicts on the same events, and where they differ from trailwatch's. */
async function judgeWithAws(
    args: Arguments,
    messages: string[],
    verdicts: boolean[],
    io: CommandIO,
): Promise<{ agrees: boolean; lines: string[]; json: unknown }> {
    // Loaded only for --aws: the offline use never pays for the AWS SDK.
    const [{ CloudWatchLogsClient }, { judgePattern }, { describeCallError }] = await Promise.all([
        import("@aws-sdk/client-cloudwatch-logs"),
        import("../engines/drill/patternJudge"),
        import("../engines/drill/awsCallError"),
    ]);
    const logs = new CloudWatchLogsClient({ region: args.region });
    let region: string;
    try {
        region = await logs.config.region();
    } catch {
        io.stderr.write("trailwatch test-pattern: --aws needs a region: --region REGION, or AWS_REGION\n");
        logs.destroy();
        return { agrees: false, lines: [], json: { error: "no region" } };
    }
    try {
        if (messages.length === 0) {
            return {
                agrees: true,
                lines: ["AWS TestMetricFilter: no events to judge"],
                json: { region, matched: 0, disagreements: [] },
            };
        }
        const judgement = await judgePattern(logs, args.pattern, messages, verdicts);
        const awsMatched = judgement.aws.filter(Boolean).length;
        const json = { region, matched: awsMatched, disagreements: judgement.disagreements };
        if (judgement.disagreements.length === 0) {
            return {
                agrees: true,
                lines: [
                    `AWS TestMetricFilter (${region}) agrees on all ${messages.length} events (${awsMatched} matched)`,
                ],
                json,
            };
        }
        return {
            agrees: false,
            lines: [
                `AWS TestMetricFilter (${region}) disagrees with trailwatch on ${judgement.disagreements.length} of ${messages.length} events:`,
                ...judgement.disagreements.map(
                    (d) =>
                        `  event ${d.index}: AWS ${d.aws ? "matches" : "does not match"}, trailwatch ${d.local ? "matches" : "does not"}: ${messages[d.index].slice(0, 160)}`,
                ),
            ],
            json,
        };
    } catch (err) {
        const call = { service: "logs", operation: "TestMetricFilter", params: {} } as const;
        io.stderr.write(`trailwatch test-pattern: --aws: ${describeCallError(call, err)}\n`);
        return { agrees: false, lines: [], json: { error: describeCallError(call, err) } };
    } finally {
        logs.destroy();
    }
}

export const testPatternCommand: Command = {
    name: "test-pattern",
    summary: "Test a CloudWatch Logs filter pattern against log events offline",
    usage,
    async run(argv: string[], io: CommandIO): Promise<number> {
        const args = parseArguments(argv);
        const fail = (message: string): number => reportError(io, "test-pattern", message, args.json);

        let pattern: FilterPattern;
        try {
            pattern = parseFilterPattern(args.pattern);
        } catch (err) {
            if (err instanceof FilterPatternError) {
                return fail(`invalid filter pattern: ${formatFilterPatternError(args.pattern, err)}`);
            }
            throw err;
        }
        for (const warning of pattern.warnings) io.stderr.write(`trailwatch test-pattern: warning: ${warning}\n`);

        for (const file of args.files) {
            if (file !== "-") await assertReadable(path.resolve(io.cwd, file), file);
        }

        // --json is streamed: `{"matches":[` with the first match, each match as it is found, then the totals,
        // so a million matches never sit in memory. The document is the one JSON.stringify would give.
        let jsonOpened = false;
        const openJson = async (): Promise<void> => {
            if (!jsonOpened) await write(io.stdout, '{"matches":[');
            jsonOpened = true;
        };
        const closeJson = async (rest: Record<string, unknown>): Promise<void> => {
            await openJson();
            const tail = JSON.stringify(rest).slice(1); // `"matched":N,...}`
            await write(io.stdout, `],${tail}\n`);
        };
        let matched = 0;
        let total = 0;
        // With --aws: every event as CloudWatch Logs holds it (a record as its JSON, a line as it is), and our verdict.
        const messages: string[] = [];
        const verdicts: boolean[] = [];
        // One Ctrl-C stops reading and prints what was found so far (as `backtest` does).
        const interrupt = new AbortController();
        const onSigint = (): void => interrupt.abort();
        process.once("SIGINT", onSigint);
        try {
            for await (const { event } of untilAborted(allEvents(args.files, io), interrupt.signal)) {
                const index = total++;
                const verdict = pattern.matches(event);
                if (args.aws) {
                    messages.push(typeof event === "string" ? event : JSON.stringify(event));
                    verdicts.push(verdict);
                }
                if (!verdict) continue;
                if (args.json) {
                    const item = JSON.stringify({ index, event: eventAsJson(event) });
                    await write(io.stdout, jsonOpened ? `,${item}` : `{"matches":[${item}`);
                    jsonOpened = true;
                } else {
                    await write(io.stdout, `${typeof event === "string" ? event : JSON.stringify(event)}\n`);
                }
                matched++;
            }
        } catch (err) {
            if (err instanceof LogEventsError) {
                if (!jsonOpened) return fail(err.message);
                // Matches are out already: the document ends with them, the counts so far and the error.
                await closeJson({ matched, total, error: { code: exitCode.usage, message: err.message } });
                return exitCode.usage;
            }
            throw err;
        } finally {
            process.removeListener("SIGINT", onSigint);
        }

        const interrupted = interrupt.signal.aborted;
        if (interrupted) {
            // Stdin may still be open (a pipe that sends more): stop reading it so the process can end.
            (io.stdin as { destroy?: () => void }).destroy?.();
            if (args.json) {
                await closeJson({ matched, total, interrupted });
            } else {
                await write(io.stdout, `${matched} of ${total} events matched (interrupted)\n`);
            }
            return 130;
        }
        const aws = args.aws ? await judgeWithAws(args, messages, verdicts, io) : undefined;
        if (args.json) {
            await closeJson({ matched, total, ...(aws && { aws: aws.json }) });
        } else {
            await write(io.stdout, `${matched} of ${total} events matched\n`);
            for (const line of aws?.lines ?? []) await write(io.stdout, `${line}\n`);
        }
        return aws === undefined || aws.agrees ? 0 : 1;
    },
};
