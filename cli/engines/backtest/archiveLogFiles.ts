import { walkArchive } from "./archiveWalker";
import type { BacktestRun } from "./backtestEngine";

/** A CloudTrail log or Insights file an engine is to read. */
export interface ArchiveLogFile {
    path: string;
    size: number;
}

/**
 * The log and Insights files below `paths`, in the walker's order, for an engine to read; every other entry is
 * counted into `run` on the way, the same way for every engine (local, DuckDB): unreadable paths as problems, files
 * left out by reason, Insights files. Stops at the next entry once `signal` is aborted.
 */
export async function* archiveLogFiles(
    run: BacktestRun,
    paths: string[],
    since: number | undefined,
    signal?: AbortSignal,
): AsyncGenerator<ArchiveLogFile> {
    for await (const entry of walkArchive(paths, { since })) {
        if (signal?.aborted) return;
        if (entry.type === "unreadable") {
            run.files.failed++;
            run.problems.push({ file: entry.path, reason: entry.reason });
        } else if (entry.type === "skipped") {
            run.files.skipped[entry.reason]++;
        } else {
            if (entry.kind === "insight") run.files.insight++;
            yield { path: entry.path, size: entry.size };
        }
    }
}
