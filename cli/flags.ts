import { UsageError } from "./command";

/** Parsed command-line flags: `--name value`, `--name=value`, repeatable strings, booleans, positionals. */
export interface ParsedFlags {
    strings: Record<string, string | undefined>;
    lists: Record<string, string[]>;
    booleans: Record<string, boolean>;
    positional: string[];
}

/** Which flags a command takes; anything else is a usage error naming the flag. */
export interface FlagSpec {
    /** Flags that take one value; given twice, a usage error (which one was meant cannot be guessed). */
    string?: string[];
    /** Flags that take a value and may be repeated. */
    list?: string[];
    /** Flags without a value. */
    boolean?: string[];
}

/** Parses `argv` against `spec`; `--` ends the flags. Throws a `UsageError` naming an unknown or incomplete flag. */
export function parseFlags(argv: string[], spec: FlagSpec): ParsedFlags {
    const result: ParsedFlags = { strings: {}, lists: {}, booleans: {}, positional: [] };
    for (const b of spec.boolean ?? []) result.booleans[b] = false;
    for (const l of spec.list ?? []) result.lists[l] = [];
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === "--") {
            result.positional.push(...argv.slice(i + 1));
            break;
        }
        if (!arg.startsWith("--") || arg === "-") {
            result.positional.push(arg);
            continue;
        }
        const eq = arg.indexOf("=");
        const name = arg.slice(2, eq < 0 ? undefined : eq);
        const takesValue = (spec.string ?? []).includes(name) || (spec.list ?? []).includes(name);
        if ((spec.boolean ?? []).includes(name)) {
            if (eq >= 0) throw new UsageError(`--${name} takes no value`);
            result.booleans[name] = true;
            continue;
        }
        if (!takesValue) throw new UsageError(`unknown option --${name}`);
        let value: string | undefined;
        if (eq >= 0) value = arg.slice(eq + 1);
        else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) value = argv[++i];
        if (value === undefined || value === "") throw new UsageError(`--${name} needs a value`);
        if ((spec.list ?? []).includes(name)) result.lists[name].push(value);
        else result.strings[name] = singleValue(result.strings[name], `--${name}`, value);
    }
    return result;
}

/**
 * The value of a flag that takes one value, given now as `value` after `previous` (undefined the first time): a flag
 * given twice (`--stack dev --stack prod`) is a usage error, since which one was meant cannot be guessed.
 */
export function singleValue(previous: string | undefined, flag: string, value: string): string {
    if (previous !== undefined)
        throw new UsageError(`${flag} given twice ("${previous}" and "${value}"); give it once`);
    return value;
}
