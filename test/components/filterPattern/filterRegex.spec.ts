import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { FilterPatternError, parseFilterPattern } from "@trailwatch/components";
import { projectDir } from "../../support/repositoryPaths";

/*
 * The regex dialect of "Supported regular expressions (regex) syntax", the regex section of AWS's
 * "Filter pattern syntax for metric filters, subscription filters, filter log events, and Live Tail"
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/regex-expressions.html): every operator
 * the page documents is accepted and behaves as its examples say, everything else is refused at its
 * position, and matching takes time linear in the event whatever the pattern.
 */

function rejection(text: string): string {
    try {
        parseFilterPattern(text);
    } catch (err) {
        assert.ok(err instanceof FilterPatternError, `not a FilterPatternError: ${String(err)}`);
        return err.message;
    }
    return assert.fail(`accepted: ${text}`);
}

/** Milliseconds `f` takes. */
function elapsed(f: () => void): number {
    const start = process.hrtime.bigint();
    f();
    return Number(process.hrtime.bigint() - start) / 1e6;
}

describe("filter-pattern regexes: the operators AWS documents, with the page's own examples", () => {
    // pattern, events the page says it matches, events it says (or plainly implies) it does not
    const documented: [string, string[], string[]][] = [
        ["%AUTHORIZED%", ["[ERROR 401] UNAUTHORIZED REQUEST", "[SUCCESS 200] AUTHORIZED REQUEST"], ["authorized"]],
        ["%^[hc]at%", ["hat", "cat"], ["that"]],
        ["%[hc]at$%", ["hat", "cat"], ["hats"]],
        ["%colou?r%", ["color", "colour"], ["colouur"]],
        ["%[abc]%", ["a", "b", "c"], ["d"]],
        ["%[a-z]%", ["a", "q", "z"], ["A", "0"]],
        ["%[abcx-z]%", ["a", "b", "c", "x", "y", "z"], ["d", "w"]],
        ["%^a{3,5}$%", ["aaa", "aaaa", "aaaaa"], ["aa", "aaaaaa"]],
        ["%^a{ 3 , 5 }$%", ["aaa", "aaaaa"], ["aa", "aaaaaa"]],
        ["%^a{,2}$%", ["", "a", "aa"], ["aaa"]], // "Either m or n can be omitted"
        ["%^a{2,}$%", ["aa", "aaaaaaa"], ["a"]],
        ["%^a{2}$%", ["aa"], ["a", "aaa"]],
        ["%gra|ey%", ["gray", "grey"], ["gruy"]],
        [
            "%^starting|^initializing|^shutting down%",
            ["starting ...", "initializing ...", "shutting down"],
            ["skipping initializing ..."],
        ],
        ["%\\[.\\]%", ["[a]", "[b]", "[7]", "[@]", "[]]", "[ ]"], ["[ab]", "a"]],
        ["%10\\.10\\.0\\.1%", ["10.10.0.1"], ["10010,051"]],
        ["%10.10.0.1%", ["10.10.0.1", "10010,051"], ["10.10.0"]],
        ["%ab*c%", ["ac", "abc", "abbbc"], ["ab"]],
        ["%ab[0-9]*%", ["ab", "ab0", "ab129"], ["a"]],
        ["%ab+c%", ["abc", "abbc", "abbbc"], ["ac"]],
        ["%.at%", ["hat", "cat", "bat", "4at", "#at", " at"], ["at"]],
        ["%^\\d$%", ["0", "9"], ["a", " "]],
        ["%^\\D$%", ["a", "#"], ["5"]],
        ["%^\\s$%", ["\t", " ", "\n"], ["a"]],
        ["%^\\S$%", ["a"], [" ", "\t"]],
        ["%^\\w$%", ["a", "Z", "_", "0"], ["-", " "]],
        ["%^\\W$%", ["-", " "], ["a", "_"]],
        ["%\\x3A%", [":"], ["3A"]],
        ["%\\x28%", ["("], ["x28"]],
        ["%\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}%", ["from 192.0.2.1 at"], ["192.0.2"]],
        ["%[Ee]rror|[Ff]ail%", ["Error", "error", "Fail", "fail"], ["ERROR"]],
        // The supported symbols, plain and escaped, and the space of the page's own example.
        ["%:_#=@/;,-%", [":_#=@/;,-"], [":_#=@/;,"]],
        ["%\\:\\_\\#\\=\\@\\/\\;\\,\\-%", [":_#=@/;,-"], ["x"]],
        // Every operator escaped is itself (page: "the literal meaning of an operator").
        ["%\\^\\$\\?\\[\\]\\{\\}\\|\\\\\\*\\+\\.%", ["^$?[]{}|\\*+."], ["^$?[]{}|\\*+"]],
        // In a class: a negation, a leading ], and [ as a member (never a POSIX class such as [[:alpha:]]).
        ["%ab[^c]$%", ["aba", "abd"], ["abc", "ab"]],
        ["%^[]a]$%", ["]", "a"], ["b"]],
        ["%^[[:alpha:]]$%", ["[]", ":]", "a]"], ["b", "x]"]],
        ["%^[a-]$%", ["a", "-"], ["b"]],
        ["%^[\\d_]$%", ["1", "_"], ["a"]],
        ["%^[\\x41-\\x43]$%", ["A", "C"], ["D"]],
        // A repetition followed by ? (lazy): for a yes/no match the same as without it.
        ["%^a*?b$%", ["b", "aab"], ["aa"]],
    ];
    for (const [pattern, matching, notMatching] of documented) {
        it(`${pattern} matches ${JSON.stringify(matching)}, not ${JSON.stringify(notMatching)}`, () => {
            const p = parseFilterPattern(pattern);
            assert.deepStrictEqual(
                matching.filter((e) => !p.matches(e)),
                [],
                "should match",
            );
            assert.deepStrictEqual(
                notMatching.filter((e) => p.matches(e)),
                [],
                "should not match",
            );
        });
    }

    it("searches the selected value in JSON and space-delimited patterns", () => {
        assert.ok(parseFilterPattern("{ $.eventType = %Trail% }").matches({ eventType: "UpdateTrail" }));
        assert.ok(!parseFilterPattern("{ $.eventType != %Trail% }").matches({ eventType: "UpdateTrail" }));
        assert.ok(parseFilterPattern("[ip=%127\\.0\\.0\\.[1-9]%, ...]").matches("127.0.0.1 - frank"));
        assert.ok(!parseFilterPattern("[ip=%127\\.0\\.0\\.[1-9]%, ...]").matches("127.0.0.0 - frank"));
    });
});

describe("filter-pattern regexes: what the page does not document is rejected at its position", () => {
    const rejected: [string, string][] = [
        ["%something!%", 'position 11: character "!" is not supported in a regular expression; match it with \\x21'],
        [
            "%something\\!%",
            'position 12: character "!" is not supported in a regular expression, escaped or not; match it with \\x21',
        ],
        ['%say "hi"%', 'position 6: character "\\"" is not supported in a regular expression; match it with \\x22'],
        ["%a\tb%", 'position 3: character "\\t" is not supported in a regular expression; match it with \\x09'],
        [
            "%(ab)+%",
            "position 2: parentheses are not supported in a regular expression (no subpatterns); match a literal ( or ) with \\x28 or \\x29",
        ],
        [
            "%(?=a)%",
            "position 2: parentheses are not supported in a regular expression (no subpatterns); match a literal ( or ) with \\x28 or \\x29",
        ],
        ["%café%", "position 5: multi-byte characters are not supported in a regular expression"],
        [
            "%\\bword%",
            "position 2: unsupported escape \\b: supported are \\d \\D \\s \\S \\w \\W \\xhh and \\ before a symbol",
        ],
        [
            "%a\\nb%",
            "position 3: unsupported escape \\n: supported are \\d \\D \\s \\S \\w \\W \\xhh and \\ before a symbol",
        ],
        [
            "%\\Qa.b\\E%",
            "position 2: unsupported escape \\Q: supported are \\d \\D \\s \\S \\w \\W \\xhh and \\ before a symbol",
        ],
        [
            "%\\pL%",
            "position 2: unsupported escape \\p: supported are \\d \\D \\s \\S \\w \\W \\xhh and \\ before a symbol",
        ],
        [
            "%\\1%",
            "position 2: unsupported escape \\1: supported are \\d \\D \\s \\S \\w \\W \\xhh and \\ before a symbol",
        ],
        ["%\\x3%", "position 2: \\x must be followed by two hexadecimal digits, as in \\x3A"],
        ["%\\xE9%", "position 2: \\xE9 is not an ASCII character (\\x00 to \\x7F)"],
        ["%*a%", "position 2: * has nothing to repeat; match a literal * with \\*"],
        ["%a|+b%", "position 4: + has nothing to repeat; match a literal + with \\+"],
        ["%^?a%", "position 3: ? has nothing to repeat; match a literal ? with \\?"],
        ["%{2}%", "position 2: {2} has nothing to repeat; match a literal { with \\{"],
        ["%a**%", "position 4: * repeats a repetition; a repetition applies to one character, class or escape"],
        ["%a+*%", "position 4: * repeats a repetition; a repetition applies to one character, class or escape"],
        ["%a{2}{3}%", "position 6: {3} repeats a repetition; a repetition applies to one character, class or escape"],
        ["%a*??%", "position 5: ? repeats a repetition; a repetition applies to one character, class or escape"],
        ["%a{,}%", "position 3: { must start a repetition {m}, {m,n}, {m,} or {,n}; match a literal { with \\{"],
        ["%a{x}%", "position 3: { must start a repetition {m}, {m,n}, {m,} or {,n}; match a literal { with \\{"],
        ["%a{5,3}%", "position 3: repetition {5,3} has its minimum above its maximum"],
        ["%a{1001}%", "position 3: repetition {1001} counts above 1000, the most trailwatch evaluates"],
        ["%a}%", "position 3: } without a { before it; match a literal } with \\}"],
        ["%[abc%", "position 2: unbalanced brackets: this [ is never closed in the regular expression"],
        ["%[z-a]%", "position 3: range z-a is out of order: its first character comes after its last"],
        ["%[a-\\d]%", "position 5: a range cannot end with a class such as \\d"],
        ["%[\\d-z]%", "position 5: a range cannot start with a class such as \\d; write - as \\- to match it"],
        ["%[a!]%", 'position 4: character "!" is not supported in a regular expression; match it with \\x21'],
        ["%ab\\%", "position 4: a regular expression cannot end with \\"],
    ];
    for (const [pattern, message] of rejected) {
        it(`${JSON.stringify(pattern)} -> ${message}`, () => {
            assert.strictEqual(rejection(pattern), message);
        });
    }

    it("names the position inside a JSON pattern too", () => {
        assert.strictEqual(
            rejection("{ $.sourceIPAddress = %a**% }"),
            "position 26: * repeats a repetition; a repetition applies to one character, class or escape",
        );
    });

    it("refuses a regex that expands to more than 1000 terms, which would compile to an automaton too big to run", () => {
        // 11 x 100 terms; a pattern under CloudWatch's 1,024 characters.
        const pattern = `%${"[^#]{1,100}".repeat(11)}#%`;
        assert.ok(pattern.length < 1024);
        assert.strictEqual(
            rejection(pattern),
            "position 112: the regular expression repeats too much: it expands to more than 1000 terms, which trailwatch does not evaluate (lower the repetition counts)",
        );
        parseFilterPattern(`%${"[^#]{1,100}".repeat(9)}#%`); // 901 terms is fine
    });
});

describe("filter-pattern regexes run in time linear in the event (no ReDoS)", () => {
    // Well under mocha's 30 s: a backtracking engine needs 34 s for the first and never ends the second.
    const LIMIT_MS = 2000;
    const record = JSON.stringify(
        JSON.parse(fs.readFileSync(path.join(projectDir, "sample-events/console-login-root-no-mfa.json"), "utf8")),
    );

    it("%a*a*a*c% on a 1,000-character line of a", () => {
        const line = "a".repeat(1000);
        const p = parseFilterPattern("%a*a*a*c%");
        let result = true;
        const ms = elapsed(() => (result = p.matches(line)));
        assert.strictEqual(result, false);
        assert.ok(ms < LIMIT_MS, `took ${ms} ms`);
    });

    it("%.*.*.*.*.*.*#% on a CloudTrail record (no #), as a term and as a JSON value", () => {
        assert.ok(!record.includes("#"));
        const term = parseFilterPattern("%.*.*.*.*.*.*#%");
        const json = parseFilterPattern("{ $.userAgent = %.*.*.*.*.*.*#% }");
        let results: boolean[] = [];
        const ms = elapsed(() => (results = [term.matches(record), json.matches(record)]));
        assert.deepStrictEqual(results, [false, false]);
        assert.ok(ms < LIMIT_MS, `took ${ms} ms`);
    });

    it("%a*a*a*a*a*a*a*a*c% on a 100,000-character line", () => {
        // %(a*)*b%-style blow-ups are impossible without groups; the worst the dialect allows is a row
        // of stars, which a backtracking engine runs in O(n^k). One 100 KB line within the limit.
        const p = parseFilterPattern("%a*a*a*a*a*a*a*a*c%");
        const long = "a".repeat(100_000);
        let result = true;
        const ms = elapsed(() => (result = p.matches(long)));
        assert.strictEqual(result, false);
        assert.ok(ms < LIMIT_MS, `took ${ms} ms`);
    });

    it("the largest accepted repetition still runs a record within the limit", () => {
        const p = parseFilterPattern(`%${"[^#]{1,100}".repeat(9)}#%`);
        const events = [record + "#", "x".repeat(900) + "#", "x".repeat(10_000)];
        let results: boolean[] = [];
        const ms = elapsed(() => (results = events.map((e) => p.matches(e))));
        assert.deepStrictEqual(results, [true, true, false]);
        assert.ok(ms < LIMIT_MS, `took ${ms} ms`);
    });
});
