import type { BacktestProgress, BacktestRun } from "./backtestEngine";
import type { ArchiveTally, BacktestRule } from "./ruleTally";

/** A run that has read nothing yet: what every engine (local, DuckDB, Athena) starts from and fills in. */
export function emptyBacktestRun(rules: BacktestRule[], tally: ArchiveTally, threads: number): BacktestRun {
    return {
        rules,
        tally,
        files: {
            read: 0,
            insight: 0,
            failed: 0,
            skipped: { digest: 0, "other-aws-log": 0, "not-json": 0, "before-since": 0 },
        },
        problems: [],
        compressedBytes: 0,
        uncompressedBytes: 0,
        elapsedMs: 0,
        threads,
        interrupted: false,
    };
}

/** Progress before the first file is done. */
export function emptyBacktestProgress(): BacktestProgress {
    return { filesDone: 0, events: 0, compressedBytes: 0, uncompressedBytes: 0, elapsedMs: 0 };
}
