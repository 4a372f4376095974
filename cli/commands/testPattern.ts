import {
    FilterPattern,
    FilterPatternError,
    formatFilterPatternError,
    parseFilterPattern,
} from "@trailwatch/components/catalogue";
import * as path from "path";
import { Command, CommandIO, UsageError, reportError } from "../command";
import { assertReadable } from "../inputFile";
import { LogEvent, LogEventsError, readLogEvents, readLogEventsFromFile } from "../logEvents";

const usage = `Usage: trailwatch test-pattern PATTERN [FILE...] [--json]

Tests a CloudWatch Logs filter pattern against log events, offline: the twin of
\`aws logs test-metric-filter\`, without credentials.

Arguments:
  PATTERN   The filter pattern, e.g. '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }'.
            Quote it for your shell. A pattern starting with - (an excluded term) is fine.
  FILE      Files to read events from; none, or -, reads stdin. Each may be:
              a CloudTrail log file as delivered to S3 ({"Records":[...]}, .json or gzipped .json.gz),
              JSON Lines (one event per line), plain text (one event per line),
              or one pretty-printed JSON document (a record, or an array of records).
            Gzip is recognised by content, whatever the file name.

Options:
  --json    Print {"matches":[{"index":I,"event":E}],"matched":N,"total":M} instead of text.
            I is the 0-based position of the event among all events read, in input order; E is the
            event as JSON (a record, a parsed JSON line, or the text of a plain-text line).
  --        Ends the options: what follows is PATTERN or FILE even if it starts with --.
  -h, --help  Show this help.

Output: each matching event on one line (records as compact JSON), then "N of M events matched".
Exit codes: 0 the pattern was tested (whether or not anything matched); 2 an invalid pattern
(the position and reason are shown), an unreadable file (named), or a usage error.
`;

interface Arguments {
    pattern: string;
    files: string[];
    json: boolean;
}

function parseArguments(argv: string[]): Arguments {
    const positionals: string[] = [];
    let json = false;
    let optionsEnded = false;
    for (const arg of argv) {
        if (!optionsEnded && arg === "--") optionsEnded = true;
        else if (!optionsEnded && arg === "--json") json = true;
        else if (!optionsEnded && arg.startsWith("--")) throw new UsageError(`unknown option ${arg}\n\n${usage}`);
        else positionals.push(arg);
    }
    const [pattern, ...files] = positionals;
    if (pattern === undefined) throw new UsageError(`missing PATTERN\n\n${usage}`);
    return { pattern, files, json };
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

        const matches: { index: number; event: unknown }[] = [];
        let matched = 0;
        let total = 0;
        try {
            for await (const { event } of allEvents(args.files, io)) {
                const index = total++;
                if (!pattern.matches(event)) continue;
                matched++;
                if (args.json) matches.push({ index, event: eventAsJson(event) });
                else await write(io.stdout, `${typeof event === "string" ? event : JSON.stringify(event)}\n`);
            }
        } catch (err) {
            if (err instanceof LogEventsError) return fail(err.message);
            throw err;
        }

        if (args.json) {
            await write(io.stdout, `${JSON.stringify({ matches, matched, total })}\n`);
        } else {
            await write(io.stdout, `${matched} of ${total} events matched\n`);
        }
        return 0;
    },
};
