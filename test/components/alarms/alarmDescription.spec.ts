import * as assert from "assert";
import {
    alarmDescriptionSeverity,
    alarmDescriptionSeverityRegex,
    formatAlarmDescription,
    parseAlarmDescription,
    resolveAlertRules,
} from "@trailwatch/components";

const rule = {
    id: "console-login-root",
    title: "Root user console sign-in",
    severity: "P1" as const,
    rationale: "Someone signed in as root.",
    control: "team",
};

describe("the alarm description", () => {
    it("is one line: [severity] title | Why: rationale | Rule: id | Control: control", () => {
        assert.strictEqual(
            formatAlarmDescription(rule),
            "[P1] Root user console sign-in | Why: Someone signed in as root. | Rule: console-login-root | Control: team",
        );
    });

    it("reads back the fields it was written from", () => {
        assert.deepStrictEqual(parseAlarmDescription(formatAlarmDescription(rule)), {
            severity: "P1",
            title: "Root user console sign-in",
            rationale: "Someone signed in as root.",
            ruleId: "console-login-root",
            control: "team",
        });
        assert.strictEqual(parseAlarmDescription("CPU above 80%"), undefined);
        assert.strictEqual(parseAlarmDescription(null), undefined);
    });

    it("starts with the severity marker, which a template can read from the first characters", () => {
        for (const severity of ["P1", "P2", "P3", "P4", "P5"] as const) {
            const description = formatAlarmDescription({ ...rule, severity });
            assert.strictEqual(alarmDescriptionSeverity(description), severity);
            assert.strictEqual(new RegExp(alarmDescriptionSeverityRegex).exec(description)?.[1], severity);
        }
        assert.strictEqual(alarmDescriptionSeverity("P1 without brackets"), undefined);
        assert.strictEqual(alarmDescriptionSeverity(undefined), undefined);
    });

    it("cleans quotes, backslashes, separators and line breaks so JSON-in-JSON extraction keeps it whole", () => {
        const description = formatAlarmDescription({
            ...rule,
            title: 'Root "break glass" | sign-in',
            rationale: "Line one.\n  Line two with C:\\path and\ttab.",
        });
        assert.strictEqual(
            description,
            "[P1] Root 'break glass' / sign-in | Why: Line one. Line two with C:/path and tab. | Rule: console-login-root | Control: team",
        );
        // The SNS HTTPS notification carries the alarm message as a JSON string inside JSON.
        const notification = JSON.stringify({
            Type: "Notification",
            Message: JSON.stringify({ AlarmName: "a", AlarmDescription: description, AWSAccountId: "111122223333" }),
        });
        const message = (JSON.parse(notification) as { Message: string }).Message;
        assert.strictEqual(/"AlarmDescription":"([^"]*)"/.exec(message)?.[1], description);
    });

    it("stays within CloudWatch's 1024 characters by cutting the rationale, never the marker, id or control", () => {
        const description = formatAlarmDescription({ ...rule, rationale: "word ".repeat(400) });
        assert.strictEqual(description.length <= 1024, true);
        assert.match(
            description,
            /^\[P1\] Root user console sign-in \| Why: (word )+word\.\.\. \| Rule: console-login-root \| Control: team$/,
        );
        assert.strictEqual(parseAlarmDescription(description)?.ruleId, "console-login-root");
    });

    it("fits every built-in rule without cutting its rationale", () => {
        for (const r of resolveAlertRules().rules) {
            const description = formatAlarmDescription(r);
            assert.ok(description.length <= 1024, r.id);
            assert.strictEqual(parseAlarmDescription(description)?.rationale, r.rationale, r.id);
        }
    });
});
