import { FilterComparisonOperator, FilterValueAst } from "./ast";
import { compileFilterRegex } from "./filterRegex";
import { NUMBER } from "./parseValue";

/*
 * How one selected value is compared, decided once per comparison at parse time.
 *
 * - Strings: exact and case-sensitive ("The items in the JSON log event data must exactly match");
 *   a `*` at the start or end is a wildcard ("*Event will match PutEvent and GetEvent. Event* will
 *   match EventId and EventName. Ev*ent will only match the actual string Ev*ent." — 2018–2021
 *   revisions of the syntax page). Numbers and booleans are compared by their text, which is what
 *   makes the documented `{ $.latency = * }` match a numeric latency.
 * - Numbers (a bare NUMBER after the operator): numeric comparison with a JSON number or with a
 *   string that is itself a NUMBER (space-delimited fields are always strings).
 * - Regex: searched anywhere in the value's text (`{ $.eventType = %Trail% }` matches "UpdateTrail").
 * - Objects, arrays, null and absent properties never satisfy a comparison, `=` and `!=` alike
 *   ("both {$.users = 1} and {$.users != 1} will fail to match a log event where users is an
 *   array"; an absent property fails `!=` in the console's test, see
 *   https://github.com/DataBiosphere/azul/issues/5884). Use IS NULL / NOT EXISTS for those.
 */

/** A selector found nothing. */
export const MISSING: unique symbol = Symbol("missing");

/** A string value as the evaluator reads it: leading and trailing `*` are wildcards around the `core` text. */
export interface WildcardText {
    core: string;
    leading: boolean;
    trailing: boolean;
}

/** Splits a string value into its wildcards and core (the SQL translator reads values the same way). */
export function parseWildcardText(text: string): WildcardText {
    let start = 0;
    let end = text.length;
    while (start < end && text.charAt(start) === "*") start++;
    while (end > start && text.charAt(end - 1) === "*") end--;
    return { core: text.slice(start, end), leading: start > 0, trailing: end < text.length };
}

/** Builds the string test for a value with optional leading/trailing `*` wildcards. */
export function compileWildcardString(text: string): (s: string) => boolean {
    const { core, leading, trailing } = parseWildcardText(text);
    if (core === "") return leading || trailing ? () => true : (s) => s === "";
    if (leading && trailing) return (s) => s.includes(core);
    if (leading) return (s) => s.endsWith(core);
    if (trailing) return (s) => s.startsWith(core);
    return (s) => s === core;
}

function compileNumberTest(op: FilterComparisonOperator, n: number): (x: number) => boolean {
    switch (op) {
        case "=":
            return (x) => x === n;
        case "!=":
            return (x) => x === x && x !== n; // x === x excludes NaN: a non-number is not "not equal"
        case "<":
            return (x) => x < n;
        case ">":
            return (x) => x > n;
        case "<=":
            return (x) => x <= n;
        case ">=":
            return (x) => x >= n;
    }
}

/** The text of a scalar JSON value, or undefined for null, objects, arrays and MISSING. */
export function scalarText(v: unknown): string | undefined {
    switch (typeof v) {
        case "string":
            return v;
        case "number":
            return String(v);
        case "boolean":
            return v ? "true" : "false";
        default:
            return undefined;
    }
}

function numericValue(v: unknown): number {
    if (typeof v === "number") return v;
    if (typeof v === "string" && NUMBER.test(v)) return Number(v);
    return NaN;
}

/** Compiles `operator value` into a test of one value picked by a JSON selector. */
export function compileJsonValueTest(op: FilterComparisonOperator, value: FilterValueAst): (v: unknown) => boolean {
    if (value.type === "number") {
        const test = compileNumberTest(op, value.value);
        return (v) => test(numericValue(v));
    }
    const matches = textTest(value);
    if (op === "=") {
        return (v) => {
            const s = scalarText(v);
            return s !== undefined && matches(s);
        };
    }
    return (v) => {
        const s = scalarText(v);
        return s !== undefined && !matches(s);
    };
}

/** Compiles `operator value` into a test of one field of a space-delimited event. */
export function compileFieldValueTest(op: FilterComparisonOperator, value: FilterValueAst): (s: string) => boolean {
    if (value.type === "number") {
        const test = compileNumberTest(op, value.value);
        return (s) => test(NUMBER.test(s) ? Number(s) : NaN);
    }
    const matches = textTest(value);
    return op === "=" ? matches : (s) => !matches(s);
}

function textTest(value: Exclude<FilterValueAst, { type: "number" }>): (s: string) => boolean {
    if (value.type === "regex") {
        const re = compileFilterRegex(value.source, value.position - 1);
        return (s) => re.test(s);
    }
    return compileWildcardString(value.text);
}
