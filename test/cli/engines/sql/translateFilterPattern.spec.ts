import * as assert from "assert";
import { parseFilterPattern } from "@trailwatch/components/catalogue";
import {
    athenaFunctions,
    ATHENA_DIALECT,
    duckdbFunctions,
    DUCKDB_DIALECT,
    SqlDialect,
    SqlTranslationError,
    translateFilterPattern,
} from "../../../../cli/engines/sql";
import { DuckdbSession } from "../../../../cli/engines/sqlBacktest/duckdbQuery";
import { cloudTrailTableColumns, eventValues } from "./athenaTableInDuckdb";

/*
 * Each construct of the JSON pattern language, translated, run by DuckDB over a set of events, and
 * judged against the project's evaluator event by event. The events are raw JSON texts so that
 * numbers keep the spelling the evaluator sees (1e3, 1.0, -0).
 */

const EVENTS = [
    `{"eventName":"ConsoleLogin","n":400,"s":"400","f":1.5,"b":true,"z":null,"o":{"a":{"b":"x"}},"arr":[1,"two",{"k":"v"}],"Key":"upper","key":"lower","pct":"100%_done\\\\"}`,
    `{"eventName":"consolelogin","n":-3,"s":"+5","f":-2.25,"b":false,"arr":[],"o":{},"Key":"only-upper"}`,
    `{"eventName":"GetObject","n":1e3,"s":"1e3","f":1e-7,"empty":"","pct":"100%_x","arr":[{"k":"w"},{"k":"v"}]}`,
    `{"eventName":"PutEvent","n":"400","z":"null","b":"true","o":"not-an-object","arr":{"k":"v"}}`,
    `{"eventName":"Ev*ent","n":0,"s":" 5","f":"1.5"}`,
    `{"eventName":123,"s":5,"n":1.0}`,
    `{}`,
    `{"eventName":"x","nested":{"arr":[[1,2],[3]]},"obj":{"p":{"k":"v"},"q":{"k":"w"}},"z":{}}`,
    `{"eventName":"EventX","n":-0,"s":"5.0","b":null,"obj":[{"k":"w"}]}`,
    `{"eventName":"zevent","eventname":"ConsoleLogin","arr":[null,{"k":null}]}`,
];

/** One pattern per construct; each must match at least one event and miss at least one. */
const CONSTRUCTS: { construct: string; pattern: string }[] = [
    { construct: "exact string, case-sensitive", pattern: "{ $.eventName = ConsoleLogin }" },
    { construct: "quoted string", pattern: '{ $.eventName = "GetObject" }' },
    { construct: "trailing wildcard", pattern: '{ $.eventName = "Console*" }' },
    { construct: "leading wildcard", pattern: "{ $.eventName = *Event }" },
    { construct: "wildcards at both ends", pattern: "{ $.eventName = *vent* }" },
    { construct: "a * inside is literal", pattern: '{ $.eventName = "Ev*ent" }' },
    { construct: "= * holds for any scalar, numbers too", pattern: "{ $.eventName = * }" },
    { construct: "!=: a missing key fails, a number passes", pattern: "{ $.eventName != ConsoleLogin }" },
    { construct: "!= with a wildcard", pattern: "{ $.eventName != *Login }" },
    { construct: "the empty string", pattern: '{ $.empty = "" }' },
    { construct: "LIKE's own characters are literal", pattern: '{ $.pct = "100%_*" }' },
    { construct: "backslash in a quoted value", pattern: '{ $.pct = "100%_done\\\\" }' },
    { construct: "keys differing only in case: $.Key", pattern: "{ $.Key = upper }" },
    { construct: "keys differing only in case: $.key", pattern: "{ $.key = * }" },
    { construct: "keys differing only in case: $.eventname", pattern: "{ $.eventname = ConsoleLogin }" },
    { construct: "number = number and numeric string", pattern: "{ $.n = 400 }" },
    { construct: "number >", pattern: "{ $.n > 0 }" },
    { construct: "number <=, negative", pattern: "{ $.n <= -3 }" },
    { construct: "number !=: non-numbers fail", pattern: "{ $.n != 400 }" },
    { construct: "number >= a fraction", pattern: "{ $.f >= 1.5 }" },
    { construct: "number < a tiny fraction", pattern: "{ $.f < 0.000001 }" },
    { construct: "signed numeric string", pattern: "{ $.s = 5 }" },
    { construct: "exponent in the string and the pattern", pattern: "{ $.s = 1e3 }" },
    { construct: "string wildcard against numbers' text", pattern: "{ $.n = 40* }" },
    { construct: "string wildcard against 1e3's text (1000)", pattern: "{ $.n = *000 }" },
    { construct: "string against -0's text (0)", pattern: "{ $.n = 0* }" },
    { construct: "IS TRUE", pattern: "{ $.b IS TRUE }" },
    { construct: "IS FALSE", pattern: "{ $.b IS FALSE }" },
    { construct: "IS NULL", pattern: "{ $.z IS NULL }" },
    { construct: "NOT EXISTS: null exists", pattern: "{ $.z NOT EXISTS }" },
    { construct: "NOT EXISTS below a non-object", pattern: "{ $.o.a.b NOT EXISTS }" },
    { construct: "nested property", pattern: "{ $.o.a.b = x }" },
    { construct: "an object never satisfies =", pattern: "{ $.o = * }" },
    { construct: "array index", pattern: "{ $.arr[1] = two }" },
    { construct: "array index, number", pattern: "{ $.arr[0] = 1 }" },
    { construct: "array index then property", pattern: "{ $.arr[2].k = v }" },
    { construct: "index past the end", pattern: "{ $.arr[2] NOT EXISTS }" },
    { construct: "index of an index", pattern: "{ $.nested.arr[0][1] = 2 }" },
    { construct: "[*] then property", pattern: "{ $.arr[*].k = v }" },
    { construct: "[*] over scalars", pattern: "{ $.arr[*] = two }" },
    { construct: "[*] then index", pattern: "{ $.nested.arr[*][0] = 3 }" },
    { construct: "[*] and IS NULL", pattern: "{ $.arr[*] IS NULL }" },
    { construct: "[*] and NOT EXISTS", pattern: "{ $.arr[*].k NOT EXISTS }" },
    { construct: ".* over member values", pattern: "{ $.obj.*.k = w }" },
    { construct: "bracketed name", pattern: "{ $.['eventName'] = x }" },
    {
        construct: "&& and || with parentheses",
        pattern: "{ ($.eventName = ConsoleLogin || $.eventName = GetObject) && $.n > 500 }",
    },
    {
        construct: "&& binds tighter than ||",
        pattern: "{ $.eventName = ConsoleLogin || $.eventName = GetObject && $.n > 500 }",
    },
    {
        construct: "one || of many",
        pattern: "{ ($.eventName = a) || ($.eventName = GetObject) || ($.eventName = PutEvent) || ($.n < 0) }",
    },
];

/** The evaluator's verdict for every event. */
function evaluatorVerdicts(pattern: string, events: readonly string[]): boolean[] {
    const p = parseFilterPattern(pattern);
    return events.map((e) => p.matches(e));
}

async function duckdbVerdicts(
    session: DuckdbSession,
    predicate: string,
    events: readonly string[],
    table: "records" | "cloudtrail_logs",
): Promise<boolean[]> {
    const rows = await session.query(`SELECT i, ${predicate} AS m FROM ${table} ORDER BY i`);
    assert.strictEqual(rows.length, events.length);
    return rows.map((r) => {
        assert.strictEqual(typeof r.m, "boolean", `two-valued, got ${String(r.m)}`);
        return r.m as boolean;
    });
}

/** The athena dialect's query text, with DuckDB's functions in place of Athena's: what DuckDB judges. */
const ATHENA_SHAPE_IN_DUCKDB: SqlDialect = {
    name: "athena-in-duckdb",
    functions: duckdbFunctions,
    records: "cloudtrail-table",
};

function translate(pattern: string, dialect: SqlDialect): string {
    return translateFilterPattern(parseFilterPattern(pattern).ast, dialect);
}

function translationError(pattern: string, dialect: SqlDialect): string {
    try {
        translate(pattern, dialect);
    } catch (err) {
        if (err instanceof SqlTranslationError) return err.message;
        throw err;
    }
    return assert.fail(`${pattern} was translated`);
}

describe("filter patterns in SQL: every construct, judged by DuckDB against the evaluator", function () {
    this.timeout(60_000);
    let session: DuckdbSession;

    before(async () => {
        session = await DuckdbSession.open();
        await session.query(
            `CREATE TABLE records AS SELECT i, json(text) AS record FROM (VALUES ${eventValues(EVENTS)}) AS t(i, text)`,
        );
    });
    after(() => session.close());

    for (const { construct, pattern } of CONSTRUCTS) {
        it(`duckdb: ${construct}: ${pattern}`, async () => {
            const expected = evaluatorVerdicts(pattern, EVENTS);
            assert.ok(
                expected.includes(true) && expected.includes(false),
                "the events tell matching from not matching",
            );
            assert.deepStrictEqual(
                await duckdbVerdicts(session, translate(pattern, DUCKDB_DIALECT), EVENTS, "records"),
                expected,
            );
        });
    }

    it("duckdb: a string comparison that meets a fraction stops the query instead of answering otherwise", async () => {
        await assert.rejects(
            session.query(`SELECT count(*) FROM records WHERE ${translate("{ $.f = 1* }", DUCKDB_DIALECT)}`),
            /a string comparison met a non-integer JSON number/,
        );
        // The same field under a pattern no number's text can match needs no number text at all.
        const rows = await session.query(
            `SELECT count(*) AS n FROM records WHERE ${translate("{ $.f = abc }", DUCKDB_DIALECT)}`,
        );
        assert.deepStrictEqual(rows, [{ n: "0" }]);
    });
});

/** CloudTrail-shaped records for the athena dialect, which reads the table's columns. */
const CLOUDTRAIL_EVENTS = [
    `{"eventVersion":"1.08","userIdentity":{"type":"Root","principalId":"111122223333","arn":"arn:aws:iam::111122223333:root","accountId":"111122223333"},"eventTime":"2024-03-04T10:00:00Z","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin","awsRegion":"us-east-1","sourceIPAddress":"198.51.100.7","requestParameters":null,"responseElements":{"ConsoleLogin":"Success"},"additionalEventData":{"MFAUsed":"No","LoginTo":"https://console.aws.amazon.com"},"eventID":"e1","readOnly":false,"eventType":"AwsConsoleSignIn","recipientAccountId":"111122223333"}`,
    `{"eventVersion":"1.08","userIdentity":{"type":"Root","invokedBy":"support.amazonaws.com","accountId":"111122223333"},"eventTime":"2024-03-04T11:00:00Z","eventSource":"iam.amazonaws.com","eventName":"ListUsers","requestParameters":{"maxItems":100},"eventID":"e2","readOnly":true,"eventType":"AwsApiCall"}`,
    `{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","userName":"alice","sessionContext":{"attributes":{"mfaAuthenticated":"true","creationDate":"2024-03-04T09:00:00Z"},"sessionIssuer":{"type":"Role","userName":"admin"}}},"eventTime":"2024-03-04T12:00:00Z","eventSource":"ec2.amazonaws.com","eventName":"RunInstances","errorCode":"400","requestParameters":{"instanceType":"p4d.24xlarge","instancesSet":{"items":[{"imageId":"ami-1","maxCount":2},{"imageId":"ami-2"}]}},"eventID":"e3","readOnly":false,"eventType":"AwsApiCall"}`,
    `{"eventVersion":"1.08","userIdentity":{"type":"AssumedRole","sessionContext":{"attributes":{"mfaAuthenticated":"false"}}},"eventTime":"2024-03-05T01:00:00Z","eventSource":"ec2.amazonaws.com","eventName":"RunInstances","errorCode":"Client.UnauthorizedOperation","requestParameters":{"instanceType":"m5.8xlarge","instancesSet":{"items":[{"imageId":"ami-3","maxCount":"1"}]}},"eventID":"e4","readOnly":false,"eventType":"AwsApiCall"}`,
    `{"eventVersion":"1.08","userIdentity":{"type":"AWSService","invokedBy":"cloudtrail.amazonaws.com"},"eventTime":"2024-03-05T02:00:00Z","eventSource":"s3.amazonaws.com","eventName":"PutObject","errorCode":"AccessDenied","additionalEventData":{"MFAUsed":"Yes"},"eventID":"e5","readOnly":false,"eventType":"AwsServiceEvent"}`,
    `{"eventVersion":"1.08","eventTime":"2024-03-05T03:00:00Z","eventName":"CreateUser","eventID":"e6"}`,
    // An anonymous S3 request: CloudTrail writes a word where the account ID goes ("CloudTrail userIdentity
    // element", AWS CloudTrail User Guide: "accountId": "ANONYMOUS_PRINCIPAL").
    `{"eventVersion":"1.08","userIdentity":{"type":"AWSAccount","principalId":"","accountId":"ANONYMOUS_PRINCIPAL"},"eventTime":"2024-03-05T04:00:00Z","eventSource":"s3.amazonaws.com","eventName":"GetObject","eventID":"e7","readOnly":true,"eventType":"AwsApiCall"}`,
];

const ATHENA_CASES: { construct: string; pattern: string; athena?: string }[] = [
    {
        construct: "a top-level STRING column",
        pattern: "{ $.eventName = ConsoleLogin }",
        athena: "COALESCE((eventname = 'ConsoleLogin'), FALSE)",
    },
    {
        construct: "struct fields and NOT EXISTS on a struct field (CIS root usage)",
        pattern:
            '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
        athena: "(COALESCE((useridentity.type = 'Root'), FALSE) AND (NOT (useridentity.invokedby IS NOT NULL)) AND COALESCE((NOT (eventtype = 'AwsServiceEvent')), FALSE))",
    },
    { construct: "deep struct field", pattern: "{ $.userIdentity.sessionContext.attributes.mfaAuthenticated = true }" },
    { construct: "struct in a struct", pattern: "{ $.userIdentity.sessionContext.sessionIssuer.userName = adm* }" },
    {
        construct: "a JSON column: a member",
        pattern: '{ $.additionalEventData.MFAUsed != "Yes" }',
        athena: "COALESCE(CASE COALESCE(substr(json_format(json_extract(json_parse(additionaleventdata), '$[\"MFAUsed\"]')), 1, 1), '') WHEN '' THEN FALSE WHEN '\"' THEN (NOT (json_extract_scalar(json_extract(json_parse(additionaleventdata), '$[\"MFAUsed\"]'), '$') = 'Yes')) WHEN 't' THEN TRUE WHEN 'f' THEN TRUE WHEN 'n' THEN FALSE WHEN '{' THEN FALSE WHEN '[' THEN FALSE ELSE TRUE END, FALSE)",
    },
    { construct: "a JSON column: wildcard value", pattern: "{ $.requestParameters.instanceType = *.8xlarge }" },
    {
        construct: "a JSON column: [*] then member",
        pattern: "{ $.requestParameters.instancesSet.items[*].imageId = ami-3 }",
        athena: "(CASE WHEN substr(json_format(json_extract(json_parse(requestparameters), '$[\"instancesSet\"][\"items\"]')), 1, 1) = '[' THEN COALESCE(any_match(CAST(json_extract(json_parse(requestparameters), '$[\"instancesSet\"][\"items\"]') AS ARRAY(JSON)), x1 -> COALESCE(CASE COALESCE(substr(json_format(json_extract(x1, '$[\"imageId\"]')), 1, 1), '') WHEN '' THEN FALSE WHEN '\"' THEN (json_extract_scalar(json_extract(x1, '$[\"imageId\"]'), '$') = 'ami-3') WHEN 't' THEN FALSE WHEN 'f' THEN FALSE WHEN 'n' THEN FALSE WHEN '{' THEN FALSE WHEN '[' THEN FALSE ELSE FALSE END, FALSE)), FALSE) ELSE FALSE END)",
    },
    {
        construct: "a JSON column: number and numeric string",
        pattern:
            "{ $.requestParameters.instancesSet.items[0].maxCount >= 2 || $.requestParameters.instancesSet.items[0].maxCount = 1 }",
    },
    { construct: "a JSON column: NOT EXISTS inside", pattern: "{ $.requestParameters.maxItems NOT EXISTS }" },
    { construct: "a numeric string column", pattern: "{ $.errorCode = 400 }" },
    { construct: "readOnly IS TRUE", pattern: "{ $.readOnly IS TRUE }" },
    { construct: "readOnly IS FALSE", pattern: "{ $.readOnly IS FALSE }" },
    { construct: "readOnly's text", pattern: "{ $.readOnly = fal* }" },
    {
        construct: "= * on a STRING column: an absent field fails",
        pattern: "{ $.errorCode = * }",
        athena: "(errorcode IS NOT NULL)",
    },
    { construct: '= "*" on a STRUCT field: an absent field fails', pattern: '{ $.userIdentity.invokedBy = "*" }' },
    { construct: "!= * on a STRING column", pattern: "{ $.errorCode != * || $.eventName = CreateUser }" },
    {
        construct: "a number against a STRUCT field that holds a word for some records",
        pattern: "{ $.userIdentity.accountId >= 111122223333 }",
    },
    {
        construct: "CIS unauthorized calls",
        pattern: '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
    },
];

const REFUSED: { pattern: string; dialects: SqlDialect[]; error: string }[] = [
    {
        pattern: "{ $.eventName = %Login% }",
        dialects: [DUCKDB_DIALECT, ATHENA_DIALECT],
        error: "position 17: regular expressions are not translated to SQL (CloudWatch's regex dialect has no exact equivalent in both engines)",
    },
    {
        pattern: "ConsoleLogin",
        dialects: [DUCKDB_DIALECT, ATHENA_DIALECT],
        error: "position 1: only JSON patterns ({ ... }) are translated to SQL; a term pattern matches the event's text as CloudWatch Logs receives it",
    },
    {
        pattern: "[ip, user, status = 404]",
        dialects: [DUCKDB_DIALECT],
        error: "position 1: only JSON patterns ({ ... }) are translated to SQL; a space-delimited pattern matches the event's text as CloudWatch Logs receives it",
    },
    {
        pattern: `{ $.['a"b'] = 1 }`,
        dialects: [DUCKDB_DIALECT, ATHENA_DIALECT],
        error: `position 3: $.['a"b']: a property name holding " or \\ has no JSON path both SQL engines read alike`,
    },
    {
        pattern: "{ $.['*'] = 1 }",
        dialects: [DUCKDB_DIALECT, ATHENA_DIALECT],
        error: "position 3: $.['*']: a property named * reads as a wildcard in DuckDB's JSON path",
    },
    {
        pattern: "{ $.requestParameters.['*'] NOT EXISTS }",
        dialects: [DUCKDB_DIALECT, ATHENA_DIALECT],
        error: "position 3: $.requestParameters.['*']: a property named * reads as a wildcard in DuckDB's JSON path",
    },
    {
        pattern: "{ $.useridentity.type = Root }",
        dialects: [ATHENA_DIALECT],
        error: "position 3: $.useridentity.type: CloudTrail spells this field userIdentity; the Athena table's column names ignore case, so it cannot tell $.useridentity from the field CloudTrail writes",
    },
    {
        pattern: "{ $.eventname = x }",
        dialects: [ATHENA_DIALECT],
        error: "position 3: $.eventname: CloudTrail spells this field eventName; the Athena table's column names ignore case, so it cannot tell $.eventname from the field CloudTrail writes",
    },
    {
        pattern: "{ $.resources[0].ARN = x }",
        dialects: [ATHENA_DIALECT],
        error: "position 3: $.resources[0].ARN: $.resources is not translated for the Athena CloudTrail table: it is an ARRAY of STRUCTs in the table",
    },
    {
        pattern: "{ $.requestParameters IS NULL }",
        dialects: [ATHENA_DIALECT],
        error: "position 3: $.requestParameters: $.requestParameters is stored as JSON text in the Athena CloudTrail table, which cannot tell an absent field from null; select a field inside it",
    },
    {
        pattern: "{ $.userIdentity.type IS NULL }",
        dialects: [ATHENA_DIALECT],
        error: "position 3: $.userIdentity.type IS NULL: CloudTrail documents $.userIdentity.type as a string, and the Athena CloudTrail table keeps only its text",
    },
    {
        pattern: "{ $.readOnly IS NULL }",
        dialects: [ATHENA_DIALECT],
        error: "position 3: $.readOnly IS NULL: the Athena CloudTrail table stores an absent $.readOnly and a null one alike",
    },
    {
        pattern: "{ $.foo = 1 }",
        dialects: [ATHENA_DIALECT],
        error: "position 3: $.foo: the Athena CloudTrail table has no column for $.foo",
    },
    {
        pattern: "{ $.* = 1 }",
        dialects: [ATHENA_DIALECT],
        error: "position 3: $.*: the Athena CloudTrail table has no column for the record itself, not a JSON value to apply a wildcard to",
    },
    {
        pattern: "{ $.userIdentity = x }",
        dialects: [ATHENA_DIALECT],
        error: "position 3: $.userIdentity: $.userIdentity is a STRUCT in the Athena CloudTrail table, not a value to test",
    },
    {
        pattern: "{ $.eventName.x = y }",
        dialects: [ATHENA_DIALECT],
        error: "position 3: $.eventName.x: $.eventName is a plain STRING column in the Athena CloudTrail table",
    },
    {
        pattern: "{ $.n = 1e999 }",
        dialects: [DUCKDB_DIALECT],
        error: "position 9: the number Infinity is outside what SQL compares exactly",
    },
];

describe("filter patterns in SQL: the athena dialect", function () {
    this.timeout(60_000);
    let session: DuckdbSession;

    before(async () => {
        session = await DuckdbSession.open();
        await session.query(
            `CREATE TABLE cloudtrail_logs AS SELECT i, ${cloudTrailTableColumns()} FROM (SELECT i, json(text) AS record FROM (VALUES ${eventValues(CLOUDTRAIL_EVENTS)}) AS t(i, text))`,
        );
    });
    after(() => session.close());

    for (const { construct, pattern, athena } of ATHENA_CASES) {
        it(`${construct}: ${pattern}`, async () => {
            if (athena !== undefined) assert.strictEqual(translate(pattern, ATHENA_DIALECT), athena);
            const expected = evaluatorVerdicts(pattern, CLOUDTRAIL_EVENTS);
            assert.ok(
                expected.includes(true) && expected.includes(false),
                "the events tell matching from not matching",
            );
            const sql = translate(pattern, ATHENA_SHAPE_IN_DUCKDB);
            assert.deepStrictEqual(await duckdbVerdicts(session, sql, CLOUDTRAIL_EVENTS, "cloudtrail_logs"), expected);
        });
    }

    for (const { pattern, dialects, error } of REFUSED) {
        it(`refuses ${pattern} (${dialects.map((d) => d.name).join(", ")}) with the position and the reason`, () => {
            for (const dialect of dialects) assert.strictEqual(translationError(pattern, dialect), error);
        });
    }
});

describe("the dialects' function map", function () {
    this.timeout(60_000);
    // Each entry, for both dialects: the exact text; DuckDB runs its own on sample JSON.
    const v = "v";
    const entries: [string, (f: typeof duckdbFunctions) => string, string, string, unknown][] = [
        ["jsonText", (f) => f.jsonText(v), "CAST(v AS VARCHAR)", "json_format(v)", '{"a":[1,"x"]}'],
        [
            "jsonPath",
            (f) => f.jsonPath(v, ["a", 1]),
            "json_extract(v, '$.\"a\"[1]')",
            "json_extract(v, '$[\"a\"][1]')",
            '"x"',
        ],
        [
            "jsonStringValue",
            (f) => f.jsonStringValue(f.jsonPath(v, ["a", 1])),
            "json_extract_string(json_extract(v, '$.\"a\"[1]'), '$')",
            "json_extract_scalar(json_extract(v, '$[\"a\"][1]'), '$')",
            "x",
        ],
        [
            "jsonArrayElements",
            (f) => f.jsonArrayElements(f.jsonPath(v, ["a"])),
            "json_extract(json_extract(v, '$.\"a\"'), '$[*]')",
            "CAST(json_extract(v, '$[\"a\"]') AS ARRAY(JSON))",
            ["1", '"x"'],
        ],
        [
            "jsonObjectValues",
            (f) => f.jsonObjectValues(v),
            "json_extract(v, '$.*')",
            "map_values(CAST(v AS MAP(VARCHAR, JSON)))",
            ['[1,"x"]'],
        ],
        [
            "anyMatch",
            (f) => f.anyMatch("[1, 2, 3]", "x", "x > 2"),
            "(len(list_filter([1, 2, 3], lambda x: x > 2)) > 0)",
            "COALESCE(any_match([1, 2, 3], x -> x > 2), FALSE)",
            true,
        ],
        ["parseJson", (f) => f.parseJson("'{\"b\":2}'"), "json('{\"b\":2}')", "json_parse('{\"b\":2}')", '{"b":2}'],
        [
            "regexpContains",
            (f) => f.regexpContains("'a12'", "'\\A[0-9]+\\z'"),
            "regexp_matches('a12', '\\A[0-9]+\\z')",
            "regexp_like('a12', '\\A[0-9]+\\z')",
            false,
        ],
    ];
    for (const [name, use, duckdb, athena, result] of entries) {
        it(`${name}: duckdb and athena text; DuckDB's result`, async () => {
            assert.strictEqual(use(duckdbFunctions), duckdb);
            assert.strictEqual(use(athenaFunctions), athena);
            const rows = await (async () => {
                const s = await DuckdbSession.open();
                try {
                    return await s.query(`SELECT ${duckdb} AS r FROM (SELECT json('{"a":[1,"x"]}') AS v)`);
                } finally {
                    s.close();
                }
            })();
            assert.deepStrictEqual(rows[0].r, result);
        });
    }
    it("fail: stops the query with the message", async () => {
        assert.strictEqual(athenaFunctions.fail("it's wrong"), "fail('it''s wrong')");
        assert.strictEqual(duckdbFunctions.fail("it's wrong"), "error('it''s wrong')");
        const s = await DuckdbSession.open();
        try {
            await assert.rejects(s.query(`SELECT ${duckdbFunctions.fail("it's wrong")}`), /it's wrong/);
        } finally {
            s.close();
        }
    });
});
