import * as assert from "assert";
import {
    alarmDescriptionTemplate,
    alarmIntegrationActions,
    cloudWatchAlarmNotification,
    previewOpsgenieAlert,
    readSnsNotification,
} from "@trailwatch/components";
import { rootUsageAlarm } from "../../fixtures/alarmNotifications";

const actions = alarmIntegrationActions({
    descriptionFields: ["AlarmDescription", "AWSAccountId", "Region"],
    defaultPriority: "P3",
    alertTags: ["trailwatch", "security"],
});

const nameExtraction = '{{Message.extract(/"AlarmName":"?((?:(?<=:")(?:[^"\\\\]|\\\\.)*)?)(?:"|null)/)}}';

function notify(overrides: Partial<typeof rootUsageAlarm>) {
    return readSnsNotification(cloudWatchAlarmNotification({ ...rootUsageAlarm, ...overrides }));
}

describe("the integration actions for CloudWatch alarms", () => {
    it("create P1 to P5 by the severity token at the start of the description, then one for no token, each with the same texts", () => {
        // A text starting with "!" must be absent from the message.
        const filter = (...texts: string[]) => [
            {
                type: "match-all-conditions",
                conditions: texts.map((text, i) => ({
                    field: "Message",
                    operation: "contains",
                    expectedValue: text.replace(/^!/, ""),
                    ...(text.startsWith("!") ? { not: true } : {}),
                    order: i + 1,
                })),
            },
        ];
        const texts = {
            message: nameExtraction,
            description: alarmDescriptionTemplate(["AlarmDescription", "AWSAccountId", "Region"]),
            alias: nameExtraction,
            tags: ["trailwatch", "security"],
        };
        assert.deepStrictEqual(actions.creates, [
            ...["P1", "P2", "P3", "P4", "P5"].map((p, i) => ({
                name: `Create a ${p} alert for a firing alarm marked [${p}]`,
                order: i + 1,
                ...texts,
                priority: p,
                filters: filter('"NewStateValue":"ALARM"', `"AlarmDescription":"[${p}]`),
            })),
            {
                name: "Create an alert for a firing alarm without a severity token",
                order: 6,
                ...texts,
                priority: "P3",
                // Excludes every token, so that no two creates match one notification whatever their order.
                filters: filter(
                    '"NewStateValue":"ALARM"',
                    ...["P1", "P2", "P3", "P4", "P5"].map((p) => `!"AlarmDescription":"[${p}]`),
                ),
            },
        ]);
        assert.deepStrictEqual(actions.closes, [
            {
                name: "Close the alert when the alarm is back to OK",
                order: 1,
                alias: nameExtraction,
                note: 'Back to OK: {{Message.extract(/"NewStateReason":"?((?:(?<=:")(?:[^"\\\\]|\\\\.)*)?)(?:"|null)/)}}',
                filters: filter('"NewStateValue":"OK"'),
            },
        ]);
    });

    for (const priority of ["P1", "P2", "P3", "P4", "P5"]) {
        it(`gives a firing alarm whose description starts with [${priority}] priority ${priority}`, () => {
            const preview = previewOpsgenieAlert(
                actions,
                notify({ alarmDescription: `[${priority}] Something | Why: x` }),
            );
            assert.deepStrictEqual(
                [preview.action, preview.priority, preview.actionNames],
                ["create", priority, [`Create a ${priority} alert for a firing alarm marked [${priority}]`]],
            );
        });
    }

    it("renders the alert a firing trailwatch alarm produces: name as message and alias, description, account, region", () => {
        assert.deepStrictEqual(previewOpsgenieAlert(actions, notify({})), {
            action: "create",
            actionNames: ["Create a P1 alert for a firing alarm marked [P1]"],
            alias: "trailwatch-cis-cloudwatch-1-root-usage",
            message: "trailwatch-cis-cloudwatch-1-root-usage",
            description:
                "[P1] Root user activity | Why: The root user cannot be restricted. | Rule: cis-cloudwatch-1-root-usage | Control: Security Hub CloudWatch.1\n\nAWS account ID: 111122223333\n\nAWS region: EU (Ireland)",
            priority: "P1",
            tags: ["trailwatch", "security"],
            warnings: [],
        });
    });

    it("takes the priority only from the start of the description, never from a token elsewhere in the message", () => {
        for (const description of ["Root user [P1] activity", null, "P1 root user"]) {
            const preview = previewOpsgenieAlert(actions, notify({ alarmDescription: description, alarmName: "[P1]" }));
            assert.deepStrictEqual([preview.action, preview.priority], ["create", "P3"], String(description));
        }
    });

    it("closes the same alert (same alias) when the alarm is back to OK, and does nothing on INSUFFICIENT_DATA", () => {
        const ok = previewOpsgenieAlert(actions, notify({ newState: "OK", oldState: "ALARM" }));
        assert.deepStrictEqual(
            [ok.action, ok.alias, ok.actionNames],
            ["close", "trailwatch-cis-cloudwatch-1-root-usage", ["Close the alert when the alarm is back to OK"]],
        );
        assert.match(ok.note ?? "", /^Back to OK: Threshold Crossed: 1 out of the last 1 datapoints \[2\.0 /);
        const insufficient = previewOpsgenieAlert(actions, notify({ newState: "INSUFFICIENT_DATA", oldState: "OK" }));
        assert.strictEqual(insufficient.action, "none");
    });

    it("never lets a create and the close match the same notification", () => {
        for (const state of ["ALARM", "OK", "INSUFFICIENT_DATA"]) {
            for (const description of ["[P1] x", "[P5] y", null]) {
                const preview = previewOpsgenieAlert(
                    actions,
                    notify({ newState: state, alarmDescription: description }),
                );
                assert.notStrictEqual(preview.action, "ambiguous", `${state} ${description}`);
            }
        }
    });
});
