import { MessagePort, workerData } from "worker_threads";

/*
 * The thread that runs template regular expressions for `templateRegex.ts`, so that the main thread can stop one
 * that takes too long (by terminating this thread) instead of hanging. It answers each request on its port, then
 * flips the shared flag the main thread is waiting on.
 */

interface TemplateRegexRequest {
    source: string;
    flags: string;
    input: string;
}

const { port, state } = workerData as { port: MessagePort; state: SharedArrayBuffer };
const flags = new Int32Array(state);
const compiled = new Map<string, RegExp>();

port.on("message", ({ source, flags: reFlags, input }: TemplateRegexRequest) => {
    // Started: the budget is for the match, not for waiting to be scheduled on a busy machine.
    Atomics.store(flags, 2, 1);
    Atomics.notify(flags, 2);
    let reply: { match: (string | undefined)[] | null } | { error: string };
    try {
        const key = `${reFlags}/${source}`;
        let re = compiled.get(key);
        if (re === undefined) {
            re = new RegExp(source, reFlags);
            compiled.set(key, re);
        }
        re.lastIndex = 0;
        const match = re.exec(input);
        reply = { match: match === null ? null : Array.from(match) };
    } catch (err) {
        reply = { error: (err as Error).message };
    }
    port.postMessage(reply);
    Atomics.store(flags, 0, 1);
    Atomics.notify(flags, 0);
});

// Ready: the main thread's budget starts counting only once this thread can take work.
Atomics.store(flags, 1, 1);
Atomics.notify(flags, 1);
