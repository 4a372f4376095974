import { JsonExpressionAst, JsonPatternAst, JsonSelectorAst, JsonSelectorStepAst } from "./ast";
import { MAX_WILDCARD_SELECTORS_PER_FILTER_PATTERN, MAX_WILDCARDS_PER_SELECTOR } from "./limits";
import { isAsciiAlphanumeric, PatternScanner } from "./patternScanner";
import { parseComparisonValue, readComparisonOperator } from "./parseValue";

/*
 * JSON patterns, grammar as documented on the syntax page
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html):
 *
 *   pattern    = "{" or "}"
 *   or         = and { "||" and }            "() > && > ||"
 *   and        = primary { "&&" primary }
 *   primary    = "(" or ")" | selector test
 *   test       = operator value | "IS" ("NULL" | "TRUE" | "FALSE") | "NOT" "EXISTS"
 *   selector   = "$" step { step }           $.a  $.a[0]  $.a[*]  $.*  $.['x.y']
 */

/** Parses a pattern whose first non-blank character is `{`. */
export function parseJsonPattern(scanner: PatternScanner): JsonPatternAst {
    scanner.skipWhitespace();
    const open = scanner.index;
    scanner.index++; // "{"
    const expression = parseOr(scanner, open);
    scanner.skipWhitespace();
    if (scanner.peek() === ")") scanner.fail(scanner.index, "unbalanced parentheses: this ) has no matching (");
    if (scanner.atEnd) scanner.fail(open, "unbalanced braces: this { is never closed");
    if (scanner.peek() !== "}") {
        scanner.fail(
            scanner.index,
            `expected &&, || or } after a comparison, found ${scanner.describeAt(scanner.index)}`,
        );
    }
    scanner.index++;
    scanner.skipWhitespace();
    if (!scanner.atEnd) {
        scanner.fail(scanner.index, `unexpected text after the closing }: ${scanner.describeAt(scanner.index)}`);
    }
    return { kind: "json", expression };
}

function parseOr(scanner: PatternScanner, open: number): JsonExpressionAst {
    const operands = [parseAnd(scanner, open)];
    for (;;) {
        scanner.skipWhitespace();
        if (!scanner.startsWith("||")) break;
        scanner.index += 2;
        operands.push(parseAnd(scanner, open));
    }
    return operands.length === 1 ? operands[0] : { type: "or", operands };
}

function parseAnd(scanner: PatternScanner, open: number): JsonExpressionAst {
    const operands = [parsePrimary(scanner, open)];
    for (;;) {
        scanner.skipWhitespace();
        if (scanner.startsWith("&&")) {
            scanner.index += 2;
            operands.push(parsePrimary(scanner, open));
            continue;
        }
        if (scanner.peek() === "&" || (scanner.peek() === "|" && !scanner.startsWith("||"))) {
            scanner.fail(scanner.index, `${scanner.peek()} is not an operator; use && or ||`);
        }
        break;
    }
    return operands.length === 1 ? operands[0] : { type: "and", operands };
}

function parsePrimary(scanner: PatternScanner, open: number): JsonExpressionAst {
    scanner.skipWhitespace();
    const start = scanner.index;
    if (scanner.peek() === "(") {
        scanner.index++;
        const expression = parseOr(scanner, open);
        scanner.skipWhitespace();
        if (scanner.peek() === ")") {
            scanner.index++;
            return { type: "group", expression, position: start + 1 };
        }
        if (scanner.atEnd || scanner.peek() === "}") {
            scanner.fail(start, "unbalanced parentheses: this ( is never closed");
        }
        return scanner.fail(
            scanner.index,
            `expected &&, || or ) after a comparison, found ${scanner.describeAt(scanner.index)}`,
        );
    }
    if (scanner.peek() === ")") scanner.fail(start, "unbalanced parentheses: this ) has no matching (");
    if (scanner.atEnd) scanner.fail(open, "unbalanced braces: this { is never closed");
    if (scanner.peek() !== "$") {
        scanner.fail(start, `expected a property selector such as $.eventName, found ${scanner.describeAt(start)}`);
    }
    const selector = parseSelector(scanner);
    scanner.skipWhitespace();
    const opStart = scanner.index;
    const operator = readComparisonOperator(scanner);
    if (operator !== undefined) {
        return { type: "comparison", selector, operator, value: parseComparisonValue(scanner, operator) };
    }
    const word = readWord(scanner);
    if (word === "IS") {
        scanner.skipWhitespace();
        const literalStart = scanner.index;
        const literal = readWord(scanner);
        if (literal === "NULL" || literal === "TRUE" || literal === "FALSE") {
            return { type: "is", selector, literal };
        }
        if (literal === "NOT") {
            scanner.fail(
                opStart,
                "unsupported operator IS NOT: CloudWatch Logs does not support it; use != or NOT EXISTS",
            );
        }
        return scanner.fail(
            literalStart,
            `expected NULL, TRUE or FALSE after IS, found ${scanner.describeAt(literalStart)}`,
        );
    }
    if (word === "NOT") {
        scanner.skipWhitespace();
        const existsStart = scanner.index;
        if (readWord(scanner) === "EXISTS") return { type: "notExists", selector };
        return scanner.fail(existsStart, `expected EXISTS after NOT, found ${scanner.describeAt(existsStart)}`);
    }
    if (word === "EXISTS") {
        scanner.fail(
            opStart,
            "unsupported operator EXISTS: CloudWatch Logs supports only NOT EXISTS; to require a value use = *",
        );
    }
    return scanner.fail(
        opStart,
        `expected an operator (=, !=, <, >, <=, >=, IS, NOT EXISTS) after ${selector.text}, found ${scanner.describeAt(opStart)}`,
    );
}

function readWord(scanner: PatternScanner): string {
    const start = scanner.index;
    while (isAsciiAlphanumeric(scanner.peek())) scanner.index++;
    return scanner.text.slice(start, scanner.index);
}

/** "Property selectors are alphanumeric strings that support hyphen ("-") and underscore ("_")." */
function isNameChar(c: string): boolean {
    return isAsciiAlphanumeric(c) || c === "-" || c === "_";
}

function parseSelector(scanner: PatternScanner): JsonSelectorAst {
    const start = scanner.index;
    scanner.index++; // "$"
    const steps: JsonSelectorStepAst[] = [];
    let wildcards = 0;
    const countWildcard = (at: number): void => {
        wildcards++;
        if (wildcards > MAX_WILDCARDS_PER_SELECTOR) {
            scanner.fail(at, "a property selector may contain only one wildcard (.* or [*])");
        }
        if (wildcards === 1) {
            scanner.wildcardSelectorCount++;
            if (scanner.wildcardSelectorCount > MAX_WILDCARD_SELECTORS_PER_FILTER_PATTERN) {
                scanner.fail(
                    start,
                    `too many wildcard selectors: CloudWatch Logs allows at most ${MAX_WILDCARD_SELECTORS_PER_FILTER_PATTERN} in one filter pattern`,
                );
            }
        }
    };
    if (scanner.peek() !== ".") scanner.fail(start, 'a property selector starts with "$." as in $.eventName');
    for (;;) {
        const at = scanner.index;
        const c = scanner.peek();
        if (c === "." && scanner.peek(1) === "*") {
            countWildcard(at);
            steps.push({ type: "wildcard", form: ".*" });
            scanner.index += 2;
        } else if (c === "." && scanner.peek(1) === "[") {
            scanner.index++;
            steps.push(parseBracketStep(scanner, countWildcard, true));
        } else if (c === ".") {
            scanner.index++;
            const nameStart = scanner.index;
            while (isNameChar(scanner.peek())) scanner.index++;
            if (scanner.index === nameStart) {
                scanner.fail(
                    nameStart,
                    `expected a property name (letters, digits, - and _) after ".", found ${scanner.describeAt(nameStart)}; use .['name'] for other characters`,
                );
            }
            steps.push({ type: "property", name: scanner.text.slice(nameStart, scanner.index), bracket: false });
        } else if (c === "[") {
            steps.push(parseBracketStep(scanner, countWildcard, false));
        } else {
            break;
        }
    }
    return { text: scanner.text.slice(start, scanner.index), steps, position: start + 1 };
}

/** `[0]`, `[*]`, or `['name']` / `["name"]` (the form for names holding a period). */
function parseBracketStep(
    scanner: PatternScanner,
    countWildcard: (at: number) => void,
    afterDot: boolean,
): JsonSelectorStepAst {
    const open = scanner.index;
    scanner.index++; // "["
    const c = scanner.peek();
    let step: JsonSelectorStepAst;
    if (c === "*") {
        countWildcard(open);
        scanner.index++;
        step = { type: "wildcard", form: "[*]" };
    } else if (c === "'" || c === '"') {
        const close = scanner.text.indexOf(c, scanner.index + 1);
        if (close < 0) scanner.fail(scanner.index, `unbalanced quotes: this ${c} is never closed`);
        const name = scanner.text.slice(scanner.index + 1, close);
        if (name === "") scanner.fail(scanner.index, "empty property name in brackets");
        scanner.index = close + 1;
        step = { type: "property", name, bracket: true };
    } else if (c >= "0" && c <= "9" && !afterDot) {
        const digitsStart = scanner.index;
        while (scanner.peek() >= "0" && scanner.peek() <= "9") scanner.index++;
        step = { type: "index", index: Number(scanner.text.slice(digitsStart, scanner.index)) };
    } else {
        return scanner.fail(
            scanner.index,
            afterDot
                ? `expected a quoted property name after .[ as in .['cluster.name'], found ${scanner.describeAt(scanner.index)}`
                : `expected an array index, * or a quoted property name after [, found ${scanner.describeAt(scanner.index)}`,
        );
    }
    if (scanner.peek() !== "]") {
        scanner.fail(open, "unbalanced brackets: this [ is never closed");
    }
    scanner.index++;
    return step;
}
