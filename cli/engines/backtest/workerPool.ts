import * as path from "path";
import { Worker } from "worker_threads";
import { ArchiveEvaluator, FileOutcome, TimeWindow } from "./archiveEvaluator";
import { DEFAULT_LOG_FILE_LIMITS, LogFileLimits } from "./logFileReader";
import { ArchiveTally, BacktestRule, mergeArchiveTally, newArchiveTally } from "./ruleTally";
import { FromWorker, ToWorker, WorkerInit } from "./workerMessages";

/**
 * Where files are evaluated: a pool of worker threads, or the main thread itself. `submit`
 * resolves once the file has been handed over (the caller may then submit the next one);
 * `finish` resolves to the totals of every file submitted.
 */
export interface FileProcessor {
    submit(file: string): Promise<void>;
    finish(): Promise<ArchiveTally>;
}

/** Evaluates files on the calling thread: the single-threaded run (`--threads 1`). */
export class InlineProcessor implements FileProcessor {
    private readonly evaluator: ArchiveEvaluator;

    constructor(
        rules: BacktestRule[],
        window: TimeWindow,
        private readonly onOutcome: (outcome: FileOutcome) => void,
        limits: LogFileLimits = DEFAULT_LOG_FILE_LIMITS,
    ) {
        this.evaluator = new ArchiveEvaluator(rules, window, limits);
    }

    async submit(file: string): Promise<void> {
        this.onOutcome(this.evaluator.processFile(file));
        // Let timers (progress) and signals (Ctrl-C) run between files.
        await new Promise<void>((resolve) => setImmediate(resolve));
    }

    async finish(): Promise<ArchiveTally> {
        return this.evaluator.takeTally();
    }
}

/**
 * Files each worker may hold at once: one being read, one queued, so a worker never waits for the
 * main thread between files.
 */
const FILES_IN_FLIGHT_PER_WORKER = 2;

/**
 * Each file's records are garbage as soon as it is evaluated; a small young generation collects
 * them early instead of letting every worker's heap grow. Measured with two workers on the 1.1 GB
 * benchmark archive (peak RSS of the whole process / CPU time): V8's default 326 MB, 16 MB
 * 283-297 MB / 7.4 s, 8 MB 256 MB / 7.6 s, 4 MB 243 MB / 8.2 s. The old generation is left
 * unlimited: one large file must not crash a worker.
 */
const WORKER_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 8 };

interface PoolWorker {
    worker: Worker;
    /** Files sent and not yet answered, oldest first: a worker answers in the order it was sent. */
    inFlight: string[];
}

/**
 * A pool of worker threads, each with its own ArchiveEvaluator. Files go to the least busy worker;
 * totals are merged at the end, which gives the same result whatever the order files were read in.
 */
export class WorkerPool implements FileProcessor {
    private readonly workers: PoolWorker[] = [];
    private readonly init: WorkerInit;
    private slotWaiter?: () => void;
    private failure?: Error;
    private readonly tallies: ArchiveTally[] = [];
    private tallyWaiter?: () => void;
    private terminating = false;

    /**
     * Workers are started as files come, up to `threads`: one more whenever every started worker is busy. A run
     * of a few files starts a few workers (each is a V8 isolate of its own, tens of MB and tens of ms), not as
     * many as `--threads` asks for.
     */
    constructor(
        private readonly threads: number,
        private readonly rules: BacktestRule[],
        window: TimeWindow,
        private readonly onOutcome: (outcome: FileOutcome) => void,
        limits: LogFileLimits = DEFAULT_LOG_FILE_LIMITS,
        signal?: AbortSignal,
    ) {
        const interrupted = new Int32Array(new SharedArrayBuffer(4));
        signal?.addEventListener("abort", () => Atomics.store(interrupted, 0, 1), { once: true });
        this.init = { rules, window, limits, interrupted };
    }

    /** Workers started so far: at most `threads`, and never more than the files submitted. */
    get startedWorkers(): number {
        return this.workers.length;
    }

    private startWorker(): PoolWorker {
        const script = path.join(__dirname, "backtestWorker.js");
        const w: PoolWorker = {
            worker: new Worker(script, { workerData: this.init, resourceLimits: WORKER_RESOURCE_LIMITS }),
            inFlight: [],
        };
        w.worker.on("message", (m: FromWorker) => this.onMessage(w, m));
        // A reply the main thread cannot deserialize: without a listener it is dropped silently
        // and the run waits forever for it.
        w.worker.on("messageerror", (err) => this.onUndeliverable(w, err.message));
        w.worker.on("error", (err) => this.fail(this.workerFailure(w, err.message)));
        w.worker.on("exit", (code) => {
            if (code !== 0 && !this.terminating) this.fail(this.workerFailure(w, `exited with code ${code}`));
        });
        this.workers.push(w);
        return w;
    }

    private onMessage(w: PoolWorker, m: FromWorker): void {
        if (m.type === "outcome") {
            w.inFlight.shift();
            this.onOutcome(m.outcome);
            this.wakeSlotWaiter();
        } else if (m.type === "tally") {
            this.tallies.push(m.tally);
            this.tallyWaiter?.();
        } else {
            this.onUndeliverable(w, m.reason);
        }
    }

    /**
     * A reply was lost. An outcome is the oldest file in flight: that file is reported as
     * unusable and the run goes on. Lost totals cannot be made up for: the run fails, saying so.
     */
    private onUndeliverable(w: PoolWorker, reason: string): void {
        const file = w.inFlight.shift();
        if (file !== undefined) {
            this.onOutcome({
                file,
                compressedBytes: 0,
                uncompressedBytes: 0,
                events: 0,
                error: `its result could not be passed from the worker thread: ${reason}`,
            });
            this.wakeSlotWaiter();
        } else {
            this.fail(new Error(`a backtest worker's totals could not be passed to the main thread: ${reason}`));
        }
    }

    private workerFailure(w: PoolWorker, reason: string): Error {
        const files = w.inFlight.length > 0 ? ` while reading ${w.inFlight.join(", ")}` : "";
        return new Error(`a backtest worker failed${files}: ${reason}`);
    }

    private fail(err: Error): void {
        this.failure ??= err;
        this.wakeSlotWaiter();
        this.tallyWaiter?.();
    }

    private wakeSlotWaiter(): void {
        const wake = this.slotWaiter;
        this.slotWaiter = undefined;
        wake?.();
    }

    /** An idle worker; else a new one while fewer than `threads` run; else the least busy. */
    private nextWorker(): PoolWorker {
        const idle = this.workers.find((w) => w.inFlight.length === 0);
        if (idle !== undefined) return idle;
        if (this.workers.length < this.threads) return this.startWorker();
        return this.workers.reduce((a, b) => (b.inFlight.length < a.inFlight.length ? b : a));
    }

    async submit(file: string): Promise<void> {
        for (;;) {
            if (this.failure) throw this.failure;
            const w = this.nextWorker();
            if (w.inFlight.length < FILES_IN_FLIGHT_PER_WORKER) {
                w.inFlight.push(file);
                const message: ToWorker = { type: "file", path: file };
                w.worker.postMessage(message);
                return;
            }
            await new Promise<void>((resolve) => (this.slotWaiter = resolve));
        }
    }

    async finish(): Promise<ArchiveTally> {
        try {
            const finish: ToWorker = { type: "finish" };
            for (const w of this.workers) w.worker.postMessage(finish);
            while (this.tallies.length < this.workers.length) {
                if (this.failure) throw this.failure;
                await new Promise<void>((resolve) => (this.tallyWaiter = resolve));
            }
            if (this.failure) throw this.failure;
            const total = newArchiveTally(this.rules.length);
            for (const t of this.tallies) mergeArchiveTally(total, t);
            return total;
        } finally {
            this.terminating = true;
            await Promise.all(this.workers.map((w) => w.worker.terminate()));
        }
    }
}
