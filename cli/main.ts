import { Command, CommandIO, UsageError } from "./command";
/**
 * Every sub-command, each in `cli/commands/<name>.ts`, loaded only when it runs: a command pays for the libraries
 * it uses (the Pulumi SDK, the AWS provider, worker threads) and no other's.
 */
const commands: Record<string, () => Promise<Command>> = {
    check: async () => (await import("./commands/check")).checkCommand,
    "test-pattern": async () => (await import("./commands/testPattern")).testPatternCommand,
    render: async () => (await import("./commands/render")).renderCommand,
    backtest: async () => (await import("./commands/backtest")).backtestCommand,
    sql: async () => (await import("./commands/sql")).sqlCommand,
};

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
        "Run `trailwatch <command> --help` for a command's options.",
        "",
    ].join("\n");
}

/** Runs `trailwatch` with the given arguments and resolves to the exit code. */
export async function main(argv: string[], io: CommandIO): Promise<number> {
    const [name, ...rest] = argv;
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
        io.stdout.write(await help());
        return name === undefined ? 2 : 0;
    }
    const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
    if (load === undefined) {
        io.stderr.write(`trailwatch: unknown command "${name}"\n\n${await help()}`);
        return 2;
    }
    const command = await load();
    if (rest.includes("--help") || rest.includes("-h")) {
        io.stdout.write(command.usage.endsWith("\n") ? command.usage : `${command.usage}\n`);
        return 0;
    }
    try {
        return await command.run(rest, io);
    } catch (err) {
        if (err instanceof UsageError) {
            io.stderr.write(`trailwatch ${name}: ${err.message}\n`);
            return 2;
        }
        throw err;
    }
}
