import {
    SpaceDelimitedConditionAst,
    FilterPatternAst,
    JsonExpressionAst,
    JsonSelectorAst,
    FilterValueAst,
} from "./ast";
import { FilterPattern } from "./parseFilterPattern";

/*
 * Writing patterns: a canonical rendering of a parsed pattern (one space around operators, the
 * author's quoting and grouping kept), quoting of values that come from configuration, and a
 * caret display of an error for terminals.
 */

/**
 * Encloses a string in double quotes for use as a value or phrase in a pattern, e.g. an office IP
 * address from stack config: `quoteFilterPatternString("203.0.113.*")` is `"203.0.113.*"`.
 * A `*` at the start or end stays a wildcard.
 *
 * @throws Error when the value holds `"` or `\`: AWS does not document escapes inside quotes, so
 * such a value cannot be written in a way that is certain to mean the same thing there.
 */
export function quoteFilterPatternString(value: string): string {
    if (value.includes('"') || value.includes("\\")) {
        throw new Error(`cannot quote ${JSON.stringify(value)} in a filter pattern: it contains " or \\`);
    }
    return `"${value}"`;
}

function formatQuoted(text: string): string {
    return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function formatValue(v: FilterValueAst): string {
    switch (v.type) {
        case "string":
            return v.quoted ? formatQuoted(v.text) : v.text;
        case "number":
            return v.text;
        case "regex":
            return `%${v.source}%`;
    }
}

function formatSelector(s: JsonSelectorAst): string {
    let out = "$";
    for (const step of s.steps) {
        if (step.type === "property") out += step.bracket ? `.['${step.name}']` : `.${step.name}`;
        else if (step.type === "index") out += `[${step.index}]`;
        else out += step.form;
    }
    return out;
}

function formatJson(e: JsonExpressionAst): string {
    switch (e.type) {
        case "or":
            return e.operands.map(formatJson).join(" || ");
        case "and":
            return e.operands.map(formatJson).join(" && ");
        case "group":
            return `(${formatJson(e.expression)})`;
        case "comparison":
            return `${formatSelector(e.selector)} ${e.operator} ${formatValue(e.value)}`;
        case "is":
            return `${formatSelector(e.selector)} IS ${e.literal}`;
        case "notExists":
            return `${formatSelector(e.selector)} NOT EXISTS`;
    }
}

function formatCondition(c: SpaceDelimitedConditionAst): string {
    switch (c.type) {
        case "or":
            return c.operands.map(formatCondition).join(" || ");
        case "and":
            return c.operands.map(formatCondition).join(" && ");
        case "comparison":
            return `${c.field} ${c.operator} ${formatValue(c.value)}`;
    }
}

/**
 * Renders a pattern canonically: `{($.eventName=ConsoleLogin)}` becomes
 * `{ ($.eventName = ConsoleLogin) }`. Parsing the result gives the same syntax tree. (Do not use it
 * on CIS patterns that Security Hub compares verbatim.)
 */
export function formatFilterPattern(pattern: FilterPattern | FilterPatternAst): string {
    const ast = "ast" in pattern ? pattern.ast : pattern;
    switch (ast.kind) {
        case "term":
            return ast.terms
                .map((t) => (t.mode === "optional" ? "?" : t.mode === "exclude" ? "-" : "") + formatValue(t.value))
                .join(" ");
        case "json":
            return `{ ${formatJson(ast.expression)} }`;
        case "space-delimited":
            // The unnamed last field of a trailing comma prints as the comma: `[a, b,]`.
            return `[${ast.fields
                .map((f) => (f.type === "ellipsis" ? "..." : f.condition ? formatCondition(f.condition) : f.name))
                .join(", ")
                .replace(/, $/, ",")}]`;
    }
}

/**
 * The error message followed by the pattern (or the part of it around the error) and a caret
 * under the position, for terminals:
 *
 *     position 11: unsupported operator IS NOT: ...
 *       { $.a IS NOT NULL }
 *             ^
 */
export function formatFilterPatternError(text: string, error: { position: number; message: string }): string {
    const index = Math.max(0, error.position - 1);
    const lineStart = text.lastIndexOf("\n", index - 1) + 1;
    let lineEnd = text.indexOf("\n", index);
    if (lineEnd < 0) lineEnd = text.length;
    const column = index - lineStart;
    // Long patterns (up to 1024 characters) are cut to a window around the position.
    const windowStart = Math.max(lineStart, index - 60);
    const windowEnd = Math.min(lineEnd, index + 60);
    const before = windowStart > lineStart ? "…" : "";
    const after = windowEnd < lineEnd ? "…" : "";
    const shown = before + text.slice(windowStart, windowEnd).replace(/\t/g, " ") + after;
    const caret = " ".repeat(before.length + (column - (windowStart - lineStart))) + "^";
    return `${error.message}\n  ${shown}\n  ${caret}`;
}
