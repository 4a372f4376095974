import * as fs from "fs";
import { Readable } from "stream";
import { StringDecoder } from "string_decoder";
import * as zlib from "zlib";

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

/** The two bytes every gzip stream starts with (RFC 1952). */
export function isGzip(head: Uint8Array): boolean {
    return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** Passes chunks through unchanged, or through gunzip when the data starts with the gzip magic bytes. */
export async function* gunzipIfCompressed(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
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
    if (!isGzip(Buffer.concat(head))) {
        yield* all();
        return;
    }
    const gunzip = zlib.createGunzip();
    const source = Readable.from(all());
    source.on("error", (err) => gunzip.destroy(err));
    source.pipe(gunzip);
    for await (const chunk of gunzip) yield chunk as Buffer;
}

/** Splits decoded UTF-8 text into lines (without `\n` or `\r\n`), numbered from 1. */
async function* splitLines(chunks: AsyncIterable<Buffer>): AsyncGenerator<{ text: string; line: number }> {
    const decoder = new StringDecoder("utf8");
    let pending = "";
    let line = 0;
    const strip = (s: string): string => (s.endsWith("\r") ? s.slice(0, -1) : s);
    for await (const chunk of chunks) {
        pending += decoder.write(chunk);
        let start = 0;
        for (let nl = pending.indexOf("\n"); nl >= 0; nl = pending.indexOf("\n", start)) {
            yield { text: strip(pending.slice(start, nl)), line: ++line };
            start = nl + 1;
        }
        pending = pending.slice(start);
    }
    pending += decoder.end();
    if (pending !== "") yield { text: strip(pending), line: ++line };
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
 * @throws {@link LogEventsError} for corrupt gzip or a document that is not valid JSON.
 */
export async function* readLogEvents(chunks: AsyncIterable<Buffer | string>, source: string): AsyncGenerator<LogEvent> {
    let mode: "undecided" | "lines" | "document" = "undecided";
    const documentLines: string[] = [];
    let documentLine = 0;
    try {
        for await (const { text, line } of splitLines(gunzipIfCompressed(chunks))) {
            if (mode === "document") {
                documentLines.push(text);
                continue;
            }
            const trimmed = text.trimStart();
            if (trimmed === "") continue;
            let parsed: ReturnType<typeof tryParseJson> | undefined;
            if (mode === "undecided") {
                if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
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
            throw new LogEventsError(source, `corrupt gzip data: ${e.message}`);
        }
        throw new LogEventsError(source, `cannot read: ${describeFileError(e)}`);
    }
    if (mode === "document") {
        const parsed = tryParseJson(documentLines.join("\n"));
        if (!parsed.ok) {
            throw new LogEventsError(
                source,
                `line ${documentLine} starts a JSON document, but it is not valid JSON: ${parsed.error}`,
            );
        }
        for (const event of documentEvents(parsed.value)) yield { event, source, line: documentLine };
    }
}

/** "no such file or directory (ENOENT)" rather than Node's "ENOENT: no such file or directory, open 'x'". */
export function describeFileError(err: NodeJS.ErrnoException): string {
    const m = /^[A-Z]+: ([^,]+)/.exec(err.message);
    return m !== null && err.code !== undefined ? `${m[1]} (${err.code})` : err.message;
}

/**
 * Checks that a file can be opened for reading and is not a directory, so a typo in the third file
 * name is reported before anything is printed.
 *
 * @throws {@link LogEventsError} naming the file.
 */
export async function checkReadable(file: string, name = file): Promise<void> {
    let handle: fs.promises.FileHandle | undefined;
    try {
        handle = await fs.promises.open(file, "r");
        if ((await handle.stat()).isDirectory()) throw new LogEventsError(name, "cannot read: is a directory");
    } catch (err) {
        if (err instanceof LogEventsError) throw err;
        throw new LogEventsError(name, `cannot read: ${describeFileError(err as NodeJS.ErrnoException)}`);
    } finally {
        await handle?.close();
    }
}

/** {@link readLogEvents} of a file; `name` (default: the path) is what events and errors are attributed to. */
export function readLogEventsFromFile(file: string, name = file): AsyncGenerator<LogEvent> {
    return readLogEvents(fs.createReadStream(file), name);
}
