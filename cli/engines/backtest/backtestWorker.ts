// Entry point of one backtest worker thread (started by workerPool.ts). It owns an
// ArchiveEvaluator, reads the files it is sent one at a time, answers each with the file's
// outcome, and on "finish" sends its totals. Messages are handled in order, so "finish" is
// answered after every file sent before it.
import { parentPort, workerData } from "worker_threads";
import { ArchiveEvaluator } from "./archiveEvaluator";
import { ToWorker, WorkerInit, FromWorker } from "./workerMessages";

const port = parentPort;
if (port === null) {
    throw new Error("backtestWorker must run as a worker thread");
}
const init = workerData as WorkerInit;
const evaluator = new ArchiveEvaluator(init.rules, init.window, init.limits);

port.on("message", (message: ToWorker) => {
    let reply: FromWorker;
    if (message.type === "file" && Atomics.load(init.interrupted, 0) === 1) {
        reply = {
            type: "outcome",
            outcome: { file: message.path, compressedBytes: 0, uncompressedBytes: 0, events: 0, interrupted: true },
        };
    } else if (message.type === "file") {
        reply = { type: "outcome", outcome: evaluator.processFile(message.path) };
    } else {
        reply = { type: "tally", tally: evaluator.takeTally() };
    }
    try {
        port.postMessage(reply);
    } catch (err) {
        // A reply that cannot be cloned (records are capped in depth when read, so this is a
        // defect, not bad input) must still be answered, or the main thread waits forever.
        port.postMessage({
            type: "undeliverable",
            reply: reply.type,
            file: message.type === "file" ? message.path : undefined,
            reason: (err as Error).message,
        } satisfies FromWorker);
    }
});
