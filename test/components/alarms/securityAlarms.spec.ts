import * as assert from "assert";
import { AlertRule, formatAlarmDescription, SecurityAlarms, SecurityAlarmsArgs } from "@trailwatch/components";
import { ProgramRun, RecordedResource, runUnderMocks } from "../../../cli/engines/offline/runProgram";

// What these tests prove: the exact metric filters and alarms SecurityAlarms sends to the AWS provider, their names,
// parents and order, and that bad rules stop the program before any resource. What they cannot prove: that
// CloudWatch accepts them; the filter-pattern parser (which rejects what CloudWatch rejects), the policy pack and
// `pulumi preview` against an account cover that.

const account = "111122223333";
const region = "eu-west-1";
const topicArn = `arn:aws:sns:${region}:${account}:trailwatch-dev-alerts`;
const regionConfig = { values: { "aws:region": region }, secretKeys: new Set<string>() };

const rootRule: AlertRule = {
    id: "console-login-root",
    title: "Root user console sign-in",
    pattern: '{ ($.eventName = ConsoleLogin) && ($.userIdentity.type = "Root") }',
    severity: "P1",
    rationale: "Someone signed in as root.",
    control: "team",
};
const failedRule: AlertRule = {
    id: "console-login-failed",
    title: "Failed console sign-in",
    pattern: '{ ($.eventName = ConsoleLogin) && ($.responseElements.ConsoleLogin = "Failure") }',
    severity: "P3",
    rationale: "Someone is guessing passwords.",
    control: "team",
    threshold: 3,
    period: 600,
    evaluationPeriods: 2,
};

function args(overrides: Partial<SecurityAlarmsArgs> = {}): SecurityAlarmsArgs {
    return {
        logGroupName: "aws-cloudtrail-logs-trailwatch-dev",
        rules: [rootRule, failedRule],
        alarmTopicArn: topicArn,
        ...overrides,
    };
}

async function construct(a: SecurityAlarmsArgs, name = "alarms"): Promise<ProgramRun> {
    return runUnderMocks({ config: regionConfig }, async () => {
        const alarms = new SecurityAlarms(name, a);
        return { ruleIds: alarms.ruleIds, alarmNames: alarms.alarmNames, alarmArns: alarms.alarmArns };
    });
}

function named(run: ProgramRun, type: string, name: string): RecordedResource {
    const found = run.resources.filter((r) => r.type === type && r.name === name);
    assert.strictEqual(found.length, 1, `expected one ${type} ${name}`);
    return found[0];
}

const filterType = "aws:cloudwatch/logMetricFilter:LogMetricFilter";
const alarmType = "aws:cloudwatch/metricAlarm:MetricAlarm";

describe("SecurityAlarms", () => {
    let run: ProgramRun;

    before(async () => {
        run = await construct(
            args({
                okActionArns: [topicArn],
                namePrefix: "trailwatch-dev-",
                tags: { environment: "dev" },
            }),
        );
        if (run.error !== undefined) throw run.error;
    });

    it("creates one metric filter and one alarm per rule, named from the component and the rule id, parented to it", () => {
        const component = named(run, "trailwatch:index:SecurityAlarms", "alarms");
        const children = run.resources.filter((r) => r.parent === component.urn);
        assert.deepStrictEqual(children.map((r) => `${r.type} ${r.name}`).sort(), [
            `${filterType} alarms-console-login-failed`,
            `${filterType} alarms-console-login-root`,
            `${alarmType} alarms-console-login-failed`,
            `${alarmType} alarms-console-login-root`,
        ]);
        assert.strictEqual(run.resources.length, children.length + 2, "only the stack, the component and its children");
    });

    it("counts each matching event as 1 (0 otherwise) in the metric <namespace>/<rule id>", () => {
        assert.deepStrictEqual(named(run, filterType, "alarms-console-login-root").inputs, {
            name: "trailwatch-dev-console-login-root",
            logGroupName: "aws-cloudtrail-logs-trailwatch-dev",
            pattern: '{ ($.eventName = ConsoleLogin) && ($.userIdentity.type = "Root") }',
            metricTransformation: {
                name: "console-login-root",
                namespace: "Trailwatch",
                value: "1",
                defaultValue: "0",
            },
        });
    });

    it("alarms on Sum >= threshold over the period, missing data not breaching, notifying the topic", () => {
        assert.deepStrictEqual(named(run, alarmType, "alarms-console-login-root").inputs, {
            name: "trailwatch-dev-console-login-root",
            alarmDescription:
                "[P1] Root user console sign-in | Why: Someone signed in as root. | Rule: console-login-root | Control: team",
            namespace: "Trailwatch",
            metricName: "console-login-root",
            statistic: "Sum",
            comparisonOperator: "GreaterThanOrEqualToThreshold",
            threshold: 1,
            period: 300,
            evaluationPeriods: 1,
            treatMissingData: "notBreaching",
            actionsEnabled: true,
            alarmActions: [topicArn],
            okActions: [topicArn],
            tags: { environment: "dev" },
        });
        const failed = named(run, alarmType, "alarms-console-login-failed").inputs;
        assert.deepStrictEqual([failed.threshold, failed.period, failed.evaluationPeriods], [3, 600, 2]);
        assert.strictEqual(failed.alarmDescription, formatAlarmDescription(failedRule));
    });

    it("creates each alarm after its metric filter", () => {
        for (const id of ["console-login-root", "console-login-failed"]) {
            const filter = named(run, filterType, `alarms-${id}`);
            assert.ok(named(run, alarmType, `alarms-${id}`).dependencies.includes(filter.urn), id);
        }
    });

    it("exposes the rule ids, alarm names and alarm ARNs by rule id", () => {
        assert.deepStrictEqual(run.outputs, {
            ruleIds: ["console-login-root", "console-login-failed"],
            alarmNames: {
                "console-login-root": "trailwatch-dev-console-login-root",
                "console-login-failed": "trailwatch-dev-console-login-failed",
            },
            alarmArns: {
                "console-login-root": `arn:aws:cloudwatch:${region}:${account}:alarm:trailwatch-dev-console-login-root`,
                "console-login-failed": `arn:aws:cloudwatch:${region}:${account}:alarm:trailwatch-dev-console-login-failed`,
            },
        });
    });

    it("defaults: namespace Trailwatch, names prefixed with the component name, no OK actions", async () => {
        const plain = await construct(args({ rules: [rootRule] }), "sec");
        assert.strictEqual(plain.error, undefined);
        const alarm = named(plain, alarmType, "sec-console-login-root").inputs;
        assert.deepStrictEqual(
            [alarm.name, alarm.namespace, alarm.okActions],
            ["sec-console-login-root", "Trailwatch", []],
        );
    });

    describe("stops the program before any resource when", () => {
        const regexRule = (i: number): AlertRule => ({
            ...rootRule,
            id: `regex-${i}`,
            pattern: `{ $.eventName = %Delete${i}% }`,
        });
        const cases: [string, Partial<SecurityAlarmsArgs>, string][] = [
            [
                "a pattern is invalid (naming the rule id and the position)",
                { rules: [rootRule, { ...failedRule, id: "bad-rule", pattern: "{ ($.eventName = ConsoleLogin) " }] },
                "SecurityAlarms: rule bad-rule: pattern: position 1: unbalanced braces: this { is never closed",
            ],
            [
                "a rule has several problems",
                { rules: [{ ...rootRule, severity: "P9", period: 90 }] },
                `SecurityAlarms: rule console-login-root:\n  severity: "P9" is not a severity; use one of P1, P2, P3, P4, P5\n  period: 90 is not a period CloudWatch can evaluate a metric filter's metric over: use a multiple of 60 seconds (metric filters publish one-minute metrics; 10, 20 and 30 are for high-resolution metrics and would leave the alarm in INSUFFICIENT_DATA)`,
            ],
            [
                "two rules share an id",
                { rules: [rootRule, rootRule] },
                "SecurityAlarms: rules: rule id console-login-root appears twice",
            ],
            [
                "more than five patterns use regular expressions (a log group quota)",
                { rules: [1, 2, 3, 4, 5, 6].map(regexRule) },
                "SecurityAlarms: rules: 6 rules use regular expressions (regex-1, regex-2, regex-3, regex-4, regex-5, regex-6); CloudWatch Logs allows at most 5 such patterns per log group",
            ],
            [
                "the namespace is reserved for AWS",
                { metricNamespace: "AWS/Logs" },
                'SecurityAlarms: metricNamespace: "AWS/Logs" is not a namespace for custom metrics (1-255 letters, digits, spaces and . _ - / # :, not starting with AWS/ or :)',
            ],
            [
                "the topic ARN is not an SNS topic ARN",
                { alarmTopicArn: "arn:aws:sqs:eu-west-1:111122223333:alerts" },
                'SecurityAlarms: alarmTopicArn: "arn:aws:sqs:eu-west-1:111122223333:alerts" is not an SNS topic ARN',
            ],
        ];
        for (const [name, overrides, message] of cases) {
            it(name, async () => {
                const failed = await construct(args(overrides));
                assert.strictEqual(failed.error?.message, message);
                assert.deepStrictEqual(
                    failed.resources.filter((r) => r.custom).map((r) => r.type),
                    [],
                    "no AWS resource may be registered",
                );
            });
        }
    });
});
