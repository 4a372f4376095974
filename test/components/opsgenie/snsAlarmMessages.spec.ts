import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import {
    AlarmMessageField,
    SnsNotificationFields,
    alarmDescriptionTemplate,
    alarmFieldExpression,
    alarmIntegrationActions,
    alarmMessageFields,
    defaultDescriptionFields,
    parseSnsNotification,
    previewOpsgenieAlert,
    renderOpsgenieTemplate,
} from "@trailwatch/components";
import { skipWithoutShared } from "../../support/repositoryPaths";
import { snsAlarmMessagesDir } from "./sharedReference";

// Real SNS notifications sent by CloudWatch alarms, 2014-2023 (../shared/corpus/sns-alarm-messages, read in place):
// HTTPS bodies and Lambda events, with and without AlarmArn, OKActions and AlarmConfigurationUpdatedTimestamp, with
// null descriptions and escaped quotes. The generated templates must take exactly the right value out of each.

interface CorpusNotification {
    file: string;
    fields: SnsNotificationFields;
    /** The alarm message, parsed; undefined when the notification is not from an alarm. */
    alarm?: Record<string, unknown>;
}

function loadCorpus(): CorpusNotification[] {
    return fs
        .readdirSync(snsAlarmMessagesDir)
        .filter((f) => f.endsWith(".json") && f !== "index.json")
        .sort()
        .map((file) => {
            const fields = parseSnsNotification(fs.readFileSync(path.join(snsAlarmMessagesDir, file), "utf8"));
            let alarm: Record<string, unknown> | undefined;
            try {
                const parsed = JSON.parse(fields.Message);
                if (typeof parsed.AlarmName === "string") alarm = parsed;
            } catch {
                alarm = undefined;
            }
            return { file, fields, alarm };
        });
}

/** A JSON string value as it stands in the message text: quotes and backslashes escaped. */
function asWritten(value: string): string {
    return JSON.stringify(value).slice(1, -1);
}

const actions = alarmIntegrationActions({
    descriptionFields: defaultDescriptionFields,
    defaultPriority: "P3",
    alertTags: ["trailwatch"],
});

describe("generated templates against real CloudWatch alarm notifications, 2014-2023", () => {
    let corpus: CorpusNotification[];
    let alarms: (CorpusNotification & { alarm: Record<string, unknown> })[];

    before(function () {
        skipWithoutShared(this, snsAlarmMessagesDir);
        corpus = loadCorpus();
        alarms = corpus.filter(
            (n): n is CorpusNotification & { alarm: Record<string, unknown> } => n.alarm !== undefined,
        );
    });

    it("reads every file of the corpus, and covers every era the templates must survive", () => {
        assert.strictEqual(corpus.length, 9);
        assert.strictEqual(alarms.length, 8, "all but the SubscriptionConfirmation are alarm notifications");
        const count = (p: (a: Record<string, unknown>) => boolean) => alarms.filter((n) => p(n.alarm)).length;
        assert.ok(
            count((a) => "AlarmArn" in a) > 0 && count((a) => !("AlarmArn" in a)) > 0,
            "with and without AlarmArn",
        );
        assert.ok(
            count((a) => "OKActions" in a) > 0 && count((a) => !("OKActions" in a)) > 0,
            "with and without OKActions",
        );
        assert.ok(count((a) => "AlarmConfigurationUpdatedTimestamp" in a) > 0, "the current key order");
        assert.ok(count((a) => a.AlarmDescription === null) > 0, "null descriptions");
        assert.ok(count((a) => String(a.AlarmDescription).includes('"')) > 0, "quotes inside a description");
        assert.ok(count((a) => a.NewStateValue === "OK") > 0 && count((a) => a.NewStateValue === "ALARM") > 0);
    });

    it("takes exactly each field's value out of every alarm message (null as empty text, absent keys as nothing)", () => {
        for (const { file, fields, alarm } of alarms) {
            for (const field of alarmMessageFields) {
                const rendered = renderOpsgenieTemplate(alarmFieldExpression(field), fields);
                const value = alarm[field];
                if (value === undefined) {
                    // AlarmArn before about 2019: no such key, nothing to show.
                    assert.strictEqual(rendered.text, "", `${file} ${field}`);
                    assert.strictEqual(rendered.warnings.length, 1, `${file} ${field}`);
                    continue;
                }
                assert.deepStrictEqual(rendered.warnings, [], `${file} ${field}`);
                if (value === null) {
                    assert.strictEqual(rendered.text, "", `${file} ${field}`);
                } else {
                    // Exactly the value, JSON escapes as CloudWatch wrote them; decoded, exactly the alarm's text.
                    assert.strictEqual(rendered.text, asWritten(String(value)), `${file} ${field}`);
                    assert.strictEqual(JSON.parse(`"${rendered.text}"`), value, `${file} ${field}`);
                }
            }
        }
    });

    it("renders the default description: AlarmDescription, AWSAccountId and Region of that very notification", () => {
        const template = alarmDescriptionTemplate(defaultDescriptionFields);
        const rendered = alarms.map(({ file, fields, alarm }) => [
            file,
            renderOpsgenieTemplate(template, fields).text,
            alarm,
        ]);
        for (const [file, text, alarm] of rendered as [string, string, Record<string, unknown>][]) {
            const description = alarm.AlarmDescription === null ? "" : asWritten(String(alarm.AlarmDescription));
            assert.strictEqual(
                text,
                `${description}\n\nAWS account ID: ${alarm.AWSAccountId}\n\nAWS region: ${alarm.Region}`,
                file,
            );
        }
        const modern = rendered.find(([file]) => String(file).startsWith("2023-02-18"))!;
        assert.strictEqual(
            modern[1],
            "This metric checks the status of the api-jideola.com health check.\n\nAWS account ID: 951708231033\n\nAWS region: US East (N. Virginia)",
        );
    });

    it("selects the close action for OK notifications and a create action for ALARM ones, the alias being the alarm name", () => {
        for (const { file, fields, alarm } of alarms) {
            const preview = previewOpsgenieAlert(actions, fields);
            assert.strictEqual(preview.action, alarm.NewStateValue === "OK" ? "close" : "create", file);
            assert.strictEqual(preview.alias, asWritten(String(alarm.AlarmName)), file);
            if (preview.action === "create") {
                assert.strictEqual(preview.message, alarm.AlarmName, file);
                // No corpus alarm carries a severity token: the catch-all create action, at the default priority.
                assert.deepStrictEqual(
                    [preview.actionNames, preview.priority],
                    [["Create an alert for a firing alarm without a severity token"], "P3"],
                    file,
                );
            } else {
                assert.strictEqual(preview.note, `Back to OK: ${asWritten(String(alarm.NewStateReason))}`, file);
            }
        }
    });

    it("does nothing with the SubscriptionConfirmation (no action's filter matches it)", () => {
        const confirmation = corpus.find((n) => n.fields.Type === "SubscriptionConfirmation")!;
        assert.deepStrictEqual(previewOpsgenieAlert(actions, confirmation.fields), {
            action: "none",
            actionNames: [],
            warnings: [],
        });
    });

    describe("the seed's hand-written regexes, the reason this exists", () => {
        const seed: Record<"description" | "account" | "region", string> = {
            description: '{{Message.extract(/AlarmDescription":"(.+)","AWSAccountId"/)}}',
            account: '{{Message.extract(/AWSAccountId":"(.+)","NewStateValue"/)}}',
            region: '{{Message.extract(/Region":"(.+)","AlarmArn"/)}}',
        };

        it("capture garbage for the account on a current message (a key was added after AWSAccountId)", () => {
            const modern = alarms.find((n) => "AlarmConfigurationUpdatedTimestamp" in n.alarm)!;
            assert.strictEqual(
                renderOpsgenieTemplate(seed.account, modern.fields).text,
                '951708231033","AlarmConfigurationUpdatedTimestamp":"2023-02-18T16:41:38.351+0000',
            );
            assert.strictEqual(
                renderOpsgenieTemplate(alarmFieldExpression("AWSAccountId"), modern.fields).text,
                "951708231033",
            );
        });

        it("find no region before AlarmArn existed, and the wrong account since AlarmConfigurationUpdatedTimestamp", () => {
            const failures: string[] = [];
            for (const { file, fields, alarm } of alarms) {
                for (const [name, template] of Object.entries(seed)) {
                    const field = (
                        { description: "AlarmDescription", account: "AWSAccountId", region: "Region" } as Record<
                            string,
                            AlarmMessageField
                        >
                    )[name];
                    const want = alarm[field] === null ? "" : asWritten(String(alarm[field]));
                    const got = renderOpsgenieTemplate(template, fields).text;
                    if (got !== want) failures.push(`${file.slice(0, 10)} ${name}: ${JSON.stringify(got)}`);
                }
            }
            assert.deepStrictEqual(failures, [
                '2014-12-15 region: ""',
                '2015-11-09 region: ""',
                '2018-09-22 region: ""',
                '2018-09-26 region: ""',
                '2019-02-12 region: ""',
                '2023-02-18 account: "951708231033\\",\\"AlarmConfigurationUpdatedTimestamp\\":\\"2023-02-18T16:41:38.351+0000"',
            ]);
        });
    });
});
