import { FilterTermAst, TermPatternAst } from "./ast";
import { compileFilterRegex } from "./filterRegex";
import { isAsciiAlphanumeric, isWhitespace, PatternScanner } from "./patternScanner";

/*
 * Term patterns for unstructured events (syntax page, "Matching terms in unstructured log events"):
 * `ERROR`, `"exact phrase"`, `?optional`, `-excluded`, `" "` (everything), or one `%regex%`.
 * "Metric filter terms that include characters other than alphanumeric or underscore must be placed
 * inside double quotes" (2018–2021 revisions), so an unquoted term holds only [A-Za-z0-9_].
 */

/** Parses a pattern that is neither `{...}` nor `[...]`. */
export function parseTermPattern(scanner: PatternScanner): TermPatternAst {
    const terms: FilterTermAst[] = [];
    for (;;) {
        scanner.skipWhitespace();
        if (scanner.atEnd) break;
        const start = scanner.index;
        let mode: FilterTermAst["mode"] = "include";
        if (scanner.peek() === "?" || scanner.peek() === "-") {
            mode = scanner.peek() === "?" ? "optional" : "exclude";
            scanner.index++;
            // The 2018–2020 syntax page writes the exclusion with a space: `"ERROR" - "Exiting"` excludes
            // "Exiting with ERRORCODE: -1"; the current page only writes `-term` and does not forbid the space.
            // No page shows `? term`: the ? stays attached to its term.
            if (mode === "exclude") scanner.skipWhitespace();
            const next = scanner.peek();
            if (next === "" || isWhitespace(next)) {
                scanner.fail(start, mode === "exclude" ? "expected a term after -" : "expected a term right after ?");
            }
        }
        const valueStart = scanner.index;
        if (scanner.peek() === "%") {
            const { source } = scanner.readRegexSource();
            if (mode !== "include" || terms.length > 0 || !restIsBlank(scanner)) {
                scanner.fail(
                    valueStart,
                    "a regular expression must be the whole pattern (or a value in a JSON or space-delimited pattern); it cannot be combined with other terms",
                );
            }
            compileFilterRegex(source, valueStart);
            terms.push({ mode, value: { type: "regex", source, position: valueStart + 1 }, position: start + 1 });
            continue;
        }
        if (scanner.peek() === '"') {
            const { text } = scanner.readQuoted();
            const after = scanner.peek();
            if (after !== "" && !isWhitespace(after)) {
                scanner.fail(scanner.index, "expected a space after the closing quote of a phrase");
            }
            terms.push({
                mode,
                value: { type: "string", text, quoted: true, position: valueStart + 1 },
                position: start + 1,
            });
            continue;
        }
        while (!scanner.atEnd && !isWhitespace(scanner.peek())) scanner.index++;
        const text = scanner.text.slice(valueStart, scanner.index);
        for (let i = 0; i < text.length; i++) {
            const c = text.charAt(i);
            if (c === '"') scanner.fail(valueStart + i, 'unbalanced quotes: this " is inside an unquoted term');
            if (!isAsciiAlphanumeric(c) && c !== "_") {
                scanner.fail(
                    valueStart + i,
                    `character ${JSON.stringify(c)} is not allowed in an unquoted term; enclose the term in double quotes: "${text}"`,
                );
            }
        }
        terms.push({
            mode,
            value: { type: "string", text, quoted: false, position: valueStart + 1 },
            position: start + 1,
        });
    }
    const optional = terms.filter((t) => t.mode === "optional").length;
    if (optional > 0 && optional < terms.length) {
        // Syntax page: "If you combine "?" with other filter patterns, all question mark terms will be ignored."
        scanner.warnings.push(
            "the ?terms are ignored because the pattern also has terms without ?: CloudWatch Logs ignores ?terms combined with other terms",
        );
    }
    return { kind: "term", terms };
}

function restIsBlank(scanner: PatternScanner): boolean {
    for (let i = scanner.index; i < scanner.text.length; i++) {
        if (!isWhitespace(scanner.text.charAt(i))) return false;
    }
    return true;
}
