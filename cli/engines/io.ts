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
    /** The environment the output depends on (`COLUMNS`); the binary passes `process.env`. Default: none. */
    env?: Record<string, string | undefined>;
}

/**
 * Why a file could not be read, in the one wording every command uses: Node's words without the
 * repeated code and path, then the error code a user can search for, `no such file or directory
 * (ENOENT)`. Commands put it after `cannot read FILE: `, a file inside an archive after `cannot read: `.
 */
export function describeFileError(err: unknown): string {
    const e = err as NodeJS.ErrnoException;
    if (typeof e?.code === "string" && typeof e.message === "string") {
        // Node's message is "ENOENT: no such file or directory, open '/abs/path'": keep the words only. A folder
        // reads "is a directory" whichever call met it (Node's readFile says "illegal operation on a directory").
        const words = e.code === "EISDIR" ? "is a directory" : (/^[A-Z]+: ([^,]+)/.exec(e.message)?.[1] ?? e.code);
        return `${words} (${e.code})`;
    }
    return err instanceof Error ? err.message : String(err);
}

/** A usage or input error: printed without a stack trace (as JSON under `--json`), exit code 2. */
export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "UsageError";
    }
}
