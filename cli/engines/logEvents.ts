import * as fs from "fs";
import { Readable } from "stream";
import { StringDecoder } from "string_decoder";
import * as zlib from "zlib";
import { describeFileError } from "./io";
import {
    DEFAULT_LOG_FILE_LIMITS,
    isGzip,
    isNamedGzip,
    MAX_RECORD_DEPTH,
    notGzipReason,
} from "./backtest/logFileReader";

/*
 * Reading log events from files or stdin, in the forms people have them:
 *  - CloudTrail log files as delivered to S3: `{"Records":[...]}`, plain or gzipped (`.json.gz`);
 *  - JSON Lines (one event per line, e.g. exported from CloudWatch Logs);
 *  - plain text, one event per line;
 *  - one pretty-printed JSON document: a CloudTrail file, one record, or an array of records.
 * Gzip is recognised by its magic bytes, not the file name (`aws s3 sync` keeps any name), and
 * input is streamed, so a multi-gigabyte JSON Lines file is never held in memory.
 */

/** One log event and where it came from. */
export interface LogEvent {
    /** The message text (a line), or a parsed record (from a CloudTrail file or a JSON document). */
    readonly event: string | Record<string, unknown>;
    /** The file name, or "<stdin>". */
    readonly source: string;
    /** 1-based line in the (decompressed) input where the event, or the document holding it, starts. */
    readonly line: number;
}

/** An input that cannot be read or is not in a supported form; the message names the input. */
export class LogEventsError extends Error {
    constructor(
        readonly source: string,
        readonly reason: string,
    ) {
        super(`${source}: ${reason}`);
        this.name = "LogEventsError";
    }
}

/**
 * Passes chunks through unchanged, or through gunzip when the data starts with the gzip magic bytes.
 * `namedGzip`: the input's name says gzip (`.json.gz`), so content that is not gzip is an error naming it.
 */
export async function* gunzipIfCompressed(
    chunks: AsyncIterable<Buffer | string>,
    namedGzip?: { source: string },
): AsyncGenerator<Buffer> {
    const iterator = chunks[Symbol.asyncIterator]();
    const head: Buffer[] = [];
    let headLength = 0;
    let done = false;
    while (headLength < 2) {
        const next = await iterator.next();
        if (next.done) {
            done = true;
            break;
        }
        const chunk = typeof next.value === "string" ? Buffer.from(next.value) : next.value;
        head.push(chunk);
        headLength += chunk.length;
    }
    async function* all(): AsyncGenerator<Buffer> {
        yield* head;
        if (done) return;
        for (;;) {
            const next = await iterator.next();
            if (next.done) return;
            yield typeof next.value === "string" ? Buffer.from(next.value) : next.value;
        }
    }
    const start = Buffer.concat(head);
    if (!isGzip(start)) {
        if (namedGzip !== undefined) throw new LogEventsError(namedGzip.source, notGzipReason(start));
        yield* all();
        return;
    }
    // 256 KB pieces rather than 16 KB: fewer pieces of a long line to hold and join, fewer async steps.
    const gunzip = zlib.createGunzip({ chunkSize: 256 * 1024 });
    const source = Readable.from(all());
    source.on("error", (err) => gunzip.destroy(err));
    source.pipe(gunzip);
    for await (const chunk of gunzip) yield chunk as Buffer;
}

/**
 * The most text one event (a line) or one pretty-printed document may hold, and the most records
 * in one: the limits `backtest` applies to one log file (see logFileReader.ts). Input is streamed,
 * so a JSON Lines file of any length is fine; a single line or document past these is refused
 * rather than held whole (a gzip bomb of one line would otherwise fill memory).
 */
const MAX_TEXT_CHARS = DEFAULT_LOG_FILE_LIMITS.maxUncompressedBytes;
const MAX_RECORDS = DEFAULT_LOG_FILE_LIMITS.maxRecords;

const megabytes = (chars: number): string => `${chars / 1e6} MB`;

/**
 * Splits decoded UTF-8 text into lines (without `\n` or `\r\n`), numbered from 1. Linear in the
 * input however long a line is: only each new chunk is scanned for newlines, and the pieces of a
 * line that spans chunks are joined once, when its end arrives (a CloudTrail file as S3 delivers it
 * is one line of many megabytes; appending to one string and rescanning it was quadratic).
 */
async function* splitLines(
    chunks: AsyncIterable<Buffer>,
    source: string,
): AsyncGenerator<{ text: string; line: number }> {
    const decoder = new StringDecoder("utf8");
    // The start of the current line, from earlier chunks, and its length in characters.
    let pieces: string[] = [];
    let pendingChars = 0;
    let line = 0;
    const strip = (s: string): string => (s.endsWith("\r") ? s.slice(0, -1) : s);
    const tooLong = (): LogEventsError =>
        new LogEventsError(source, `line ${line + 1} is longer than ${megabytes(MAX_TEXT_CHARS)}`);
    const take = (rest: string): string => {
        // join makes one flat string; `+` would make a rope that the next string operation copies again.
        if (pieces.length > 0) pieces.push(rest);
        const text = pieces.length === 0 ? rest : pieces.join("");
        pieces = [];
        pendingChars = 0;
        return text;
    };
    const consume = function* (text: string): Generator<{ text: string; line: number }> {
        let start = 0;
        for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", start)) {
            if (pendingChars + nl - start > MAX_TEXT_CHARS) throw tooLong();
            yield { text: strip(take(text.slice(start, nl))), line: ++line };
            start = nl + 1;
        }
        if (start < text.length) {
            pieces.push(start === 0 ? text : text.slice(start));
            pendingChars += text.length - start;
            if (pendingChars > MAX_TEXT_CHARS) throw tooLong();
        }
    };
    for await (const chunk of chunks) yield* consume(decoder.write(chunk));
    yield* consume(decoder.end());
    if (pendingChars > 0) yield { text: strip(take("")), line: ++line };
}

/**
 * What parsing a JSON text would build, found without building it: how deep its objects and arrays
 * nest, and how many elements its largest array at the second level (`Records`, or a document's
 * array of records) has. Strings are skipped.
 */
export function jsonTextShape(text: string): { depth: number; elements: number } {
    let depth = 0;
    let maxDepth = 0;
    let elements = 0;
    let commas = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x22) {
            // To the closing quote: one not preceded by an odd run of backslashes. indexOf is native
            // and skips a string many times faster than a loop here (strings are most of a record).
            for (;;) {
                const close = text.indexOf('"', i + 1);
                if (close < 0) return { depth: maxDepth, elements };
                let backslashes = 0;
                while (text.charCodeAt(close - 1 - backslashes) === 0x5c) backslashes++;
                i = close;
                if (backslashes % 2 === 0) break;
            }
        } else if (c === 0x7b || c === 0x5b) {
            if (++depth > maxDepth) maxDepth = depth;
            if (depth <= 2) commas = 0;
        } else if (c === 0x7d || c === 0x5d) {
            if (depth <= 2) elements = Math.max(elements, commas + 1);
            depth--;
        } else if (c === 0x2c && depth <= 2) {
            commas++;
        }
    }
    return { depth: maxDepth, elements };
}

/**
 * Checks one JSON text before it is parsed: at most {@link MAX_RECORDS} records, and no event
 * nested deeper than {@link MAX_RECORD_DEPTH} (one that deep cannot be printed back with
 * JSON.stringify). `wrappers` are the levels around the events (2 for `{"Records":[...]}`).
 */
function checkJsonText(source: string, line: number, text: string, wrappers: number, what: string): void {
    const shape = jsonTextShape(text);
    if (shape.elements > MAX_RECORDS) {
        throw new LogEventsError(
            source,
            `line ${line}: ${what} holds more than ${MAX_RECORDS.toLocaleString("en-US")} records`,
        );
    }
    if (shape.depth > MAX_RECORD_DEPTH + wrappers) {
        throw new LogEventsError(
            source,
            `line ${line}: ${what} is nested deeper than ${MAX_RECORD_DEPTH} levels of objects and arrays`,
        );
    }
}

function tryParseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
    try {
        return { ok: true, value: JSON.parse(text) };
    } catch (err) {
        return { ok: false, error: (err as Error).message };
    }
}

function isObject(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The records of a CloudTrail log file's `{"Records":[...]}` envelope, or undefined for anything else. */
export function cloudTrailRecords(value: unknown): Record<string, unknown>[] | undefined {
    if (!isObject(value) || !Array.isArray(value.Records)) return undefined;
    return value.Records.filter(isObject);
}

/** The events of one parsed JSON document: a CloudTrail file's records, an array's elements, or the object. */
function documentEvents(value: unknown): (string | Record<string, unknown>)[] {
    const records = cloudTrailRecords(value);
    if (records !== undefined) return records;
    const items = Array.isArray(value) ? value : [value];
    return items.map((v) => (isObject(v) ? v : JSON.stringify(v)));
}

/**
 * How the first line of a pretty-printed JSON document starts: `{` or `[` alone, `{"key"...`, or
 * `[` followed by a value. Plain-text logs often start with `[` too (`[ERROR 400] ...`), so a
 * bracket alone does not make a document.
 */
const JSON_DOCUMENT_START = /^(?:[[{]\s*$|\{\s*"|\[\s*[[{"\d-])/;

/**
 * Reads the log events of one input (the bytes of a file or of stdin). The first non-blank line
 * decides the form: a line that opens a JSON document (see {@link JSON_DOCUMENT_START}) but is not
 * complete JSON by itself starts a pretty-printed document, read whole; otherwise every non-blank
 * line is an event, except that
 * a line holding a whole CloudTrail log file (`{"Records":[...]}`, as S3 delivers them) yields its
 * records.
 *
 * `options.namedGzip`: the input is a file named `.gz`; content that is not gzip is refused.
 *
 * @throws {@link LogEventsError} for corrupt gzip, a file named `.gz` that is not gzip, or a document that is
 * not valid JSON.
 */
export async function* readLogEvents(
    chunks: AsyncIterable<Buffer | string>,
    source: string,
    options: { namedGzip?: boolean } = {},
): AsyncGenerator<LogEvent> {
    let mode: "undecided" | "lines" | "document" = "undecided";
    const documentLines: string[] = [];
    let documentLine = 0;
    try {
        let documentChars = 0;
        for await (const { text, line } of splitLines(
            gunzipIfCompressed(chunks, options.namedGzip === true ? { source } : undefined),
            source,
        )) {
            if (mode === "document") {
                documentLines.push(text);
                documentChars += text.length + 1;
                if (documentChars > MAX_TEXT_CHARS) {
                    throw new LogEventsError(
                        source,
                        `the JSON document starting at line ${documentLine} is larger than ${megabytes(MAX_TEXT_CHARS)}`,
                    );
                }
                continue;
            }
            const trimmed = text.trimStart();
            if (trimmed === "") continue;
            let parsed: ReturnType<typeof tryParseJson> | undefined;
            const json = trimmed.startsWith("{") || trimmed.startsWith("[");
            // An envelope's events are two levels in; a JSON line is the event itself.
            if (json) checkJsonText(source, line, text, trimmed.startsWith('{"Records"') ? 2 : 0, "the event");
            if (mode === "undecided") {
                if (json) {
                    parsed = tryParseJson(text);
                    if (!parsed.ok && JSON_DOCUMENT_START.test(trimmed)) {
                        mode = "document";
                        documentLines.push(text);
                        documentLine = line;
                        continue;
                    }
                }
                mode = "lines";
            }
            // Cheap prefix test first: JSON Lines files are not parsed here, only envelopes.
            if (trimmed.startsWith('{"Records"')) {
                parsed ??= tryParseJson(text);
                const records = parsed.ok ? cloudTrailRecords(parsed.value) : undefined;
                if (records !== undefined) {
                    for (const record of records) yield { event: record, source, line };
                    continue;
                }
            }
            yield { event: text, source, line };
        }
    } catch (err) {
        if (err instanceof LogEventsError) throw err;
        const e = err as NodeJS.ErrnoException;
        if (e.code === "Z_DATA_ERROR" || e.code === "Z_BUF_ERROR" || e.code === "Z_STREAM_ERROR") {
            throw new LogEventsError(source, `corrupt gzip: ${e.message}`);
        }
        throw new LogEventsError(source, `cannot read: ${describeFileError(e)}`);
    }
    if (mode === "document") {
        const text = documentLines.join("\n");
        // A CloudTrail file's events are two levels in, an array's one, a lone record none:
        // allowing two levels for all keeps every event's own depth within the cap plus two.
        checkJsonText(source, documentLine, text, 2, "the JSON document starting here");
        const parsed = tryParseJson(text);
        if (!parsed.ok) {
            throw new LogEventsError(
                source,
                `line ${documentLine} starts a JSON document, but it is not valid JSON: ${parsed.error}`,
            );
        }
        for (const event of documentEvents(parsed.value)) yield { event, source, line: documentLine };
    }
}

/** {@link readLogEvents} of a file; `name` (default: the path) is what events and errors are attributed to. */
export function readLogEventsFromFile(file: string, name = file): AsyncGenerator<LogEvent> {
    return readLogEvents(fs.createReadStream(file), name, { namedGzip: isNamedGzip(file) });
}
