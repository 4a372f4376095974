import * as assert from "assert";
import { PassThrough } from "stream";
import { Command, CommandIO } from "../../cli/command";
import { main } from "../../cli/main";
import { projectDir } from "./repositoryPaths";

/** What a `trailwatch` run left: its exit code and everything it wrote to each stream. */
export interface CliResult {
    code: number;
    stdout: string;
    stderr: string;
}

/** How the run is set up; every field has a default, so most tests pass none. */
export interface CliRunOptions {
    /**
     * Directory that relative paths and `stacks/` are resolved against.
     * @default the repository root
     */
    cwd?: string;
    /**
     * Standard input: text or bytes (then ended), or a stream the command reads as it is.
     * @default "" (an empty, ended stdin)
     */
    stdin?: string | Buffer | NodeJS.ReadableStream;
    /**
     * Makes stderr claim to be a terminal (commands write progress only to a terminal).
     * @default false
     */
    stderrIsTTY?: boolean;
    /**
     * Makes stdout claim to be a terminal this many columns wide (human output wraps at a terminal's width).
     * @default not a terminal
     */
    stdoutColumns?: number;
}

/** Runs `trailwatch <argv>` in-process through the CLI's `main`, exactly as the binary dispatches it. */
export function runCli(argv: string[], options: CliRunOptions = {}): Promise<CliResult> {
    return runWithBuffers((io) => main(argv, io), options);
}

/**
 * Runs one command's `run` directly, without `main`'s dispatch (so a `UsageError` propagates instead of becoming
 * exit code 2): for testing the command on its own.
 */
export function runCommand(command: Command, argv: string[], options: CliRunOptions = {}): Promise<CliResult> {
    return runWithBuffers((io) => command.run(argv, io), options);
}

/** Runs any function of the CLI with buffered streams, as {@link runCli} does. */
export async function runWithBuffers(
    run: (io: CommandIO) => Promise<number>,
    { cwd = projectDir, stdin = "", stderrIsTTY = false, stdoutColumns }: CliRunOptions,
): Promise<CliResult> {
    const stdout = Object.assign(
        new PassThrough(),
        stdoutColumns === undefined ? {} : { isTTY: true, columns: stdoutColumns },
    );
    const stderr = Object.assign(new PassThrough(), { isTTY: stderrIsTTY });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    stdout.on("data", (d: Buffer) => out.push(d));
    stderr.on("data", (d: Buffer) => err.push(d));
    let input: NodeJS.ReadableStream;
    if (typeof stdin === "string" || Buffer.isBuffer(stdin)) {
        const ended = new PassThrough();
        ended.end(stdin);
        input = ended;
    } else {
        input = stdin;
    }
    const code = await run({ stdout, stderr, stdin: input, cwd });
    return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}

/**
 * One test per case: `trailwatch <command> ...argv`, run in `cwd()` (read when the test runs, after the
 * suite's `before`), is a usage error: exit 2, nothing on stdout, `trailwatch <command>: <message>` on stderr.
 */
export function itIsUsageError(command: string, cases: [string[], string][], cwd: () => string): void {
    for (const [argv, message] of cases) {
        it(`usage error (exit 2): ${command} ${argv.join(" ")}`, async () => {
            const { code, stdout, stderr } = await runCli([command, ...argv], { cwd: cwd() });
            assert.strictEqual(stdout, "");
            assert.strictEqual(stderr, `trailwatch ${command}: ${message}\n`);
            assert.strictEqual(code, 2);
        });
    }
}
