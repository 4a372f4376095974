import * as zlib from "zlib";

/** A JSON value nested `levels` objects deep: {"a":{"a":...1...}}. */
export function nestedJson(levels: number): string {
    return `${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`;
}

/**
 * A gzip file that inflates to `{"Records":[{},{},...]}` of about `megabytes` MB while staying a
 * few hundred KB on disk: gzip members are concatenated (RFC 1952 2.2), so one compressed MB of
 * `{},` is repeated instead of compressing the whole text.
 */
export function gzipBomb(megabytes: number): Buffer {
    const oneMegabyte = zlib.gzipSync("{},".repeat(1e6 / 3));
    const members = [zlib.gzipSync('{"Records":[')];
    for (let i = 0; i < megabytes; i++) members.push(oneMegabyte);
    members.push(zlib.gzipSync("{}]}"));
    return Buffer.concat(members);
}
