import * as os from "os";
import { emptyBacktestProgress, emptyBacktestRun } from "./emptyBacktestRun";
import { performance } from "perf_hooks";
import { FileOutcome, TimeWindow } from "./archiveEvaluator";
import { archiveLogFiles } from "./archiveLogFiles";
import { SkipReason, walkArchive } from "./archiveWalker";
import { DEFAULT_LOG_FILE_LIMITS, LogFileLimits } from "./logFileReader";
import { ArchiveTally, BacktestRule } from "./ruleTally";
import { WorkerPool } from "./workerPool";

/** A file, or one record of it, that was not used, and why (shown in the summary; makes the exit code 1). */
export interface FileProblem {
    file: string;
    /** The index in the file's `Records` of a record left out; absent when the whole file was. */
    record?: number;
    reason: string;
}

/** How far a run has got; passed to {@link BacktestOptions.onProgress}. */
export interface BacktestProgress {
    filesDone: number;
    events: number;
    /** Bytes read from disk (compressed size for `.json.gz`). */
    compressedBytes: number;
    /** Bytes of JSON after gunzip: what throughput (MB/s) is measured in. */
    uncompressedBytes: number;
    elapsedMs: number;
    /** Files and on-disk bytes the whole run will read, once the sizing walk has finished. */
    filesTotal?: number;
    compressedBytesTotal?: number;
}

export interface BacktestOptions {
    /** Files and directories (`aws s3 sync` trees) to read. */
    paths: string[];
    rules: BacktestRule[];
    /** Only events in this window are evaluated (`since` inclusive, `until` exclusive), epoch ms. */
    window?: TimeWindow;
    /**
     * Threads evaluating files: the calling thread and up to `threads - 1` worker threads (1 starts no worker).
     * @default os.availableParallelism()
     */
    threads?: number;
    /** Aborting stops reading new files; the run resolves with what was read so far. */
    signal?: AbortSignal;
    /** Called every {@link progressIntervalMs} while the run goes on, and once at the end. */
    onProgress?: (progress: BacktestProgress) => void;
    /** @default 250 */
    progressIntervalMs?: number;
    /** How much one file may inflate to and hold. @default DEFAULT_LOG_FILE_LIMITS */
    limits?: LogFileLimits;
}

/** Everything a run found, before formatting. */
export interface BacktestRun {
    rules: BacktestRule[];
    tally: ArchiveTally;
    files: {
        /** Files read and evaluated (log and Insights files). */
        read: number;
        /** Of those, Insights files (`CloudTrail-Insight/`). */
        insight: number;
        /** Files that could not be used: see {@link BacktestRun.problems}. */
        failed: number;
        /** Files deliberately not read, by reason. */
        skipped: Record<SkipReason, number>;
    };
    /** Unreadable, corrupt or non-CloudTrail files, in path order. */
    problems: FileProblem[];
    compressedBytes: number;
    uncompressedBytes: number;
    elapsedMs: number;
    threads: number;
    /** True when the run was aborted (Ctrl-C) before reading everything. */
    interrupted: boolean;
}

/** The default number of threads: one per core the process may use. */
export function defaultThreads(): number {
    return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
}

/**
 * Replays archives through rules: walks the paths, has every file read and evaluated (on the
 * calling thread and worker threads), and gathers the totals. Bad files are counted, never fatal.
 */
export async function runBacktest(options: BacktestOptions): Promise<BacktestRun> {
    const started = performance.now();
    const window = options.window ?? {};
    const limits = options.limits ?? DEFAULT_LOG_FILE_LIMITS;
    const threads = Math.max(1, Math.floor(options.threads ?? defaultThreads()));
    const run: BacktestRun = emptyBacktestRun(
        options.rules,
        { rules: [], events: 0, eventsInRange: 0, untimedEvents: 0 },
        threads,
    );
    const progress: BacktestProgress = emptyBacktestProgress();

    const onOutcome = (outcome: FileOutcome): void => {
        if (outcome.interrupted) return;
        progress.filesDone++;
        if (outcome.error !== undefined) {
            run.files.failed++;
            run.problems.push({ file: outcome.file, reason: outcome.error });
            return;
        }
        run.files.read++;
        for (const bad of outcome.badRecords ?? []) {
            run.problems.push({ file: outcome.file, record: bad.index, reason: bad.reason });
        }
        progress.events += outcome.events;
        progress.compressedBytes += outcome.compressedBytes;
        progress.uncompressedBytes += outcome.uncompressedBytes;
    };
    const processor = new WorkerPool(threads, options.rules, window, onOutcome, limits, options.signal);

    const report = (): void => {
        progress.elapsedMs = performance.now() - started;
        options.onProgress?.({ ...progress });
    };
    let timer: NodeJS.Timeout | undefined;
    // The sizing walk only serves the progress line: it stops when the run ends, however it ends.
    const sizing = new AbortController();
    if (options.onProgress !== undefined) {
        timer = setInterval(report, options.progressIntervalMs ?? 250);
        timer.unref();
        sizeArchive(options.paths, window, progress, sizing.signal).catch(() => undefined);
    }

    try {
        for await (const file of archiveLogFiles(run, options.paths, window.since, options.signal)) {
            await processor.submit(file.path);
        }
    } finally {
        sizing.abort();
        // Even when aborted or failing, collect what the workers hold and stop them.
        run.tally = await processor.finish();
        if (timer !== undefined) clearInterval(timer);
    }
    run.interrupted = options.signal?.aborted ?? false;
    run.compressedBytes = progress.compressedBytes;
    run.uncompressedBytes = progress.uncompressedBytes;
    run.problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.record ?? -1) - (b.record ?? -1)));
    run.elapsedMs = performance.now() - started;
    if (options.onProgress !== undefined) report();
    return run;
}

/**
 * A second, cheap walk (names and sizes only) that finds how much there is to read, so the
 * progress line can show the time left. Runs beside the real walk; never holds the file list.
 */
async function sizeArchive(
    paths: string[],
    window: TimeWindow,
    progress: BacktestProgress,
    signal: AbortSignal,
): Promise<void> {
    let files = 0;
    let bytes = 0;
    for await (const entry of walkArchive(paths, { since: window.since })) {
        if (signal.aborted) return;
        if (entry.type === "file") {
            files++;
            bytes += entry.size;
        } else if (entry.type === "unreadable") {
            files++;
        }
    }
    progress.filesTotal = files;
    progress.compressedBytesTotal = bytes;
}
