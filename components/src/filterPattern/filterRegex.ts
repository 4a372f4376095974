import type { RE2JS } from "re2js";
import { FilterPatternError } from "./filterPatternError";
import { isAsciiAlphanumeric } from "./patternScanner";

/*
 * CloudWatch Logs' regex dialect, from "Supported regular expressions (regex) syntax", the regex
 * section of "Filter pattern syntax for metric filters, subscription filters, filter log events, and
 * Live Tail" (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/regex-expressions.html):
 *   "Filter patterns with regex can only include the following: Alphanumeric characters ...
 *    Supported symbol characters – These include: ':', '_', '#', '=', '@', '/', ';', ',', and '-'.
 *    For example, %something!% would be rejected since '!' is not supported. Supported operators –
 *    These include: '^', '$', '?', '[', ']', '{', '}', '|', '\', '*', '+', and '.'. The ( and )
 *    operators are not supported. You cannot use parentheses to define a subpattern. Multi-byte
 *    characters are not supported."
 * Its "Usage of supported operators" then documents exactly: `^` `$` anchors; `?` `*` `+` and
 * `{m, n}` ("Either m or n can be omitted") repeating "the preceding term"; `[]` classes with lists
 * and ranges (and `[^c]` in an example); `|`; `\` "to use the literal meaning of an operator";
 * `.`; `\d \D \s \S \w \W`; and `\xhh`, "the ASCII mapping for a two-digit hexadecimal character ...
 * You can use \xhh to match symbol characters that are not supported by the filter pattern".
 * A space is accepted too: the page's own example `%^starting|^initializing|^shutting down%` has one.
 * Its quotas (2 regexes per pattern, 5 regex patterns per log group) and the 1,024-character pattern
 * limit are in limits.ts.
 *
 * Everything else is rejected here, at its position: groups, backreferences, `\b`, `\n`, `\Q`, POSIX
 * and Unicode classes, lookaround, a symbol outside the list even when escaped (the page's answer
 * for those is \xhh), a repetition with nothing to repeat or of a repetition (`a**`).
 *
 * Evaluation is by RE2 (re2js, a port of Go's regexp), an automaton: time linear in the event's
 * length whatever the pattern, where a backtracking engine (JavaScript's RegExp) needs seconds to
 * forever for `%a*a*a*c%` or `%.*.*.*.*.*.*#%` on one ordinary event. The accepted dialect is
 * translated once to RE2 syntax in which every literal symbol is written `\xhh`, so no character
 * can change meaning between the two dialects (RE2's `[[:alpha:]]` POSIX classes, for instance).
 */

const SYMBOLS = new Set([":", "_", "#", "=", "@", "/", ";", ",", "-", " "]);
const OPERATORS = new Set(["^", "$", "?", "[", "]", "{", "}", "|", "\\", "*", "+", "."]);
const CLASS_ESCAPES = new Set(["d", "D", "s", "S", "w", "W"]);

/**
 * Most repetitions one regex may expand to (each term counted as often as its repetition's upper
 * bound, or its lower bound when there is none). RE2 itself refuses a count above 1000 in one
 * repetition; a pattern of many large repetitions (`%[^#]{1,1000}[^#]{1,1000}...%`) stays linear but
 * compiles to an automaton so big that one 1 KB event takes seconds. AWS documents no such limit:
 * this one is trailwatch's, far above what a real pattern needs (an IPv4 address is 12).
 */
export const MAX_REGEX_EXPANDED_TERMS = 1000;

let re2js: typeof import("re2js") | undefined;

/** RE2, loaded on first use: most patterns hold no regex, and loading it costs a process tens of milliseconds. */
function compileRe2(source: string): RE2JS {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    re2js ??= require("re2js") as typeof import("re2js");
    return re2js.RE2JS.compile(source);
}

/** A compiled filter-pattern regex: searches the text for a match anywhere, in linear time. */
export interface FilterRegex {
    test(text: string): boolean;
}

/**
 * Checks a regex body (the text between `%` signs) against the documented dialect and compiles it.
 * `percentIndex` is the 0-based index of the opening `%` in the pattern, for error positions.
 */
export function compileFilterRegex(source: string, percentIndex: number): FilterRegex {
    const fail = (i: number, reason: string): never => {
        throw new FilterPatternError(percentIndex + 1 + i + 1, reason);
    };
    const translated = translate(source, fail);
    if (translated.literal !== undefined) {
        // No operator at all: a substring search is the same test, and faster than any automaton.
        const literal = translated.literal;
        return { test: (text) => text.includes(literal) };
    }
    let re: RE2JS;
    try {
        re = compileRe2(translated.re2);
    } catch (err) {
        // Not expected (translate rejects what RE2 would), but an RE2 refusal must still be an error
        // about the pattern, not a crash.
        return fail(-1, `invalid regular expression: ${(err as Error).message.replace(/^error parsing regexp: /, "")}`);
    }
    return { test: (text) => re.test(text) };
}

interface Translation {
    /** The regex in RE2 syntax. */
    re2: string;
    /** The text itself when the regex has no operator (only literal characters). */
    literal: string | undefined;
}

type Fail = (i: number, reason: string) => never;

/** Describes a character for messages and suggests its `\xhh` spelling. */
function unsupportedCharacter(c: string, escaped: boolean): string {
    return `character ${JSON.stringify(c)} is not supported in a regular expression${escaped ? ", escaped or not" : ""}; match it with \\x${hex2(c)}`;
}

function hex2(c: string): string {
    return c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0");
}

/** `\xhh` for one ASCII character: never special in RE2, inside or outside a class. */
function re2Literal(c: string): string {
    return isAsciiAlphanumeric(c) ? c : `\\x${hex2(c)}`;
}

/**
 * Reads one escape (`source[i] === "\\"`) and returns its RE2 spelling, the literal character it
 * stands for (undefined for a class escape such as `\d`) and the index of its last character.
 */
function readEscape(source: string, i: number, fail: Fail): { re2: string; literal: string | undefined; end: number } {
    const next = source.charAt(i + 1);
    if (next === "") fail(i, "a regular expression cannot end with \\");
    if (next.charCodeAt(0) > 0x7f) fail(i + 1, "multi-byte characters are not supported in a regular expression");
    if (next === "(" || next === ")") {
        fail(
            i + 1,
            "parentheses are not supported in a regular expression; match a literal ( or ) with \\x28 or \\x29",
        );
    }
    if (CLASS_ESCAPES.has(next)) return { re2: `\\${next}`, literal: undefined, end: i + 1 };
    if (next === "x") {
        const hex = source.slice(i + 2, i + 4);
        if (!/^[0-9A-Fa-f]{2}$/.test(hex)) fail(i, "\\x must be followed by two hexadecimal digits, as in \\x3A");
        // "hh specifies the two hexadecimal digits (0-9 and A-F) which point to a character in the ASCII table"
        if (parseInt(hex, 16) > 0x7f) fail(i, `\\x${hex} is not an ASCII character (\\x00 to \\x7F)`);
        const c = String.fromCharCode(parseInt(hex, 16));
        return { re2: re2Literal(c), literal: c, end: i + 3 };
    }
    if (isAsciiAlphanumeric(next)) {
        fail(i, `unsupported escape \\${next}: supported are \\d \\D \\s \\S \\w \\W \\xhh and \\ before a symbol`);
    }
    // "\: Escape character, which allows you to use the literal meaning of an operator"; an
    // escaped supported symbol is that symbol. Any other character is unsupported escaped or not.
    if (!OPERATORS.has(next) && !SYMBOLS.has(next)) fail(i + 1, unsupportedCharacter(next, true));
    return { re2: re2Literal(next), literal: next, end: i + 1 };
}

/** Checks one plain (unescaped) character against the documented list. */
function checkPlainCharacter(c: string, i: number, fail: Fail): void {
    if (c.charCodeAt(0) > 0x7f) fail(i, "multi-byte characters are not supported in a regular expression");
    if (c === "(" || c === ")") {
        fail(
            i,
            "parentheses are not supported in a regular expression (no subpatterns); match a literal ( or ) with \\x28 or \\x29",
        );
    }
    if (!isAsciiAlphanumeric(c) && !SYMBOLS.has(c) && !OPERATORS.has(c)) fail(i, unsupportedCharacter(c, false));
}

/**
 * Reads a class `[...]` starting at `source[start] === "["`; returns its RE2 spelling and the index
 * of its closing `]`. A `]` right after `[` or `[^` is a member, as in most dialects (JavaScript
 * would read `[]` as an empty class). A `-` between two characters is a range; first or last, a
 * `-` is itself.
 */
function readClass(source: string, start: number, fail: Fail): { re2: string; end: number } {
    let i = start + 1;
    let out = "[";
    if (source.charAt(i) === "^") {
        out += "^";
        i++;
    }
    const firstMember = i;
    /** The previous member when it was a single character a range could start from. */
    let rangeStart: { c: string; at: number } | undefined;
    for (; i < source.length; i++) {
        const c = source.charAt(i);
        if (c === "]" && i !== firstMember) return { re2: out + "]", end: i };
        let member: { re2: string; literal: string | undefined; end: number };
        if (c === "\\") {
            member = readEscape(source, i, fail);
        } else {
            checkPlainCharacter(c, i, fail);
            member = { re2: re2Literal(c), literal: c, end: i };
        }
        const isRangeDash =
            c === "-" && rangeStart !== undefined && i + 1 < source.length && source.charAt(i + 1) !== "]";
        if (isRangeDash) {
            const from = rangeStart as { c: string; at: number };
            const hi = source.charAt(i + 1) === "\\" ? readEscape(source, i + 1, fail) : undefined;
            if (hi === undefined) checkPlainCharacter(source.charAt(i + 1), i + 1, fail);
            const toChar = hi === undefined ? source.charAt(i + 1) : hi.literal;
            if (toChar === undefined) fail(i + 1, "a range cannot end with a class such as \\d");
            const to = toChar;
            if (to < from.c) {
                fail(from.at, `range ${from.c}-${to} is out of order: its first character comes after its last`);
            }
            out += "-" + re2Literal(to);
            i = hi === undefined ? i + 1 : hi.end;
            rangeStart = undefined;
            continue;
        }
        out += member.re2;
        rangeStart = member.literal === undefined ? undefined : { c: member.literal, at: i };
        if (
            member.literal === undefined &&
            source.charAt(member.end + 1) === "-" &&
            source.charAt(member.end + 2) !== "]"
        ) {
            fail(member.end + 1, "a range cannot start with a class such as \\d; write - as \\- to match it");
        }
        i = member.end;
    }
    return fail(start, "unbalanced brackets: this [ is never closed in the regular expression");
}

function translate(source: string, fail: Fail): Translation {
    let re2 = "";
    let literal: string | undefined = "";
    /** Index of the term a repetition would apply to, or -1 when there is none (start, after | ^ $). */
    let termAt = -1;
    /** The previous item was a repetition (a `?` may still make it lazy, nothing else may follow). */
    let afterRepetition: "greedy" | "lazy" | undefined;
    let expanded = 0;
    const addTerms = (count: number, at: number): void => {
        expanded += count;
        if (expanded > MAX_REGEX_EXPANDED_TERMS) {
            fail(
                at,
                `the regular expression repeats too much: it expands to more than ${MAX_REGEX_EXPANDED_TERMS} terms, which trailwatch does not evaluate (lower the repetition counts)`,
            );
        }
    };
    const term = (i: number, text: string, lit: string | undefined): void => {
        re2 += text;
        literal = literal !== undefined && lit !== undefined ? literal + lit : undefined;
        termAt = i;
        afterRepetition = undefined;
        addTerms(1, i);
    };
    for (let i = 0; i < source.length; i++) {
        const c = source.charAt(i);
        if (c === "\\") {
            const e = readEscape(source, i, fail);
            term(i, e.re2, e.literal);
            i = e.end;
            continue;
        }
        checkPlainCharacter(c, i, fail);
        if (c === "[") {
            const cls = readClass(source, i, fail);
            term(i, cls.re2, undefined);
            i = cls.end;
            continue;
        }
        if (c === "}") fail(i, "} without a { before it; match a literal } with \\}");
        if (c === "*" || c === "+" || c === "?" || c === "{") {
            if (c === "?" && afterRepetition === "greedy") {
                // `a*?`: the lazy form. For a yes/no match it is the same test as `a*`.
                re2 += "?";
                afterRepetition = "lazy";
                continue;
            }
            let text = c;
            let count = 1;
            let end = i;
            if (c === "{") {
                const m = /^\{ *(\d*) *(?:(,) *(\d*) *)?\}/.exec(source.slice(i));
                if (m === null || (m[1] === "" && (m[2] === undefined || m[3] === ""))) {
                    fail(i, "{ must start a repetition {m}, {m,n}, {m,} or {,n}; match a literal { with \\{");
                }
                const [whole, min, comma, max] = m;
                const lo = Number(min || "0");
                const hi = comma === undefined ? lo : max === "" ? undefined : Number(max);
                if (hi !== undefined && lo > hi) fail(i, `repetition ${whole} has its minimum above its maximum`);
                // RE2's own limit ("invalid repeat count"); AWS documents none.
                if (lo > 1000 || (hi ?? 0) > 1000)
                    fail(i, `repetition ${whole} counts above 1000, the most trailwatch evaluates`);
                text = comma === undefined ? `{${lo}}` : `{${lo},${hi ?? ""}}`;
                count = Math.max(1, hi ?? lo);
                end = i + whole.length - 1;
            }
            if (afterRepetition !== undefined) {
                fail(
                    i,
                    `${source.slice(i, end + 1)} repeats a repetition; a repetition applies to one character, class or escape`,
                );
            }
            if (termAt < 0) {
                fail(i, `${source.slice(i, end + 1)} has nothing to repeat; match a literal ${c} with \\${c}`);
            }
            addTerms(count - 1, i);
            re2 += text;
            literal = undefined;
            afterRepetition = "greedy";
            i = end;
            continue;
        }
        if (c === "|" || c === "^" || c === "$") {
            re2 += c;
            literal = undefined;
            termAt = -1;
            afterRepetition = undefined;
            continue;
        }
        if (c === ".") {
            term(i, ".", undefined);
            continue;
        }
        term(i, re2Literal(c), c);
    }
    return { re2, literal };
}
