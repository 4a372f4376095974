import * as assert from "assert";
import {
    FilterPatternError,
    FilterPatternKind,
    formatFilterPattern,
    parseFilterPattern,
    validateFilterPattern,
} from "@trailwatch/components";

/** Parses and returns the error CloudWatch-style (`position N: reason`), or fails the test. */
function rejection(text: string): string {
    try {
        parseFilterPattern(text);
    } catch (err) {
        assert.ok(err instanceof FilterPatternError, `not a FilterPatternError: ${String(err)}`);
        assert.strictEqual(err.message, `position ${err.position}: ${err.reason}`);
        return err.message;
    }
    return assert.fail(`accepted: ${text}`);
}

describe("parseFilterPattern: accepted patterns", () => {
    // pattern, kind, canonical rendering, regexes, wildcard selectors
    const accepted: [string, FilterPatternKind, string, number, number][] = [
        ["", "term", "", 0, 0],
        ["ERROR", "term", "ERROR", 0, 0],
        ["ERROR  ARGUMENTS", "term", "ERROR ARGUMENTS", 0, 0],
        ['"INTERNAL SERVER ERROR"', "term", '"INTERNAL SERVER ERROR"', 0, 0],
        ["?ERROR ?WARN", "term", "?ERROR ?WARN", 0, 0],
        ['ERROR -ARGUMENTS -"not found"', "term", 'ERROR -ARGUMENTS -"not found"', 0, 0],
        ['" "', "term", '" "', 0, 0],
        ['"say \\"hi\\""', "term", '"say \\"hi\\""', 0, 0],
        ["%^[hc]at%", "term", "%^[hc]at%", 1, 0],
        ["  %a{3,5}%  ", "term", "%a{3,5}%", 1, 0],
        ['{$.a.b="x"}', "json", '{ $.a.b = "x" }', 0, 0],
        ["{ $.eventSource = s3.amazonaws.com }", "json", "{ $.eventSource = s3.amazonaws.com }", 0, 0],
        ["{ $.a[0] = 1 }", "json", "{ $.a[0] = 1 }", 0, 0],
        ["{ $.coordinates[0][1] = 1 }", "json", "{ $.coordinates[0][1] = 1 }", 0, 0],
        ["{ $.a[*] = x* }", "json", "{ $.a[*] = x* }", 0, 1],
        ["{ $.* = *x }", "json", "{ $.* = *x }", 0, 1],
        ["{ $.objectList[*].id = 2 }", "json", "{ $.objectList[*].id = 2 }", 0, 1],
        ["{ $.['cluster.name'] = \"c\" }", "json", "{ $.['cluster.name'] = \"c\" }", 0, 0],
        ['{ $.a.["x-y:z"] = "c" }', "json", "{ $.a.['x-y:z'] = \"c\" }", 0, 0],
        ["{ $.my-key_1 = 1 }", "json", "{ $.my-key_1 = 1 }", 0, 0],
        ["{ $.a != -1.5e+3 }", "json", "{ $.a != -1.5e+3 }", 0, 0],
        ["{ $.a>=+2 }", "json", "{ $.a >= +2 }", 0, 0],
        ["{ $.a<0.5 }", "json", "{ $.a < 0.5 }", 0, 0],
        ["{ $.a <= 1E3 }", "json", "{ $.a <= 1E3 }", 0, 0],
        ["{ $.a > 75 }", "json", "{ $.a > 75 }", 0, 0],
        ["{ $.a = * }", "json", "{ $.a = * }", 0, 0],
        ['{ $.a = "*" }', "json", '{ $.a = "*" }', 0, 0],
        ["{ $.a IS NULL }", "json", "{ $.a IS NULL }", 0, 0],
        ["{ $.a IS TRUE }", "json", "{ $.a IS TRUE }", 0, 0],
        ["{ $.a IS FALSE }", "json", "{ $.a IS FALSE }", 0, 0],
        ["{ $.a NOT EXISTS }", "json", "{ $.a NOT EXISTS }", 0, 0],
        ["{($.a=1)&&($.b=2)||($.c=3)}", "json", "{ ($.a = 1) && ($.b = 2) || ($.c = 3) }", 0, 0],
        ["{ (($.a = 1)) }", "json", "{ (($.a = 1)) }", 0, 0],
        ["{ $.a = %ab% && $.b != %c\\.d% }", "json", "{ $.a = %ab% && $.b != %c\\.d% }", 2, 0],
        [
            "{ $.a[*] = 1 || $.b.* = 2 || $.c[*].d = 3 || $.e = 4 }",
            "json",
            "{ $.a[*] = 1 || $.b.* = 2 || $.c[*].d = 3 || $.e = 4 }",
            0,
            3,
        ],
        ["[w1, w2]", "space-delimited", "[w1, w2]", 0, 0],
        ["[w1=ERROR || w1=WARNING, w2]", "space-delimited", "[w1 = ERROR || w1 = WARNING, w2]", 0, 0],
        [
            "[ip, user, ..., status_code = 4* && bytes > 1000, bytes]",
            "space-delimited",
            "[ip, user, ..., status_code = 4* && bytes > 1000, bytes]",
            0,
            0,
        ],
        ['[a="x y", ...]', "space-delimited", '[a = "x y", ...]', 0, 0],
        ["[ip=%127\\.0\\.0\\.[1-9]%, ...]", "space-delimited", "[ip = %127\\.0\\.0\\.[1-9]%, ...]", 1, 0],
    ];
    for (const [text, kind, formatted, regexCount, wildcardSelectorCount] of accepted) {
        it(`${JSON.stringify(text)} is ${kind}, rendered ${JSON.stringify(formatted)}`, () => {
            const p = parseFilterPattern(text);
            assert.deepStrictEqual(
                {
                    text: p.text,
                    kind: p.kind,
                    formatted: formatFilterPattern(p),
                    regexCount: p.regexCount,
                    wildcardSelectorCount: p.wildcardSelectorCount,
                    warnings: p.warnings,
                },
                { text, kind, formatted, regexCount, wildcardSelectorCount, warnings: [] },
            );
            // The rendering means the same: it parses to the same tree, positions and spelling aside.
            const strip = (v: unknown): unknown =>
                JSON.parse(
                    JSON.stringify(v, function (this: object, k, x) {
                        return k === "position" || (k === "text" && "steps" in this) ? undefined : x;
                    }),
                );
            const reparsed = parseFilterPattern(formatted);
            assert.deepStrictEqual(strip(reparsed.ast), strip(p.ast));
        });
    }

    it("accepts exactly 1024 characters", () => {
        const text = `"${"a".repeat(1022)}"`;
        assert.strictEqual(parseFilterPattern(text).text.length, 1024);
    });

    it("binds && tighter than ||, with parentheses overriding", () => {
        const ops = (text: string): unknown => {
            const shape = (e: unknown): unknown => {
                const n = e as {
                    type: string;
                    operands?: unknown[];
                    expression?: unknown;
                    selector?: { text: string };
                };
                if (n.operands) return { [n.type]: n.operands.map(shape) };
                if (n.expression) return shape(n.expression);
                return n.selector?.text;
            };
            const ast = parseFilterPattern(text).ast;
            return ast.kind === "json" ? shape(ast.expression) : undefined;
        };
        assert.deepStrictEqual(ops("{ $.a = 1 || $.b = 2 && $.c = 3 }"), { or: ["$.a", { and: ["$.b", "$.c"] }] });
        assert.deepStrictEqual(ops("{ $.a = 1 && $.b = 2 || $.c = 3 }"), { or: [{ and: ["$.a", "$.b"] }, "$.c"] });
        assert.deepStrictEqual(ops("{ ($.a = 1 || $.b = 2) && $.c = 3 }"), { and: [{ or: ["$.a", "$.b"] }, "$.c"] });
    });

    it("keeps what the pattern says: a bare number is a number, a quoted one a string, * wildcards kept", () => {
        const ast = parseFilterPattern('{ $.a = 1e+3 && $.b = "400" && $.c = 123.123.* && $.d = %x% }').ast;
        assert.ok(ast.kind === "json" && ast.expression.type === "and");
        const values = ast.expression.operands.map((o) => (o.type === "comparison" ? o.value : undefined));
        assert.deepStrictEqual(values, [
            { type: "number", text: "1e+3", value: 1000, position: 9 },
            { type: "string", text: "400", quoted: true, position: 23 },
            { type: "string", text: "123.123.*", quoted: false, position: 38 },
            { type: "regex", source: "x", position: 57 },
        ]);
    });

    it("warns that ?terms combined with other terms are ignored, as CloudWatch does", () => {
        assert.deepStrictEqual(parseFilterPattern("?ERROR ?ARGUMENTS REQUEST").warnings, [
            "the ?terms are ignored because the pattern also has terms without ?: CloudWatch Logs ignores ?terms combined with other terms",
        ]);
    });
});

describe("parseFilterPattern: rejected patterns name the position and the reason", () => {
    const rejected: [string, string][] = [
        // Operators CloudWatch does not support
        [
            "{ $.a IS NOT NULL }",
            "position 7: unsupported operator IS NOT: CloudWatch Logs does not support it; use != or NOT EXISTS",
        ],
        [
            "{ $.a EXISTS }",
            "position 7: unsupported operator EXISTS: CloudWatch Logs supports only NOT EXISTS; to require a value use = *",
        ],
        ["{ $.a == 1 }", "position 7: == is not an operator; use ="],
        ["{ $.a = 1 & $.b = 2 }", "position 11: & is not an operator; use && or ||"],
        ["{ $.a = 1 | $.b = 2 }", "position 11: | is not an operator; use && or ||"],
        [
            "{ $.a is null }",
            'position 7: expected an operator (=, !=, <, >, <=, >=, IS, NOT EXISTS) after $.a, found "is"',
        ],
        ["{ $.a IS MAYBE }", 'position 10: expected NULL, TRUE or FALSE after IS, found "MAYBE"'],
        ["{ $.a NOT NULL }", 'position 11: expected EXISTS after NOT, found "NULL"'],
        ['{ $.a > "5" }', 'position 9: > compares numbers, but "5" is a quoted string'],
        ["{ $.a >= abc }", "position 10: >= compares numbers, but abc is not a number"],
        ["{ $.a < 4* }", "position 9: < compares numbers, but 4* is not a number"],
        ["{ $.a > %5% }", "position 9: > compares numbers and cannot take a regular expression"],
        // Unbalanced parentheses, quotes, braces, brackets
        ["{ ($.a = 1 }", "position 3: unbalanced parentheses: this ( is never closed"],
        ["{ ($.a = 1 && ($.b = 2) }", "position 3: unbalanced parentheses: this ( is never closed"],
        ["{ $.a = 1) }", "position 10: unbalanced parentheses: this ) has no matching ("],
        ["{ ) }", "position 3: unbalanced parentheses: this ) has no matching ("],
        ['{ $.a = "abc }', 'position 9: unbalanced quotes: this " is never closed'],
        ['{ $.a = abc" }', 'position 12: unbalanced quotes: this " is inside an unquoted value'],
        ['"ERROR', 'position 1: unbalanced quotes: this " is never closed'],
        ['ERROR"', 'position 6: unbalanced quotes: this " is inside an unquoted term'],
        ["{ $.['a = 1 }", "position 6: unbalanced quotes: this ' is never closed"],
        ["{ $.a = 1", "position 1: unbalanced braces: this { is never closed"],
        ["{ ($.a = 1)", "position 1: unbalanced braces: this { is never closed"],
        ["{ $.a[0 = 1 }", "position 6: unbalanced brackets: this [ is never closed"],
        ["[a, b", "position 1: unbalanced brackets: this [ is never closed"],
        ["[a, b = 1", "position 1: unbalanced brackets: this [ is never closed"],
        // Length
        ["x".repeat(1025), "position 1025: the pattern is 1025 characters long; CloudWatch Logs accepts at most 1024"],
        // Wildcard selectors: one per selector, three per pattern
        ["{ $.a[*].b[*] = 1 }", "position 11: a property selector may contain only one wildcard (.* or [*])"],
        ["{ $.*.b.* = 1 }", "position 8: a property selector may contain only one wildcard (.* or [*])"],
        [
            "{ $.a[*] = 1 || $.b[*] = 2 || $.c.* = 3 || $.d[*] = 4 }",
            "position 44: too many wildcard selectors: CloudWatch Logs allows at most 3 in one filter pattern",
        ],
        // Regexes: two per pattern, standalone in term patterns, documented dialect only
        [
            "{ $.a = %a% || $.b = %b% || $.c = %c% }",
            "position 35: too many regular expressions: CloudWatch Logs allows at most 2 in one filter pattern",
        ],
        [
            "ERROR %abc%",
            "position 7: a regular expression must be the whole pattern (or a value in a JSON or space-delimited pattern); it cannot be combined with other terms",
        ],
        [
            "%abc% ERROR",
            "position 1: a regular expression must be the whole pattern (or a value in a JSON or space-delimited pattern); it cannot be combined with other terms",
        ],
        [
            "-%abc%",
            "position 2: a regular expression must be the whole pattern (or a value in a JSON or space-delimited pattern); it cannot be combined with other terms",
        ],
        ["%something!%", 'position 11: character "!" is not supported in a regular expression; match it with \\x21'],
        [
            "%(ab)+%",
            "position 2: parentheses are not supported in a regular expression (no subpatterns); match a literal ( or ) with \\x28 or \\x29",
        ],
        [
            "%\\(%",
            "position 3: parentheses are not supported in a regular expression; match a literal ( or ) with \\x28 or \\x29",
        ],
        [
            "%\\bword%",
            "position 2: unsupported escape \\b: supported are \\d \\D \\s \\S \\w \\W \\xhh and \\ before a symbol",
        ],
        [
            "%\\1%",
            "position 2: unsupported escape \\1: supported are \\d \\D \\s \\S \\w \\W \\xhh and \\ before a symbol",
        ],
        ["%\\x3%", "position 2: \\x must be followed by two hexadecimal digits, as in \\x3A"],
        ["%café%", "position 5: multi-byte characters are not supported in a regular expression"],
        ["%a{,}%", "position 3: { must start a repetition {m}, {m,n}, {m,} or {,n}; match a literal { with \\{"],
        ["%a{5,3}%", "position 3: repetition {5,3} has its minimum above its maximum"],
        ["%a}%", "position 3: } without a { before it; match a literal } with \\}"],
        ["%[abc%", "position 2: unbalanced brackets: this [ is never closed in the regular expression"],
        ["%a**%", "position 4: * repeats a repetition; a repetition applies to one character, class or escape"],
        ["%ab\\%", "position 4: a regular expression cannot end with \\"],
        ["%abcc|ab[^c]$", "position 1: unbalanced %: this regular expression is never closed with %"],
        ["%%", "position 1: empty regular expression %%"],
        // Selectors and values
        ["{ a = 1 }", 'position 3: expected a property selector such as $.eventName, found "a"'],
        ["{ $a = 1 }", 'position 3: a property selector starts with "$." as in $.eventName'],
        [
            "{ $. = 1 }",
            'position 5: expected a property name (letters, digits, - and _) after ".", found " "; use .[\'name\'] for other characters',
        ],
        ["{ $.a[x] = 1 }", 'position 7: expected an array index, * or a quoted property name after [, found "x]"'],
        ["{ $.a = }", 'position 9: expected a value after =, found "}"'],
        [
            "{ $.a = user@example.com }",
            'position 13: character "@" is not allowed in an unquoted value; enclose the value in double quotes',
        ],
        ["{ $.a = 1 $.b = 2 }", 'position 11: expected &&, || or } after a comparison, found "$.b"'],
        ["{ ($.a = 1 $.b = 2) }", 'position 12: expected &&, || or ) after a comparison, found "$.b"'],
        ["{ $.a = 1 } x", 'position 13: unexpected text after the closing }: "x"'],
        ["{}", 'position 2: expected a property selector such as $.eventName, found "}"'],
        // Terms
        [
            "ERROR:",
            'position 6: character ":" is not allowed in an unquoted term; enclose the term in double quotes: "ERROR:"',
        ],
        ["? ERROR", "position 1: expected a term right after ?"],
        ["ERROR -", "position 7: expected a term after -"],
        ['"a"b', "position 4: expected a space after the closing quote of a phrase"],
        // Space-delimited
        ["[]", "position 2: a space-delimited pattern needs at least one field, as in [w1, w2]"],
        ["[a, ..., b, ...]", "position 13: only one ... is supported in a space-delimited pattern"],
        ["[a, a]", 'position 5: field "a" is named twice'],
        [
            "[a = 1 && c = 2, b]",
            'position 11: "c" is not a field of this pattern: name it as one of the fields and give it its condition there, as in [..., c = 2], so that the condition reads its value',
        ],
        // The 2018–2021 syntax page's example, narrowed since (the current page names every field a condition reads).
        [
            "[ip, user, username, timestamp, request, status_code = 4* && bytes > 1000]",
            'position 62: "bytes" is not a field of this pattern: name it as one of the fields and give it its condition there, as in [..., bytes > 1000], so that the condition reads its value',
        ],
        // The March 2022 page's example; the current page writes it [w1=ERROR || w1=WARNING, w2].
        [
            "[w1=ERROR || W1=WARNING, w2]",
            'position 14: "W1" is not a field of this pattern: field names are case-sensitive, and the field is "w1"',
        ],
        ["[a b]", 'position 4: expected an operator (=, !=, <, >, <=, >=), , or ] after field a, found "b]"'],
        ["[a, = 1]", 'position 5: expected a field name (letters, digits and _) or ..., found "="'],
        ["[a] b", 'position 5: unexpected text after the closing ]: "b"'],
    ];
    for (const [text, message] of rejected) {
        const shown = text.length > 60 ? `${text.slice(0, 40)}… (${text.length} characters)` : text;
        it(`${shown} -> ${message}`, () => {
            assert.strictEqual(rejection(text), message);
        });
    }
});

describe("validateFilterPattern", () => {
    it("returns the error instead of throwing it", () => {
        const err = validateFilterPattern("{ $.a EXISTS }");
        assert.ok(err instanceof FilterPatternError);
        assert.deepStrictEqual(
            [err.position, err.reason],
            [7, "unsupported operator EXISTS: CloudWatch Logs supports only NOT EXISTS; to require a value use = *"],
        );
    });

    it("returns undefined for a valid pattern", () => {
        assert.strictEqual(validateFilterPattern("{ $.a NOT EXISTS }"), undefined);
    });
});
