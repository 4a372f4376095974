import * as assert from "assert";
import { readSnsNotification } from "@trailwatch/components";
import { alertPreviewSection } from "../../../../cli/commands/check/alertPreview";
import { ProgramRun, runProgram } from "../../../../cli/engines/offline/runProgram";
import { previewStackAlert } from "../../../../cli/engines/offline/stackAlertPreview";
import { projectDir } from "../../../support/repositoryPaths";

/** A copy of the run with the recorded inputs of one resource type changed: a program that went wrong. */
function withInputs(run: ProgramRun, type: string, change: (inputs: Record<string, unknown>) => void): ProgramRun {
    const copy = JSON.parse(JSON.stringify(run)) as ProgramRun;
    for (const r of copy.resources.filter((r) => r.type === type)) change(r.inputs);
    return copy;
}

const actionsType = "opsgenie:index/integrationAction:IntegrationAction";

describe("trailwatch check: the Opsgenie alert preview", () => {
    let dev: ProgramRun;

    before(async () => {
        dev = await runProgram({ projectDir, stack: "dev" });
        if (dev.error !== undefined) throw dev.error;
    });

    it("shows the alert the dev stack's most urgent alarm produces, from a notification in today's format, and its close", async () => {
        const result = await alertPreviewSection.run({ projectDir, stack: "dev", run: dev });
        assert.strictEqual(result.failed, false);
        assert.strictEqual(result.title, "Opsgenie alert preview");
        const name = "trailwatch-dev-cis-cloudwatch-1-root-usage";
        const lines = result.lines;
        assert.deepStrictEqual(lines.slice(0, 6), [
            `When ${name} fires (a notification as CloudWatch sends it today, generated):`,
            '  action        create: "Create a P1 alert for a firing alarm marked [P1]"',
            "  priority      P1",
            `  message       ${name}`,
            `  alias         ${name}`,
            "  tags          trailwatch, dev",
        ]);
        assert.match(
            lines[6],
            /^ {2}description {3}\[P1\] Root user activity \| Why: .* \| Rule: cis-cloudwatch-1-root-usage \| Control: Security Hub CloudWatch\.1/,
        );
        assert.deepStrictEqual(lines.slice(7, 17), [
            "",
            "                AWS account ID: 111122223333",
            "",
            "                AWS region: EU (Ireland)",
            "",
            "                Reason: Threshold Crossed: 1 out of the last 1 datapoints [1.0 (15/01/26 09:25:00)] was greater than or equal to the threshold (1.0) (minimum 1 datapoint for OK -> ALARM transition).",
            "",
            "                State changed at: 2026-01-15T09:30:12.345+0000",
            "When it is back to OK:",
            '  action        close: "Close the alert when the alarm is back to OK"',
        ]);
        assert.deepStrictEqual(lines.slice(17), [`  alias         ${name}`]);
    });

    it("puts the generated notification, both outcomes and no problems under alertPreview in --json", async () => {
        const result = await alertPreviewSection.run({ projectDir, stack: "dev", run: dev });
        const preview = result.json.alertPreview as ReturnType<typeof previewStackAlert>;
        assert.deepStrictEqual(
            [preview.enabled, preview.alarmName, preview.problems],
            [true, "trailwatch-dev-cis-cloudwatch-1-root-usage", []],
        );
        const notification = readSnsNotification(preview.notification);
        assert.strictEqual(notification.TopicArn, "arn:aws:sns:eu-west-1:111122223333:trailwatch-dev-alerts");
        assert.strictEqual(
            JSON.parse(notification.Message).AlarmDescription,
            dev.resources.find(
                (r) =>
                    r.type === "aws:cloudwatch/metricAlarm:MetricAlarm" &&
                    r.name === "alarms-cis-cloudwatch-1-root-usage",
            )?.inputs.alarmDescription,
        );
        assert.deepStrictEqual([preview.firing?.action, preview.recovered?.action], ["create", "close"]);
    });

    describe("fails the check when the alert would be wrong or missing", () => {
        const cases: [string, (run: ProgramRun) => ProgramRun, string[]][] = [
            [
                "the P1 action is gone: a P1 alarm makes no alert (the untagged create excludes every token)",
                (run) =>
                    withInputs(
                        run,
                        actionsType,
                        (i) => void (i.creates = (i.creates as { priority: string }[]).slice(1)),
                    ),
                ["a firing alarm triggers no action, not a create"],
            ],
            [
                "the P1 action sets another priority",
                (run) =>
                    withInputs(
                        run,
                        actionsType,
                        (i) => void ((i.creates as { priority: string }[])[0].priority = "P3"),
                    ),
                ["the alert has priority P3, the rule's severity is P1"],
            ],
            [
                "no close action: alerts stay open after the alarm recovers",
                (run) => withInputs(run, actionsType, (i) => void (i.closes = [])),
                ["an alarm back to OK triggers no action, not a close"],
            ],
            [
                "the subscription is on another topic",
                (run) =>
                    withInputs(
                        run,
                        "aws:sns/topicSubscription:TopicSubscription",
                        (i) => void (i.topic = "arn:aws:sns:eu-west-1:111122223333:other"),
                    ),
                [
                    "the alarm notifies arn:aws:sns:eu-west-1:111122223333:trailwatch-dev-alerts, but Opsgenie is subscribed to arn:aws:sns:eu-west-1:111122223333:other",
                ],
            ],
            [
                "the seed's description template: its account extraction runs into the next key on current messages",
                (run) =>
                    withInputs(run, actionsType, (i) => {
                        for (const c of i.creates as { description: string }[]) {
                            c.description =
                                '{{Message.extract(/AlarmDescription":"(.+)","AWSAccountId"/)}}\n\nAWS region: {{Message.extract(/Region":"(.+)","AlarmArn"/)}}\n\nAWS account ID: {{Message.extract(/AWSAccountId":"(.+)","NewStateValue"/)}}';
                        }
                    }),
                [
                    String.raw`description: {{Message.extract(/AWSAccountId":"(.+)","NewStateValue"/)}} runs past the end of its JSON value: "111122223333\",\"AlarmConfigurationUpdatedTimestamp\":\"2026-01-02T08:00:00.000+0000"`,
                ],
            ],
            [
                "a description template whose regex backtracks for ever (generated): stopped, named, not a hang",
                (run) =>
                    withInputs(run, actionsType, (i) => {
                        for (const c of i.creates as { description: string }[]) {
                            c.description = "{{Message.extract(/(.*.*)*~/)}}";
                        }
                    }),
                [
                    'the alert cannot be previewed: line 1, column 19: extract(/(.*.*)*~/) took too long: stopped after 1 s (Opsgenie stops a regex after 10 s and renders "null")',
                ],
            ],
        ];
        for (const [what, mutate, problems] of cases) {
            it(what, async () => {
                const started = Date.now();
                const result = await alertPreviewSection.run({ projectDir, stack: "dev", run: mutate(dev) });
                // Well under mocha's 30 s: a regex is stopped after 1 s.
                assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
                const preview = result.json.alertPreview as ReturnType<typeof previewStackAlert>;
                assert.deepStrictEqual(preview.problems, problems);
                assert.strictEqual(result.failed, problems.length > 0);
                if (problems.length > 0)
                    assert.deepStrictEqual(result.lines.slice(-1 - problems.length), [
                        "Problems:",
                        ...problems.map((p) => `  ✗ ${p}`),
                    ]);
            });
        }

        it("and shows the garbage the seed's template puts in the description, which people would see", async () => {
            const [, mutate] = cases[4];
            const preview = (await alertPreviewSection.run({ projectDir, stack: "dev", run: mutate(dev) })).json
                .alertPreview as ReturnType<typeof previewStackAlert>;
            assert.match(
                preview.firing?.description ?? "",
                /\n\nAWS account ID: 111122223333","AlarmConfigurationUpdatedTimestamp":"2026-01-02T08:00:00\.000\+0000$/,
            );
        });
    });

    it("says so, and passes, for a stack without an alert destination", async () => {
        const result = await alertPreviewSection.run({
            projectDir,
            stack: "dev",
            run: { ...dev, resources: dev.resources.filter((r) => !r.type.includes("opsgenie")) },
        });
        assert.deepStrictEqual(
            [result.title, result.lines, result.failed],
            [
                "Alert preview",
                [
                    "No alert destination is on for this stack (trailwatch:opsgenieEnabled, trailwatch:jsmEnabled): alarms reach the SNS topic only.",
                ],
                false,
            ],
        );
    });
});
