import { SpaceDelimitedConditionAst, SpaceDelimitedPatternAst } from "./ast";
import { isWhitespace } from "./patternScanner";
import { compileFieldValueTest } from "./valueTests";

/**
 * Splits an event into space-delimited fields. "Characters between brackets ("[]") and double
 * quotation marks ("") are considered single fields" (syntax page); the brackets and quotes
 * themselves are not part of the field's value (`"GET /index.html HTTP/1.0"` is the field
 * `GET /index.html HTTP/1.0`). An unclosed `"` or `[` is an ordinary character.
 */
export function splitSpaceDelimitedEvent(text: string): string[] {
    const fields: string[] = [];
    const n = text.length;
    let i = 0;
    for (;;) {
        while (i < n && isWhitespace(text.charAt(i))) i++;
        if (i >= n) return fields;
        const c = text.charAt(i);
        if (c === '"' || c === "[") {
            const close = text.indexOf(c === '"' ? '"' : "]", i + 1);
            if (close >= 0) {
                fields.push(text.slice(i + 1, close));
                i = close + 1;
                continue;
            }
        }
        let j = i;
        while (j < n && !isWhitespace(text.charAt(j))) j++;
        fields.push(text.slice(i, j));
        i = j;
    }
}

/**
 * Compiles a space-delimited pattern. Without `...` the event must have exactly as many fields as
 * the pattern (2021 revision: `[w1=ERROR, w2]` matches "ERROR message" but not "ERROR WARN
 * message"); `...` absorbs any number of fields, so names after it count from the end.
 */
export function compileSpaceDelimitedPattern(ast: SpaceDelimitedPatternAst): (text: string) => boolean {
    const fields = ast.fields;
    const ellipsis = fields.findIndex((f) => f.type === "ellipsis");
    const fieldIndex = new Map<string, number>();
    fields.forEach((f, i) => {
        if (f.type === "field") fieldIndex.set(f.name, i);
    });

    const compile = (c: SpaceDelimitedConditionAst): ((tokens: string[]) => boolean) => {
        if (c.type === "or" || c.type === "and") {
            const ops = c.operands.map(compile);
            return c.type === "or" ? (t) => ops.some((op) => op(t)) : (t) => ops.every((op) => op(t));
        }
        const i = fieldIndex.get(c.field) as number;
        const test = compileFieldValueTest(c.operator, c.value);
        if (ellipsis >= 0 && i > ellipsis) {
            const fromEnd = fields.length - i;
            return (t) => test(t[t.length - fromEnd]);
        }
        return (t) => test(t[i]);
    };
    const conditions = fields.flatMap((f) => (f.type === "field" && f.condition ? [compile(f.condition)] : []));
    const exactCount = ellipsis < 0 ? fields.length : -1;
    const minimumCount = fields.length - 1;

    return (text) => {
        const tokens = splitSpaceDelimitedEvent(text);
        if (exactCount >= 0 ? tokens.length !== exactCount : tokens.length < minimumCount) return false;
        for (let i = 0; i < conditions.length; i++) if (!conditions[i](tokens)) return false;
        return true;
    };
}
