import * as assert from "assert";
import {
    FilterPatternError,
    formatFilterPattern,
    formatFilterPatternError,
    parseFilterPattern,
    quoteFilterPatternString,
} from "@trailwatch/components";
import { corpusDir, skipWithoutShared } from "../../support/repositoryPaths";
import { readCorpusJson } from "./corpus";

function errorOf(text: string): FilterPatternError {
    try {
        parseFilterPattern(text);
    } catch (err) {
        if (err instanceof FilterPatternError) return err;
        throw err;
    }
    return assert.fail(`accepted: ${text}`);
}

describe("quoteFilterPatternString", () => {
    const cases: [string, string, string, boolean][] = [
        // value, quoted, event value, matches
        ["203.0.113.7", '"203.0.113.7"', "203.0.113.7", true],
        ["203.0.113.*", '"203.0.113.*"', "203.0.113.99", true],
        ["2001:db8::*", '"2001:db8::*"', "2001:db8::1", true],
        [
            "arn:aws:iam::123456789012:user/a b",
            '"arn:aws:iam::123456789012:user/a b"',
            "arn:aws:iam::123456789012:user/a b",
            true,
        ],
        ["*.8xlarge", '"*.8xlarge"', "p3.4xlarge", false],
    ];
    for (const [value, quoted, eventValue, matches] of cases) {
        it(`${value} -> ${quoted}, usable in a pattern`, () => {
            assert.strictEqual(quoteFilterPatternString(value), quoted);
            const p = parseFilterPattern(`{ $.v = ${quoted} }`);
            assert.strictEqual(p.matches({ v: eventValue }), matches);
        });
    }
    for (const bad of ['say "hi"', "C:\\temp"]) {
        it(`refuses ${JSON.stringify(bad)}`, () => {
            assert.throws(() => quoteFilterPatternString(bad), {
                message: `cannot quote ${JSON.stringify(bad)} in a filter pattern: it contains " or \\`,
            });
        });
    }
});

describe("formatFilterPattern on the older syntax page's forms", () => {
    for (const [pattern, formatted] of [
        ['"ERROR" - "Exiting"', '"ERROR" -"Exiting"'],
        ["[..., request=*.html*, status_code=4*,]", "[..., request = *.html*, status_code = 4*,]"],
    ]) {
        it(`${pattern} -> ${formatted}, which parses to the same pattern`, () => {
            assert.strictEqual(formatFilterPattern(parseFilterPattern(pattern)), formatted);
            assert.strictEqual(formatFilterPattern(parseFilterPattern(formatted)), formatted);
        });
    }
});

describe("formatFilterPatternError", () => {
    it("puts a caret under the position", () => {
        const text = "{ $.a IS NOT NULL }";
        assert.strictEqual(
            formatFilterPatternError(text, errorOf(text)),
            [
                "position 7: unsupported operator IS NOT: CloudWatch Logs does not support it; use != or NOT EXISTS",
                "  { $.a IS NOT NULL }",
                "        ^",
            ].join("\n"),
        );
    });

    it("shows the line of a multi-line pattern", () => {
        const text = '{ $.a = 1 &&\n  $.b = "x }';
        assert.strictEqual(
            formatFilterPatternError(text, errorOf(text)),
            ['position 22: unbalanced quotes: this " is never closed', '    $.b = "x }', "          ^"].join("\n"),
        );
    });

    it("cuts a long pattern to the part around the position", () => {
        const some = Array.from({ length: 20 }, (_, i) => `$.k${i} = v${i}`).join(" || ");
        const text = `{ ${some} || $.x IS NOT NULL || ${some} }`;
        const err = errorOf(text);
        const [message, shown, caret] = formatFilterPatternError(text, err).split("\n");
        assert.strictEqual(message, err.message);
        assert.strictEqual(shown, `  …${text.slice(err.position - 1 - 60, err.position - 1 + 60)}…`);
        assert.strictEqual(caret.indexOf("^"), shown.indexOf("IS NOT"));
    });
});

describe("formatFilterPattern on published patterns", function () {
    before(function () {
        skipWithoutShared(this, corpusDir);
    });

    it("renders every CloudTrail pattern to text that parses to the same tree", () => {
        const strip = (v: unknown): string =>
            JSON.stringify(v, function (this: object, k, x) {
                return k === "position" || (k === "text" && "steps" in this) ? undefined : x;
            });
        const patterns = readCorpusJson<{ pattern: string }[]>(
            "filter-patterns/cloudtrail-metric-filter-patterns.json",
        );
        for (const { pattern } of patterns) {
            const p = parseFilterPattern(pattern);
            const formatted = formatFilterPattern(p);
            assert.strictEqual(strip(parseFilterPattern(formatted).ast), strip(p.ast), pattern);
            assert.strictEqual(formatFilterPattern(parseFilterPattern(formatted)), formatted, "idempotent");
        }
    });

    it("renders CIS spacing variants identically", () => {
        assert.strictEqual(
            formatFilterPattern(
                parseFilterPattern('{($.eventName=ConsoleLogin) && ($.errorMessage="Failed authentication")}'),
            ),
            formatFilterPattern(
                parseFilterPattern('{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }'),
            ),
        );
    });
});
