import * as path from "path";
import { Worker } from "worker_threads";
import { ArchiveEvaluator, FileOutcome, TimeWindow } from "./archiveEvaluator";
import { DEFAULT_LOG_FILE_LIMITS, LogFileLimits } from "./logFileReader";
import { ArchiveTally, BacktestRule, mergeArchiveTally, newArchiveTally } from "./ruleTally";
import { FromWorker, ToWorker, WorkerInit } from "./workerMessages";

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
    /** Whether it was ever sent a file: one that was not has no totals to ask for. */
    used: boolean;
}

/**
 * Resolves after the event loop has gone through one poll phase. A signal (Ctrl-C) that arrives while this thread
 * reads a file synchronously is delivered in the next poll phase (libuv reads its signal pipe there), and one
 * `setImmediate` alone runs in the current turn's check phase, before that ("The Node.js Event Loop": timers,
 * pending callbacks, poll, check, close callbacks). The second one runs in the next turn's check phase, after the
 * poll phase, so a Ctrl-C that came during the file is seen before the next file is read or the run ends.
 */
function pastOnePollPhase(): Promise<void> {
    return new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));
}

/**
 * The threads that evaluate a run's files: the calling (main) thread and up to `threads - 1` worker threads, each
 * with its own ArchiveEvaluator. Files go to a worker with room first (a worker still starting has room: its
 * files wait for it); when every worker is full, the main thread evaluates the file itself, as it does the file it
 * starts a new worker for. Totals are merged at the end, which gives the same result
 * whatever the order files were read in, and whichever thread read them.
 *
 * Why the main thread takes part: it only walks the archive and hands out names, so with one worker per core it
 * idles while every worker competes for the cores, and each worker costs a Node.js start (about 0.1 s of CPU on
 * the benchmark machine: an isolate, its bootstrap, the evaluator's modules) before it reads anything. With two
 * cores, the main thread and one worker read from the start what two workers read only after both had started
 * (docs/benchmarks.md). `threads: 1` evaluates everything on the main thread and starts no worker.
 */
export class WorkerPool {
    private readonly workers: PoolWorker[] = [];
    private readonly init: WorkerInit;
    /** The main thread's own evaluator, made on first use. */
    private inline?: ArchiveEvaluator;
    private inlineFiles = 0;
    private failure?: Error;
    private readonly tallies: ArchiveTally[] = [];
    private tallyWaiter?: () => void;
    private terminating = false;

    /**
     * Workers are started as files come, up to `threads - 1`: one more whenever every started one is full. A run
     * of a few files starts a few workers (each is a V8 isolate of its own, tens of MB and tens of ms), not as many
     * as `--threads` asks for.
     */
    constructor(
        private readonly threads: number,
        private readonly rules: BacktestRule[],
        private readonly window: TimeWindow,
        private readonly onOutcome: (outcome: FileOutcome) => void,
        private readonly limits: LogFileLimits = DEFAULT_LOG_FILE_LIMITS,
        signal?: AbortSignal,
    ) {
        const interrupted = new Int32Array(new SharedArrayBuffer(4));
        signal?.addEventListener("abort", () => Atomics.store(interrupted, 0, 1), { once: true });
        this.init = { rules, window, limits, interrupted };
    }

    /** Worker threads started so far: at most `threads - 1`, and never more than the files submitted. */
    get startedWorkers(): number {
        return this.workers.length;
    }

    private startWorker(): PoolWorker {
        const script = path.join(__dirname, "backtestWorker.js");
        const w: PoolWorker = {
            worker: new Worker(script, { workerData: this.init, resourceLimits: WORKER_RESOURCE_LIMITS }),
            inFlight: [],
            used: false,
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
        this.tallyWaiter?.();
    }

    /** Files the main thread evaluated itself so far. */
    get filesReadInline(): number {
        return this.inlineFiles;
    }

    /** The least busy worker with room for one more file, if any. */
    private workerWithRoom(): PoolWorker | undefined {
        let best: PoolWorker | undefined;
        for (const w of this.workers) {
            if (
                w.inFlight.length < FILES_IN_FLIGHT_PER_WORKER &&
                (best === undefined || w.inFlight.length < best.inFlight.length)
            )
                best = w;
        }
        return best;
    }

    /**
     * Hands `file` to a worker with room, or evaluates it on this thread: when every worker is full, and when a
     * worker was just started for it (a new worker needs about 0.1 s before it reads; the main thread reads now,
     * and the new worker gets the next files). Resolves once the file is handed over or read.
     */
    async submit(file: string): Promise<void> {
        if (this.failure) throw this.failure;
        const w = this.workerWithRoom();
        if (w !== undefined) {
            w.inFlight.push(file);
            w.used = true;
            const message: ToWorker = { type: "file", path: file };
            w.worker.postMessage(message);
            return;
        }
        if (this.workers.length < this.threads - 1) this.startWorker();
        this.inline ??= new ArchiveEvaluator(this.rules, this.window, this.limits);
        this.inlineFiles++;
        this.onOutcome(this.inline.processFile(file));
        // Let timers (progress), signals (Ctrl-C) and the workers' answers run between files.
        await pastOnePollPhase();
    }

    async finish(): Promise<ArchiveTally> {
        try {
            const finish: ToWorker = { type: "finish" };
            // A worker never sent a file has nothing to add: it is stopped without waiting for it to start.
            const used = this.workers.filter((w) => w.used);
            for (const w of used) w.worker.postMessage(finish);
            while (this.tallies.length < used.length) {
                if (this.failure) throw this.failure;
                await new Promise<void>((resolve) => (this.tallyWaiter = resolve));
            }
            if (this.failure) throw this.failure;
            const total = this.inline?.takeTally() ?? newArchiveTally(this.rules.length);
            for (const t of this.tallies) mergeArchiveTally(total, t);
            return total;
        } finally {
            this.terminating = true;
            await Promise.all(this.workers.map((w) => w.worker.terminate()));
        }
    }
}
