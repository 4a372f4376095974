import type { CommandIO } from "./engines/io";

// Defined beneath the CLI layer, where the engines that raise and write them can import them.
export { type CommandIO, describeFileError, UsageError } from "./engines/io";

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
    /** Runs the command with the arguments after its name. Resolves to the process exit code ({@link exitCode}). */
    run(argv: string[], io: CommandIO): Promise<number>;
}

/**
 * The one exit-code scheme of every command (docs/cli.md has the table). A reader that stops the
 * process (Ctrl-C) gets 130 from the command that handles it, as a shell reports a SIGINT; a SIGTERM that a
 * command handles gives 143 (`stoppedExitCode` in engines/stopSignals.ts).
 */
export const exitCode = {
    /** The command did what was asked and found nothing to report. */
    ok: 0,
    /** Done, with findings: a failed check or policy violation, skipped input files, a template that matched nothing. */
    findings: 1,
    /** A usage or input error: unknown flag, missing or unreadable file, invalid pattern, template or stack. */
    usage: 2,
} as const;

/**
 * Reports an error that ends the command (exit 2): `trailwatch <command>: <message>` on stderr, or with `--json`
 * the document `{"error":{"code":2,"message":...}}` on stdout, where a program reading the JSON looks. `details`
 * adds keys to the `error` object (e.g. `problems`).
 */
export function reportError(
    io: CommandIO,
    command: string,
    message: string,
    json: boolean,
    details: Record<string, unknown> = {},
): number {
    if (json) {
        io.stdout.write(`${JSON.stringify({ error: { code: exitCode.usage, message, ...details } }, null, 2)}\n`);
    } else {
        io.stderr.write(`trailwatch ${command}: ${message}\n`);
    }
    return exitCode.usage;
}
