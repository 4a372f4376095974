import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { currentFlagTable, flagTable, regenerateCommand, withFlagTables, commandLines } from "../../cli/usageDocs";
import { projectDir } from "../support/repositoryPaths";

describe("docs/cli.md: each command's flag table is generated from its option definitions", () => {
    const docs = fs.readFileSync(path.join(projectDir, "docs", "cli.md"), "utf8");

    for (const definition of commandLines) {
        it(`trailwatch ${definition.command}: the table in docs/cli.md is the generated one`, () => {
            assert.strictEqual(
                currentFlagTable(docs, definition.command),
                flagTable(definition),
                `docs/cli.md: the flag table of trailwatch ${definition.command} differs from its option definitions ` +
                    `(cli/commands/); run \`${regenerateCommand}\``,
            );
        });
    }

    it("every option is a row, with its value, default and description; regenerating changes nothing else", () => {
        const backtest = commandLines.find((c) => c.command === "backtest")!;
        const table = flagTable(backtest);
        for (const option of backtest.options) assert.match(table, new RegExp(`^\\| \`--${option.name}\` \\|`, "m"));
        assert.match(table, /^\| `--max-records` \| `N` \| `250000` \| Most records one file may hold/m);
        assert.match(table, /^\| `--engine` \| `E` \| `local` \| .* One of `local`, `duckdb`, `athena`\./m);
        assert.strictEqual(withFlagTables(docs), docs);
    });

    it("a missing marker names the command", () => {
        assert.throws(
            () => withFlagTables("# no tables\n"),
            /no <!-- flags:check:start --> \.\.\. <!-- flags:check:end --> markers for trailwatch check/,
        );
    });
});
