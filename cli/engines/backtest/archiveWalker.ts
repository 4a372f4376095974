import * as fs from "fs";
import * as path from "path";
import { describeReadError } from "./logFileReader";

/**
 * What a file found in an archive is, judged from where `aws s3 sync` put it and from the name
 * CloudTrail gave it (`<account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<id>.json.gz`).
 * - `log`: a CloudTrail log file (`{"Records":[...]}`), evaluated.
 * - `insight`: an Insights log file (`CloudTrail-Insight/`), same format, evaluated like a log file
 *   because a trail sends Insights events to its CloudWatch Logs group as well.
 * - `digest`: a log-file-integrity digest (`CloudTrail-Digest/`): not events, skipped.
 * - `other-aws-log`: a `.json(.gz)` under `AWSLogs/` that another service wrote (Config snapshots,
 *   ELB logs...): not CloudTrail, skipped rather than misread as a broken log file.
 */
export type ArchiveFileKind = "log" | "insight" | "digest" | "other-aws-log";

/** One entry the walker reports: a file to read, or a file it deliberately leaves out. */
export type ArchiveEntry =
    | { type: "file"; path: string; size: number; kind: "log" | "insight" }
    | { type: "skipped"; path: string; reason: SkipReason };

/**
 * Why a file is not read:
 * - `digest` / `other-aws-log`: see {@link ArchiveFileKind};
 * - `not-json`: a file in a walked directory whose name does not end in `.json` or `.json.gz`;
 * - `before-since`: delivered (per its CloudTrail file name) before `--since`, so every event in
 *   it happened before `--since` too.
 */
export type SkipReason = "digest" | "other-aws-log" | "not-json" | "before-since";

/** A path that could not be listed or opened: reported, never fatal. */
export interface UnreadableEntry {
    type: "unreadable";
    path: string;
    reason: string;
}

export interface WalkOptions {
    /** Leave out files and day folders delivered before this time (epoch ms). */
    since?: number;
}

/**
 * CloudTrail names a file after the minute it was delivered; the events in it happened before.
 * One hour of slack covers clock differences between services and late deliveries of the
 * same 5-minute batch, so pruning by name never drops an event inside the window.
 */
const DELIVERY_SLACK_MS = 60 * 60 * 1000;

const DELIVERY_TIME_IN_NAME = /_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(?:\d{2})?Z[_.]/;

/** Classifies a file by its path; `undefined` when it is not a `.json` / `.json.gz` file. */
export function classifyArchivePath(filePath: string): ArchiveFileKind | undefined {
    const base = path.basename(filePath);
    if (!base.endsWith(".json") && !base.endsWith(".json.gz")) {
        return undefined;
    }
    const segments = filePath.split(/[\\/]+/);
    if (segments.includes("CloudTrail-Digest") || base.includes("_CloudTrail-Digest_")) {
        return "digest";
    }
    if (segments.includes("CloudTrail-Insight") || base.includes("_CloudTrail-Insight_")) {
        return "insight";
    }
    // Under AWSLogs/ every service has its own folder next to CloudTrail/; a file outside
    // CloudTrail's folders there is another service's log.
    if (segments.includes("AWSLogs") && !segments.includes("CloudTrail") && !base.includes("_CloudTrail_")) {
        return "other-aws-log";
    }
    return "log";
}

/** The delivery time CloudTrail wrote into a log file's name (epoch ms), if the name has one. */
export function deliveryTimeFromName(filePath: string): number | undefined {
    const m = DELIVERY_TIME_IN_NAME.exec(path.basename(filePath));
    if (m === null) {
        return undefined;
    }
    return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
}

/**
 * The end (epoch ms, exclusive) of the UTC day a `.../YYYY/MM/DD` folder holds, when `dir` is one
 * under a CloudTrail region folder; lets the walker skip whole days before `--since` unlisted.
 */
function dayFolderEnd(dir: string): number | undefined {
    const segments = dir.split(/[\\/]+/);
    const n = segments.length;
    if (n < 4) {
        return undefined;
    }
    const [y, m, d] = segments.slice(n - 3);
    if (!/^\d{4}$/.test(y) || !/^\d{2}$/.test(m) || !/^\d{2}$/.test(d)) {
        return undefined;
    }
    if (!segments.slice(0, n - 3).some((s) => s === "CloudTrail" || s === "CloudTrail-Insight")) {
        return undefined;
    }
    return Date.UTC(Number(y), Number(m) - 1, Number(d) + 1);
}

/**
 * Walks files and directory trees, depth first in name order (so runs are reproducible), and
 * yields every file lazily: an archive of millions of files is never listed into memory at once,
 * only one directory at a time. Files named explicitly are always read (unless they are digests);
 * inside directories only `.json` and `.json.gz` files are.
 */
export async function* walkArchive(
    roots: string[],
    options: WalkOptions = {},
): AsyncGenerator<ArchiveEntry | UnreadableEntry> {
    const visitedDirs = new Set<string>();
    // Files named on the command line, by real path: a file named twice, or named and also inside a
    // directory named, is read once (else its events would be counted twice).
    const namedFiles = new Set<string>();
    for (const root of roots) {
        let stat: fs.Stats;
        let real: string;
        try {
            stat = await fs.promises.stat(root);
            real = await fs.promises.realpath(root);
        } catch (err) {
            yield { type: "unreadable", path: root, reason: describeReadError(err) };
            continue;
        }
        if (stat.isDirectory()) {
            yield* walkDirectory(root, options, visitedDirs, namedFiles);
        } else {
            const readInDirectory = visitedDirs.has(path.dirname(real)) && classifyArchivePath(real) !== undefined;
            if (namedFiles.has(real) || readInDirectory) continue;
            namedFiles.add(real);
            const kind = classifyArchivePath(root) ?? "log";
            yield entryFor(root, stat.size, kind === "other-aws-log" ? "log" : kind, options);
        }
    }
}

function entryFor(filePath: string, size: number, kind: ArchiveFileKind, options: WalkOptions): ArchiveEntry {
    if (kind === "digest" || kind === "other-aws-log") {
        return { type: "skipped", path: filePath, reason: kind };
    }
    if (options.since !== undefined) {
        const delivered = deliveryTimeFromName(filePath);
        if (delivered !== undefined && delivered + DELIVERY_SLACK_MS < options.since) {
            return { type: "skipped", path: filePath, reason: "before-since" };
        }
    }
    return { type: "file", path: filePath, size, kind };
}

/**
 * The files of a day folder that ends before `--since`, each left out as `before-since` (or `not-json`): listed
 * with one readdir, never opened nor stat'ed, so that the run's "left out" line still accounts for every file.
 * A day that cannot be listed is not needed: it is passed over, as its files would be.
 */
async function* dayBeforeSince(dir: string): AsyncGenerator<ArchiveEntry> {
    let names: fs.Dirent[];
    try {
        names = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
        return;
    }
    for (const dirent of names) {
        if (dirent.name.startsWith(".") || dirent.isDirectory()) continue;
        const child = path.join(dir, dirent.name);
        yield {
            type: "skipped",
            path: child,
            reason: classifyArchivePath(child) === undefined ? "not-json" : "before-since",
        };
    }
}

async function* walkDirectory(
    dir: string,
    options: WalkOptions,
    visitedDirs: Set<string>,
    namedFiles: ReadonlySet<string>,
): AsyncGenerator<ArchiveEntry | UnreadableEntry> {
    let real: string;
    let names: fs.Dirent[];
    try {
        real = await fs.promises.realpath(dir);
        names = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch (err) {
        yield { type: "unreadable", path: dir, reason: describeReadError(err) };
        return;
    }
    // A symbolic link back up the tree must not loop forever.
    if (visitedDirs.has(real)) {
        return;
    }
    visitedDirs.add(real);
    names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const dirent of names) {
        if (dirent.name.startsWith(".")) {
            continue; // hidden files, and the temporary files `aws s3 sync` writes while downloading
        }
        const child = path.join(dir, dirent.name);
        let isDir = dirent.isDirectory();
        let isFile = dirent.isFile();
        let size = 0;
        if (dirent.isSymbolicLink()) {
            try {
                const target = await fs.promises.stat(child);
                isDir = target.isDirectory();
                isFile = target.isFile();
            } catch (err) {
                if (classifyArchivePath(child) !== undefined) {
                    yield { type: "unreadable", path: child, reason: describeReadError(err) };
                }
                continue;
            }
        }
        if (isDir) {
            if (options.since !== undefined) {
                const end = dayFolderEnd(child);
                if (end !== undefined && end + DELIVERY_SLACK_MS < options.since) {
                    yield* dayBeforeSince(child);
                    continue;
                }
            }
            yield* walkDirectory(child, options, visitedDirs, namedFiles);
            continue;
        }
        const kind = classifyArchivePath(child);
        if (namedFiles.has(path.join(real, dirent.name))) continue;
        if (kind === undefined || !isFile) {
            yield { type: "skipped", path: child, reason: "not-json" };
            continue;
        }
        try {
            size = (await fs.promises.stat(child)).size;
        } catch (err) {
            yield { type: "unreadable", path: child, reason: describeReadError(err) };
            continue;
        }
        yield entryFor(child, size, kind, options);
    }
}
