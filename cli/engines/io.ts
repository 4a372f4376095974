// What the engines under cli/engines share with the command layer above them: where output goes, and the error
// that ends a command with exit code 2. Engines import this file, never cli/command.ts.

/** Where a command writes; tests pass buffers, the binary passes the process streams. */
export interface CommandIO {
    /** `columns`: the terminal's width, when it is one (human output wraps at it). */
    stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
    stderr: NodeJS.WritableStream & { isTTY?: boolean };
    stdin: NodeJS.ReadableStream & { isTTY?: boolean };
    /** Directory that relative paths (and `stacks/`) are resolved against. */
    cwd: string;
}

/** A usage or input error: printed without a stack trace (as JSON under `--json`), exit code 2. */
export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "UsageError";
    }
}
