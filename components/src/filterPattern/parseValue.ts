import { FilterComparisonOperator, FilterValueAst } from "./ast";
import { compileFilterRegex } from "./filterRegex";
import { isAsciiAlphanumeric, isWhitespace, PatternScanner } from "./patternScanner";

/**
 * The NUMBER of the syntax page: "An integer with an optional + or - sign, a decimal with an
 * optional + or - sign, or a number in scientific notation, which is an integer or a decimal with an
 * optional + or - sign, followed by 'e', followed by an integer with an optional + or - sign."
 * (CloudWatch Logs User Guide, Filter and Pattern Syntax, 2021 revision.)
 */
export const NUMBER = /^[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** Characters that end an unquoted value. */
function endsBareValue(c: string): boolean {
    return isWhitespace(c) || c === ")" || c === "}" || c === "]" || c === "," || c === "&" || c === "|";
}

/**
 * Characters an unquoted value may hold. The docs say anything but letters, digits and `_` must be
 * quoted, yet AWS's own published patterns use `s3.amazonaws.com`, `123.123.*` and `*.8xlarge`
 * unquoted (and numbers carry signs), so `.`, `-`, `+` and `*` are accepted too. Everything else
 * must be quoted — stricter than AWS may be, but a quoted value is always accepted.
 */
function allowedInBareValue(c: string): boolean {
    return isAsciiAlphanumeric(c) || c === "_" || c === "." || c === "-" || c === "+" || c === "*";
}

const OPERATORS: readonly FilterComparisonOperator[] = ["!=", "<=", ">=", "=", "<", ">"];

/** Reads a comparison operator at the cursor, or returns undefined when there is none. */
export function readComparisonOperator(scanner: PatternScanner): FilterComparisonOperator | undefined {
    if (scanner.startsWith("==")) scanner.fail(scanner.index, "== is not an operator; use =");
    for (const op of OPERATORS) {
        if (scanner.startsWith(op)) {
            scanner.index += op.length;
            return op;
        }
    }
    return undefined;
}

function isRelational(op: FilterComparisonOperator): boolean {
    return op !== "=" && op !== "!=";
}

/** Reads the value after a comparison operator: `"quoted"`, `%regex%`, a number, or a bare string. */
export function parseComparisonValue(scanner: PatternScanner, operator: FilterComparisonOperator): FilterValueAst {
    scanner.skipWhitespace();
    const start = scanner.index;
    const c = scanner.peek();
    if (c === "" || endsBareValue(c)) {
        return scanner.fail(start, `expected a value after ${operator}, found ${scanner.describeAt(start)}`);
    }
    if (c === '"') {
        const { text } = scanner.readQuoted();
        if (isRelational(operator)) {
            scanner.fail(start, `${operator} compares numbers, but ${JSON.stringify(text)} is a quoted string`);
        }
        return { type: "string", text, quoted: true, position: start + 1 };
    }
    if (c === "%") {
        const { source } = scanner.readRegexSource();
        if (isRelational(operator)) {
            scanner.fail(start, `${operator} compares numbers and cannot take a regular expression`);
        }
        compileFilterRegex(source, start); // rejects unsupported syntax now, at its position
        return { type: "regex", source, position: start + 1 };
    }
    let end = start;
    while (end < scanner.text.length && !endsBareValue(scanner.text.charAt(end))) end++;
    const text = scanner.text.slice(start, end);
    for (let i = start; i < end; i++) {
        const ch = scanner.text.charAt(i);
        if (ch === '"') {
            scanner.fail(i, 'unbalanced quotes: this " is inside an unquoted value');
        }
        if (!allowedInBareValue(ch)) {
            scanner.fail(
                i,
                `character ${JSON.stringify(ch)} is not allowed in an unquoted value; enclose the value in double quotes`,
            );
        }
    }
    scanner.index = end;
    if (NUMBER.test(text)) return { type: "number", text, value: Number(text), position: start + 1 };
    if (isRelational(operator)) scanner.fail(start, `${operator} compares numbers, but ${text} is not a number`);
    return { type: "string", text, quoted: false, position: start + 1 };
}
