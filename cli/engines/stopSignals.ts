/**
 * The signals that ask a command to stop and leave things as it found them: SIGINT (Ctrl-C, `kill -INT`) and
 * SIGTERM (`kill`, `timeout`, `docker stop`, a service manager; GitHub Actions, cancelling a step, sends its entry
 * process SIGINT and, 7500 ms later, SIGTERM: docs.github.com "Workflow cancellation reference"). Node.js ends the
 * process at once on either unless it listens (Node.js docs, process, "Signal events"); the commands that change
 * something outside this machine (`drill`: alarms set to ALARM; `backtest --engine athena`: a query that keeps
 * scanning and billing) listen to both and undo what they started first.
 */
export const STOP_SIGNALS = ["SIGINT", "SIGTERM"] as const;

export type StopSignal = (typeof STOP_SIGNALS)[number];

/**
 * The exit code of a command stopped by `signal` after cleaning up: 128 + the signal's number, as bash reports a
 * process that the signal ended (Bash Reference Manual, "Exit Status": "128+N"; POSIX `sh`, "Exit Status for
 * Commands", only asks for a status "greater than 128"): 130 for SIGINT, 143 for SIGTERM.
 */
export function stoppedExitCode(signal: StopSignal): number {
    return signal === "SIGINT" ? 130 : 143;
}

/**
 * Calls `handler` with the signal's name on each SIGINT or SIGTERM until the returned function is called, which
 * removes the listeners again (the process then ends on those signals as before).
 */
export function onStopSignal(handler: (signal: StopSignal) => void): () => void {
    const listeners = STOP_SIGNALS.map((signal) => {
        const listener = (): void => handler(signal);
        process.on(signal, listener);
        return [signal, listener] as const;
    });
    return () => {
        for (const [signal, listener] of listeners) process.removeListener(signal, listener);
    };
}
