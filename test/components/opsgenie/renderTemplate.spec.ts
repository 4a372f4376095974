import * as assert from "assert";
import {
    AlertPreviewError,
    OpsgenieTemplateError,
    SnsNotificationFields,
    TEMPLATE_REGEX_BUDGET_MS,
    alarmFieldExpression,
    alarmMessageFields,
    parseOpsgenieTemplate,
    previewOpsgenieAlert,
    renderOpsgenieTemplate,
} from "@trailwatch/components";

// Table-driven: exact output for every documented method, chained; exact warnings where Opsgenie documents nothing
// and the renderer chose; exact positioned errors for malformed templates.

const notification: SnsNotificationFields = {
    Type: "Notification",
    MessageId: "c820d48d-f681-5419-9c18-9984930fed9e",
    TopicArn: "arn:aws:sns:eu-west-1:111122223333:trailwatch-alerts",
    Subject: 'ALARM: "cpu-alarm" in EU (Ireland)',
    Message: '{"AlarmName":"cpu-alarm","AlarmDescription":"Host: web-1 CPU high","AWSAccountId":"111122223333"}',
    Timestamp: "2014-12-15T22:40:14.205Z",
};

describe("Opsgenie templates: rendering", () => {
    const cases: [string, string, string][] = [
        ["static text is copied", "Alarm from AWS", "Alarm from AWS"],
        ["a field", "{{Subject}}", 'ALARM: "cpu-alarm" in EU (Ireland)'],
        [
            "spaces inside the braces, as Opsgenie's examples write them",
            "{{ Subject.toLowerCase() }}",
            'alarm: "cpu-alarm" in eu (ireland)',
        ],
        [
            "static text around fields",
            "[AWS] {{Type}} {{MessageId}}",
            "[AWS] Notification c820d48d-f681-5419-9c18-9984930fed9e",
        ],
        ["toUpperCase", "{{TopicArn.toUpperCase()}}", "ARN:AWS:SNS:EU-WEST-1:111122223333:TRAILWATCH-ALERTS"],
        ["substring(from, to): from included, to excluded", "{{Subject.substring(0,5)}}", "ALARM"],
        ["substring(from)", "{{Subject.substring(7)}}", '"cpu-alarm" in EU (Ireland)'],
        ["substringAfter", '{{Subject.substringAfter(" in ")}}', "EU (Ireland)"],
        ["substringBefore", '{{Subject.substringBefore(":")}}', "ALARM"],
        ["substringBetween", '{{Subject.substringBetween("\\"", "\\"")}}', "cpu-alarm"],
        [
            "chained methods apply left to right",
            '{{Subject.substringAfter("\\"").substringBefore("\\"").toUpperCase()}}',
            "CPU-ALARM",
        ],
        [
            "extract: the first group of the first match, anywhere in the text",
            "{{Message.extract(/Host: (\\S+)/)}}",
            "web-1",
        ],
        ["extract with several groups: the first", '{{Message.extract(/"AWSAccountId":"(\\d{4})(\\d+)"/)}}', "1111"],
        ["extract without a group: the whole match", "{{Message.extract(/\\d{12}/)}}", "111122223333"],
        [
            "a / inside a character class does not end the expression",
            "{{TopicArn.extract(/([/:a-z-]+)$/)}}",
            ":trailwatch-alerts",
        ],
        ["toDate(): yyyy-MM-dd HH:mm:ss ZZZ in GMT", "{{Timestamp.toDate()}}", "2014-12-15 22:40:14 +0000"],
        ["toDate(format)", '{{Timestamp.toDate("dd MMM yyyy, HH:mm z")}}', "15 Dec 2014, 22:40 GMT"],
        [
            "toDate: day and month names, 12-hour clock",
            '{{Timestamp.toDate("EEEE d MMMM, h:mm a")}}',
            "Monday 15 December, 10:40 PM",
        ],
        [
            "toDate: quoted text and milliseconds",
            "{{Timestamp.toDate(\"yyyy-MM-dd'T'HH:mm:ss.SSS''\")}}",
            "2014-12-15T22:40:14.205'",
        ],
    ];
    for (const [what, template, expected] of cases) {
        it(what, () => {
            assert.deepStrictEqual(renderOpsgenieTemplate(template, notification), { text: expected, warnings: [] });
        });
    }

    it("toDate reads CloudWatch's +0000 times and epoch milliseconds alike", () => {
        const n = { ...notification, Subject: "2014-12-15T22:40:14.144+0000", Message: "1418683214144" };
        assert.strictEqual(
            renderOpsgenieTemplate("{{Subject.toDate()}}|{{Message.toDate()}}", n).text,
            "2014-12-15 22:40:14 +0000|2014-12-15 22:40:14 +0000",
        );
    });

    const choices: [string, string, string, string][] = [
        [
            "extract that matches nothing renders as empty text (undocumented: chosen)",
            'Account: {{Message.extract(/"Region":"([^"]*)"/)}}.',
            "Account: .",
            'line 1, column 20: extract(/"Region":"([^"]*)"/) matched nothing: rendered as empty text',
        ],
        [
            "extract whose group takes no part in the match renders as empty text",
            "{{Message.extract(/(zzz)|cpu/)}}",
            "",
            "line 1, column 11: extract(/(zzz)|cpu/): the group took no part in the match: rendered as empty text",
        ],
        [
            "substring beyond the text is clamped (Java would throw)",
            "{{Type.substring(6, 50)}}",
            "cation",
            "line 1, column 8: substring(6, 50) is outside the text (length 12): indices clamped",
        ],
        [
            "substringBetween that finds nothing renders as empty text",
            '{{Subject.substringBetween("[", "]")}}',
            "",
            'line 1, column 11: substringBetween("[", "]") found no such text: rendered as empty text',
        ],
        [
            "toDate of text that is not a timestamp renders as empty text",
            "{{Type.toDate()}}",
            "",
            'line 1, column 8: toDate(): "Notification" is not a timestamp: rendered as empty text',
        ],
        [
            "a field the notification does not carry renders as empty text",
            "{{Subject}}",
            "",
            "line 1, column 3: the notification has no Subject: rendered as empty text",
        ],
    ];
    for (const [what, template, text, warning] of choices) {
        it(what, () => {
            const n = what.includes("does not carry") ? { ...notification, Subject: undefined } : notification;
            const rendered = renderOpsgenieTemplate(template, n);
            assert.strictEqual(rendered.text, text);
            assert.deepStrictEqual(
                rendered.warnings.map((w) => `line ${w.line}, column ${w.column}: ${w.message}`),
                [warning],
            );
        });
    }

    it("substringAfter and substringBefore of text that is not there: empty, and the whole text (Commons Lang)", () => {
        assert.deepStrictEqual(
            renderOpsgenieTemplate('[{{Type.substringAfter("x")}}][{{Type.substringBefore("x")}}]', notification),
            { text: "[][Notification]", warnings: [] },
        );
    });
});

describe("Opsgenie templates: malformed templates name the line and column", () => {
    const fields = "fields of an Amazon SNS notification: Type, MessageId, TopicArn, Subject, Message, Timestamp";
    const methods =
        "methods: extract, substring, substringAfter, substringBefore, substringBetween, toLowerCase, toUpperCase, toDate";
    const cases: [string, string][] = [
        ["Alarm {{Message", "line 1, column 7: {{ is never closed with }}"],
        ["{{}}", "line 1, column 3: empty {{ }}: expected a field name"],
        ["{{ 5 }}", 'line 1, column 4: expected a field name after {{, found "5"'],
        [
            "{{message}}",
            `line 1, column 3: unknown field "message" (did you mean "Message"? names are case-sensitive); ${fields}`,
        ],
        ["{{AlarmName}}", `line 1, column 3: unknown field "AlarmName"; ${fields}`],
        ["{{Message extract}}", 'line 1, column 11: expected . followed by a method, or }}, found "e"'],
        ["{{Message.}}", "line 1, column 11: expected a method name after ."],
        ["{{Message.toLower()}}", `line 1, column 11: unknown method "toLower"; ${methods}`],
        ["{{Message.extract}}", 'line 1, column 18: expected ( after extract, found "}"'],
        ["{{Message.extract(/a/}}", 'line 1, column 22: expected ) or , in the arguments of extract, found "}"'],
        [
            '{{Message.extract("a")}}',
            'line 1, column 19: extract(/regular expression/): argument 1 must be a /regular expression/, not a "string"',
        ],
        ["{{Message.substring()}}", "line 1, column 11: substring(from[, to]) takes 1 to 2 arguments, given 0"],
        ["{{Message.substring(1, 2, 3)}}", "line 1, column 11: substring(from[, to]) takes 1 to 2 arguments, given 3"],
        ["{{Message.toLowerCase(1)}}", "line 1, column 11: toLowerCase() takes 0 arguments, given 1"],
        [
            '{{Message.substringBetween("a")}}',
            'line 1, column 11: substringBetween("from", "to") takes 2 arguments, given 1',
        ],
        ["{{Message.substringAfter('x')}}", 'line 1, column 26: strings are written in double quotes: "text"'],
        ['{{Message.substringAfter("x)}}', "line 1, column 26: string is never closed with a double quote"],
        ["{{Message.extract(/(a/)}}", "line 1, column 19: invalid regular expression /(a/: Unterminated group"],
        ["{{Message.extract(/a++/)}}", "line 1, column 19: invalid regular expression /a++/: Nothing to repeat"],
        [
            "{{Message.extract(/(?i)alarm/)}}",
            "line 1, column 19: invalid regular expression /(?i)alarm/: Invalid group",
        ],
        [
            "{{Message.extract(/x\\Ay/)}}",
            "line 1, column 21: \\A means something else in Java than in JavaScript; the preview cannot evaluate it faithfully",
        ],
        [
            "{{Message.extract(/a/i)}}",
            "line 1, column 22: regular expression flags are not supported after the closing /",
        ],
        ["{{Message.extract(//)}}", "line 1, column 19: empty regular expression //"],
        ["{{Message.extract(/abc)}}", "line 1, column 19: regular expression is never closed with /"],
        [
            '{{Timestamp.toDate("yyyy-bb")}}',
            'line 1, column 26: toDate(["format"]): "b" is not a date format letter this renderer knows (supported: G y Y M L d D E u a H k K h m s S z Z X; quote literal text with \'…\')',
        ],
        [
            "First line\n\nAccount: {{Message.extract(/x/).nope()}}",
            `line 3, column 33: unknown method "nope"; ${methods}`,
        ],
    ];
    for (const [template, message] of cases) {
        it(JSON.stringify(template), () => {
            assert.throws(
                () => parseOpsgenieTemplate(template),
                (err: unknown) => {
                    assert.ok(err instanceof OpsgenieTemplateError);
                    assert.strictEqual(err.message, message);
                    return true;
                },
            );
        });
    }

    it("reports the offset, line and column as fields too", () => {
        try {
            parseOpsgenieTemplate("a\nb {{Nope}}");
            assert.fail("no error");
        } catch (err) {
            assert.ok(err instanceof OpsgenieTemplateError);
            assert.deepStrictEqual(
                [err.offset, err.line, err.column, err.reason.slice(0, 20)],
                [6, 2, 5, 'unknown field "Nope"'],
            );
        }
    });
});

describe("Opsgenie templates: a regex that takes too long is stopped, at its position", () => {
    // Opsgenie runs Java's backtracking engine and gives up after 10 s ("String processing methods": "Regex match
    // operations has 10 seconds timeout limit"); the renderer keeps backtracking semantics and stops after 1 s.
    const hostile: SnsNotificationFields = { ...notification, Message: `${"a".repeat(30)}!` };

    it("extract(/(a+)+$/) on a 31-character message: OpsgenieTemplateError at the /, within a few seconds", () => {
        assert.strictEqual(hostile.Message.length, 31);
        const started = Date.now();
        assert.throws(
            () => renderOpsgenieTemplate("Host: {{Message.extract(/(a+)+$/)}}", hostile),
            (err: unknown) => {
                assert.ok(err instanceof OpsgenieTemplateError);
                assert.strictEqual(
                    err.message,
                    `line 1, column ${"Host: {{Message.extract(".length + 1}: extract(/(a+)+$/) took too long: stopped after ${TEMPLATE_REGEX_BUDGET_MS / 1000} s (Opsgenie stops a regex after 10 s and renders "null")`,
                );
                return true;
            },
        );
        const ms = Date.now() - started;
        assert.ok(ms >= TEMPLATE_REGEX_BUDGET_MS && ms < 5000, `took ${ms} ms`);
    });

    it("the next template renders normally after one was stopped, with backtracking semantics kept", () => {
        try {
            renderOpsgenieTemplate("{{Message.extract(/(a+)+$/)}}", hostile);
        } catch {
            // stopped, as above
        }
        // A backreference and a lookbehind: Java (and JavaScript) features an automaton cannot run.
        assert.deepStrictEqual(
            renderOpsgenieTemplate(
                '{{Message.extract(/((\\d)\\2+)/)}} {{Message.extract(/(?<="AlarmName":")([^"]*)/)}}',
                notification,
            ),
            { text: "1111 cpu-alarm", warnings: [] },
        );
    });

    it("the expressions trailwatch generates (run without the worker) stay linear on 256 KB of hostile text", () => {
        // SNS messages are at most 256 KB. Unterminated values, runs of escapes, and a key repeated everywhere.
        const n = 256 * 1024;
        for (const field of alarmMessageFields) {
            const key = `"${field}":`;
            const inputs = [
                `${key}"${"\\a".repeat(n / 2)}`,
                `${key}"${"a".repeat(n)}`,
                key.repeat(n / key.length),
                `${key}"`.repeat(n / (key.length + 1)),
                `${key}"\\`.repeat(n / (key.length + 2)),
            ];
            const template = alarmFieldExpression(field);
            const started = Date.now();
            for (const Message of inputs) renderOpsgenieTemplate(template, { ...notification, Message });
            const ms = Date.now() - started;
            assert.ok(ms < 2000, `${field}: ${ms} ms`);
        }
    });

    it("a filter condition whose matches expression takes too long is an AlertPreviewError, not a hang", () => {
        const started = Date.now();
        assert.throws(
            () =>
                previewOpsgenieAlert(
                    {
                        creates: [
                            {
                                name: "create",
                                filters: [
                                    {
                                        type: "match-all-conditions",
                                        conditions: [
                                            { field: "Message", operation: "matches", expectedValue: "(a+)+" },
                                        ],
                                    },
                                ],
                            },
                        ],
                    },
                    hostile,
                ),
            (err: unknown) => {
                assert.ok(err instanceof AlertPreviewError);
                assert.strictEqual(
                    err.message,
                    'the filter condition Message matches /(a+)+/ took too long: stopped after 1 s (Opsgenie stops a regex after 10 s and renders "null")',
                );
                return true;
            },
        );
        assert.ok(Date.now() - started < 5000);
    });
});
