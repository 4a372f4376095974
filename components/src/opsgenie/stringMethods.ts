import { compileJavaDateFormat, defaultJavaDateFormat, formatJavaDate, parseTimestamp } from "./javaDateFormat";
import { execTemplateRegex } from "./templateRegex";
import { TemplateArgument } from "./templateSyntax";

/**
 * The string processing methods Opsgenie documents for templates, with the behaviour the documentation gives, and a
 * stated choice wherever it says nothing:
 *
 * - `extract(/re/)` returns the first capture group of the first match (Java `Matcher.find()`, i.e. anywhere in
 *   the text). Undocumented, chosen here: with no capture group it returns the whole match; when the expression
 *   matches nothing, or the group takes no part in the match, the result is EMPTY TEXT and the renderer reports a
 *   warning. Opsgenie's one documented failure value is the text "null" after a 10-second regex timeout; the preview
 *   stops a match much sooner and throws `TemplateRegexTimeoutError` (see `templateRegex.ts`). Generated templates never depend on this choice: their expressions match every alarm
 *   message of every era in the reference corpus.
 * - `substring(from[, to])`: `from` included, `to` excluded (documented). Java throws on indices outside the text;
 *   chosen here: indices are clamped to the text and a warning is reported.
 * - `substringAfter`, `substringBefore`, `substringBetween` carry the names and, for the found case, the documented
 *   behaviour of Apache Commons Lang's `StringUtils`; its not-found results are used: after → empty, before → the
 *   whole text, between → no value (empty, with a warning).
 * - `toDate([format])`: a timestamp (epoch milliseconds, or ISO 8601 as SNS and CloudWatch write it) formatted with
 *   a Java `SimpleDateFormat` pattern in GMT, default `yyyy-MM-dd HH:mm:ss ZZZ` (documented). Text that is not a
 *   timestamp renders as empty text with a warning (undocumented; chosen).
 * - `toLowerCase()`, `toUpperCase()` (documented).
 */
export interface StringMethod {
    /** The method name as written in templates. */
    name: string;
    /** How it is called, for messages: `substring(from[, to])`. */
    signature: string;
    /** Kinds of the parameters, in order. */
    params: TemplateArgument["kind"][];
    /** How many of the parameters (at the end) may be left out. */
    optional: number;
    /**
     * Checks arguments beyond their kinds (a date format's letters); returns the problem and the index inside the
     * argument's text where it is, or undefined.
     */
    check?(args: TemplateArgument[]): { arg: number; index: number; reason: string } | undefined;
    /** Applies the method; `warn` reports an undocumented situation that was resolved by a stated choice. */
    apply(value: string, args: TemplateArgument[], warn: (message: string) => void): string;
}

function str(arg: TemplateArgument): string {
    return arg.kind === "string" ? arg.value : "";
}

function int(arg: TemplateArgument): number {
    return arg.kind === "integer" ? arg.value : 0;
}

const methods: StringMethod[] = [
    {
        name: "extract",
        signature: "extract(/regular expression/)",
        params: ["regex"],
        optional: 0,
        apply(value, [arg], warn) {
            if (arg.kind !== "regex") return "";
            const match = execTemplateRegex(arg.regex, value);
            if (match === null) {
                warn(`extract(/${arg.source}/) matched nothing: rendered as empty text`);
                return "";
            }
            if (match.length === 1) return match[0] ?? "";
            if (match[1] === undefined) {
                warn(`extract(/${arg.source}/): the group took no part in the match: rendered as empty text`);
                return "";
            }
            return match[1];
        },
    },
    {
        name: "substring",
        signature: "substring(from[, to])",
        params: ["integer", "integer"],
        optional: 1,
        apply(value, args, warn) {
            const from = int(args[0]);
            const to = args.length > 1 ? int(args[1]) : value.length;
            if (from < 0 || to > value.length || from > to) {
                warn(
                    `substring(${args.map(int).join(", ")}) is outside the text (length ${value.length}): indices clamped`,
                );
            }
            const start = Math.min(Math.max(from, 0), value.length);
            const end = Math.min(Math.max(to, start), value.length);
            return value.slice(start, end);
        },
    },
    {
        name: "substringAfter",
        signature: 'substringAfter("text")',
        params: ["string"],
        optional: 0,
        apply(value, [arg]) {
            const at = value.indexOf(str(arg));
            return at < 0 ? "" : value.slice(at + str(arg).length);
        },
    },
    {
        name: "substringBefore",
        signature: 'substringBefore("text")',
        params: ["string"],
        optional: 0,
        apply(value, [arg]) {
            if (str(arg) === "") return "";
            const at = value.indexOf(str(arg));
            return at < 0 ? value : value.slice(0, at);
        },
    },
    {
        name: "substringBetween",
        signature: 'substringBetween("from", "to")',
        params: ["string", "string"],
        optional: 0,
        apply(value, [open, close], warn) {
            const start = value.indexOf(str(open));
            const end = start < 0 ? -1 : value.indexOf(str(close), start + str(open).length);
            if (end < 0) {
                warn(
                    `substringBetween(${JSON.stringify(str(open))}, ${JSON.stringify(str(close))}) found no such text: rendered as empty text`,
                );
                return "";
            }
            return value.slice(start + str(open).length, end);
        },
    },
    {
        name: "toLowerCase",
        signature: "toLowerCase()",
        params: [],
        optional: 0,
        apply: (value) => value.toLowerCase(),
    },
    {
        name: "toUpperCase",
        signature: "toUpperCase()",
        params: [],
        optional: 0,
        apply: (value) => value.toUpperCase(),
    },
    {
        name: "toDate",
        signature: 'toDate(["format"])',
        params: ["string"],
        optional: 1,
        check(args) {
            if (args.length === 0) return undefined;
            try {
                compileJavaDateFormat(str(args[0]));
            } catch (err) {
                const e = err as { index: number; reason: string };
                return { arg: 0, index: e.index, reason: e.reason };
            }
            return undefined;
        },
        apply(value, args, warn) {
            const date = parseTimestamp(value);
            if (date === undefined) {
                warn(`toDate(): ${JSON.stringify(value.slice(0, 40))} is not a timestamp: rendered as empty text`);
                return "";
            }
            return formatJavaDate(date, compileJavaDateFormat(args.length > 0 ? str(args[0]) : defaultJavaDateFormat));
        },
    },
];

/** Every method a template may call, by name. */
export const stringMethods: ReadonlyMap<string, StringMethod> = new Map(methods.map((m) => [m.name, m]));
