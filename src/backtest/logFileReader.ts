import * as fs from "fs";
import * as zlib from "zlib";

/**
 * The largest log file (uncompressed) read: CloudTrail delivers a file every few minutes per region,
 * a few MB at most, so anything near this is not a CloudTrail file, and refusing it keeps one
 * worker's memory bounded (JSON.parse needs several times the text's size).
 */
export const MAX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024;

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

/** The records of one CloudTrail log file and the sizes read. */
export interface LogFileContents {
    records: Record<string, unknown>[];
    compressedBytes: number;
    uncompressedBytes: number;
}

/**
 * `cannot read: EACCES (permission denied)`: the error code a user can search for, and Node's
 * words for it without the repeated code and path.
 */
export function describeReadError(err: unknown): string {
    const e = err as NodeJS.ErrnoException;
    if (e && typeof e.code === "string" && typeof e.message === "string") {
        const words = e.message.replace(/^[A-Z]+: /, "").replace(/, \w+ '.*'$/, "");
        return `cannot read: ${e.code} (${words})`;
    }
    return `cannot read: ${String(err)}`;
}

function isGzip(data: Buffer): boolean {
    return data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b;
}

/**
 * Reads one CloudTrail log file as S3 delivers it: `{"Records":[{...},...]}`, gzipped or not
 * (decided by the gzip magic bytes, not the name, since `aws s3 sync` keeps whatever name the
 * object had). Synchronous on purpose: it runs on a worker thread whose only job is this, where
 * the sync calls are the fastest path. Throws {@link LogFileError} naming what is wrong.
 */
export function readLogFile(file: string): LogFileContents {
    let data: Buffer;
    try {
        data = fs.readFileSync(file);
    } catch (err) {
        throw new LogFileError(file, describeReadError(err));
    }
    const compressedBytes = data.length;
    if (isGzip(data)) {
        try {
            data = zlib.gunzipSync(data, { maxOutputLength: MAX_UNCOMPRESSED_BYTES });
        } catch (err) {
            const e = err as NodeJS.ErrnoException;
            if (e.code === "ERR_BUFFER_TOO_LARGE") {
                throw new LogFileError(file, `larger than ${MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MiB uncompressed`);
            }
            throw new LogFileError(file, `corrupt gzip: ${e.message}`);
        }
    } else if (data.length > MAX_UNCOMPRESSED_BYTES) {
        throw new LogFileError(file, `larger than ${MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MiB`);
    }
    const uncompressedBytes = data.length;
    return { records: parseLogFileText(file, data.toString("utf8")), compressedBytes, uncompressedBytes };
}

/** Parses the text of a CloudTrail log file and checks it is one. */
export function parseLogFileText(file: string, text: string): Record<string, unknown>[] {
    let doc: unknown;
    try {
        doc = JSON.parse(text);
    } catch (err) {
        throw new LogFileError(file, `invalid JSON: ${(err as Error).message}`);
    }
    if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
        throw new LogFileError(file, 'not a CloudTrail log file: expected an object with a "Records" array');
    }
    const records = (doc as { Records?: unknown }).Records;
    if (!Array.isArray(records)) {
        throw new LogFileError(file, 'not a CloudTrail log file: no "Records" array');
    }
    for (let i = 0; i < records.length; i++) {
        const r = records[i];
        if (typeof r !== "object" || r === null || Array.isArray(r)) {
            throw new LogFileError(file, `not a CloudTrail log file: Records[${i}] is not an object`);
        }
    }
    return records as Record<string, unknown>[];
}
