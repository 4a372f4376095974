import * as assert from "assert";
import { parseFilterPattern, splitSpaceDelimitedEvent } from "@trailwatch/components";

/** pattern, event (text or parsed object), expected verdict, why */
type Case = [string, string | object, boolean, string];

function table(title: string, cases: Case[]): void {
    describe(title, () => {
        for (const [pattern, event, expected, why] of cases) {
            const shownEvent = typeof event === "string" ? event : JSON.stringify(event);
            it(`${pattern}  ${expected ? "matches" : "does not match"}  ${shownEvent}  (${why})`, () => {
                assert.strictEqual(parseFilterPattern(pattern).matches(event), expected);
            });
        }
    });
}

table("matches: term patterns", [
    ["ERROR", "[ERROR 400] BAD REQUEST", true, "a term matches inside a word boundary"],
    ["ERROR", "Exiting with ERRORCODE: -1", true, "a term matches as a substring"],
    ["ERROR", "error: disk full", false, "case-sensitive"],
    ["ERROR ARGUMENTS", "[ERROR 419] MISSING ARGUMENTS", true, "all terms present"],
    ["ERROR ARGUMENTS", "[ERROR 400] BAD REQUEST", false, "one term missing"],
    ['"INTERNAL SERVER ERROR"', "[ERROR 500] INTERNAL SERVER ERROR", true, "exact phrase"],
    ['"INTERNAL SERVER ERROR"', "[ERROR 500] INTERNAL ERROR SERVER", false, "phrase words in another order"],
    ["?ERROR ?WARN", "[WARN] low disk", true, "any ?term"],
    ["?ERROR ?WARN", "[INFO] ok", false, "no ?term"],
    ["?ERROR ?ARGUMENTS REQUEST", "[INFO] REQUEST FAILED", true, "?terms ignored beside other terms"],
    ["?ERROR ?ARGUMENTS REQUEST", "[ERROR] ARGUMENTS", false, "?terms ignored, REQUEST required"],
    ["ERROR -ARGUMENTS", "[ERROR 400] BAD REQUEST", true, "excluded term absent"],
    ["ERROR -ARGUMENTS", "[ERROR 419] MISSING ARGUMENTS", false, "excluded term present"],
    // The 2018–2020 syntax page, example 3: a space may follow the exclusion's minus.
    ['"ERROR" - "Exiting"', "Exiting with ERRORCODE: -1", false, "2020 revision: - then a space"],
    ['"ERROR" - "Exiting"', "[ERROR] A fatal exception has occurred", true, "2020 revision: - then a space"],
    ['-"health check"', "GET /", true, "only an exclusion: every other event"],
    ['-"health check"', "GET / health check", false, "only an exclusion"],
    ['" "', "anything", true, "quoted blank matches everything"],
    ['" "', "", true, "even the empty event"],
    ["", "anything", true, "the empty pattern matches everything"],
    ['"a\\"b"', 'x a"b y', true, "escaped quote in a phrase"],
    ["%AUTHORIZED%", "[ERROR 401] UNAUTHORIZED REQUEST", true, "regex searches anywhere"],
    ["%^[hc]at%", "that", false, "^ anchors at the start"],
    ["%a{,2}b%", "b", true, "{,n}: the minimum may be omitted"],
    ["%a{2, }b%", "ab", false, "{m, }: at least m"],
    ["%x\\x3Ay%", "x:y", true, "\\xhh"],
    ["%[]a]%", "]", true, "] first in a class is a member"],
    ["ConsoleLogin", { eventName: "ConsoleLogin" }, true, "an object event is matched on its JSON text"],
]);

const doc = {
    eventType: "UpdateTrail",
    sourceIPAddress: "111.111.111.111",
    arrayKey: ["value", "another value"],
    objectList: [
        { name: "a", id: 1 },
        { name: "b", id: 2 },
    ],
    SomeObject: null,
    "cluster.name": "c",
    users: [1, 2, 3],
    user: { id: 1, email: "John.Stiles@example.com" },
    flag: true,
    off: false,
    flagText: "true",
    latency: 42.5,
    count: 400,
    countText: "400",
    code: "Ev*ent",
    constructorName: "x",
};
const json = JSON.stringify(doc);

table("matches: JSON patterns", [
    ['{ $.eventType = "UpdateTrail" }', json, true, "quoted string"],
    ["{ $.eventType = UpdateTrail }", json, true, "bare string"],
    ["{ $.eventType = updatetrail }", json, false, "case-sensitive"],
    ["{ $.eventType = Update }", json, false, "exact, not a substring"],
    ["{ $.eventType = Update* }", json, true, "trailing wildcard"],
    ['{ $.eventType = "*Trail" }', json, true, "leading wildcard, quoted"],
    ["{ $.eventType = *dateTr* }", json, true, "wildcards on both sides"],
    ["{ $.eventType = * }", json, true, "* alone: any value"],
    ["{ $.eventType = Up*Trail }", json, false, "an inner * is literal"],
    ["{ $.code = Ev*ent }", json, true, "an inner * matches a literal *"],
    ["{ $.sourceIPAddress != 123.123.* }", json, true, "!= with a wildcard"],
    ["{ $.sourceIPAddress != 111.111.* }", json, false, "!= with a wildcard that matches"],
    ["{ $.eventType = %Trail% }", json, true, "regex value"],
    ["{ $.eventType != %^Update% }", json, false, "regex with !="],
    ["{ $.users = 1 }", json, false, "a selector on an array never matches ="],
    ["{ $.users != 1 }", json, false, "nor !="],
    ["{ $.user = * }", json, false, "a selector on an object never matches, even *"],
    ["{ $.user != x }", json, false, "nor != on an object"],
    ["{ $.missing = * }", json, false, "an absent property does not match ="],
    ['{ $.missing != "x" }', json, false, "nor != (as the console's test shows)"],
    ["{ $.SomeObject = * }", json, false, "null is not a value to compare"],
    ["{ $.SomeObject != x }", json, false, "null is not a value to compare, != alike"],
    ["{ $.SomeObject IS NULL }", json, true, "IS NULL on null"],
    ["{ $.missing IS NULL }", json, false, "IS NULL needs the property"],
    ["{ $.eventType IS NULL }", json, false, "IS NULL on a string"],
    ["{ $.flag IS TRUE }", json, true, "IS TRUE on true"],
    ["{ $.off IS FALSE }", json, true, "IS FALSE on false"],
    ["{ $.off IS TRUE }", json, false, "IS TRUE on false"],
    ["{ $.flagText IS TRUE }", json, false, 'IS TRUE on the string "true"'],
    ["{ $.flag = true }", json, true, "a boolean compared as text"],
    ["{ $.SomeOtherObject NOT EXISTS }", json, true, "NOT EXISTS on an absent property"],
    ["{ $.SomeObject NOT EXISTS }", json, false, "a null property exists"],
    ["{ $.user.nope.deeper NOT EXISTS }", json, true, "absent on the way down"],
    ["{ $.eventType.length NOT EXISTS }", json, true, "strings have no properties"],
    ["{ $.users.length NOT EXISTS }", json, true, "arrays have no named properties"],
    ["{ $.constructor NOT EXISTS }", json, true, "nothing is found on Object.prototype"],
    ["{ $.count = 400 }", json, true, "number = number"],
    ["{ $.count = 4e2 }", json, true, "scientific notation"],
    ["{ $.count = 400.0 }", json, true, "decimals compare numerically"],
    ["{ $.countText = 400 }", json, true, "a string holding a number compares numerically"],
    ['{ $.count = "400" }', json, true, "a quoted value compares with the number's text"],
    ["{ $.count != 500 }", json, true, "number != number"],
    ["{ $.count != 400 }", json, false, "number != equal number"],
    ["{ $.eventType != 500 }", json, false, "a non-number never satisfies a numeric !="],
    ["{ $.eventType > 1 }", json, false, "nor a numeric >"],
    ["{ $.latency > 42 }", json, true, ">"],
    ["{ $.latency < 42.5 }", json, false, "<"],
    ["{ $.latency <= 42.5 }", json, true, "<="],
    ["{ $.latency >= -1e+3 }", json, true, ">= a signed exponent"],
    ["{ $.latency = * }", json, true, "* matches a number (the documented metric-value form)"],
    ["{ $.count = 4* }", json, true, "a wildcard matches a number's text"],
    ["{ $.arrayKey[0] = value }", json, true, "array index"],
    ["{ $.arrayKey[2] = * }", json, false, "index past the end"],
    ['{ $.arrayKey[*] = "another value" }', json, true, "[*]: any element"],
    ["{ $.eventType[*] = * }", json, false, "[*] on a non-array"],
    ["{ $.objectList[*].id = 2 }", json, true, "[*] then a property"],
    ["{ $.objectList[*].id = 3 }", json, false, "[*]: no element has it"],
    ["{ $.* = %^111\\.% }", json, true, ".*: any property"],
    ["{ $.user.* = 1 }", json, true, ".* under an object"],
    ["{ $.users.* = 1 }", json, false, ".* on an array (objects only)"],
    ["{ $.['cluster.name'] = \"c\" }", json, true, "bracket notation"],
    ['{ $.cluster.name = "c" }', json, false, "dots are steps"],
    ["{ $.user.email = John.Stiles* && $.user.id = 1 }", json, true, "&&"],
    ["{ $.user.id = 2 || $.user.id = 1 }", json, true, "||"],
    ["{ $.user.id = 1 || $.user.id = 2 && $.user.id = 3 }", json, true, "&& binds tighter"],
    ["{ ($.user.id = 1 || $.user.id = 2) && $.user.id = 3 }", json, false, "parentheses first"],
    ["{ $.eventType = A || $.eventType = UpdateTrail || $.eventType = B }", json, true, "a list of alternatives"],
    [
        "{ ($.eventType = A) || ($.sourceIPAddress = 111.111.111.111) || ($.eventType = B) }",
        json,
        true,
        "alternatives on two selectors",
    ],
    ["{ $.eventType = A || $.eventType = B }", json, false, "none of the alternatives"],
    ["{ $.flag = false || $.flag = true }", json, true, "alternatives compare a boolean's text"],
    ["{ $.count = 401 || $.count = 400 }", json, true, "numeric alternatives"],
    ["{ $.users = a || $.users = 1 }", json, false, "alternatives on an array"],
    ["{ $.missing = a || $.missing = b }", json, false, "alternatives on an absent property"],
    ["{ $.eventType = Up* || $.eventType = X }", json, true, "a wildcard among alternatives"],
    ['{ $.eventType = "UpdateTrail" }', doc, true, "an already-parsed event object"],
    ['{ $.eventType = "UpdateTrail" }', `  ${json}`, true, "leading blanks before the JSON"],
    ['{ $.eventType = "UpdateTrail" }', "eventType UpdateTrail", false, "not JSON: a JSON pattern never matches"],
    ["{ $.a NOT EXISTS }", "plain text", false, "not even NOT EXISTS"],
    ["{ $.a NOT EXISTS }", '[{"b":1}]', false, "a JSON array is not an event object"],
    ["{ $.a NOT EXISTS }", '{"b":', false, "truncated JSON"],
]);

const access = '127.0.0.1 Prod frank [10/Oct/2000:13:25:15 -0700] "GET /index.html HTTP/1.0" 404 1534';
table("matches: space-delimited patterns", [
    ["[ip, user, username, timestamp, request, status_code, bytes]", access, true, "one name per field"],
    ["[ip, user, username, timestamp, request, status_code]", access, false, "too few fields without ..."],
    ["[ip, user, username, timestamp, request, status_code, bytes, x]", access, false, "too many fields"],
    ["[..., status_code = 404, bytes]", access, true, "... at the start"],
    ["[ip, ..., bytes > 1000]", access, true, "... in the middle"],
    ["[ip = 127.0.0.1, ...]", access, true, "... at the end"],
    ["[ip, user, ..., a, b, c, d, e, f]", access, false, "... cannot make fields appear"],
    ["[ip, user, username, ..., timestamp, request, status_code, bytes]", access, true, "... of zero fields"],
    ["[..., request = *index.html*, status_code, bytes]", access, true, '"..." is one field, quotes removed'],
    ['[ip, user, username, timestamp = "10/Oct/2000*", ...]', access, true, "[...] is one field, brackets removed"],
    ["[..., status_code = 4*, bytes]", access, true, "wildcard on a number's text"],
    ["[..., status_code = 404 || status_code = 410, bytes]", access, true, "|| within a field"],
    ["[..., status_code = 500 || status_code = 410, bytes]", access, false, "|| within a field, neither"],
    ["[..., status_code = 4* && bytes > 1000, bytes]", access, true, "&& reading another field"],
    ["[..., status_code = 4* && bytes > 2000, bytes]", access, false, "&& reading another field, false"],
    ["[..., status_code != 404, bytes]", access, false, "!="],
    ["[..., status_code >= 400, bytes < 1e4]", access, true, "numeric on fields"],
    ["[ip != 127.0.0.1, ...]", access, false, "!= string"],
    ["[ip=%127\\.0\\.0\\.[1-9]%, ...]", access, true, "regex on a field"],
    ["[ip, user = prod, ...]", access, false, "case-sensitive"],
    ["[w1=ERROR, w2]", "ERROR message", true, "2021 revision: matches"],
    ["[w1=ERROR, w2]", "ERROR WARN message", false, "2021 revision: one field too many"],
    ["[w1=ERROR || w1=WARNING, w2]", "WARNING disk", true, "|| on the same field"],
    ["[w1!=ERROR && w1!=WARNING, w2]", "INFO ok", true, "&& of != on the same field"],
    ["[w1!=ERROR && w1!=WARNING, w2]", "ERROR ok", false, "&& of != on the same field, excluded"],
    // The 2018–2020 syntax page's example: its trailing comma is a last, unnamed field ("$7": "1534").
    ["[..., request=*.html*, status_code=4*,]", access, true, "2020 revision: trailing comma, an unnamed field"],
    ["[..., request=*.html*, status_code=4*]", access, false, "without the comma the names are the last two"],
    ["[ip, user, username, timestamp, request, status_code,]", access, true, "trailing comma counts a field"],
    ["[ip, user, username, timestamp, request, status_code, bytes,]", access, false, "one field too many"],
]);

describe("splitSpaceDelimitedEvent", () => {
    const cases: [string, string[]][] = [
        [
            access,
            ["127.0.0.1", "Prod", "frank", "10/Oct/2000:13:25:15 -0700", "GET /index.html HTTP/1.0", "404", "1534"],
        ],
        ["  a   b\tc  ", ["a", "b", "c"]],
        ['a "unclosed b', ["a", '"unclosed', "b"]],
        ["a [unclosed b", ["a", "[unclosed", "b"]],
        ['"x"y', ["x", "y"]],
        ["", []],
    ];
    for (const [text, fields] of cases) {
        it(`${JSON.stringify(text)} -> ${JSON.stringify(fields)}`, () => {
            assert.deepStrictEqual(splitSpaceDelimitedEvent(text), fields);
        });
    }
});

describe("matches: events reach the pattern in either form", () => {
    it("gives the same verdicts for an event object and its JSON text, pattern after pattern", () => {
        const patterns = ["ConsoleLogin", '{ $.eventName = "ConsoleLogin" }', "[a]", "{ $.x NOT EXISTS }"].map(
            parseFilterPattern,
        );
        const events: object[] = [{ eventName: "ConsoleLogin" }, { eventName: "Other", x: 1 }, { a: 1 }];
        for (const event of events) {
            for (const p of patterns) {
                assert.strictEqual(
                    p.matches(event),
                    p.matches(JSON.stringify(event)),
                    `${p.text} on ${JSON.stringify(event)}`,
                );
            }
        }
    });

    it("can be passed around unbound", () => {
        // eslint-disable-next-line @typescript-eslint/unbound-method -- what this test proves works
        const { matches } = parseFilterPattern("ERROR");
        assert.deepStrictEqual(["ERROR a", "INFO b"].filter(matches), ["ERROR a"]);
    });
});
