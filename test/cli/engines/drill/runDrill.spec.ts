import * as assert from "assert";
import * as http from "http";
import { AddressInfo } from "net";
import { Readable } from "stream";
import {
    CloudWatchClient,
    DescribeAlarmsCommand,
    DescribeAlarmsCommandInput,
    GetMetricDataCommand,
    SetAlarmStateCommand,
    SetAlarmStateCommandInput,
} from "@aws-sdk/client-cloudwatch";
import {
    CloudWatchLogsClient,
    CreateLogStreamCommand,
    PutLogEventsCommand,
    TestMetricFilterCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { AwsStub, mockClient } from "aws-sdk-client-mock";
import { drillLogStreamName, logEventMessage, plannedCalls } from "../../../../cli/engines/drill/drillCalls";
import { DrillPlan, planDrill } from "../../../../cli/engines/drill/drillPlan";
import { DrillResult, drillPassed } from "../../../../cli/engines/drill/drillResult";
import { formatDrillResult } from "../../../../cli/engines/drill/drillReport";
import { DrillOptions, runDrill } from "../../../../cli/engines/drill/runDrill";
import { projectDir } from "../../../support/repositoryPaths";

// What these tests prove: the drill sends exactly the requests its dry run lists, reads AWS's answers as the SDK v3
// clients deliver them (aws-sdk-client-mock stubs `send` of the real clients; the throttling test goes further and
// lets the real client serialise, retry and parse), and always puts alarms back to OK. What they cannot prove is
// that AWS accepts the requests: the parameters follow the CloudWatch and CloudWatch Logs API references (cited in
// cli/engines/drill/drillCalls.ts), and the IAM policy is judged by iam-simulate (drillIamPolicy.spec.ts).

const start = new Date("2025-06-02T09:30:15.000Z");
const rootRule = "cis-cloudwatch-1-root-usage";
const credentials = {
    accessKeyId: "AKIAIOSFODNN7EXAMPLE",
    secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
};

function devPlan(ruleIds: string[] = [rootRule]): DrillPlan {
    return planDrill(projectDir, "dev", ruleIds);
}

function options(overrides: Partial<DrillOptions> = {}): DrillOptions {
    return { start, now: () => start, timeoutMs: 200, pollIntervalMs: 10, holdMs: 0, ...overrides };
}

/** AWS's answer to TestMetricFilter, computed by the project's evaluator (AWS agrees with it in the happy path). */
function agreeingTestMetricFilter(plan: DrillPlan) {
    return (input: { filterPattern: string; logEventMessages: string[] }) => {
        const rule = plan.rules.find((r) => r.pattern === input.filterPattern)!;
        const expected = new Set(rule.mustMatch.map((s) => logEventMessage(s.event)));
        return {
            matches: input.logEventMessages
                .map((m, i) => ({ eventNumber: i + 1, eventMessage: m, extractedValues: {} }))
                .filter((m) => expected.has(m.eventMessage)),
        };
    };
}

/** An alarm's state and reason, as DescribeAlarms returns them (and, to test them, its actions). */
type AlarmState = {
    StateValue: "OK" | "ALARM" | "INSUFFICIENT_DATA";
    StateReason: string;
    ActionsEnabled?: boolean;
    AlarmActions?: string[];
};

const alertTopicArn = "arn:aws:sns:eu-west-1:111122223333:trailwatch-dev-alerts";

const quietAlarm: AlarmState = {
    StateValue: "OK",
    StateReason:
        "Threshold Crossed: 1 datapoint [0.0 (02/06/25 09:25:00)] was not greater than or equal to the threshold (1.0).",
};

/**
 * CloudWatch's alarms as the drill sees them: SetAlarmState changes an alarm's state and reason, DescribeAlarms reads
 * them (every alarm the stack deploys exists, in OK, unless `alarms` or `missing` say otherwise).
 */
function fakeAlarms(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    mock: AwsStub<any, any, any>,
    options: {
        alarms?: Map<string, AlarmState>;
        missing?: string[];
        onSet?: (input: SetAlarmStateCommandInput) => void;
    } = {},
): Map<string, AlarmState> {
    const alarms = options.alarms ?? new Map<string, AlarmState>();
    mock.on(SetAlarmStateCommand).callsFake((input: SetAlarmStateCommandInput) => {
        alarms.set(input.AlarmName!, { StateValue: input.StateValue!, StateReason: input.StateReason! });
        options.onSet?.(input);
        return {};
    });
    mock.on(DescribeAlarmsCommand).callsFake((input: DescribeAlarmsCommandInput) => ({
        MetricAlarms: input
            .AlarmNames!.filter((name) => !(options.missing ?? []).includes(name))
            .map((name) => ({
                AlarmName: name,
                ActionsEnabled: true,
                AlarmActions: [alertTopicArn],
                ...(alarms.get(name) ?? quietAlarm),
            })),
    }));
    return alarms;
}

const datapoint = { MetricDataResults: [{ Id: "drill", Timestamps: [new Date("2025-06-02T09:30:00Z")], Values: [1] }] };

/** How AWS refuses a request the caller's policies do not allow (IAM User Guide, "Troubleshoot access denied"). */
function denied(name: "AccessDeniedException" | "AccessDenied"): Error {
    return Object.assign(
        new Error("User: arn:aws:iam::111122223333:user/ci is not authorized to perform this action"),
        {
            name,
            $metadata: { httpStatusCode: name === "AccessDenied" ? 403 : 400 },
        },
    );
}

/** Sinon numbers every call of every stub in one sequence (`callId`), which its typings leave out. */
const callId = (call: object): number => (call as { callId: number }).callId;

describe("runDrill (AWS SDK v3 clients under aws-sdk-client-mock)", () => {
    const logsMock = mockClient(CloudWatchLogsClient);
    const cloudwatchMock = mockClient(CloudWatchClient);
    let clients: { logs: CloudWatchLogsClient; cloudwatch: CloudWatchClient };

    beforeEach(() => {
        logsMock.reset();
        cloudwatchMock.reset();
        clients = {
            logs: new CloudWatchLogsClient({ region: "eu-west-1", credentials }),
            cloudwatch: new CloudWatchClient({ region: "eu-west-1", credentials }),
        };
    });
    after(() => {
        logsMock.restore();
        cloudwatchMock.restore();
    });

    function happyPath(plan: DrillPlan): void {
        logsMock.on(TestMetricFilterCommand).callsFake(agreeingTestMetricFilter(plan));
        logsMock.on(CreateLogStreamCommand).resolves({});
        logsMock.on(PutLogEventsCommand).resolves({});
        cloudwatchMock.on(GetMetricDataCommand).resolves(datapoint);
        fakeAlarms(cloudwatchMock);
    }

    /** Every AWS request sent, in order, as `service:Operation` and input. */
    function sent(): { action: string; input: unknown }[] {
        const calls = [
            ...logsMock.calls().map((c) => ({ c, service: "logs" })),
            ...cloudwatchMock.calls().map((c) => ({ c, service: "cloudwatch" })),
        ].sort((a, b) => callId(a.c) - callId(b.c));
        return calls.map(({ c, service }) => {
            const command = c.args[0] as { constructor: { name: string }; input: unknown };
            return { action: `${service}:${command.constructor.name.replace(/Command$/, "")}`, input: command.input };
        });
    }

    it("sends exactly the calls its dry run lists, with the same parameters, and every step passes", async () => {
        const plan = devPlan([rootRule, "console-login-root"]);
        happyPath(plan);
        const result = await runDrill(plan, clients, options());
        assert.ok(drillPassed(result), JSON.stringify(result.rules, null, 2));
        const planned = plannedCalls(plan, { start, verifyOpsgenie: false, timeoutMs: 200, pollIntervalMs: 10 }).map(
            (p) => ({ action: `${p.call.service}:${p.call.operation}`, input: p.call.params }),
        );
        assert.deepStrictEqual(sent(), planned);
        assert.deepStrictEqual(
            sent().map((c) => c.action),
            [
                "logs:TestMetricFilter",
                "logs:TestMetricFilter",
                "cloudwatch:DescribeAlarms",
                "cloudwatch:SetAlarmState",
                "cloudwatch:SetAlarmState",
                "cloudwatch:DescribeAlarms",
                "cloudwatch:SetAlarmState",
                "cloudwatch:SetAlarmState",
                "logs:CreateLogStream",
                "logs:PutLogEvents",
                "logs:PutLogEvents",
                "cloudwatch:GetMetricData",
                "cloudwatch:GetMetricData",
            ],
        );
    });

    it("puts one marked must-match sample, stamped now, into trailwatch-drill-<time> of the trail's log group", async () => {
        const plan = devPlan();
        happyPath(plan);
        await runDrill(plan, clients, options());
        const stream = drillLogStreamName(start);
        assert.strictEqual(stream, "trailwatch-drill-20250602T093015Z");
        assert.deepStrictEqual(logsMock.commandCalls(CreateLogStreamCommand)[0].args[0].input, {
            logGroupName: "aws-cloudtrail-logs-trailwatch-dev",
            logStreamName: stream,
        });
        const put = logsMock.commandCalls(PutLogEventsCommand)[0].args[0].input;
        assert.strictEqual(put.logGroupName, "aws-cloudtrail-logs-trailwatch-dev");
        assert.strictEqual(put.logStreamName, stream);
        assert.strictEqual(put.logEvents!.length, 1);
        assert.strictEqual(put.logEvents![0].timestamp, start.getTime());
        const event = JSON.parse(put.logEvents![0].message!) as Record<string, unknown>;
        assert.strictEqual(event.eventTime, "2025-06-02T09:30:15Z");
        assert.deepStrictEqual(event.trailwatchDrill, {
            drillId: "20250602T093015Z",
            sample: "console-login-root-no-mfa.json",
            note: "Put here by `trailwatch drill` to test the alert path: not a real API call.",
        });
        assert.strictEqual((event.userIdentity as { type: string }).type, "Root");

        const metric = cloudwatchMock.commandCalls(GetMetricDataCommand)[0].args[0].input;
        assert.deepStrictEqual(metric.MetricDataQueries, [
            {
                Id: "drill",
                MetricStat: {
                    Metric: { Namespace: "Trailwatch/dev", MetricName: rootRule },
                    Period: 60,
                    Stat: "Sum",
                },
                ReturnData: true,
            },
        ]);
        assert.deepStrictEqual(
            [metric.StartTime, metric.EndTime],
            [new Date("2025-06-02T09:29:00Z"), new Date("2025-06-02T09:32:00Z")],
        );
    });

    it("stamps the drill event when it is put, after the alarm waits, and reads the metric around that minute", async () => {
        const plan = devPlan();
        happyPath(plan);
        // The alarm and Opsgenie waits took 7 minutes: the event is put at 09:37:20.
        const putAt = new Date("2025-06-02T09:37:20.000Z");
        await runDrill(plan, clients, options({ now: () => putAt }));
        const put = logsMock.commandCalls(PutLogEventsCommand)[0].args[0].input;
        assert.strictEqual(put.logStreamName, "trailwatch-drill-20250602T093015Z");
        assert.strictEqual(put.logEvents![0].timestamp, putAt.getTime());
        const event = JSON.parse(put.logEvents![0].message!) as { eventTime: string; trailwatchDrill: object };
        assert.strictEqual(event.eventTime, "2025-06-02T09:37:20Z");
        assert.deepStrictEqual((event.trailwatchDrill as { drillId: string }).drillId, "20250602T093015Z");
        const metric = cloudwatchMock.commandCalls(GetMetricDataCommand)[0].args[0].input;
        assert.deepStrictEqual(
            [metric.StartTime, metric.EndTime],
            [new Date("2025-06-02T09:36:00Z"), new Date("2025-06-02T09:39:00Z")],
        );
    });

    it("sets the alarm to ALARM with a reason that says it is a drill, then back to OK", async () => {
        const plan = devPlan();
        happyPath(plan);
        await runDrill(plan, clients, options());
        assert.deepStrictEqual(
            cloudwatchMock.commandCalls(SetAlarmStateCommand).map((c) => c.args[0].input),
            [
                {
                    AlarmName: "trailwatch-dev-cis-cloudwatch-1-root-usage",
                    StateValue: "ALARM",
                    StateReason:
                        "trailwatch drill 20250602T093015Z: a test of the alert path, not a security event. The drill sets the alarm back to OK by itself.",
                },
                {
                    AlarmName: "trailwatch-dev-cis-cloudwatch-1-root-usage",
                    StateValue: "OK",
                    StateReason: "trailwatch drill 20250602T093015Z: test over, back to OK.",
                },
            ],
        );
    });

    it("reports a disagreement between TestMetricFilter and the local evaluator, naming the events", async () => {
        const plan = devPlan();
        happyPath(plan);
        const mustNot = plan.rules[0].mustNotMatch[0];
        logsMock.on(TestMetricFilterCommand).resolves({
            matches: [{ eventNumber: 2, eventMessage: logEventMessage(mustNot.event), extractedValues: {} }],
        });
        const result = await runDrill(plan, clients, options());
        const step = result.rules[0].steps.pattern!;
        assert.strictEqual(step.status, "failed");
        assert.strictEqual(
            step.detail,
            `AWS and the local evaluator disagree: console-login-root-no-mfa.json: AWS says no match, trailwatch's evaluator match; ${mustNot.name}: AWS says match, trailwatch's evaluator no match`,
        );
        assert.strictEqual(drillPassed(result), false);
    });

    it("names the IAM action AWS refused (AccessDenied), and goes on with the other steps", async () => {
        const plan = devPlan();
        happyPath(plan);
        logsMock.on(PutLogEventsCommand).rejects(
            Object.assign(
                new Error("User: arn:aws:iam::111122223333:user/ci is not authorized to perform: logs:PutLogEvents"),
                {
                    name: "AccessDeniedException",
                    $metadata: { httpStatusCode: 400 },
                },
            ),
        );
        const result = await runDrill(plan, clients, options());
        assert.deepStrictEqual(result.rules[0].steps.metric, {
            status: "failed",
            detail: 'access denied: the credentials may not call logs:PutLogEvents (IAM action refused; see "The IAM policy it needs" in docs/drill.md)',
        });
        assert.strictEqual(result.rules[0].steps.alarm!.status, "passed");
        assert.strictEqual(cloudwatchMock.commandCalls(GetMetricDataCommand).length, 0);
    });

    it("a drill event CloudWatch Logs rejects (rejectedLogEventsInfo) fails the step, says why, and is not waited for", async () => {
        const plan = devPlan();
        happyPath(plan);
        // This machine's clock is 3 hours fast: PutLogEvents takes the request and rejects its one event.
        logsMock.on(PutLogEventsCommand).resolves({ rejectedLogEventsInfo: { tooNewLogEventStartIndex: 0 } });
        const result = await runDrill(plan, clients, options({ now: () => new Date("2025-06-02T12:30:15.000Z") }));
        assert.deepStrictEqual(result.rules[0].steps.metric, {
            status: "failed",
            detail: "CloudWatch Logs rejected the drill event (console-login-root-no-mfa.json): its timestamp 2025-06-02T12:30:15.000Z is more than 2 hours ahead of AWS's clock: check this machine's clock",
        });
        assert.strictEqual(result.drillEventsPut, 0);
        assert.strictEqual(cloudwatchMock.commandCalls(GetMetricDataCommand).length, 0);
    });

    // One call refused at a time, as a policy missing one statement does: CloudWatch Logs answers
    // AccessDeniedException (JSON protocol), CloudWatch AccessDenied (Query protocol); the other steps go on.
    const refusals: [string, string, () => void][] = [
        [
            "logs:TestMetricFilter",
            "pattern",
            () => logsMock.on(TestMetricFilterCommand).rejects(denied("AccessDeniedException")),
        ],
        [
            "logs:CreateLogStream",
            "metric",
            () => logsMock.on(CreateLogStreamCommand).rejects(denied("AccessDeniedException")),
        ],
        [
            "cloudwatch:GetMetricData",
            "metric",
            () => cloudwatchMock.on(GetMetricDataCommand).rejects(denied("AccessDenied")),
        ],
    ];
    for (const [action, step, refuse] of refusals) {
        it(`a refused ${action} fails the ${step} step naming it, asks once, and the other steps pass`, async () => {
            const plan = devPlan();
            happyPath(plan);
            refuse();
            const result = await runDrill(plan, clients, options());
            const steps = result.rules[0].steps;
            assert.deepStrictEqual(steps[step as "pattern" | "metric"], {
                status: "failed",
                detail: `access denied: the credentials may not call ${action} (IAM action refused; see "The IAM policy it needs" in docs/drill.md)`,
            });
            for (const other of ["pattern", "alarm", "metric"].filter((s) => s !== step)) {
                assert.strictEqual(steps[other as "pattern"]!.status, "passed", other);
            }
            const operation = action.split(":")[1];
            assert.strictEqual(sent().filter((c) => c.action === action).length, 1, `${operation} asked once`);
            assert.deepStrictEqual(result.alarmsLeftInAlarm, []);
        });
    }

    it("a refused SetAlarmState (CloudWatch's AccessDenied) names cloudwatch:SetAlarmState and sends no OK", async () => {
        const plan = devPlan();
        happyPath(plan);
        cloudwatchMock.on(SetAlarmStateCommand).rejects(denied("AccessDenied"));
        const result = await runDrill(plan, clients, options());
        assert.match(
            result.rules[0].steps.alarm!.detail,
            /^access denied: the credentials may not call cloudwatch:SetAlarmState /,
        );
        assert.strictEqual(cloudwatchMock.commandCalls(SetAlarmStateCommand).length, 1);
        assert.deepStrictEqual(result.alarmsLeftInAlarm, []);
    });

    it("an alarm already in ALARM is left alone: no drill ALARM, and no OK that would close the real alert", async () => {
        const plan = devPlan([rootRule, "console-login-root"]);
        happyPath(plan);
        const real: AlarmState = {
            StateValue: "ALARM",
            StateReason:
                "Threshold Crossed: 1 datapoint [1.0 (02/06/25 09:28:00)] was greater than or equal to the threshold (1.0).",
        };
        fakeAlarms(cloudwatchMock, { alarms: new Map([["trailwatch-dev-console-login-root", real]]) });
        const result = await runDrill(plan, clients, options());
        assert.deepStrictEqual(
            cloudwatchMock
                .commandCalls(SetAlarmStateCommand)
                .map((c) => `${c.args[0].input.AlarmName} ${c.args[0].input.StateValue}`),
            ["trailwatch-dev-cis-cloudwatch-1-root-usage ALARM", "trailwatch-dev-cis-cloudwatch-1-root-usage OK"],
        );
        assert.deepStrictEqual(result.rules[1].steps.alarm, {
            status: "failed",
            detail: `trailwatch-dev-console-login-root is in ALARM already (${real.StateReason}): a real alert may be open, so the drill leaves this alarm alone`,
        });
        assert.strictEqual(result.rules[0].steps.alarm!.status, "passed");
        assert.deepStrictEqual(result.alarmsLeftInAlarm, []);
    });

    it("an alarm whose actions are disabled, or that has no ALARM action, fails its step and is not set to ALARM", async () => {
        const plan = devPlan([rootRule, "console-login-root"]);
        happyPath(plan);
        fakeAlarms(cloudwatchMock, {
            alarms: new Map<string, AlarmState>([
                ["trailwatch-dev-cis-cloudwatch-1-root-usage", { ...quietAlarm, ActionsEnabled: false }],
                ["trailwatch-dev-console-login-root", { ...quietAlarm, AlarmActions: [] }],
            ]),
        });
        const result = await runDrill(plan, clients, options());
        assert.strictEqual(cloudwatchMock.commandCalls(SetAlarmStateCommand).length, 0);
        assert.deepStrictEqual(
            result.rules.map((r) => r.steps.alarm),
            [
                {
                    status: "failed",
                    detail: "trailwatch-dev-cis-cloudwatch-1-root-usage has its actions disabled, so its ALARM notifies no one: `aws cloudwatch enable-alarm-actions --alarm-names trailwatch-dev-cis-cloudwatch-1-root-usage` (or `pulumi up`)",
                },
                {
                    status: "failed",
                    detail: "trailwatch-dev-console-login-root has no ALARM action, so its ALARM notifies no one: run `pulumi up` for stack dev",
                },
            ],
        );
    });

    /**
     * A drill of the root rule whose alarm CloudWatch moves to `state` by itself during the hold, after the drill's
     * ALARM: the drill then sends no OK (asserted here), whatever `state` is.
     */
    async function drillWithAlarmDuringHold(state: AlarmState): Promise<DrillResult> {
        const plan = devPlan();
        happyPath(plan);
        const alarms = fakeAlarms(cloudwatchMock);
        const onPhase = (text: string): void => {
            if (text.startsWith("Waiting")) alarms.set("trailwatch-dev-cis-cloudwatch-1-root-usage", state);
        };
        const result = await runDrill(plan, clients, options({ onPhase }));
        assert.deepStrictEqual(
            cloudwatchMock.commandCalls(SetAlarmStateCommand).map((c) => c.args[0].input.StateValue),
            ["ALARM"],
        );
        return result;
    }

    it("an alarm that goes to ALARM for a reason of its own during the drill is not set to OK", async () => {
        // A real root login arrived meanwhile.
        const reason =
            "Threshold Crossed: 1 datapoint [1.0 (02/06/25 09:30:00)] was greater than or equal to the threshold (1.0).";
        const result = await drillWithAlarmDuringHold({ StateValue: "ALARM", StateReason: reason });
        assert.deepStrictEqual(result.rules[0].steps.alarm, {
            status: "failed",
            detail: `trailwatch-dev-cis-cloudwatch-1-root-usage is in ALARM for a reason of its own (${reason}): a real alert may be open, so the drill did not set it to OK`,
        });
    });

    it("an alarm CloudWatch already returned to OK gets no second OK, and the step passes", async () => {
        const result = await drillWithAlarmDuringHold(quietAlarm);
        assert.deepStrictEqual(result.rules[0].steps.alarm, {
            status: "passed",
            detail: "trailwatch-dev-cis-cloudwatch-1-root-usage: ALARM, then OK (CloudWatch returned it by itself)",
        });
    });

    it("a stack never deployed: no alarm and no log group fail their steps, naming what is missing; nothing is set", async () => {
        const plan = devPlan();
        happyPath(plan);
        fakeAlarms(cloudwatchMock, { missing: ["trailwatch-dev-cis-cloudwatch-1-root-usage"] });
        // CloudWatch Logs API Reference, CreateLogStream, Errors: ResourceNotFoundException, "The specified resource
        // does not exist" (HTTP 400).
        logsMock.on(CreateLogStreamCommand).rejects(
            Object.assign(new Error("The specified log group does not exist."), {
                name: "ResourceNotFoundException",
                $metadata: { httpStatusCode: 400 },
            }),
        );
        const result = await runDrill(plan, clients, options());
        assert.deepStrictEqual(result.rules[0].steps.alarm, {
            status: "failed",
            detail: "no alarm trailwatch-dev-cis-cloudwatch-1-root-usage in eu-west-1: was `pulumi up` run for stack dev in this account?",
        });
        assert.deepStrictEqual(result.rules[0].steps.metric, {
            status: "failed",
            detail: "logs:CreateLogStream failed: ResourceNotFoundException: The specified log group does not exist.",
        });
        assert.strictEqual(cloudwatchMock.commandCalls(SetAlarmStateCommand).length, 0);
        assert.strictEqual(logsMock.commandCalls(PutLogEventsCommand).length, 0);
        assert.deepStrictEqual(result.alarmsLeftInAlarm, []);
    });

    it("a refused DescribeAlarms names cloudwatch:DescribeAlarms and touches no alarm", async () => {
        const plan = devPlan();
        happyPath(plan);
        cloudwatchMock.on(DescribeAlarmsCommand).rejects(denied("AccessDenied"));
        const result = await runDrill(plan, clients, options());
        assert.match(
            result.rules[0].steps.alarm!.detail,
            /^access denied: the credentials may not call cloudwatch:DescribeAlarms /,
        );
        assert.strictEqual(cloudwatchMock.commandCalls(SetAlarmStateCommand).length, 0);
        assert.strictEqual(result.rules[0].steps.metric!.status, "passed");
    });

    it("a metric that never shows fails with a timeout message naming the metric and its filter", async () => {
        const plan = devPlan();
        happyPath(plan);
        cloudwatchMock
            .on(GetMetricDataCommand)
            .resolves({ MetricDataResults: [{ Id: "drill", Timestamps: [], Values: [] }] });
        const result = await runDrill(plan, clients, options({ timeoutMs: 60, pollIntervalMs: 10 }));
        assert.deepStrictEqual(result.rules[0].steps.metric, {
            status: "failed",
            detail: "no datapoint in Trailwatch/dev cis-cloudwatch-1-root-usage within 60ms of the drill event: is the metric filter trailwatch-dev-cis-cloudwatch-1-root-usage on aws-cloudtrail-logs-trailwatch-dev (was `pulumi up` run for this stack)?",
        });
        assert.ok(cloudwatchMock.commandCalls(GetMetricDataCommand).length >= 2, "polled more than once");
    });

    it("waits for the datapoint: a metric that shows on the third poll passes", async () => {
        const plan = devPlan();
        happyPath(plan);
        cloudwatchMock
            .on(GetMetricDataCommand)
            .resolvesOnce({ MetricDataResults: [{ Id: "drill", Values: [] }] })
            .resolvesOnce({ MetricDataResults: [{ Id: "drill", Values: [0] }] })
            .resolves(datapoint);
        const progress: string[] = [];
        const result = await runDrill(plan, clients, options({ onProgress: (t) => progress.push(t) }));
        assert.strictEqual(result.rules[0].steps.metric!.status, "passed");
        assert.strictEqual(cloudwatchMock.commandCalls(GetMetricDataCommand).length, 3);
        assert.match(progress.at(-1)!, /^metric datapoints: 1 of 1 \(\d+ms of at most 200ms\)$/);
    });

    it("a GetMetricData still throttled after the SDK's retries is asked again at the next poll, not failed", async () => {
        const plan = devPlan();
        happyPath(plan);
        // CloudWatch's Query protocol error code for a request over the rate (what the SDK's retry counts as throttling).
        const throttling = Object.assign(new Error("Rate exceeded"), {
            name: "Throttling",
            $metadata: { httpStatusCode: 400 },
        });
        cloudwatchMock.on(GetMetricDataCommand).rejectsOnce(throttling).resolves(datapoint);
        const result = await runDrill(plan, clients, options());
        assert.strictEqual(result.rules[0].steps.metric!.status, "passed", result.rules[0].steps.metric!.detail);
        assert.strictEqual(cloudwatchMock.commandCalls(GetMetricDataCommand).length, 2);

        cloudwatchMock.on(GetMetricDataCommand).rejects(throttling);
        const timedOut = await runDrill(plan, clients, options({ timeoutMs: 40 }));
        assert.match(
            timedOut.rules[0].steps.metric!.detail,
            /^no datapoint in .* \(the last poll was refused for its rate: cloudwatch:GetMetricData failed: Throttling: Rate exceeded\)$/,
        );
    });

    it("Ctrl-C while alarms are in ALARM: the drill stops and sets them back to OK", async () => {
        const plan = devPlan([rootRule, "console-login-root"]);
        happyPath(plan);
        const abort = new AbortController();
        fakeAlarms(cloudwatchMock, {
            onSet: (input) => {
                if (input.StateValue === "ALARM") setImmediate(() => abort.abort());
            },
        });
        const result = await runDrill(plan, clients, options({ holdMs: 60_000, signal: abort.signal }));
        assert.strictEqual(result.interrupted, true);
        const states = cloudwatchMock
            .commandCalls(SetAlarmStateCommand)
            .map((c) => `${c.args[0].input.AlarmName} ${c.args[0].input.StateValue}`);
        assert.deepStrictEqual(states.slice(2).sort(), [
            "trailwatch-dev-cis-cloudwatch-1-root-usage OK",
            "trailwatch-dev-console-login-root OK",
        ]);
        assert.strictEqual(drillPassed(result), false);
    });

    it("Ctrl-C while a drill event is being put: the summary counts it, as CloudWatch Logs may have stored it", async () => {
        const plan = devPlan();
        happyPath(plan);
        const abort = new AbortController();
        // The request was on its way when Ctrl-C cut it off: the SDK throws an AbortError, with no answer from AWS.
        logsMock.on(PutLogEventsCommand).callsFake(() => {
            abort.abort();
            throw Object.assign(new Error("Request aborted"), { name: "AbortError" });
        });
        const result = await runDrill(plan, clients, options({ signal: abort.signal }));
        assert.strictEqual(result.interrupted, true);
        assert.strictEqual(result.drillEventsPut, 1);
        assert.doesNotMatch(formatDrillResult(result), /No drill event was put/);
        // An event CloudWatch Logs answered for (here AccessDenied) was not stored, and is not counted.
        logsMock.on(PutLogEventsCommand).rejects(denied("AccessDeniedException"));
        const refused = await runDrill(plan, clients, options());
        assert.strictEqual(refused.drillEventsPut, 0);
        assert.match(formatDrillResult(refused), /No drill event was put into/);
    });

    it("an exception while alarms are in ALARM still sets them back to OK before it propagates", async () => {
        const plan = devPlan();
        happyPath(plan);
        await assert.rejects(
            runDrill(
                plan,
                clients,
                options({
                    onPhase: (text) => {
                        if (text.startsWith("Waiting 0ms for the alerts")) throw new Error("the terminal went away");
                    },
                }),
            ),
            /the terminal went away/,
        );
        assert.deepStrictEqual(
            cloudwatchMock.commandCalls(SetAlarmStateCommand).map((c) => c.args[0].input.StateValue),
            ["ALARM", "OK"],
        );
    });

    it("an alarm that cannot be set back to OK is reported with the command that fixes it", async () => {
        const plan = devPlan();
        happyPath(plan);
        const alarms = fakeAlarms(cloudwatchMock);
        cloudwatchMock
            .on(SetAlarmStateCommand)
            .callsFakeOnce((input: SetAlarmStateCommandInput) => {
                alarms.set(input.AlarmName!, { StateValue: "ALARM", StateReason: input.StateReason! });
                return {};
            })
            .rejects(
                Object.assign(new Error("Rate exceeded"), { name: "Throttling", $metadata: { httpStatusCode: 400 } }),
            );
        const result = await runDrill(plan, clients, options());
        assert.deepStrictEqual(result.alarmsLeftInAlarm, [
            {
                alarmName: "trailwatch-dev-cis-cloudwatch-1-root-usage",
                reason: "cloudwatch:SetAlarmState failed: Throttling: Rate exceeded",
            },
        ]);
        assert.strictEqual(drillPassed(result), false);
    });
});

describe("runDrill: throttling, with the SDK's own retry", () => {
    it("retries a TestMetricFilter answered with ThrottlingException, and the step passes", async () => {
        const plan = planDrill(projectDir, "dev", [rootRule]);
        const expected = new Set(plan.rules[0].mustMatch.map((s) => logEventMessage(s.event)));
        const requests: { target?: string; body: string }[] = [];
        // A stand-in for the network: the real client serialises the request, parses this HTTP answer (AWS JSON 1.1,
        // error type in `__type`) and its standard retry strategy decides to try again.
        const requestHandler = {
            async handle(request: { headers: Record<string, string>; body?: string | Uint8Array }) {
                const target = request.headers["x-amz-target"];
                if (target !== "Logs_20140328.TestMetricFilter") {
                    return { response: { statusCode: 200, headers: {}, body: Readable.from([Buffer.from("{}")]) } };
                }
                const body =
                    typeof request.body === "string" ? request.body : Buffer.from(request.body!).toString("utf8");
                requests.push({ target, body });
                const throttled = requests.length === 1;
                const input = JSON.parse(body) as { logEventMessages: string[] };
                const payload = throttled
                    ? { __type: "ThrottlingException", message: "Rate exceeded" }
                    : {
                          matches: input.logEventMessages
                              .filter((m) => expected.has(m))
                              .map((m, i) => ({ eventNumber: i, eventMessage: m })),
                      };
                return {
                    response: {
                        statusCode: throttled ? 400 : 200,
                        headers: { "content-type": "application/x-amz-json-1.1" },
                        body: Readable.from([Buffer.from(JSON.stringify(payload))]),
                    },
                };
            },
            updateHttpClientConfig() {},
            httpHandlerConfigs: () => ({}),
            destroy() {},
        };
        const logs = new CloudWatchLogsClient({ region: "eu-west-1", credentials, requestHandler });
        const cloudwatchMock = mockClient(CloudWatchClient);
        try {
            fakeAlarms(cloudwatchMock);
            const cloudwatch = new CloudWatchClient({ region: "eu-west-1", credentials });
            const result = await runDrill(
                plan,
                { logs, cloudwatch },
                { start, timeoutMs: 50, pollIntervalMs: 10, holdMs: 0 },
            );
            assert.strictEqual(requests.length, 2, "one throttled request, one retry");
            assert.strictEqual(requests[0].target, "Logs_20140328.TestMetricFilter");
            assert.strictEqual(requests[1].target, "Logs_20140328.TestMetricFilter");
            assert.strictEqual(requests[1].body, requests[0].body);
            assert.deepStrictEqual(result.rules[0].steps.pattern, {
                status: "passed",
                detail: "AWS agrees: matches 1, lets 22 pass",
            });
        } finally {
            cloudwatchMock.restore();
        }
    });
});

describe("runDrill: Opsgenie verification against a loopback Alert API", () => {
    const logsMock = mockClient(CloudWatchLogsClient);
    const cloudwatchMock = mockClient(CloudWatchClient);
    let server: http.Server;
    let baseUrl: string;
    let requests: { url: string; authorization?: string }[];
    let alarmState: Record<string, string>;
    let answer: (url: URL) => { status: number; body?: unknown };

    beforeEach(async () => {
        logsMock.reset();
        cloudwatchMock.reset();
        requests = [];
        alarmState = {};
        server = http.createServer((req, res) => {
            requests.push({ url: req.url!, authorization: req.headers.authorization });
            const { status, body } = answer(new URL(req.url!, "http://127.0.0.1"));
            res.writeHead(status, { "content-type": "application/json" });
            res.end(body === undefined ? "" : JSON.stringify(body));
        });
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
        baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));
    after(() => {
        logsMock.restore();
        cloudwatchMock.restore();
    });

    async function drill(): Promise<DrillResult> {
        const plan = planDrill(projectDir, "dev", [rootRule]);
        logsMock.on(TestMetricFilterCommand).callsFake(agreeingTestMetricFilter(plan));
        logsMock.on(CreateLogStreamCommand).resolves({});
        logsMock.on(PutLogEventsCommand).resolves({});
        cloudwatchMock.on(GetMetricDataCommand).resolves(datapoint);
        fakeAlarms(cloudwatchMock, {
            onSet: (input) => {
                alarmState[input.AlarmName!] = input.StateValue!;
            },
        });
        const clients = {
            logs: new CloudWatchLogsClient({ region: "eu-west-1", credentials }),
            cloudwatch: new CloudWatchClient({ region: "eu-west-1", credentials }),
        };
        return runDrill(plan, clients, {
            timeoutMs: 500,
            pollIntervalMs: 10,
            holdMs: 60_000,
            verifyOpsgenie: { apiKey: "0a1b2c3d-test-key", baseUrl },
        });
    }

    const alias = "trailwatch-dev-cis-cloudwatch-1-root-usage";

    it("reads the alert by its alias until it is open, then by its id until it is closed", async () => {
        let aliasPolls = 0;
        let stateWhenOpened: string | undefined;
        answer = (url) => {
            const state = alarmState[alias];
            const alert = (status: string) => ({
                data: {
                    id: "70413a06-38d6-4c85-92b8-5ebc900d42e2",
                    alias,
                    status,
                    lastOccurredAt: new Date().toISOString(),
                },
                took: 0.01,
                requestId: "9ae63dd7-ed00-4c81-86f0-c4ffd33142c9",
            });
            if (url.searchParams.get("identifierType") === "alias") {
                stateWhenOpened ??= state === "ALARM" && aliasPolls >= 2 ? state : undefined;
                // Opsgenie creates the alert a moment after SNS delivers the notification.
                return state === "ALARM" && ++aliasPolls > 2
                    ? { status: 200, body: alert("open") }
                    : { status: 404, body: { message: "Alert does not exist" } };
            }
            return { status: 200, body: alert(state === "OK" ? "closed" : "open") };
        };
        const result = await drill();
        assert.deepStrictEqual(result.rules[0].steps.opsgenie, {
            status: "passed",
            detail: `alert 70413a06-38d6-4c85-92b8-5ebc900d42e2 (alias ${alias}) opened and closed`,
        });
        assert.ok(drillPassed(result));
        assert.deepStrictEqual(
            [...new Set(requests.map((r) => r.url))],
            [
                `/v2/alerts/${alias}?identifierType=alias`,
                "/v2/alerts/70413a06-38d6-4c85-92b8-5ebc900d42e2?identifierType=id",
            ],
        );
        assert.ok(requests.every((r) => r.authorization === "GenieKey 0a1b2c3d-test-key"));
        // The alert was seen open while the alarm was in ALARM; the OK came after (the hold is not used).
        assert.strictEqual(stateWhenOpened, "ALARM");
        assert.strictEqual(alarmState[alias], "OK");
    });

    it("an alert that never opens fails the step, and the alarm is back to OK", async () => {
        answer = () => ({ status: 404, body: { message: "Alert does not exist" } });
        const result = await drill();
        assert.strictEqual(result.rules[0].steps.opsgenie!.status, "failed");
        assert.match(
            result.rules[0].steps.opsgenie!.detail,
            /^no alert with alias trailwatch-dev-cis-cloudwatch-1-root-usage opened within 500ms/,
        );
        assert.strictEqual(alarmState[alias], "OK");
    });

    it("an alert CloudWatch's own return to OK already closed counts, when it is newer than the drill's ALARM", async () => {
        const closedAlert = (lastOccurredAt: string) => ({
            status: 200,
            body: { data: { id: "c1d2", alias, status: "closed", lastOccurredAt } },
        });
        answer = () => closedAlert(new Date().toISOString());
        const passed = await drill();
        assert.deepStrictEqual(passed.rules[0].steps.opsgenie, {
            status: "passed",
            detail: `alert c1d2 (alias ${alias}) opened and closed`,
        });
        // A closed alert of an earlier drill is not this drill's alert.
        answer = () => closedAlert("2025-01-01T00:00:00Z");
        const failed = await drill();
        assert.strictEqual(failed.rules[0].steps.opsgenie!.status, "failed");
    });

    it("an answer over Opsgenie's rate limit (HTTP 429) is asked again at the next poll", async () => {
        let polls = 0;
        answer = (url) => {
            if (++polls <= 2) return { status: 429, body: { message: "Rate limit exceeded", took: 0 } };
            const state = alarmState[alias];
            const status = url.searchParams.get("identifierType") === "id" && state === "OK" ? "closed" : "open";
            return {
                status: 200,
                body: { data: { id: "a429", alias, status, lastOccurredAt: new Date().toISOString() } },
            };
        };
        const result = await drill();
        assert.deepStrictEqual(result.rules[0].steps.opsgenie, {
            status: "passed",
            detail: `alert a429 (alias ${alias}) opened and closed`,
        });
        assert.ok(polls > 3);
    });

    it("a refused key (HTTP 401) fails the step without printing the key", async () => {
        answer = () => ({ status: 401, body: { message: "Could not authenticate" } });
        const result = await drill();
        const detail = result.rules[0].steps.opsgenie!.detail;
        assert.match(detail, /^Opsgenie refused the API key \(HTTP 401\)/);
        assert.ok(!JSON.stringify(result).includes("0a1b2c3d-test-key"));
        assert.strictEqual(alarmState[alias], "OK");
    });
});
