import { spawn } from "child_process";
import * as path from "path";
import { projectDir } from "./repositoryPaths";

/** How a `node bin/trailwatch.js` process ended after one SIGINT. */
export interface InterruptedRun {
    /** Exit code, or null when the signal itself ended the process (a shell reports that as 130 too). */
    code: number | null;
    /** The signal that ended the process, or null when it exited by itself. */
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
    /** Milliseconds from the SIGINT to the exit. */
    exitMs: number;
}

/** What the run is given and when it is interrupted. */
export interface InterruptOptions {
    /** Written to stdin, which is then left open: a pipe that may still send more. */
    stdin?: string;
    /** SIGINT is sent once this holds for the output so far (checked on every write), as a person would press Ctrl-C. */
    ready: (stdout: string, stderr: string) => boolean;
    /**
     * The SIGINT waits at least this long after the start too (for a command that prints nothing while it waits).
     * @default 0
     */
    notBeforeMs?: number;
    /**
     * Directory the command runs in.
     * @default the repository root
     */
    cwd?: string;
    /** Called with the process id just before the SIGINT is sent (to look at what the process has started). */
    beforeInterrupt?: (pid: number) => void;
    /**
     * After this long without `ready`, or this long after the SIGINT without an exit, the process is killed and the
     * promise rejects, so a test fails instead of hanging.
     * @default 15000
     */
    giveUpMs?: number;
}

/** Runs the real binary, sends it one SIGINT (Ctrl-C) once `ready`, and resolves when it has exited. */
export function interruptCli(argv: string[], options: InterruptOptions): Promise<InterruptedRun> {
    const { stdin, ready, beforeInterrupt, notBeforeMs = 0, cwd = projectDir, giveUpMs = 15_000 } = options;
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [path.join(projectDir, "bin/trailwatch.js"), ...argv], {
            cwd,
            stdio: ["pipe", "pipe", "pipe"],
        });
        const started = Date.now();
        let stdout = "";
        let stderr = "";
        let interruptedAt: number | undefined;
        let giveUp = setTimeout(() => {
            child.kill("SIGKILL");
            reject(new Error(`never ready within ${giveUpMs} ms; stdout: ${stdout}; stderr: ${stderr}`));
        }, giveUpMs);
        const check = (): void => {
            if (interruptedAt !== undefined || Date.now() - started < notBeforeMs || !ready(stdout, stderr)) return;
            if (child.pid !== undefined) beforeInterrupt?.(child.pid);
            interruptedAt = Date.now();
            child.kill("SIGINT");
            clearTimeout(giveUp);
            giveUp = setTimeout(() => {
                child.kill("SIGKILL");
                reject(new Error(`still running ${giveUpMs} ms after SIGINT; stdout: ${stdout}; stderr: ${stderr}`));
            }, giveUpMs);
        };
        child.stdout.on("data", (d: Buffer) => {
            stdout += d.toString();
            check();
        });
        child.stderr.on("data", (d: Buffer) => {
            stderr += d.toString();
            check();
        });
        child.stdin.on("error", () => undefined); // the command may stop reading first
        if (stdin !== undefined) child.stdin.write(stdin);
        check();
        const notBefore = setTimeout(check, notBeforeMs);
        child.on("close", (code, signal) => {
            clearTimeout(giveUp);
            clearTimeout(notBefore);
            if (interruptedAt === undefined) {
                reject(new Error(`exited before the SIGINT (code ${code}); stdout: ${stdout}; stderr: ${stderr}`));
                return;
            }
            resolve({ code, signal, stdout, stderr, exitMs: Date.now() - interruptedAt });
        });
    });
}
