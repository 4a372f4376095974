import { isAscii } from "buffer";
import * as fs from "fs";
import * as zlib from "zlib";
import { describeFileError } from "../io";

/**
 * How much of one log file is read: what it may inflate to, and how many records it may hold in
 * memory at once. AWS documents no size for a CloudTrail log file, only that one event is at most
 * 256 KB ("Quotas in AWS CloudTrail",
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/WhatIsCloudTrail-Limits.html: "Event
 * version 1.05 and newer: total event size limit of 256 KB"), and that "CloudTrail typically
 * delivers logs within an average of about 5 minutes of an API call" ("Getting and viewing your
 * CloudTrail log files"): a file holds minutes of one account's events in one region. The real
 * files in ../shared/corpus/cloudtrail-events/s3-delivery-samples hold 1-19 records in at most
 * 20 KB. The defaults sit thousands of times above that, and keep one worker's memory bounded
 * (JSON.parse needs several times the text's size, and every record is an object): a 250 KB
 * gzip bomb that inflates to 250 MB of `{}` records is refused, not parsed into 4 GB of objects.
 */
export interface LogFileLimits {
    /** Bytes one file may hold after gunzip (and on disk, for a plain file). @default 128 MB */
    maxUncompressedBytes: number;
    /** Records one file may hold. @default 250,000 */
    maxRecords: number;
    /** Nesting of one record's objects and arrays. @default MAX_RECORD_DEPTH (128) */
    maxRecordDepth?: number;
}

export const DEFAULT_LOG_FILE_LIMITS: Readonly<LogFileLimits> = {
    maxUncompressedBytes: 128 * 1000 * 1000,
    maxRecords: 250_000,
};

/**
 * The deepest nesting of objects and arrays one record may have. Real records are 5 levels deep
 * (the samples above); API parameters CloudTrail records may nest more, but not by a factor of
 * 25. A record nested thousands of levels cannot be cloned from a worker to the main thread
 * ("Maximum call stack size exceeded"), nor printed with JSON.stringify: it is reported, by file
 * and index, and left out.
 */
export const MAX_RECORD_DEPTH = 128;

/** A log file that cannot be used, with the reason shown to the user next to its path. */
export class LogFileError extends Error {
    constructor(
        readonly file: string,
        readonly reason: string,
    ) {
        super(`${file}: ${reason}`);
        this.name = "LogFileError";
    }
}

/**
 * One record of a log file as read: `null` when it was left out (see
 * {@link LogFileContents.badRecords}), so the others keep their index in `Records`.
 */
export type LogRecord = Record<string, unknown> | null;

/** The records of one CloudTrail log file and the sizes read. */
export interface LogFileContents {
    records: LogRecord[];
    /** Records that were left out, by index in `Records`, with the reason. */
    badRecords: { index: number; reason: string }[];
    compressedBytes: number;
    uncompressedBytes: number;
}

/** `cannot read: permission denied (EACCES)`: a file of an archive, in every command's wording ({@link describeFileError}). */
export function describeReadError(err: unknown): string {
    return `cannot read: ${describeFileError(err)}`;
}

/** True when `data` starts with the two bytes every gzip stream starts with (RFC 1952: 1f 8b). */
export function isGzip(data: Uint8Array): boolean {
    return data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b;
}

/** A name that says gzip: `.json.gz` as CloudTrail delivers its files, or any other `.gz`. */
export function isNamedGzip(file: string): boolean {
    return /\.gz$/i.test(file);
}

/**
 * Why a file named `.gz` is refused when its content is not gzip (RFC 1952: every gzip stream starts
 * with the bytes 1f 8b): a file renamed by hand, or saved already decompressed, is named rather than
 * read as text under a name that says otherwise. The same words for `backtest` and `test-pattern`.
 */
export function notGzipReason(head: Uint8Array): string {
    if (head.length === 0) return "named .gz but not gzip: the file is empty";
    const bytes = Array.from(head.subarray(0, 2), (b) => b.toString(16).padStart(2, "0")).join(" ");
    return `named .gz but not gzip: it starts with ${bytes}, not the gzip magic bytes 1f 8b`;
}

const megabytes = (bytes: number): string => `${Math.round((bytes / 1e6) * 10) / 10} MB`;

/**
 * Reads at most `limit + 1` bytes: enough to tell that a file is too big without holding more of
 * it. The size on disk is checked first for regular files; named pipes and devices have none.
 */
function readBounded(file: string, limit: number): Buffer {
    let fd: number | undefined;
    try {
        fd = fs.openSync(file, "r");
        const stat = fs.fstatSync(fd);
        if (stat.isFile() && stat.size > limit) {
            throw new LogFileError(
                file,
                `${megabytes(stat.size)} on disk, more than the ${megabytes(limit)} limit (--max-file-mb)`,
            );
        }
        const chunks: Buffer[] = [];
        let total = 0;
        // A regular file is read into a buffer of its size (one more byte shows it did not grow meanwhile); a pipe's
        // chunks start small and double. A fixed 16 MB buffer per file (as before) cost a garbage collection for
        // "external memory pressure" every file or two: a fifth of the backtest's CPU time on the benchmark.
        let chunkSize = stat.isFile() ? stat.size + 1 : 64 * 1024;
        for (;;) {
            const chunk = Buffer.allocUnsafe(Math.min(chunkSize, limit + 1 - total) || 1);
            chunkSize = Math.min(chunkSize * 2, 16 * 1024 * 1024);
            const n = fs.readSync(fd, chunk, 0, chunk.length, null);
            if (n === 0) break;
            chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
            total += n;
            if (total > limit) {
                throw new LogFileError(file, `more than the ${megabytes(limit)} limit (--max-file-mb)`);
            }
            // A regular file reads short only at its end: no second read (and buffer) just to see zero bytes.
            if (stat.isFile() && n < chunk.length) break;
        }
        return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
    } catch (err) {
        if (err instanceof LogFileError) throw err;
        throw new LogFileError(file, describeReadError(err));
    } finally {
        if (fd !== undefined) fs.closeSync(fd);
    }
}

/**
 * Reads one CloudTrail log file as S3 delivers it: `{"Records":[{...},...]}`, gzipped or not
 * (decided by the gzip magic bytes, not the name, since `aws s3 sync` keeps whatever name the
 * object had; but a file named `.gz` that is not gzip is refused, see {@link notGzipReason}). Synchronous on purpose: it runs on a worker thread whose only job is this, where
 * the sync calls are the fastest path. Never reads, inflates or parses more than `limits` allow.
 * Throws {@link LogFileError} naming what is wrong.
 */
export function readLogFile(file: string, limits: LogFileLimits = DEFAULT_LOG_FILE_LIMITS): LogFileContents {
    const max = limits.maxUncompressedBytes;
    let data = readBounded(file, max);
    const compressedBytes = data.length;
    if (isNamedGzip(file) && !isGzip(data)) throw new LogFileError(file, notGzipReason(data));
    if (isGzip(data)) {
        try {
            // Inflation stops at the limit: a gzip bomb never takes more memory than that. Node's zlib documentation,
            // "Class: Options": `maxOutputLength` "Limits output size when using convenience methods" (added in
            // nodejs/node#33516, which throws ERR_BUFFER_TOO_LARGE past it; the gzip-bomb test checks it here).
            data = zlib.gunzipSync(data, { maxOutputLength: max, chunkSize: gunzipChunkSize(data, max) });
        } catch (err) {
            const e = err as NodeJS.ErrnoException;
            if (e.code === "ERR_BUFFER_TOO_LARGE") {
                throw new LogFileError(
                    file,
                    `inflates to more than the ${megabytes(max)} limit (--max-file-mb); ${megabytes(compressedBytes)} compressed`,
                );
            }
            throw new LogFileError(file, `corrupt gzip: ${e.message}`);
        }
    }
    const uncompressedBytes = data.length;
    // A file large enough for JSON.parse to take hundreds of MB: its records are counted, and the ones nested
    // too deep found, before anything is parsed.
    const leftOut = new Set<number>();
    if (data.length > PARSE_UNSCANNED_BYTES) {
        for (const d of scanLogFileStructure(
            file,
            data,
            limits.maxRecords,
            limits.maxRecordDepth ?? MAX_RECORD_DEPTH,
        )) {
            // Blank the record out of the text: JSON.parse then gives null in its place, so the others keep their
            // index and the file is parsed in one call.
            data.fill(0x20, d.start, d.end);
            data.write("null", d.start, "latin1");
            leftOut.add(d.index);
        }
    }
    const { records, badRecords } = parseLogFileText(file, decodeText(data), limits, leftOut);
    return { records, badRecords, compressedBytes, uncompressedBytes };
}

/**
 * The largest text parsed without first scanning it. JSON.parse builds an object for every `{}`
 * or `[]`, and reads any depth: measured on Node 20 (heap used after parsing 2 MB of each shape,
 * after a full GC), nesting `[[[...]]]` takes 29 bytes of heap per byte of text, `{"Records":[{},
 * {},...]}` 22, `[[],[],...]` 14, `{"a":{"a":...}}` 6 (a real CloudTrail file about 3). Up to 2 MB
 * a file therefore takes at most ~60 MB however it is shaped, and its record count and nesting are
 * checked on what JSON.parse built; a larger one is scanned first (an extra pass over the text), so
 * a 128 MB file of `{}` or of `[[[` is refused or left out without building tens of millions of
 * objects. The scan cost about an eighth of the backtest's time; the files the benchmark generates
 * (600 records, about 0.9 MB) and the real ones in the corpus (at most 20 KB) skip it.
 */
export const PARSE_UNSCANNED_BYTES = 2 * 1000 * 1000;

const tooManyRecords = (maxRecords: number): string =>
    `more than the ${maxRecords.toLocaleString("en-US")} records one file may hold (--max-records)`;

const tooDeep = (maxDepth: number): string => `nested deeper than ${maxDepth} levels of objects and arrays`;

/**
 * The output chunk size for inflating one gzip file: the size its trailer announces, so that the
 * whole file inflates into one buffer. RFC 1952 ("GZIP file format specification version 4.3",
 * section 2.3.1): the last four bytes of a member are ISIZE, "the size of the original
 * (uncompressed) input data modulo 2^32", little-endian. Node's default chunk is 16 KB
 * (Node's zlib documentation, "Class: Options": "chunkSize ... Default: 16 * 1024"), so a 1 MB CloudTrail file came out in 64 pieces that were then
 * copied into one; measured on the benchmark's archive, one chunk inflates about 20% faster. The
 * announced size is only a hint: a file of several members, or one whose trailer lies, still
 * inflates correctly (in more chunks, or into a larger buffer), and never past `max`.
 */
export function gunzipChunkSize(gzip: Buffer, max: number): number {
    const minimum = 64 * 1024;
    if (gzip.length < 18) return minimum; // header (10) + trailer (8): too short to hold a member
    const announced = gzip.readUInt32LE(gzip.length - 4);
    // One byte more than the data: inflation ends with room to spare instead of starting a second chunk.
    return Math.max(minimum, Math.min(announced + 1, max + 1));
}

/**
 * The text of a log file for JSON.parse. CloudTrail writes its files in UTF-8, and nearly always
 * all in ASCII; ASCII text decoded as Latin-1 is the same string (the two agree on every byte below
 * 0x80), and Node decodes Latin-1 in about half the time of UTF-8 (measured on the benchmark's
 * archive: 0.56 s against 1.19 s for 1.1 GB). `buffer.isAscii` (Node's "Buffer" documentation)
 * decides which.
 */
export function decodeText(data: Buffer): string {
    return isAscii(data) ? data.toString("latin1") : data.toString("utf8");
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/** Where a record too deeply nested is in the text, and its index in `Records`. */
interface DeepRecord {
    index: number;
    start: number;
    end: number;
}

/**
 * One pass over the bytes of a log file (strings skipped): counts the elements of the envelope's
 * `Records` array, refusing the file past `maxRecords`, and finds the records nested deeper than
 * `maxDepth`; any other value nested deeper than the envelope allows makes the file unusable. The
 * same outcome as {@link parseLogFileText} on a file small enough to skip the scan: only `Records`
 * is counted and has records left out. Malformed JSON is left for JSON.parse to report.
 */
function scanLogFileStructure(file: string, data: Buffer, maxRecords: number, maxDepth: number): DeepRecord[] {
    const deep: DeepRecord[] = [];
    const limit = maxDepth + 2; // the envelope object and the Records array
    let depth = 0;
    let envelopeIsObject = false;
    let lastEnvelopeKey = ""; // the last string read at depth 1: the key of the value that follows it
    let inArray = false; // inside the envelope's Records array (depth >= 2)
    let index = 0;
    let elementStart = -1;
    let elementDeep = false;
    const n = data.length;
    for (let i = 0; i < n; i++) {
        const c = data[i];
        if (c === QUOTE) {
            // Skip the string. Most of a CloudTrail file is strings, so its end is found with Buffer#indexOf (a
            // native search) rather than byte by byte: the next `"` ends it unless an odd run of `\` precedes it.
            // UTF-8 continuation bytes are >= 0x80, so neither byte can be part of a multi-byte character.
            let end = data.indexOf(QUOTE, i + 1);
            for (;;) {
                if (end < 0) return deep; // unterminated: JSON.parse reports it
                let backslashes = 0;
                while (data[end - 1 - backslashes] === BACKSLASH) backslashes++;
                if (backslashes % 2 === 0) break;
                end = data.indexOf(QUOTE, end + 1);
            }
            // Only the envelope's strings are compared, and only the key "Records" matters: a few per file.
            if (depth === 1) lastEnvelopeKey = end - i - 1 === 7 ? data.toString("latin1", i + 1, end) : "";
            i = end;
            continue;
        }
        if (c === OPEN_BRACE || c === OPEN_BRACKET) {
            depth++;
            if (depth === 1) {
                envelopeIsObject = c === OPEN_BRACE;
            } else if (depth === 2) {
                inArray = c === OPEN_BRACKET && envelopeIsObject && lastEnvelopeKey === "Records";
                index = 0;
            } else if (depth === 3 && inArray) {
                elementStart = i;
                elementDeep = false;
            }
            if (depth > limit && !elementDeep) {
                if (!inArray || depth < 3) {
                    throw new LogFileError(
                        file,
                        `not a CloudTrail log file: nested deeper than ${maxDepth} levels outside Records`,
                    );
                }
                elementDeep = true;
            }
        } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
            if (depth === 3 && inArray && elementDeep) deep.push({ index, start: elementStart, end: i + 1 });
            depth--;
            if (depth === 1) inArray = false;
        } else if (c === COMMA && depth === 2 && inArray) {
            index++;
            if (index >= maxRecords) throw new LogFileError(file, tooManyRecords(maxRecords));
        }
    }
    return deep;
}

/**
 * True when `value` nests objects and arrays at most `levels` deep (`{}` is one level, `{"a":[]}`
 * two). Stops at the first branch past the limit, so its cost is bounded by the limit, whatever the
 * record's real depth: V8's JSON.parse reads any depth, but a record thousands of levels deep cannot be
 * cloned to the main thread ("Maximum call stack size exceeded") nor printed with JSON.stringify.
 * Recursive (a quarter faster than with a stack of its own, measured on the benchmark's archive) up to
 * {@link RECURSION_SAFE_LEVELS}; a larger limit, which only tests set, walks with an explicit stack.
 */
export function nestsWithin(value: object, levels: number): boolean {
    return levels <= RECURSION_SAFE_LEVELS ? nestsWithinRecursive(value, levels) : nestsWithinIterative(value, levels);
}

/** Call frames the recursive walk may take: far below what a thread's stack holds (about 10,000 of these). */
const RECURSION_SAFE_LEVELS = 1000;

function nestsWithinRecursive(value: object, levels: number): boolean {
    if (levels <= 0) return false;
    if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
            const x: unknown = value[i];
            if (typeof x === "object" && x !== null && !nestsWithinRecursive(x, levels - 1)) return false;
        }
        return true;
    }
    const o = value as Record<string, unknown>;
    for (const key in o) {
        const x = o[key];
        if (typeof x === "object" && x !== null && !nestsWithinRecursive(x, levels - 1)) return false;
    }
    return true;
}

function nestsWithinIterative(root: object, levels: number): boolean {
    const pending: { value: object; level: number }[] = [{ value: root, level: 1 }];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
        if (next.level > levels) return false;
        const children: unknown[] = Array.isArray(next.value) ? next.value : Object.values(next.value);
        for (const x of children) {
            if (typeof x === "object" && x !== null) pending.push({ value: x, level: next.level + 1 });
        }
    }
    return true;
}

/**
 * Parses the text of a CloudTrail log file and checks it is one, within `limits`: at most
 * `maxRecords` records, each nested at most `maxRecordDepth` levels. A record nested deeper is left
 * out (null in `records`, so the others keep their index) and listed in `badRecords`, as are the
 * `leftOut` ones (found too deep by the scan and blanked to `null`); anything else wrong makes the
 * whole file unusable ({@link LogFileError}).
 */
export function parseLogFileText(
    file: string,
    text: string,
    limits: Pick<LogFileLimits, "maxRecords" | "maxRecordDepth"> = DEFAULT_LOG_FILE_LIMITS,
    leftOut: ReadonlySet<number> = new Set(),
): Pick<LogFileContents, "records" | "badRecords"> {
    let doc: unknown;
    try {
        doc = JSON.parse(text);
    } catch (err) {
        throw new LogFileError(file, `invalid JSON: ${(err as Error).message}`);
    }
    if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
        throw new LogFileError(file, 'not a CloudTrail log file: expected an object with a "Records" array');
    }
    const envelope = doc as Record<string, unknown>;
    const records = envelope.Records;
    if (!Array.isArray(records)) {
        throw new LogFileError(file, 'not a CloudTrail log file: no "Records" array');
    }
    if (records.length > limits.maxRecords) throw new LogFileError(file, tooManyRecords(limits.maxRecords));
    const maxDepth = limits.maxRecordDepth ?? MAX_RECORD_DEPTH;
    for (const key in envelope) {
        const v = envelope[key];
        // The envelope is one level and Records another: the same bound as the records' own.
        if (key !== "Records" && typeof v === "object" && v !== null && !nestsWithin(v, maxDepth + 1)) {
            throw new LogFileError(
                file,
                `not a CloudTrail log file: nested deeper than ${maxDepth} levels outside Records`,
            );
        }
    }
    const badRecords: LogFileContents["badRecords"] = [];
    for (let i = 0; i < records.length; i++) {
        const r: unknown = records[i];
        if (r === null && leftOut.has(i)) {
            badRecords.push({ index: i, reason: `${tooDeep(maxDepth)}; left out` });
            continue;
        }
        if (typeof r !== "object" || r === null || Array.isArray(r)) {
            throw new LogFileError(file, `not a CloudTrail log file: Records[${i}] is not an object`);
        }
        if (!nestsWithin(r, maxDepth)) {
            records[i] = null;
            badRecords.push({ index: i, reason: `${tooDeep(maxDepth)}; left out` });
        }
    }
    return { records: records as LogRecord[], badRecords };
}
