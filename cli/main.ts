import * as fs from "fs";
import * as path from "path";
import { Command, CommandIO, UsageError, exitCode, reportError } from "./command";
/**
 * Every sub-command, each in `cli/commands/<name>.ts`, loaded only when it runs: a command pays for the libraries
 * it uses (the Pulumi SDK, the AWS provider, worker threads) and no other's.
 */
const commands: Record<string, () => Promise<Command>> = {
    check: async () => (await import("./commands/check")).checkCommand,
    "test-pattern": async () => (await import("./commands/testPattern")).testPatternCommand,
    render: async () => (await import("./commands/render")).renderCommand,
    backtest: async () => (await import("./commands/backtest")).backtestCommand,
    drill: async () => (await import("./commands/drill")).drillCommand,
    sql: async () => (await import("./commands/sql")).sqlCommand,
};

/** The version of the trailwatch CLI: the project's own package version (bin/package.json). */
function cliVersion(): string {
    // Compiled to dist/cli/main.js: the binary's package.json is two folders up, in bin/.
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, "../../bin/package.json"), "utf8")) as {
        version: string;
    };
    return manifest.version;
}

async function help(): Promise<string> {
    const all = await Promise.all(Object.values(commands).map((load) => load()));
    const width = Math.max(...all.map((c) => c.name.length), 4);
    return [
        "trailwatch — CloudTrail security alerting as code",
        "",
        "Usage: trailwatch <command> [options]",
        "",
        "Commands:",
        ...all.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
        "",
        "Run `trailwatch <command> --help` for a command's options; `trailwatch --version` prints the version.",
        "",
    ].join("\n");
}

/** The arguments before a `--` that ends the options: after it, `--json` or `--help` is a positional (a template). */
function options(argv: string[]): string[] {
    const end = argv.indexOf("--");
    return end < 0 ? argv : argv.slice(0, end);
}

/** Runs `trailwatch` with the given arguments and resolves to the exit code. */
export async function main(argv: string[], io: CommandIO): Promise<number> {
    const [name, ...rest] = argv;
    // Asked for, help goes to stdout (exit 0); without a command it is a usage error: stderr, exit 2.
    if (name === undefined) {
        io.stderr.write(await help());
        return exitCode.usage;
    }
    if (name === "--help" || name === "-h" || name === "help") {
        io.stdout.write(await help());
        return 0;
    }
    if (name === "--version" || name === "-V" || name === "version") {
        io.stdout.write(`trailwatch ${cliVersion()}\n`);
        return 0;
    }
    const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
    if (load === undefined) {
        // Under --json the error is JSON on stdout, as every command's is (docs/cli.md, the exit-code table).
        if (options(rest).includes("--json") || name === "--json") {
            return reportError(
                io,
                name,
                `unknown command "${name}"; commands: ${Object.keys(commands).join(", ")}`,
                true,
            );
        }
        io.stderr.write(`trailwatch: unknown command "${name}"\n\n${await help()}`);
        return exitCode.usage;
    }
    const command = await load();
    if (options(rest).includes("--help") || options(rest).includes("-h")) {
        io.stdout.write(command.usage.endsWith("\n") ? command.usage : `${command.usage}\n`);
        return 0;
    }
    try {
        return await command.run(rest, io);
    } catch (err) {
        if (err instanceof UsageError) return reportError(io, name, err.message, options(rest).includes("--json"));
        throw err;
    }
}
