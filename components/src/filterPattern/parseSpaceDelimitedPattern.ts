import { SpaceDelimitedFieldAst, SpaceDelimitedConditionAst, SpaceDelimitedPatternAst } from "./ast";
import { isAsciiAlphanumeric, PatternScanner } from "./patternScanner";
import { parseComparisonValue, readComparisonOperator } from "./parseValue";

/*
 * Space-delimited patterns (syntax page, "Using filter patterns to match terms in space-delimited
 * log events"): `[ip, user, ..., status_code = 4*, bytes > 1000]`. Each field is a name, optionally
 * with a condition; conditions are comparisons joined by && and || (&& binds tighter) and may read
 * any field named in the pattern (`status_code = 4* && bytes > 1000`). `...` stands for any number
 * of unnamed fields.
 */

/** Parses a pattern whose first non-blank character is `[`. */
export function parseSpaceDelimitedPattern(scanner: PatternScanner): SpaceDelimitedPatternAst {
    scanner.skipWhitespace();
    const open = scanner.index;
    scanner.index++; // "["
    const fields: SpaceDelimitedFieldAst[] = [];
    const comparisons: ComparisonSource[] = [];
    let ellipsis = -1;
    for (;;) {
        scanner.skipWhitespace();
        const start = scanner.index;
        if (scanner.atEnd) scanner.fail(open, "unbalanced brackets: this [ is never closed");
        if (scanner.peek() === "]" && fields.length === 0) {
            scanner.fail(start, "a space-delimited pattern needs at least one field, as in [w1, w2]");
        }
        if (scanner.startsWith("...")) {
            if (ellipsis >= 0) scanner.fail(start, "only one ... is supported in a space-delimited pattern");
            ellipsis = start;
            scanner.index += 3;
            fields.push({ type: "ellipsis", position: start + 1 });
        } else {
            const name = readFieldName(scanner);
            if (fields.some((f) => f.type === "field" && f.name === name)) {
                scanner.fail(start, `field "${name}" is named twice`);
            }
            scanner.skipWhitespace();
            let condition: SpaceDelimitedConditionAst | undefined;
            if (scanner.peek() !== "," && scanner.peek() !== "]" && !scanner.atEnd) {
                condition = parseCondition(scanner, name, start, comparisons);
            }
            fields.push(
                condition === undefined
                    ? { type: "field", name, position: start + 1 }
                    : { type: "field", name, condition, position: start + 1 },
            );
        }
        scanner.skipWhitespace();
        if (scanner.peek() === ",") {
            scanner.index++;
            scanner.skipWhitespace();
            if (scanner.peek() === "]") {
                // A trailing comma is one more, unnamed field: the 2018–2020 syntax page's example
                // `[..., request=*.html*, status_code=4*,]` matches `... "GET /index.html HTTP/1.0" 404 1534` and
                // extracts "$7": "1534" beside $request and $status_code (the current page no longer shows it, and
                // says nothing against it).
                fields.push({ type: "field", name: "", position: scanner.index + 1 });
                scanner.index++;
                break;
            }
            continue;
        }
        if (scanner.peek() === "]") {
            scanner.index++;
            break;
        }
        if (scanner.atEnd) scanner.fail(open, "unbalanced brackets: this [ is never closed");
        scanner.fail(scanner.index, `expected , or ] after a field, found ${scanner.describeAt(scanner.index)}`);
    }
    scanner.skipWhitespace();
    if (!scanner.atEnd)
        scanner.fail(scanner.index, `unexpected text after the closing ]: ${scanner.describeAt(scanner.index)}`);
    for (const c of comparisons) {
        if (!fields.some((f) => f.type === "field" && f.name === c.field)) {
            scanner.fail(c.position - 1, notAFieldReason(c, fields));
        }
    }
    return { kind: "space-delimited", fields };
}

/**
 * Why a condition cannot read `name`, with the fix. Two forms older versions of the syntax page showed are
 * refused here, following the current page ("Filter pattern syntax for metric filters, subscription filters,
 * filter log events, and Live Tail"), which narrows them:
 * - a condition on a field the pattern does not name: the 2018–2021 page's
 *   `[ip, user, username, timestamp, request, status_code = 4* && bytes > 1000]` (doc_source/FilterAndPatternSyntax.md
 *   in awsdocs/amazon-cloudwatch-logs-user-guide, b77100f to 5f9d4b2). From the March 2022 version (5bd7d24) on, the
 *   page names every field a condition reads (`[ip, server, username, timestamp, request, status_code, bytes >
 *   1000]`), and the value of a field that is not named is nowhere defined.
 * - a field name in another case: the March 2022 page's `[w1=ERROR || W1=WARNING, w2]`, which the current page
 *   writes `[w1=ERROR || w1=WARNING, w2]`, and which says "Filter patterns are case sensitive".
 */
function notAFieldReason(comparison: ComparisonSource, fields: readonly SpaceDelimitedFieldAst[]): string {
    const name = comparison.field;
    const names = fields.flatMap((f) => (f.type === "field" && f.name !== "" ? [f.name] : []));
    const otherCase = names.find((n) => n.toLowerCase() === name.toLowerCase());
    if (otherCase !== undefined) {
        return `"${name}" is not a field of this pattern: field names are case-sensitive, and the field is "${otherCase}"`;
    }
    // The fix quotes the user's own condition: a made-up one (another field, another value) would be copied.
    return `"${name}" is not a field of this pattern: name it as one of the fields and give it its condition there, as in [..., ${comparison.text}], so that the condition reads its value`;
}

/** A comparison as written: the field it reads, its 1-based position and its text (`bytes > 1000`). */
interface ComparisonSource {
    field: string;
    position: number;
    text: string;
}

function readFieldName(scanner: PatternScanner): string {
    const start = scanner.index;
    while (isAsciiAlphanumeric(scanner.peek()) || scanner.peek() === "_") scanner.index++;
    if (scanner.index === start) {
        scanner.fail(start, `expected a field name (letters, digits and _) or ..., found ${scanner.describeAt(start)}`);
    }
    return scanner.text.slice(start, scanner.index);
}

function parseCondition(
    scanner: PatternScanner,
    name: string,
    nameStart: number,
    comparisons: ComparisonSource[],
): SpaceDelimitedConditionAst {
    const comparison = (field: string, fieldStart: number): SpaceDelimitedConditionAst => {
        scanner.skipWhitespace();
        const opStart = scanner.index;
        const operator = readComparisonOperator(scanner);
        if (operator === undefined) {
            return scanner.fail(
                opStart,
                `expected an operator (=, !=, <, >, <=, >=), , or ] after field ${field}, found ${scanner.describeAt(opStart)}`,
            );
        }
        const value = parseComparisonValue(scanner, operator);
        const node = { type: "comparison" as const, field, operator, value, position: fieldStart + 1 };
        comparisons.push({ field, position: node.position, text: scanner.text.slice(fieldStart, scanner.index) });
        return node;
    };
    const nextComparison = (): SpaceDelimitedConditionAst => {
        scanner.skipWhitespace();
        const start = scanner.index;
        return comparison(readFieldName(scanner), start);
    };
    const and = (first: SpaceDelimitedConditionAst): SpaceDelimitedConditionAst => {
        const operands = [first];
        for (;;) {
            scanner.skipWhitespace();
            if (!scanner.startsWith("&&")) break;
            scanner.index += 2;
            operands.push(nextComparison());
        }
        return operands.length === 1 ? operands[0] : { type: "and", operands };
    };
    const operands = [and(comparison(name, nameStart))];
    for (;;) {
        scanner.skipWhitespace();
        if (!scanner.startsWith("||")) break;
        scanner.index += 2;
        operands.push(and(nextComparison()));
    }
    return operands.length === 1 ? operands[0] : { type: "or", operands };
}
