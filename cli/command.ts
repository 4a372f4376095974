/**
 * The shape every `trailwatch` sub-command has. Each command lives in its own file under
 * `cli/commands/` and is listed once in `cli/main.ts`.
 */
export interface Command {
    /** The word after `trailwatch`, e.g. `check`. */
    name: string;
    /** One line for `trailwatch --help`. */
    summary: string;
    /** Full usage text printed by `trailwatch <name> --help`: synopsis, arguments, every flag. */
    usage: string;
    /**
     * Runs the command with the arguments after its name. Resolves to the process exit code:
     * 0 success, 1 a finding (violation, skipped input), 2 a usage or input error.
     */
    run(argv: string[], io: CommandIO): Promise<number>;
}

/** Where a command writes; tests pass buffers, the binary passes the process streams. */
export interface CommandIO {
    stdout: NodeJS.WritableStream & { isTTY?: boolean };
    stderr: NodeJS.WritableStream & { isTTY?: boolean };
    stdin: NodeJS.ReadableStream & { isTTY?: boolean };
    /** Directory that relative paths (and `stacks/`) are resolved against. */
    cwd: string;
}

/** A usage error: printed without a stack trace, exit code 2. */
export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "UsageError";
    }
}
