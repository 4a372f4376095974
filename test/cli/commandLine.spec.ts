import * as assert from "assert";
import { UsageError } from "../../cli/command";
import { CommandLineDefinition, parseCommandLine, usageText } from "../../cli/commandLine";
import { commandLines } from "../../cli/usageDocs";
import { runCli } from "../support/runCli";

/** A command line with one option of every kind the commands use. */
const example = {
    command: "example",
    synopsis: ["trailwatch example [FILE...] [--stack NAME] [--rule ID]... [--threads N] [--engine E] [--json]"],
    description: "An example.",
    arguments: "  FILE  A file.",
    maxPositionals: 2,
    options: [
        { name: "stack", short: "s", type: "string", valueName: "NAME", default: "dev", description: "The stack." },
        { name: "rule", type: "string", multiple: true, valueName: "ID", description: "Only this rule (repeatable)." },
        { name: "threads", type: "integer", valueName: "N", min: -4, max: 64, description: "Threads." },
        { name: "engine", type: "string", choices: ["local", "duckdb", "athena"], description: "The engine." },
        { name: "json", type: "boolean", description: "One JSON document." },
    ],
    epilogue: "Exit codes: 0 ok.",
} as const satisfies CommandLineDefinition;

function usageError(argv: string[], definition: CommandLineDefinition = example): string {
    try {
        parseCommandLine(argv, definition);
    } catch (err) {
        assert.ok(err instanceof UsageError, String(err));
        return err.message;
    }
    assert.fail(`${argv.join(" ")} parsed without a usage error`);
}

describe("cli/commandLine: one parser (node:util parseArgs) for every command", () => {
    it("parses values, defaults, repeated lists, integers, choices, booleans and positionals", () => {
        assert.deepStrictEqual(parseCommandLine([], example), {
            values: { stack: "dev", rule: [], json: false },
            positionals: [],
        });
        assert.deepStrictEqual(
            parseCommandLine(
                ["a", "--stack=prod", "--rule", "x", "--rule=y", "--threads", "8", "--engine", "duckdb", "--json", "b"],
                example,
            ),
            {
                values: { stack: "prod", rule: ["x", "y"], threads: 8, engine: "duckdb", json: true },
                positionals: ["a", "b"],
            },
        );
        assert.strictEqual(parseCommandLine(["-s", "prod"], example).values.stack, "prod");
    });

    const errors: [string[], string][] = [
        [["--verbose"], "unknown option --verbose"],
        [["-x"], "unknown option -x"],
        [["-xyz"], "unknown option -xyz"],
        [["--rule"], "--rule needs a value"],
        [["--stack="], "--stack needs a value"],
        // `--stack --json` forgot the stack's name: --json is not taken as it.
        [["--stack", "--json"], "--stack needs a value"],
        [["--json=yes"], "--json takes no value"],
        [["--stack", "dev", "--stack", "prod"], '--stack given twice ("dev" and "prod"); give it once'],
        [["--stack", "dev", "-s", "dev"], '--stack given twice ("dev" and "dev"); give it once'],
        [["--threads", "65"], '--threads: expected a whole number from -4 to 64, got "65"'],
        [["--threads", "1.5"], '--threads: expected a whole number from -4 to 64, got "1.5"'],
        [["--threads", "08"], '--threads: expected a whole number from -4 to 64, got "08"'],
        [["--engine", "spark"], '--engine: expected local, duckdb or athena, got "spark"'],
        [["a", "b", "c"], 'unexpected argument "c"'],
    ];
    for (const [argv, message] of errors) {
        it(`usage error: ${argv.join(" ")} -> ${message}`, () => {
            assert.strictEqual(usageError(argv), message);
        });
    }

    it("a value may start with a single -: a negative number is a number, not a missing value", () => {
        assert.strictEqual(parseCommandLine(["--threads", "-3"], example).values.threads, -3);
        assert.strictEqual(parseCommandLine(["--rule", "-x"], example).values.rule[0], "-x");
        assert.strictEqual(parseCommandLine(["--stack=--odd"], example).values.stack, "--odd");
    });

    it("-- ends the options: what follows is a positional even if it starts with - or --", () => {
        assert.deepStrictEqual(parseCommandLine(["--json", "--", "--stack", "-x"], example), {
            values: { stack: "dev", rule: [], json: true },
            positionals: ["--stack", "-x"],
        });
        assert.strictEqual(usageError(["--", "a", "b", "c"]), 'unexpected argument "c"');
    });

    it("with dashPositionals, -DEBUG is a positional (an excluded term), whole; --x still is an option", () => {
        const dashes = { ...example, dashPositionals: true } as const;
        assert.deepStrictEqual(parseCommandLine(["-DEBUG", "-", "--json"], dashes).positionals, ["-DEBUG", "-"]);
        assert.strictEqual(parseCommandLine(["-s", "prod"], dashes).values.stack, "prod");
        assert.strictEqual(usageError(["--DEBUG"], dashes), "unknown option --DEBUG");
    });

    it("the help lists the synopsis, arguments, every option with its value and default, and the epilogue", () => {
        const help = usageText(example);
        assert.match(help, /^Usage: trailwatch example \[FILE\.\.\.\]/);
        assert.match(help, /\nArguments:\n {2}FILE {2}A file\.\n/);
        assert.match(help, /\n {2}-s, --stack NAME +The stack\. Default: dev\.\n/);
        // A left column too wide for the others: the description starts on the next line.
        assert.match(help, /\n {2}--engine local\|duckdb\|athena\n {26}The engine\.\n/);
        assert.match(help, /\n {2}-h, --help +Show this help\.\n\nExit codes: 0 ok\.\n$/);
    });

    for (const definition of commandLines) {
        it(`trailwatch ${definition.command} --help lists every option it parses, and no line is over 120 columns`, async () => {
            const { code, stdout } = await runCli([definition.command, "--help"]);
            assert.strictEqual(code, 0);
            for (const option of definition.options) {
                assert.match(stdout, new RegExp(`^ {2}(?:-\\w, )?--${option.name}\\b`, "m"), `--${option.name}`);
                // Each option the help lists is one the parser knows: a flag, or one that needs its value.
                if (option.type === "boolean") parseCommandLine([`--${option.name}`], definition);
                else assert.strictEqual(usageError([`--${option.name}`], definition), `--${option.name} needs a value`);
            }
            for (const line of stdout.split("\n")) assert.ok(line.length <= 120, line);
            // Nor does its prose (description, arguments, epilogue) name a flag the command does not have.
            const known = new Set(["--help", ...definition.options.map((o) => `--${o.name}`)]);
            const named = [...new Set(stdout.match(/(?<![\w-])--[a-z][a-z-]*/g))];
            assert.deepStrictEqual(
                named.filter((f) => !known.has(f)),
                [],
            );
        });
    }
});

describe("trailwatch test-pattern: a PATTERN may start with - (an excluded term), without --", () => {
    it("'-DEBUG' is the pattern, not an unknown option", async () => {
        const { code, stdout } = await runCli(["test-pattern", "-DEBUG"], {
            stdin: "DEBUG starting\nERROR disk full\n",
        });
        assert.strictEqual(stdout, "ERROR disk full\n1 of 2 events matched\n");
        assert.strictEqual(code, 0);
    });
});
