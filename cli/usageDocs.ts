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
    return rows.join("\n");
}

/** The name of a command's generated flag table in docs/cli.md: `<!-- flags:<command>:start -->` ... `:end -->`. */
export function flagTableSection(command: string): string {
    return `flags:${command}`;
}
