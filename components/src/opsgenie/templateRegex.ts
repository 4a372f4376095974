import * as path from "path";
import { MessageChannel, MessagePort, Worker, receiveMessageOnPort } from "worker_threads";
import { alarmFieldPattern, alarmMessageFields } from "./alarmMessageTemplates";

/*
 * Template regular expressions (`extract(/re/)`, a filter's `matches`) run under a time budget.
 *
 * Opsgenie evaluates them with Java's regex engine: "Opsgenie provides opportunity of using Java-like regular
 * expressions" (https://docs.opsgenie.com/docs/regular-expressions), a backtracking engine whose semantics
 * (backreferences, lookaround, which group a match fills) the preview must keep, so it runs them with JavaScript's
 * RegExp, also backtracking, rather than with an automaton. A backtracking engine can take forever: Opsgenie's
 * "String processing methods" page says "Regex match operations has 10 seconds timeout limit. If it takes more than
 * 10 seconds, it returns "null" string." The preview stops much sooner, and says so: a regex that needs that long
 * is a mistake in the template, not something to wait for in every `trailwatch check`.
 *
 * JavaScript cannot interrupt a running RegExp on the thread that runs it, so each match runs on one long-lived
 * worker thread while the caller waits for it with `Atomics.wait` (a synchronous call, so the renderer stays
 * synchronous and costs one worker per process, not one per template); when the budget runs out the worker is
 * terminated, which stops the match, and the next call starts a fresh one.
 */

/**
 * The expressions trailwatch generates itself (`alarmFieldPattern`), run on the calling thread: `check` renders only
 * these, so it never starts the worker. They are linear on any text, whoever wrote it: a literal `"Field":` must
 * match first, and the value loop `(?:[^"\\]|\\.)*` has disjoint alternatives and stops at the next unescaped quote, so
 * no position is tried more than a bounded number of times.
 */
const generatedSources: ReadonlySet<string> = new Set(alarmMessageFields.map(alarmFieldPattern));

/** Milliseconds one template regex match may take before it is stopped. */
export const TEMPLATE_REGEX_BUDGET_MS = 1000;

/** How long a new worker thread may take to start, on a loaded machine, before that is an error of its own. */
const WORKER_START_MS = 30_000;

/** A template regex match stopped because it took longer than its budget. */
export class TemplateRegexTimeoutError extends Error {
    constructor(readonly budgetMs: number) {
        super(
            `took too long: stopped after ${budgetMs / 1000} s (Opsgenie stops a regex after 10 s and renders "null")`,
        );
        this.name = "TemplateRegexTimeoutError";
    }
}

interface RegexThread {
    worker: Worker;
    port: MessagePort;
    /** [0]: 1 once the current request is answered; [1]: 1 once the worker is ready; [2]: 1 once it has started the request. */
    flags: Int32Array;
}

let current: RegexThread | undefined;

function startThread(): RegexThread {
    const state = new SharedArrayBuffer(12);
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(path.join(__dirname, "templateRegexWorker.js"), {
        workerData: { port: port2, state },
        transferList: [port2],
    });
    // Never what keeps a finished command alive.
    worker.unref();
    port1.unref();
    const flags = new Int32Array(state);
    if (Atomics.wait(flags, 1, 0, WORKER_START_MS) === "timed-out") {
        void worker.terminate();
        throw new Error(`the template regex worker did not start within ${WORKER_START_MS / 1000} s`);
    }
    return { worker, port: port1, flags };
}

/**
 * `regex.exec(input)` (from the start of `input`) on the worker thread, as plain strings: the match and its groups,
 * or null. Throws {@link TemplateRegexTimeoutError} when it takes longer than `budgetMs`.
 */
export function execTemplateRegex(
    regex: RegExp,
    input: string,
    budgetMs: number = TEMPLATE_REGEX_BUDGET_MS,
): (string | undefined)[] | null {
    if (regex.flags === "" && generatedSources.has(regex.source)) {
        const match = new RegExp(regex.source).exec(input);
        return match === null ? null : Array.from(match);
    }
    const thread = (current ??= startThread());
    Atomics.store(thread.flags, 0, 0);
    Atomics.store(thread.flags, 2, 0);
    thread.port.postMessage({ source: regex.source, flags: regex.flags, input });
    // The budget starts when the worker takes the request up (on a loaded machine that can take a while).
    if (Atomics.wait(thread.flags, 2, 0, WORKER_START_MS) === "timed-out") {
        current = undefined;
        void thread.worker.terminate();
        throw new Error(`the template regex worker did not take a request up within ${WORKER_START_MS / 1000} s`);
    }
    if (Atomics.wait(thread.flags, 0, 0, budgetMs) === "timed-out") {
        // Terminating the thread interrupts the match; the next call starts another.
        current = undefined;
        void thread.worker.terminate();
        throw new TemplateRegexTimeoutError(budgetMs);
    }
    const reply = receiveMessageOnPort(thread.port)?.message as
        { match: (string | undefined)[] | null } | { error: string } | undefined;
    if (reply === undefined) throw new Error("the template regex worker answered nothing");
    if ("error" in reply) throw new Error(`the template regex worker failed: ${reply.error}`);
    return reply.match;
}
