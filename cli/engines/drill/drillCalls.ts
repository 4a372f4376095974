import type {
    DescribeAlarmsCommandInput,
    GetMetricDataCommandInput,
    SetAlarmStateCommandInput,
} from "@aws-sdk/client-cloudwatch";
import type {
    CreateLogStreamCommandInput,
    PutLogEventsCommandInput,
    TestMetricFilterCommandInput,
} from "@aws-sdk/client-cloudwatch-logs";
import { parseFilterPattern } from "@trailwatch/components/catalogue";
import { SampleEvent } from "../samples/sampleEvents";
import { DrillPlan, DrillRule } from "./drillPlan";

// The requests of a drill, built in one place: the drill sends exactly these, and `--dry-run` prints exactly these.

/** The steps of a drill, in the order it runs them and the summary shows them. */
export const drillSteps = ["pattern", "alarm", "opsgenie", "metric"] as const;
export type DrillStep = (typeof drillSteps)[number];

/** What each step proves, for the usage text and the dry run. */
export const drillStepTitles: Record<DrillStep, string> = {
    pattern: "AWS's own engine (TestMetricFilter) judges the pattern against the sample events",
    alarm: "the alarm goes to ALARM (reason: a drill) and back to OK, through SNS to the on-call tool",
    opsgenie: "the Opsgenie alert (alias: the alarm name) opened and closed",
    metric: "a marked sample event in a drill log stream of the trail's log group moves the rule's metric",
};

/** One request a drill makes: the service, the operation, the IAM action that allows it, and its parameters. */
export interface ApiCall {
    /** `logs`, `cloudwatch` (the IAM service prefixes) or `opsgenie`. */
    service: "logs" | "cloudwatch" | "opsgenie";
    operation: string;
    /** The request's parameters, exactly as sent (for Opsgenie: method, URL without the key). */
    params: Record<string, unknown>;
}

/** The IAM action of an AWS call (`logs:PutLogEvents`); undefined for Opsgenie. */
export function iamActionOf(call: ApiCall): string | undefined {
    return call.service === "opsgenie" ? undefined : `${call.service}:${call.operation}`;
}

/** The message CloudTrail delivers to CloudWatch Logs for a record: the record as one line of JSON. */
export function logEventMessage(event: object): string {
    return JSON.stringify(event);
}

/** The sample events a rule is judged with, must-match first, as TestMetricFilter takes them. */
export function judgedSamples(rule: DrillRule): SampleEvent[] {
    return [...rule.mustMatch, ...rule.mustNotMatch];
}

export function testMetricFilterInput(rule: DrillRule): TestMetricFilterCommandInput {
    return { filterPattern: rule.pattern, logEventMessages: judgedSamples(rule).map((s) => logEventMessage(s.event)) };
}

/** What every drill log stream's name starts with: the drill's IAM policy allows writes to these streams only. */
export const drillLogStreamPrefix = "trailwatch-drill-";

/**
 * Name of the log stream a drill puts its events in: `trailwatch-drill-<UTC time>`. Log stream names may not contain
 * `:` or `*` (CloudWatch Logs API Reference, CreateLogStream), hence the compact ISO 8601 form.
 */
export function drillLogStreamName(start: Date): string {
    return `${drillLogStreamPrefix}${drillIdOf(start)}`;
}

/** An identifier of one drill run (its start, `20250305T154012Z`), carried by its events and alarm state reasons. */
export function drillIdOf(start: Date): string {
    return start
        .toISOString()
        .replace(/[-:]/g, "")
        .replace(/\.\d+Z$/, "Z");
}

/** The key a drill event carries, so that anyone reading the log group sees it is not a real API call. */
export const drillMarkerKey = "trailwatchDrill";

/**
 * A sample event stamped `now` and marked as a drill: the time CloudTrail would give it, a fresh event ID, and a
 * `trailwatchDrill` member naming the drill (rules match on CloudTrail's own fields, so the mark changes no verdict;
 * {@link drillEventFor} checks that).
 */
export function markDrillEvent(sample: SampleEvent, drillId: string, now: Date): Record<string, unknown> {
    return {
        ...(sample.event as Record<string, unknown>),
        eventTime: now.toISOString().replace(/\.\d+Z$/, "Z"),
        eventID: `${drillId}-${sample.name.replace(/\.json$/, "")}`,
        [drillMarkerKey]: {
            drillId,
            sample: sample.name,
            note: "Put here by `trailwatch drill` to test the alert path: not a real API call.",
        },
    };
}

/** The first must-match sample that still matches once marked, as the drill puts it; undefined when there is none. */
export function drillEventFor(
    rule: DrillRule,
    drillId: string,
    now: Date,
): { sample: SampleEvent; event: Record<string, unknown> } | undefined {
    const pattern = parseFilterPattern(rule.pattern);
    for (const sample of rule.mustMatch) {
        const event = markDrillEvent(sample, drillId, now);
        if (pattern.matches(event)) return { sample, event };
    }
    return undefined;
}

export function createLogStreamInput(plan: DrillPlan, logStreamName: string): CreateLogStreamCommandInput {
    return { logGroupName: plan.logGroupName, logStreamName };
}

export function putLogEventsInput(
    plan: DrillPlan,
    logStreamName: string,
    event: object,
    now: Date,
): PutLogEventsCommandInput {
    return {
        logGroupName: plan.logGroupName,
        logStreamName,
        logEvents: [{ timestamp: now.getTime(), message: logEventMessage(event) }],
    };
}

/**
 * Metric filters publish one-minute datapoints stamped with the matching event's time. Inferred, not documented: the
 * CloudWatch Logs API Reference (MetricFilter, PutMetricFilter) states neither the resolution nor the timestamp, so
 * {@link getMetricDataInput} reads a window around the event's minute rather than that minute alone.
 */
export const METRIC_PERIOD_SECONDS = 60;

/**
 * Reads the rule's metric (`Sum` per minute) around the drill event: from the minute before the event's to two
 * minutes after it. The metric filter has no dimensions, so the metric is the namespace and the rule id alone.
 */
export function getMetricDataInput(rule: DrillRule, eventTime: Date): GetMetricDataCommandInput {
    const minute = Math.floor(eventTime.getTime() / 60_000) * 60_000;
    return {
        MetricDataQueries: [
            {
                Id: "drill",
                MetricStat: {
                    Metric: { Namespace: rule.names.metricNamespace, MetricName: rule.names.metricName },
                    Period: METRIC_PERIOD_SECONDS,
                    Stat: "Sum",
                },
                ReturnData: true,
            },
        ],
        StartTime: new Date(minute - 60_000),
        EndTime: new Date(minute + 120_000),
    };
}

/** What the alarm's state reason says during a drill: it reaches the alert when the description shows it. */
export function drillAlarmReason(drillId: string, state: "ALARM" | "OK"): string {
    return state === "ALARM"
        ? `trailwatch drill ${drillId}: a test of the alert path, not a security event. The drill sets the alarm back to OK by itself.`
        : `trailwatch drill ${drillId}: test over, back to OK.`;
}

export function setAlarmStateInput(rule: DrillRule, state: "ALARM" | "OK", drillId: string): SetAlarmStateCommandInput {
    return { AlarmName: rule.names.alarmName, StateValue: state, StateReason: drillAlarmReason(drillId, state) };
}

/**
 * DescribeAlarms takes at most 100 `AlarmNames` and returns at most `MaxRecords` (1 to 100) alarms a page (CloudWatch
 * API Reference, DescribeAlarms); without `AlarmTypes` it returns metric alarms only, which the stack's are.
 */
export const MAX_DESCRIBED_ALARMS = 100;

/**
 * The requests that read the state of `rules`' alarms, at most 100 names each. The drill reads it before ALARM and
 * before OK: SetAlarmState invokes an alarm's actions only "when the updated state differs from the previous value"
 * (CloudWatch API Reference, SetAlarmState), so an alarm already in ALARM would send no alert for the drill, and the
 * drill's OK would then send the OK that closes a real alert.
 */
export function describeAlarmsInputs(rules: readonly DrillRule[]): DescribeAlarmsCommandInput[] {
    const inputs: DescribeAlarmsCommandInput[] = [];
    for (let i = 0; i < rules.length; i += MAX_DESCRIBED_ALARMS) {
        inputs.push({
            AlarmNames: rules.slice(i, i + MAX_DESCRIBED_ALARMS).map((r) => r.names.alarmName),
            MaxRecords: MAX_DESCRIBED_ALARMS,
        });
    }
    return inputs;
}

/**
 * Opsgenie's Alert API, "Get Alert": `GET /v2/alerts/:identifier?identifierType=id|tiny|alias`, authorised by the
 * header `Authorization: GenieKey <key>`, on api.opsgenie.com or, for the EU instance, api.eu.opsgenie.com
 * (Opsgenie "Alert API", https://docs.opsgenie.com/docs/alert-api). The URL never carries the key.
 */
export function opsgenieGetAlertUrl(baseUrl: string, identifier: string, identifierType: "alias" | "id"): string {
    return `${baseUrl.replace(/\/+$/, "")}/v2/alerts/${encodeURIComponent(identifier)}?identifierType=${identifierType}`;
}

/** The base URL of a stack's Opsgenie API. */
export function opsgenieBaseUrl(plan: DrillPlan): string | undefined {
    return plan.opsgenie && `https://${plan.opsgenie.apiHost}`;
}

/** One planned request of a drill, with the rule and step it belongs to (none for the drill's log stream). */
export interface PlannedCall {
    ruleId?: string;
    step?: DrillStep;
    call: ApiCall;
    /** When the call repeats or waits: what for, and how long at most. */
    note?: string;
}

/** Options that shape the calls of a drill. */
export interface DrillCallOptions {
    start: Date;
    verifyOpsgenie: boolean;
    /** How long each wait may take, in milliseconds. */
    timeoutMs: number;
    pollIntervalMs: number;
    /** Base URL of the Opsgenie API (default: the stack's instance). */
    opsgenieBaseUrl?: string;
}

/**
 * Every request a drill makes, in the order it makes them: what `--dry-run` prints. The drill works in phases over
 * all its rules, so that the waits overlap: every pattern, then every alarm (ALARM, then OK), then every drill event
 * and metric. The alarms come before the drill events: a rule whose threshold is 1 fires on its drill event by
 * itself, and that must not mix with the drill's own ALARM and OK.
 */
export function plannedCalls(plan: DrillPlan, options: DrillCallOptions): PlannedCall[] {
    const drillId = drillIdOf(options.start);
    const stream = drillLogStreamName(options.start);
    const wait = `every ${formatDuration(options.pollIntervalMs)}, for at most ${formatDuration(options.timeoutMs)}`;
    const baseUrl = options.opsgenieBaseUrl ?? opsgenieBaseUrl(plan);
    const verifyUrl = options.verifyOpsgenie ? baseUrl : undefined;
    const drillEvents = plan.rules.map((rule) => ({ rule, drillEvent: drillEventFor(rule, drillId, options.start) }));
    const calls: PlannedCall[] = [];
    for (const rule of plan.rules) {
        calls.push({
            ruleId: rule.id,
            step: "pattern",
            call: { service: "logs", operation: "TestMetricFilter", params: { ...testMetricFilterInput(rule) } },
            note: `${rule.mustMatch.length} sample events must match, ${rule.mustNotMatch.length} must not`,
        });
    }
    const setAlarmState = (rule: DrillRule, state: "ALARM" | "OK", note?: string): PlannedCall => ({
        ruleId: rule.id,
        step: "alarm",
        call: {
            service: "cloudwatch",
            operation: "SetAlarmState",
            params: { ...setAlarmStateInput(rule, state, drillId) },
        },
        ...(note === undefined ? {} : { note }),
    });
    const getAlert = (rule: DrillRule, url: string, note: string): PlannedCall => ({
        ruleId: rule.id,
        step: "opsgenie",
        call: { service: "opsgenie", operation: "GetAlert", params: { method: "GET", url } },
        note,
    });
    const describeAlarms = (note: string): PlannedCall[] =>
        describeAlarmsInputs(plan.rules).map((input) => ({
            step: "alarm",
            call: { service: "cloudwatch", operation: "DescribeAlarms", params: { ...input } },
            note,
        }));
    calls.push(...describeAlarms("an alarm missing or already in ALARM is left alone"));
    calls.push(...plan.rules.map((rule) => setAlarmState(rule, "ALARM")));
    if (verifyUrl !== undefined) {
        calls.push(
            ...plan.rules.map((rule) =>
                getAlert(
                    rule,
                    opsgenieGetAlertUrl(verifyUrl, rule.names.alarmName, "alias"),
                    `until the alert is open, ${wait}`,
                ),
            ),
        );
    }
    const okNote = verifyUrl !== undefined ? "also on error or Ctrl-C" : "after a pause, also on error or Ctrl-C";
    calls.push(...describeAlarms("only an alarm still in the drill's ALARM is set to OK"));
    calls.push(...plan.rules.map((rule) => setAlarmState(rule, "OK", okNote)));
    if (verifyUrl !== undefined) {
        const url = opsgenieGetAlertUrl(verifyUrl, "ALERT_ID", "id");
        calls.push(
            ...plan.rules.map((rule) =>
                getAlert(rule, url, `ALERT_ID: the alert that opened; until it is closed, ${wait}`),
            ),
        );
    }
    if (drillEvents.some((d) => d.drillEvent !== undefined)) {
        calls.push({
            step: "metric",
            call: { service: "logs", operation: "CreateLogStream", params: { ...createLogStreamInput(plan, stream) } },
            note: "once, for every rule's drill event",
        });
    }
    for (const { rule, drillEvent } of drillEvents) {
        if (drillEvent === undefined) continue;
        calls.push({
            ruleId: rule.id,
            step: "metric",
            call: {
                service: "logs",
                operation: "PutLogEvents",
                params: { ...putLogEventsInput(plan, stream, drillEvent.event, options.start) },
            },
            note: `sample ${drillEvent.sample.name}, stamped now, marked "${drillMarkerKey}"`,
        });
    }
    for (const { rule, drillEvent } of drillEvents) {
        if (drillEvent === undefined) continue;
        calls.push({
            ruleId: rule.id,
            step: "metric",
            call: {
                service: "cloudwatch",
                operation: "GetMetricData",
                params: { ...getMetricDataInput(rule, options.start) },
            },
            note: `until the datapoint shows, ${wait}`,
        });
    }
    return calls;
}

/** `90s`, `5m`, `5m30s`, `1h` (and milliseconds below a second). */
export function formatDuration(ms: number): string {
    if (ms < 1000) return `${ms}ms`;
    const s = Math.round(ms / 1000);
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const rest = s % 60;
    return [h > 0 ? `${h}h` : "", m > 0 ? `${m}m` : "", rest > 0 || s === 0 ? `${rest}s` : ""].join("");
}
