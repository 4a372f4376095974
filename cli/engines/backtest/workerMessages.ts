import type { FileOutcome, TimeWindow } from "./archiveEvaluator";
import type { LogFileLimits } from "./logFileReader";
import type { ArchiveTally, BacktestRule } from "./ruleTally";

/** What a worker is started with (`workerData`). */
export interface WorkerInit {
    rules: BacktestRule[];
    window: TimeWindow;
    limits: LogFileLimits;
    /**
     * Set to 1 by the main thread on Ctrl-C (an Int32Array over a SharedArrayBuffer, seen at once
     * by every worker): files still queued are answered unread, so the run stops after the files
     * being read, not after everything already handed out.
     */
    interrupted: Int32Array;
}

/** Main thread -> worker: read a file, or send the totals so far. */
export type ToWorker = { type: "file"; path: string } | { type: "finish" };

/** Worker -> main thread: one file's outcome, or the totals (answer to "finish"). */
export type FromWorker =
    | { type: "outcome"; outcome: FileOutcome }
    | { type: "tally"; tally: ArchiveTally }
    /** A reply that could not be sent (it could not be cloned): what went wrong, for the user. */
    | { type: "undeliverable"; reply: "outcome" | "tally"; file?: string; reason: string };
