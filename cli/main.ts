import { Command, CommandIO, UsageError } from "./command";
import { checkCommand } from "./commands/check";
import { backtestCommand } from "./commands/backtest";
import { testPatternCommand } from "./commands/testPattern";
import { renderCommand } from "./commands/render";

/** Every sub-command; each lives in `cli/commands/<name>.ts`. */
const commands: Command[] = [checkCommand, backtestCommand, testPatternCommand, renderCommand];

function help(): string {
    const width = Math.max(...commands.map((c) => c.name.length), 4);
    return [
        "trailwatch — CloudTrail security alerting as code",
        "",
        "Usage: trailwatch <command> [options]",
        "",
        "Commands:",
        ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
        "",
        "Run `trailwatch <command> --help` for a command's options.",
        "",
    ].join("\n");
}

/** Runs `trailwatch` with the given arguments and resolves to the exit code. */
export async function main(argv: string[], io: CommandIO): Promise<number> {
    const [name, ...rest] = argv;
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
        io.stdout.write(help());
        return name === undefined ? 2 : 0;
    }
    const command = commands.find((c) => c.name === name);
    if (command === undefined) {
        io.stderr.write(`trailwatch: unknown command "${name}"\n\n${help()}`);
        return 2;
    }
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
