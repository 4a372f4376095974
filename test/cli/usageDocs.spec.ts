import * as assert from "assert";
import * as path from "path";
import { commandLines, flagTable, flagTableSection } from "../../cli/usageDocs";
import { readMarkdownSection } from "../../scripts/markdownSections";
import { projectDir } from "../support/repositoryPaths";
import { runCli } from "../support/runCli";

describe("docs/cli.md: each command's flag table is generated from its option definitions", () => {
    const docs = path.join(projectDir, "docs", "cli.md");

    for (const definition of commandLines) {
        it(`trailwatch ${definition.command}: the table in docs/cli.md is the generated one`, () => {
            assert.strictEqual(
                readMarkdownSection(docs, flagTableSection(definition.command)),
                flagTable(definition),
                `docs/cli.md: the flag table of trailwatch ${definition.command} differs from its option definitions ` +
                    "(cli/commands/); run `npm run docs`",
            );
        });
    }

    it("covers every command `trailwatch --help` lists (a command added to cli/main.ts gets its table here)", async () => {
        const { stdout } = await runCli(["--help"]);
        const listed = [...stdout.matchAll(/^ {2}(\S+) {2,}/gm)].map((m) => m[1]);
        assert.deepStrictEqual(
            commandLines.map((c) => c.command),
            listed,
        );
    });

    it("every option is a row, with its value, default and description", () => {
        const backtest = commandLines.find((c) => c.command === "backtest")!;
        const table = flagTable(backtest);
        for (const option of backtest.options) assert.match(table, new RegExp(`^\\| \`--${option.name}\` \\|`, "m"));
        assert.match(table, /^\| `--max-records` \| `N` \| `250000` \| Most records one file may hold/m);
        assert.match(table, /^\| `--engine` \| `E` \| `local` \| .* One of `local`, `duckdb`, `athena`\./m);
    });
});
