import * as fs from "fs";
import * as path from "path";
import { CommandLineDefinition, OptionDefinition, defaultText, flagName } from "./commandLine";
import { backtestCommandLine } from "./commands/backtest";
import { checkCommandLine } from "./commands/check";
import { drillCommandLine } from "./commands/drill";
import { renderCommandLine } from "./commands/render";
import { sqlCommandLine } from "./commands/sql";
import { testPatternCommandLine } from "./commands/testPattern";

/** Every command's command line, in the order docs/cli.md describes them. */
export const commandLines: readonly CommandLineDefinition[] = [
    checkCommandLine,
    testPatternCommandLine,
    renderCommandLine,
    backtestCommandLine,
    drillCommandLine,
    sqlCommandLine,
];

/** Text safe in one cell of a markdown table. */
function cell(text: string): string {
    return text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
}

/** One option as a row of the flag table: flag, value, default, description (and the docs-only details). */
function optionRow(option: OptionDefinition): string {
    const flag = `\`${option.short ? `-${option.short}, ` : ""}${flagName(option)}\``;
    const value = option.type === "boolean" ? "" : `\`${option.valueName ?? option.choices?.join("|") ?? "VALUE"}\``;
    const dflt = defaultText(option);
    const text = [
        option.description,
        option.choices === undefined ? "" : `One of ${option.choices.map((c) => `\`${c}\``).join(", ")}.`,
        option.details ?? "",
    ]
        .filter(Boolean)
        .join(" ");
    const defaultCell = dflt === undefined ? "" : option.defaultText === undefined ? `\`${dflt}\`` : dflt;
    return `| ${flag} | ${value} | ${cell(defaultCell)} | ${cell(text)} |`;
}

/** The flag table of docs/cli.md for one command: every option, then `--` when the command describes it. */
export function flagTable(definition: CommandLineDefinition): string {
    const rows = [
        "| flag | value | default | description |",
        "| --- | --- | --- | --- |",
        ...definition.options.map(optionRow),
        ...(definition.endOfOptions === undefined ? [] : [`| \`--\` |  |  | ${cell(definition.endOfOptions)} |`]),
    ];
    return `${rows.join("\n")}\n`;
}

/** The markers around a command's generated flag table in docs/cli.md. */
export function flagTableMarkers(command: string): { start: string; end: string } {
    return { start: `<!-- flags:${command}:start -->`, end: `<!-- flags:${command}:end -->` };
}

/** What `npm run docs` runs to regenerate the flag tables, named in the drift test's message. */
export const regenerateCommand = "npm run docs";

/** The generated table of `command` as `markdown` holds it between its markers; throws when the markers are missing. */
export function currentFlagTable(markdown: string, command: string): string {
    const { start, end } = flagTableMarkers(command);
    const from = markdown.indexOf(start);
    const to = markdown.indexOf(end);
    if (from < 0 || to < from) throw new Error(`no ${start} ... ${end} markers for trailwatch ${command}`);
    return markdown.slice(from + start.length, to).replace(/^\n/, "");
}

/** `markdown` with every command's flag table regenerated between its markers. */
export function withFlagTables(markdown: string, definitions = commandLines): string {
    let result = markdown;
    for (const definition of definitions) {
        const { start, end } = flagTableMarkers(definition.command);
        const from = result.indexOf(start);
        const to = result.indexOf(end);
        if (from < 0 || to < from)
            throw new Error(`no ${start} ... ${end} markers for trailwatch ${definition.command}`);
        result = `${result.slice(0, from + start.length)}\n${flagTable(definition)}${result.slice(to)}`;
    }
    return result;
}

/** `npm run docs`: regenerates the flag tables of the CLI reference at `file` (docs/cli.md) in place. */
export function regenerateCliReference(file: string): void {
    fs.writeFileSync(file, withFlagTables(fs.readFileSync(file, "utf8")));
    console.log(`${path.basename(file)}: flag tables regenerated (${commandLines.length} commands)`);
}
