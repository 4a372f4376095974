import { parseArgs } from "node:util";
import { UsageError } from "./command";

/**
 * One option of a command, declared once: the parser, `trailwatch <command> --help` and the flag table of
 * docs/cli.md are all made from it.
 */
export interface OptionDefinition {
    /** The long name, without `--`: `stack` for `--stack`. */
    readonly name: string;
    /** A one-letter alias, without `-`. */
    readonly short?: string;
    /**
     * `boolean`: a flag without a value (false unless given). `string`: one value. `integer`: one whole number from
     * `min` to `max` (a usage error naming the flag otherwise).
     */
    readonly type: "boolean" | "string" | "integer";
    /** A flag that takes a value and may be given more than once (`--rule a --rule b`); its values in order. */
    readonly multiple?: boolean;
    /** The placeholder of the value in the help and the docs: `NAME` in `--stack NAME`. */
    readonly valueName?: string;
    /** The value when the flag is not given; shown in the help and the docs. */
    readonly default?: string | number;
    /** How the default reads when it is not one fixed value (e.g. "one per core"); shown instead of `default`. */
    readonly defaultText?: string;
    /** The values a `string` flag accepts; any other is a usage error listing them. */
    readonly choices?: readonly string[];
    /** Bounds of an `integer` flag (default 1 and `Number.MAX_SAFE_INTEGER`). */
    readonly min?: number;
    readonly max?: number;
    /** What it does: one or more sentences, for the help and the docs. */
    readonly description: string;
    /** More, only in the docs' table (e.g. the fields of a JSON document), where there is room for it. */
    readonly details?: string;
}

/** A command's command line, declared as data: what `parseCommandLine` accepts and `usageText` prints. */
export interface CommandLineDefinition {
    /** The command's word after `trailwatch`. */
    readonly command: string;
    /** The synopsis lines, without `Usage: `, each starting with `trailwatch <command>`. */
    readonly synopsis: readonly string[];
    /** What the command does, a paragraph (or more) after the synopsis. */
    readonly description: string;
    /** The `Arguments:` section (already laid out), when the command takes positionals. */
    readonly arguments?: string;
    /** Positionals the command takes at most (default: none, so any is a usage error naming it). */
    readonly maxPositionals?: number;
    /**
     * Arguments starting with a single `-` are positionals (test-pattern's `-DEBUG` excluded term, a template
     * starting with `-`), not unknown options. Arguments starting with `--` still need `--` before them.
     */
    readonly dashPositionals?: boolean;
    /** What `--` (which always ends the options) is for in this command, for the help and the docs. */
    readonly endOfOptions?: string;
    readonly options: readonly OptionDefinition[];
    /** Text after the options: output, exit codes. */
    readonly epilogue?: string;
}

type OptionValue<D extends OptionDefinition> = D extends { type: "boolean" }
    ? boolean
    : D extends { multiple: true }
      ? D extends { type: "integer" }
          ? number[]
          : string[]
      : D extends { type: "integer" }
        ? number
        : D extends { choices: readonly (infer C)[] }
          ? C
          : string;

/** The parsed values, by option name: booleans false and lists empty when not given; others their default. */
export type OptionValues<Ds extends readonly OptionDefinition[]> = {
    -readonly [D in Ds[number] as D["name"]]: D extends { type: "boolean" } | { multiple: true } | { default: unknown }
        ? OptionValue<D>
        : OptionValue<D> | undefined;
};

export interface ParsedCommandLine<Ds extends readonly OptionDefinition[]> {
    values: OptionValues<Ds>;
    positionals: string[];
}

/** `--name` (and `-s`) of an option, as the help and the errors name it. */
export function flagName(option: OptionDefinition): string {
    return `--${option.name}`;
}

function integerValue(option: OptionDefinition, value: string): number {
    const min = option.min ?? 1;
    const max = option.max ?? Number.MAX_SAFE_INTEGER;
    const n = /^-?\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max || (value.length > 1 && /^-?0/.test(value))) {
        throw new UsageError(`${flagName(option)}: expected a whole number from ${min} to ${max}, got "${value}"`);
    }
    return n;
}

/** `a, b or c`. */
function listing(words: readonly string[]): string {
    return words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}

function checkedValue(option: OptionDefinition, value: string): string | number {
    if (option.type === "integer") return integerValue(option, value);
    if (option.choices !== undefined && !option.choices.includes(value)) {
        throw new UsageError(`${flagName(option)}: expected ${listing(option.choices)}, got "${value}"`);
    }
    return value;
}

/**
 * Parses a command's arguments with `node:util` `parseArgs` against its declared options. Its tokens are checked
 * here rather than by `strict` mode so that each usage error keeps the wording users know and names the flag:
 * `unknown option --x`, `--x needs a value`, `--x takes no value`, `--x given twice ("a" and "b"); give it once`,
 * `--x: expected ...`, `unexpected argument "y"`. A value may start with `-` (`--threads -1` is a bad number, not a
 * missing one) but not with `--` unless given as `--name=--value`: `--stack --json` forgot the stack's name.
 */
export function parseCommandLine<const Ds extends readonly OptionDefinition[]>(
    argv: readonly string[],
    definition: CommandLineDefinition & { options: Ds },
): ParsedCommandLine<Ds> {
    const byName = new Map(definition.options.map((o) => [o.name, o]));
    const parseOptions: Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }> = {};
    for (const o of definition.options) {
        parseOptions[o.name] = {
            type: o.type === "boolean" ? "boolean" : "string",
            ...(o.short && { short: o.short }),
        };
    }
    const { tokens } = parseArgs({
        args: [...argv],
        options: parseOptions,
        strict: false,
        allowPositionals: true,
        tokens: true,
    });

    const values: Record<string, unknown> = {};
    for (const o of definition.options) {
        if (o.type === "boolean") values[o.name] = false;
        else if (o.multiple) values[o.name] = [];
        else if (o.default !== undefined) values[o.name] = o.default;
    }
    const given = new Map<string, string>();
    const positionals: string[] = [];
    let groupIndex = -1; // a short group (`-abc`) is one token per letter, each with the argument's index
    for (const token of tokens) {
        if (token.kind === "positional") {
            positionals.push(token.value);
            continue;
        }
        if (token.kind === "option-terminator") continue;
        const short = !token.rawName.startsWith("--");
        // parseArgs names a declared short option's token by its long name, an unknown one by its letter.
        const named = byName.get(token.name);
        const option = short ? (named?.short === undefined ? undefined : named) : named;
        if (option === undefined) {
            if (short && definition.dashPositionals) {
                if (token.index !== groupIndex) positionals.push(argv[token.index]);
                groupIndex = token.index;
                continue;
            }
            throw new UsageError(`unknown option ${short ? argv[token.index] : token.rawName}`);
        }
        const flag = flagName(option);
        if (option.type === "boolean") {
            if (token.inlineValue) throw new UsageError(`${flag} takes no value`);
            values[option.name] = true;
            continue;
        }
        const value = token.value;
        if (value === undefined || value === "" || (!token.inlineValue && value.startsWith("--"))) {
            throw new UsageError(`${flag} needs a value`);
        }
        if (option.multiple) {
            (values[option.name] as unknown[]).push(checkedValue(option, value));
            continue;
        }
        const previous = given.get(option.name);
        if (previous !== undefined) {
            throw new UsageError(`${flag} given twice ("${previous}" and "${value}"); give it once`);
        }
        given.set(option.name, value);
        values[option.name] = checkedValue(option, value);
    }
    const extra = positionals[definition.maxPositionals ?? 0];
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    return { values: values as unknown as OptionValues<Ds>, positionals };
}

/** How the option's default reads, or undefined when it has none worth saying (booleans, lists). */
export function defaultText(option: OptionDefinition): string | undefined {
    return option.defaultText ?? (option.default === undefined ? undefined : String(option.default));
}

/** The option as the help's left column shows it: `-s, --stack NAME`. */
function optionSynopsis(option: OptionDefinition): string {
    const value = option.type === "boolean" ? "" : ` ${option.valueName ?? option.choices?.join("|") ?? "VALUE"}`;
    return `${option.short ? `-${option.short}, ` : ""}${flagName(option)}${value}`;
}

/** `text` in lines of at most `width` characters (words longer than that stay whole). */
function wrap(text: string, width: number): string[] {
    const lines: string[] = [];
    let line = "";
    for (const word of text.split(/\s+/).filter(Boolean)) {
        if (line !== "" && line.length + 1 + word.length > width) {
            lines.push(line);
            line = word;
        } else line = line === "" ? word : `${line} ${word}`;
    }
    if (line !== "") lines.push(line);
    return lines;
}

/** The width of the help text: as the hand-written usage texts were. */
const helpWidth = 104;

/** The `trailwatch <command> --help` text: synopsis, description, arguments, every option, then the epilogue. */
export function usageText(definition: CommandLineDefinition): string {
    const rows: [string, string][] = definition.options.map((o) => {
        const dflt = defaultText(o);
        return [optionSynopsis(o), dflt === undefined ? o.description : `${o.description} Default: ${dflt}.`];
    });
    if (definition.endOfOptions !== undefined) rows.push(["--", definition.endOfOptions]);
    rows.push(["-h, --help", "Show this help."]);
    const column = Math.min(Math.max(...rows.map(([left]) => left.length)) + 2, 24);
    const optionLines = rows.flatMap(([left, text]) => {
        const body = wrap(text, helpWidth - 2 - column);
        const first = left.length + 2 <= column ? [`  ${left.padEnd(column)}${body.shift() ?? ""}`] : [`  ${left}`];
        return [...first, ...body.map((l) => `  ${" ".repeat(column)}${l}`)].map((l) => l.trimEnd());
    });
    const [first, ...more] = definition.synopsis;
    const parts = [
        [`Usage: ${first}`, ...more.map((s) => `       ${s}`)].join("\n"),
        definition.description.trim(),
        ...(definition.arguments === undefined ? [] : [`Arguments:\n${definition.arguments.replace(/\n+$/, "")}`]),
        `Options:\n${optionLines.join("\n")}`,
        ...(definition.epilogue === undefined ? [] : [definition.epilogue.trim()]),
    ];
    return `${parts.join("\n\n")}\n`;
}
