import * as assert from "assert";
import * as fs from "fs";
import {
    alarmIntegrationActions,
    cloudWatchAlarmNotification,
    readSnsNotification,
    renderOpsgenieTemplate,
} from "@trailwatch/components/preview";
import { DrillPlanError, planDrill } from "../../../../cli/engines/drill/drillPlan";
import { drillEventFor } from "../../../../cli/engines/drill/drillCalls";
import { runProgram } from "../../../../cli/engines/offline/runProgram";
import { listStacks } from "../../../../cli/engines/offline/stackFile";
import { StackConfigError } from "../../../../program";
import { projectWithStack } from "../../../support/projectWithStack";
import { projectDir } from "../../../support/repositoryPaths";

// The drill finds a deployed stack's log group, metrics and alarms by name, from the stack file alone. These tests
// hold those names to what the program really registers for every stack in stacks/, so they cannot drift apart.

describe("planDrill", () => {
    for (const stack of listStacks(projectDir)) {
        describe(`stack ${stack}`, () => {
            it("names the log group, metrics and alarms exactly as the program registers them", async function () {
                this.timeout(120_000);
                const plan = planDrill(projectDir, stack);
                const run = await runProgram({ projectDir, stack });
                assert.strictEqual(run.error, undefined);
                const ofType = (type: string) => run.resources.filter((r) => r.type === type).map((r) => r.inputs);
                assert.deepStrictEqual(
                    ofType("aws:cloudwatch/logGroup:LogGroup").map((g) => g.name),
                    [plan.logGroupName],
                );
                const filters = ofType("aws:cloudwatch/logMetricFilter:LogMetricFilter");
                const alarms = ofType("aws:cloudwatch/metricAlarm:MetricAlarm");
                assert.deepStrictEqual(
                    plan.rules.map((r) => ({
                        filter: r.names.metricFilterName,
                        pattern: r.pattern,
                        metric: [r.names.metricNamespace, r.names.metricName],
                        alarm: r.names.alarmName,
                    })),
                    filters.map((f, i) => {
                        const t = f.metricTransformation as { namespace: string; name: string };
                        return {
                            filter: f.name,
                            pattern: f.pattern,
                            metric: [t.namespace, t.name],
                            alarm: alarms[i].name,
                        };
                    }),
                );
                for (const [i, alarm] of alarms.entries()) {
                    assert.deepStrictEqual(
                        [alarm.namespace, alarm.metricName],
                        [plan.rules[i].names.metricNamespace, plan.rules[i].names.metricName],
                    );
                }
            });

            it("has, for every enabled rule, a sample event it must match that still matches once marked as a drill", () => {
                const plan = planDrill(projectDir, stack);
                const start = new Date("2025-06-02T09:30:15Z");
                assert.deepStrictEqual(
                    plan.rules
                        .filter((r) => drillEventFor(r, "20250602T093015Z", start) === undefined)
                        .map((r) => r.id),
                    [],
                );
                for (const rule of plan.rules) {
                    assert.ok(rule.mustMatch.length + rule.mustNotMatch.length <= 50, `${rule.id}: at most 50 events`);
                    assert.ok(rule.mustNotMatch.length > 0, `${rule.id}: some sample events must not match`);
                }
            });
        });
    }

    it("reads the Opsgenie alert by the alias the integration's actions give it: the alarm's name", () => {
        const plan = planDrill(projectDir, "prod", ["console-login-root"]);
        const rule = plan.rules[0];
        const actions = alarmIntegrationActions({
            descriptionFields: ["AlarmDescription"],
            defaultPriority: "P3",
            alertTags: [],
        });
        for (const newState of ["ALARM", "OK"]) {
            const notification = readSnsNotification(
                cloudWatchAlarmNotification({
                    alarmName: rule.names.alarmName,
                    alarmDescription: "[P1] Root console sign-in",
                    accountId: "111122223333",
                    region: "eu-west-1",
                    topicArn: "arn:aws:sns:eu-west-1:111122223333:trailwatch-prod-alerts",
                    newState,
                    oldState: newState === "ALARM" ? "OK" : "ALARM",
                    stateChangeTime: new Date("2025-06-02T09:30:16Z"),
                    configurationUpdatedTime: new Date("2025-06-01T08:00:00Z"),
                    metricName: rule.names.metricName,
                    namespace: rule.names.metricNamespace,
                    statistic: "Sum",
                    period: rule.period,
                    evaluationPeriods: 1,
                    threshold: rule.threshold,
                    comparisonOperator: "GreaterThanOrEqualToThreshold",
                    datapointValue: 1,
                }),
            );
            const aliases = [...actions.creates, ...actions.closes].map(
                (a) => renderOpsgenieTemplate(a.alias!, notification).text,
            );
            assert.deepStrictEqual([...new Set(aliases)], [rule.names.alarmName]);
        }
    });

    it("takes only the rules named with --rule", () => {
        const plan = planDrill(projectDir, "prod", ["guardduty-disabled", "console-login-failed"]);
        assert.deepStrictEqual(
            plan.rules.map((r) => [r.id, r.threshold, r.period]),
            [
                ["console-login-failed", 3, 600],
                ["guardduty-disabled", 1, 300],
            ],
        );
        assert.deepStrictEqual(
            plan.rules[1].mustMatch.map((s) => s.name),
            ["guardduty-delete-detector.json"],
        );
    });

    it("rejects an unknown rule, listing the stack's rules", () => {
        assert.throws(
            () => planDrill(projectDir, "dev", ["no-such-rule"]),
            (err: Error) =>
                err instanceof DrillPlanError &&
                /^stack dev has no rule "no-such-rule"; its rules: cis-cloudwatch-1-root-usage, /.test(err.message),
        );
    });

    it("rejects a rule the stack turns off, saying why", () => {
        assert.throws(() => planDrill(projectDir, "dev", ["cis-cloudwatch-2-unauthorized-api-calls"]), {
            name: "DrillPlanError",
            message:
                "rule cis-cloudwatch-2-unauthorized-api-calls is off in stack dev (disabled by id): nothing to drill",
        });
    });

    it("refuses a stack whose aws:region the AWS provider does not know, naming the key", () => {
        const dir = projectWithStack("typo", "config:\n  aws:region: us-east1\n");
        try {
            assert.throws(
                () => planDrill(dir, "typo"),
                (err: Error) =>
                    err instanceof StackConfigError &&
                    err.problems.length === 1 &&
                    err.problems[0].key === "aws:region" &&
                    /did you mean us-east-1\?/.test(err.problems[0].message),
            );
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
