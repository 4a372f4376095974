import { FilterPatternError } from "./filterPatternError";
import { isAsciiAlphanumeric } from "./patternScanner";

/*
 * CloudWatch Logs' regex dialect, from "Supported regular expressions (regex) syntax"
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html):
 *   "Filter patterns with regex can only include the following: Alphanumeric characters ...
 *    Supported symbol characters – These include: ':', '_', '#', '=', '@', '/', ';', ',', and '-'.
 *    ... Supported operators – These include: '^', '$', '?', '[', ']', '{', '}', '|', '\', '*', '+',
 *    and '.'. The ( and ) operators are not supported. ... Multi-byte characters are not supported."
 * plus `\d \D \s \S \w \W`, `\xhh`, and `{m, n}` where "Either m or n can be omitted".
 * A space is allowed too: the page's own example `%^starting|^initializing|^shutting down%` has one.
 *
 * Anything outside that list is rejected here rather than guessed at, and the accepted dialect is
 * translated to an equivalent JavaScript RegExp once, at parse time.
 */

const SYMBOLS = new Set([":", "_", "#", "=", "@", "/", ";", ",", "-", " "]);
const OPERATORS = new Set(["^", "$", "?", "[", "]", "{", "}", "|", "\\", "*", "+", "."]);
const CLASS_ESCAPES = new Set(["d", "D", "s", "S", "w", "W"]);

/**
 * Checks a regex body (the text between `%` signs) against the documented dialect and compiles it.
 * `percentIndex` is the 0-based index of the opening `%` in the pattern, for error positions.
 */
export function compileFilterRegex(source: string, percentIndex: number): RegExp {
    const fail = (i: number, reason: string): never => {
        throw new FilterPatternError(percentIndex + 1 + i + 1, reason);
    };
    let out = "";
    let inClass = false;
    let classStart = -1;
    for (let i = 0; i < source.length; i++) {
        const c = source.charAt(i);
        if (c.charCodeAt(0) > 0x7f) fail(i, "multi-byte characters are not supported in a regular expression");
        if (c === "(" || c === ")") {
            fail(
                i,
                "parentheses are not supported in a regular expression (no subpatterns); match a literal ( or ) with \\x28 or \\x29",
            );
        }
        if (c === "\\") {
            const next = source.charAt(i + 1);
            if (next === "") fail(i, "a regular expression cannot end with \\");
            if (next.charCodeAt(0) > 0x7f)
                fail(i + 1, "multi-byte characters are not supported in a regular expression");
            if (next === "(" || next === ")") {
                fail(
                    i + 1,
                    "parentheses are not supported in a regular expression; match a literal ( or ) with \\x28 or \\x29",
                );
            }
            if (CLASS_ESCAPES.has(next)) {
                out += c + next;
                i++;
            } else if (next === "x") {
                const hex = source.slice(i + 2, i + 4);
                if (!/^[0-9A-Fa-f]{2}$/.test(hex))
                    fail(i, "\\x must be followed by two hexadecimal digits, as in \\x3A");
                out += "\\x" + hex;
                i += 3;
            } else if (isAsciiAlphanumeric(next)) {
                fail(
                    i,
                    `unsupported escape \\${next}: supported are \\d \\D \\s \\S \\w \\W \\xhh and \\ before a symbol`,
                );
            } else {
                // An escaped symbol is that symbol literally; JavaScript agrees for every ASCII symbol.
                out += c + next;
                i++;
            }
            continue;
        }
        if (!isAsciiAlphanumeric(c) && !SYMBOLS.has(c) && !OPERATORS.has(c)) {
            fail(
                i,
                `character ${JSON.stringify(c)} is not supported in a regular expression; match it with \\x${hex2(c)}`,
            );
        }
        if (inClass) {
            // `[]...]` and `[^]...]`: a `]` first in a class is a member, not the end (JavaScript
            // would read `[]` as an empty class).
            const first = i === classStart + 1 || (i === classStart + 2 && source.charAt(classStart + 1) === "^");
            if (c === "]" && !first) inClass = false;
            out += c === "]" && first ? "\\]" : c;
            continue;
        }
        if (c === "[") {
            inClass = true;
            classStart = i;
            out += c;
            continue;
        }
        if (c === "{") {
            const m = /^\{ *(\d*) *(?:(,) *(\d*) *)?\}/.exec(source.slice(i));
            if (m === null || (m[1] === "" && (m[2] === undefined || m[3] === ""))) {
                fail(i, "{ must start a repetition {m}, {m,n}, {m,} or {,n}; match a literal { with \\{");
            }
            const [whole, min, comma, max] = m as RegExpExecArray;
            if (comma !== undefined && max !== "" && Number(min || "0") > Number(max)) {
                fail(i, `repetition ${whole} has its minimum above its maximum`);
            }
            out += comma === undefined ? `{${min}}` : `{${min || "0"},${max}}`;
            i += whole.length - 1;
            continue;
        }
        if (c === "}") fail(i, "} without a { before it; match a literal } with \\}");
        out += c;
    }
    if (inClass) fail(classStart, "unbalanced brackets: this [ is never closed in the regular expression");
    try {
        return new RegExp(out);
    } catch (err) {
        // "Invalid regular expression: /a**/: Nothing to repeat" -> "nothing to repeat"
        const detail = (err as Error).message.split(": ").pop() ?? "";
        return fail(-1, `invalid regular expression: ${detail.charAt(0).toLowerCase()}${detail.slice(1)}`);
    }
}

function hex2(c: string): string {
    return c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0");
}
