import {
    CloudWatchClient,
    DescribeAlarmsCommand,
    DescribeAlarmsCommandInput,
    GetMetricDataCommand,
    MetricAlarm,
    SetAlarmStateCommand,
} from "@aws-sdk/client-cloudwatch";
import {
    CloudWatchLogsClient,
    CreateLogStreamCommand,
    PutLogEventsCommand,
    RejectedLogEventsInfo,
} from "@aws-sdk/client-cloudwatch-logs";
import { describeCallError, isThrottled } from "./awsCallError";
import {
    ApiCall,
    DrillStep,
    createLogStreamInput,
    describeAlarmsInputs,
    drillAlarmReason,
    drillEventFor,
    drillIdOf,
    drillLogStreamName,
    formatDuration,
    getMetricDataInput,
    judgedSamples,
    logEventMessage,
    opsgenieBaseUrl,
    putLogEventsInput,
    setAlarmStateInput,
    testMetricFilterInput,
} from "./drillCalls";
import { DrillPlan, DrillRule } from "./drillPlan";
import { DrillResult, RuleResult, StepStatus } from "./drillResult";
import { OpsgenieAlert, OpsgenieApiError, getOpsgenieAlert } from "./opsgenieAlerts";
import { judgePattern } from "./patternJudge";

/** The AWS SDK v3 clients a drill sends with (the region is the stack's). */
export interface DrillClients {
    logs: CloudWatchLogsClient;
    cloudwatch: CloudWatchClient;
}

/** How a drill runs. */
export interface DrillOptions {
    /** When the drill starts: names the drill, its log stream and its alarm state reasons. @default now */
    start?: Date;
    /**
     * The clock that stamps the drill events when they are put (the alarm and Opsgenie waits come first and can take
     * minutes). @default () => new Date()
     */
    now?: () => Date;
    /** The longest each wait (metric datapoint, alert opened, alert closed) may take. */
    timeoutMs: number;
    /** The pause between two polls. */
    pollIntervalMs: number;
    /**
     * Without Opsgenie verification: how long the drill waits after ALARM before it sets the alarms to OK itself.
     * CloudWatch usually returns a metric alarm to its actual state within seconds (SetAlarmState), and its OK
     * notification closes the alert; the drill's own OK is the safety net for an alarm that stays in ALARM.
     */
    holdMs: number;
    /** Read each alert from Opsgenie's Alert API and confirm it opened and closed. */
    verifyOpsgenie?: { apiKey: string; baseUrl?: string };
    /** Aborting (Ctrl-C) stops the drill; alarms it set to ALARM are still set back to OK. */
    signal?: AbortSignal;
    /** A phase starts (one line each). */
    onPhase?: (text: string) => void;
    /** Progress within a phase (a line to show in place). */
    onProgress?: (text: string) => void;
}

class Interrupted extends Error {
    constructor() {
        super("interrupted");
        this.name = "AbortError";
    }
}

function isAbort(err: unknown, signal: AbortSignal | undefined): boolean {
    return signal?.aborted === true && ((err as Error)?.name === "AbortError" || err instanceof Interrupted);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(new Interrupted());
        const timer = setTimeout(() => {
            signal?.removeEventListener("abort", onAbort);
            resolve();
        }, ms);
        const onAbort = (): void => {
            clearTimeout(timer);
            reject(new Interrupted());
        };
        signal?.addEventListener("abort", onAbort, { once: true });
    });
}

/** Runs `task` over `items`, at most `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
    let next = 0;
    const worker = async (): Promise<void> => {
        while (next < items.length) await task(items[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Requests sent at once: well under the APIs' rates; the SDK retries a throttled request by itself. */
const CONCURRENCY = 5;

/** Clock skew allowed between this machine and Opsgenie when telling a new alert from an old one. */
const CLOCK_SKEW_MS = 60_000;

/**
 * Why CloudWatch Logs rejected the (one) event of a PutLogEvents request, for people; undefined when it took it. It
 * rejects an event "more than 2 hours in the future", "more than 14 days in the past", or "from earlier than the
 * retention period of the log group" (CloudWatch Logs API Reference, PutLogEvents), and says which in
 * `rejectedLogEventsInfo` (`tooNewLogEventStartIndex`, `tooOldLogEventEndIndex`, `expiredLogEventEndIndex`,
 * RejectedLogEventsInfo). The drill stamps its event with this machine's clock, so that is what to check.
 */
function rejectionReason(rejected: RejectedLogEventsInfo | undefined, stampedAt: Date): string | undefined {
    if (rejected === undefined) return undefined;
    const at = stampedAt.toISOString();
    if (rejected.tooNewLogEventStartIndex !== undefined) {
        return `its timestamp ${at} is more than 2 hours ahead of AWS's clock: check this machine's clock`;
    }
    if (rejected.tooOldLogEventEndIndex !== undefined) {
        return `its timestamp ${at} is more than 14 days behind AWS's clock: check this machine's clock`;
    }
    if (rejected.expiredLogEventEndIndex !== undefined) {
        return `its timestamp ${at} is older than the log group's retention: check this machine's clock`;
    }
    return Object.keys(rejected).length > 0 ? JSON.stringify(rejected) : undefined;
}

/**
 * Runs a drill against a deployed stack: for each rule, AWS judges its pattern (`TestMetricFilter`), a marked sample
 * event put into a drill log stream moves its metric, and its alarm goes to ALARM and back to OK (and, with
 * verification, the Opsgenie alert opens and closes). Each step passes or fails on its own; a failure names the IAM
 * action refused or what did not arrive. Whatever happens — a failed call, an exception, an abort — every alarm the
 * drill set to ALARM is set back to OK before this returns or throws.
 */
export async function runDrill(plan: DrillPlan, clients: DrillClients, options: DrillOptions): Promise<DrillResult> {
    const start = options.start ?? new Date();
    const drillId = drillIdOf(start);
    const logStreamName = drillLogStreamName(start);
    const signal = options.signal;
    const rules: RuleResult[] = plan.rules.map((r) => ({ id: r.id, alarmName: r.names.alarmName, steps: {} }));
    const resultOf = (rule: DrillRule): RuleResult => rules[plan.rules.indexOf(rule)];
    const set = (rule: DrillRule, step: DrillStep, status: StepStatus, detail: string): void => {
        resultOf(rule).steps[step] = { status, detail };
    };
    const result: DrillResult = {
        stack: plan.stack,
        region: plan.region,
        drillId,
        logGroupName: plan.logGroupName,
        logStreamName,
        drillEventsPut: 0,
        rules,
        interrupted: false,
        alarmsLeftInAlarm: [],
    };
    const opsgenie =
        options.verifyOpsgenie &&
        ({
            apiKey: options.verifyOpsgenie.apiKey,
            baseUrl: options.verifyOpsgenie.baseUrl ?? opsgenieBaseUrl(plan) ?? "https://api.opsgenie.com",
            signal,
        } as const);
    for (const rule of plan.rules) {
        for (const step of ["pattern", "metric", "alarm", ...(opsgenie ? ["opsgenie" as const] : [])] as DrillStep[]) {
            set(rule, step, "not run", "");
        }
    }
    const failed = (rule: DrillRule, step: DrillStep, call: ApiCall, err: unknown): void => {
        if (isAbort(err, signal)) throw err;
        set(rule, step, "failed", describeCallError(call, err));
    };
    /** The last poll of a rule that was refused for its rate (it is asked again), for the timeout's message. */
    const throttled = new Map<string, string>();
    const throttleNote = (rule: DrillRule, step: DrillStep): string => {
        const last = throttled.get(`${rule.id} ${step}`);
        return last === undefined ? "" : ` (the last poll was refused for its rate: ${last})`;
    };
    /**
     * A failed Opsgenie request ends that rule's polling (the error already names the request, opsgenieAlerts), except
     * a 429 (Opsgenie "Rate Limiting"), which the next poll asks again.
     */
    const opsgenieFailed = (rule: DrillRule, err: unknown): boolean => {
        if (isAbort(err, signal)) throw err;
        if (err instanceof OpsgenieApiError && err.status === 429) {
            throttled.set(`${rule.id} opsgenie`, err.message);
            return false;
        }
        set(rule, "opsgenie", "failed", (err as Error).message);
        return true;
    };
    /** Polls each rule with `probe` until it answers true or the time is up; reports progress. */
    const pollAll = async (
        what: string,
        polled: DrillRule[],
        probe: (rule: DrillRule) => Promise<boolean>,
    ): Promise<Set<DrillRule>> => {
        const done = new Set<DrillRule>();
        const began = Date.now();
        const deadline = began + options.timeoutMs;
        options.onPhase?.(
            `Waiting for ${what} of ${polled.length} rules (at most ${formatDuration(options.timeoutMs)})`,
        );
        const report = (): void =>
            options.onProgress?.(
                `${what}: ${done.size} of ${polled.length} (${formatDuration(Date.now() - began)} of at most ${formatDuration(options.timeoutMs)})`,
            );
        await Promise.all(
            polled.map(async (rule) => {
                for (;;) {
                    if (await probe(rule)) {
                        done.add(rule);
                        report();
                        return;
                    }
                    if (Date.now() + options.pollIntervalMs > deadline) return;
                    await sleep(options.pollIntervalMs, signal);
                    report();
                }
            }),
        );
        return done;
    };

    /** The alarms of `polled` as CloudWatch describes them now, by name; an alarm it does not know is absent. */
    const readAlarms = async (polled: DrillRule[], abortSignal?: AbortSignal): Promise<Map<string, MetricAlarm>> => {
        const found = new Map<string, MetricAlarm>();
        for (const input of describeAlarmsInputs(polled)) {
            let page: DescribeAlarmsCommandInput = input;
            for (;;) {
                const output = await clients.cloudwatch.send(new DescribeAlarmsCommand(page), { abortSignal });
                for (const alarm of output.MetricAlarms ?? []) {
                    if (alarm.AlarmName !== undefined) found.set(alarm.AlarmName, alarm);
                }
                if (!output.NextToken) break;
                page = { ...input, NextToken: output.NextToken };
            }
        }
        return found;
    };
    const describeCall = (polled: DrillRule[]): ApiCall => ({
        service: "cloudwatch",
        operation: "DescribeAlarms",
        params: { ...describeAlarmsInputs(polled)[0] },
    });

    // Alarms the drill may have set to ALARM: every one is set back to OK in the `finally` below.
    const maybeInAlarm = new Set<DrillRule>();
    const alarmSetAt = new Map<DrillRule, number>();
    const openedAlerts = new Map<DrillRule, OpsgenieAlert>();
    try {
        // 1. AWS's own engine judges each pattern against the sample events.
        options.onPhase?.(`Judging ${plan.rules.length} patterns with logs:TestMetricFilter`);
        await eachLimited(plan.rules, CONCURRENCY, async (rule) => {
            const input = testMetricFilterInput(rule);
            const call: ApiCall = { service: "logs", operation: "TestMetricFilter", params: { ...input } };
            const samples = judgedSamples(rule);
            try {
                const judgement = await judgePattern(
                    clients.logs,
                    rule.pattern,
                    samples.map((s) => logEventMessage(s.event)),
                    samples.map((_, i) => i < rule.mustMatch.length),
                    signal,
                );
                if (judgement.disagreements.length > 0) {
                    const text = judgement.disagreements
                        .map(
                            (d) =>
                                `${samples[d.index].name}: AWS says ${d.aws ? "match" : "no match"}, trailwatch's evaluator ${d.local ? "match" : "no match"}`,
                        )
                        .join("; ");
                    set(rule, "pattern", "failed", `AWS and the local evaluator disagree: ${text}`);
                } else {
                    set(
                        rule,
                        "pattern",
                        "passed",
                        `AWS agrees: matches ${rule.mustMatch.length}, lets ${rule.mustNotMatch.length} pass`,
                    );
                }
            } catch (err) {
                failed(rule, "pattern", call, err);
            }
        });

        // 2. The alarm goes to ALARM and back to OK (3. with the Opsgenie alert seen to open and close); before the drill
        // events of step 4, so that the alarm's own evaluation of those (it fires on them at threshold 1) cannot mix in.
        // SetAlarmState invokes an alarm's actions only "when the updated state differs from the previous value"
        // (CloudWatch API Reference, SetAlarmState): an alarm in ALARM already would send no alert for the drill, and
        // the drill's OK would send the OK notification that closes the real alert. Such an alarm is left alone, and
        // so is one CloudWatch does not know (the stack was not deployed here).
        const drilled: DrillRule[] = [];
        options.onPhase?.(`Reading the state of ${plan.rules.length} alarms with cloudwatch:DescribeAlarms`);
        try {
            const before = await readAlarms(plan.rules, signal);
            for (const rule of plan.rules) {
                const name = rule.names.alarmName;
                const alarm = before.get(name);
                if (alarm === undefined) {
                    set(
                        rule,
                        "alarm",
                        "failed",
                        `no alarm ${name} in ${plan.region ?? "the AWS environment's region"}: was \`pulumi up\` run for stack ${plan.stack} in this account?`,
                    );
                } else if (alarm.ActionsEnabled === false || alarm.AlarmActions?.length === 0) {
                    // MetricAlarm (CloudWatch API Reference): ActionsEnabled "indicates whether actions should be
                    // executed during any changes to the alarm state"; AlarmActions are those of the move to ALARM.
                    // Either way its ALARM would reach no one: the alert path is broken, and a drill ALARM proves nothing.
                    set(
                        rule,
                        "alarm",
                        "failed",
                        alarm.ActionsEnabled === false
                            ? `${name} has its actions disabled, so its ALARM notifies no one: \`aws cloudwatch enable-alarm-actions --alarm-names ${name}\` (or \`pulumi up\`)`
                            : `${name} has no ALARM action, so its ALARM notifies no one: run \`pulumi up\` for stack ${plan.stack}`,
                    );
                } else if (alarm.StateValue === "ALARM") {
                    set(
                        rule,
                        "alarm",
                        "failed",
                        `${name} is in ALARM already (${alarm.StateReason ?? "no reason given"}): a real alert may be open, so the drill leaves this alarm alone`,
                    );
                } else {
                    drilled.push(rule);
                }
            }
        } catch (err) {
            for (const rule of plan.rules) failed(rule, "alarm", describeCall(plan.rules), err);
        }
        try {
            // Each alarm goes to ALARM, so that SNS notifies the on-call tool.
            if (drilled.length > 0) options.onPhase?.(`Setting ${drilled.length} alarms to ALARM (reason: a drill)`);
            await eachLimited(drilled, CONCURRENCY, async (rule) => {
                const input = setAlarmStateInput(rule, "ALARM", drillId);
                const call: ApiCall = { service: "cloudwatch", operation: "SetAlarmState", params: { ...input } };
                maybeInAlarm.add(rule); // before sending: a request cut off may still have been carried out
                alarmSetAt.set(rule, Date.now());
                try {
                    await clients.cloudwatch.send(new SetAlarmStateCommand(input), { abortSignal: signal });
                } catch (err) {
                    // An answer from CloudWatch (an HTTP status) means the state did not change.
                    if ((err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== undefined) {
                        maybeInAlarm.delete(rule);
                    }
                    failed(rule, "alarm", call, err);
                }
            });
            const inAlarm = plan.rules.filter(
                (r) => maybeInAlarm.has(r) && resultOf(r).steps.alarm?.status !== "failed",
            );
            if (opsgenie) {
                for (const rule of plan.rules) {
                    if (!inAlarm.includes(rule)) set(rule, "opsgenie", "failed", "the alarm was not set to ALARM");
                }
                const opened = await pollAll("Opsgenie alerts to open", inAlarm, async (rule) => {
                    try {
                        // The integration's actions give every alert of an alarm its name as alias (alarmIntegrationActions).
                        const alert = await getOpsgenieAlert(opsgenie, rule.names.alarmName, "alias");
                        const at = Date.parse(alert?.lastOccurredAt ?? alert?.createdAt ?? "");
                        // CloudWatch returns a metric alarm to its actual state "often within seconds" (CloudWatch API
                        // Reference, SetAlarmState), so the alert may be closed already: that it is new is what counts.
                        if (alert === undefined || !(at >= alarmSetAt.get(rule)! - CLOCK_SKEW_MS)) {
                            return false;
                        }
                        openedAlerts.set(rule, alert);
                        return true;
                    } catch (err) {
                        return opsgenieFailed(rule, err);
                    }
                });
                for (const rule of inAlarm) {
                    if (!opened.has(rule)) {
                        set(
                            rule,
                            "opsgenie",
                            "failed",
                            `no alert with alias ${rule.names.alarmName} opened within ${formatDuration(options.timeoutMs)}: check the SNS subscription of the alert topic and the integration's actions${throttleNote(rule, "opsgenie")}`,
                        );
                    }
                }
            } else if (inAlarm.length > 0) {
                options.onPhase?.(
                    `Waiting ${formatDuration(options.holdMs)} for the alerts to open before setting the alarms to OK`,
                );
                await sleep(options.holdMs, signal);
            }
        } finally {
            // Back to OK, whatever happened: never with the abort signal, so that Ctrl-C cannot cut this short.
            try {
                if (maybeInAlarm.size > 0) options.onPhase?.(`Setting ${maybeInAlarm.size} alarms back to OK`);
            } catch {
                // Reporting progress must not keep an alarm in ALARM.
            }
            const toReset = [...maybeInAlarm];
            // Only an alarm still in the drill's own ALARM is set to OK: one CloudWatch returned to its actual state
            // needs nothing, and one in ALARM for another reason is a real alert that the OK would close. When the
            // state cannot be read, every alarm is set to OK, as a drill's ALARM must not stay. (CloudWatch can still
            // re-evaluate an alarm between this read and the OK; the window is one request long.)
            let now: Map<string, MetricAlarm> | undefined;
            try {
                if (toReset.length > 0) now = await readAlarms(toReset);
            } catch {
                now = undefined;
            }
            await eachLimited(toReset, CONCURRENCY, async (rule) => {
                const input = setAlarmStateInput(rule, "OK", drillId);
                const call: ApiCall = { service: "cloudwatch", operation: "SetAlarmState", params: { ...input } };
                const alarm = now?.get(rule.names.alarmName);
                if (alarm?.StateValue === "ALARM" && alarm.StateReason !== drillAlarmReason(drillId, "ALARM")) {
                    set(
                        rule,
                        "alarm",
                        "failed",
                        `${rule.names.alarmName} is in ALARM for a reason of its own (${alarm.StateReason ?? "no reason given"}): a real alert may be open, so the drill did not set it to OK`,
                    );
                    return;
                }
                if (alarm !== undefined && alarm.StateValue !== "ALARM") {
                    if (resultOf(rule).steps.alarm?.status !== "failed") {
                        set(
                            rule,
                            "alarm",
                            "passed",
                            `${rule.names.alarmName}: ALARM, then ${alarm.StateValue} (CloudWatch returned it by itself)`,
                        );
                    }
                    return;
                }
                try {
                    await clients.cloudwatch.send(new SetAlarmStateCommand(input));
                    if (resultOf(rule).steps.alarm?.status !== "failed") {
                        set(rule, "alarm", "passed", `${rule.names.alarmName}: ALARM, then OK`);
                    }
                } catch (err) {
                    const reason = describeCallError(call, err);
                    set(rule, "alarm", "failed", `set to ALARM but not back to OK: ${reason}`);
                    result.alarmsLeftInAlarm.push({ alarmName: rule.names.alarmName, reason });
                }
            });
        }

        if (opsgenie && openedAlerts.size > 0) {
            const opened = [...openedAlerts.keys()].filter((r) => resultOf(r).steps.alarm?.status === "passed");
            const closed = await pollAll("Opsgenie alerts to close", opened, async (rule) => {
                try {
                    const alert = await getOpsgenieAlert(opsgenie, openedAlerts.get(rule)!.id, "id");
                    if (alert?.status !== "closed") return false;
                    set(
                        rule,
                        "opsgenie",
                        "passed",
                        `alert ${alert.id} (alias ${rule.names.alarmName}) opened and closed`,
                    );
                    return true;
                } catch (err) {
                    return opsgenieFailed(rule, err);
                }
            });
            for (const rule of opened) {
                if (!closed.has(rule) && resultOf(rule).steps.opsgenie?.status !== "failed") {
                    set(
                        rule,
                        "opsgenie",
                        "failed",
                        `alert ${openedAlerts.get(rule)!.id} opened but was not closed within ${formatDuration(options.timeoutMs)} of the OK: check the integration's close action${throttleNote(rule, "opsgenie")}`,
                    );
                }
            }
        }

        // 4. A marked sample event in a drill log stream moves each rule's metric. Stamped when it is put, not when the
        // drill started: the waits before can take 2 x --timeout, and the metric is read around the event's minute.
        const putAt = options.now?.() ?? new Date();
        const withEvent: { rule: DrillRule; event: Record<string, unknown>; sample: string }[] = [];
        for (const rule of plan.rules) {
            const drillEvent = drillEventFor(rule, drillId, putAt);
            if (drillEvent === undefined) {
                set(
                    rule,
                    "metric",
                    "failed",
                    "no sample event matches the rule's pattern, so the drill has none to put: add one to sample-events/",
                );
            } else {
                withEvent.push({ rule, event: drillEvent.event, sample: drillEvent.sample.name });
            }
        }
        if (withEvent.length > 0) {
            options.onPhase?.(`Putting ${withEvent.length} drill events into ${plan.logGroupName} / ${logStreamName}`);
            const streamInput = createLogStreamInput(plan, logStreamName);
            let streamReady = true;
            try {
                await clients.logs.send(new CreateLogStreamCommand(streamInput), { abortSignal: signal });
            } catch (err) {
                if (isAbort(err, signal)) throw err;
                streamReady = false;
                const call: ApiCall = { service: "logs", operation: "CreateLogStream", params: { ...streamInput } };
                for (const { rule } of withEvent) failed(rule, "metric", call, err);
            }
            const put: DrillRule[] = [];
            if (streamReady) {
                await eachLimited(withEvent, CONCURRENCY, async ({ rule, event, sample }) => {
                    const input = putLogEventsInput(plan, logStreamName, event, putAt);
                    const call: ApiCall = { service: "logs", operation: "PutLogEvents", params: { ...input } };
                    // Counted before sending: a request cut off (Ctrl-C) may still have been carried out, and the
                    // summary must not say the log stream holds no drill event when it may.
                    result.drillEventsPut++;
                    try {
                        const output = await clients.logs.send(new PutLogEventsCommand(input), { abortSignal: signal });
                        const why = rejectionReason(output.rejectedLogEventsInfo, putAt);
                        if (why !== undefined) {
                            result.drillEventsPut--;
                            set(
                                rule,
                                "metric",
                                "failed",
                                `CloudWatch Logs rejected the drill event (${sample}): ${why}`,
                            );
                        } else {
                            put.push(rule);
                        }
                    } catch (err) {
                        // An answer from CloudWatch Logs (an HTTP status) means the event was not stored.
                        if (
                            (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== undefined
                        ) {
                            result.drillEventsPut--;
                        }
                        failed(rule, "metric", call, err);
                    }
                });
            }
            const seen = await pollAll("metric datapoints", put, async (rule) => {
                const input = getMetricDataInput(rule, putAt);
                const call: ApiCall = { service: "cloudwatch", operation: "GetMetricData", params: { ...input } };
                try {
                    const output = await clients.cloudwatch.send(new GetMetricDataCommand(input), {
                        abortSignal: signal,
                    });
                    const values = output.MetricDataResults?.find((r) => r.Id === "drill")?.Values ?? [];
                    const peak = Math.max(0, ...values);
                    if (peak < 1) return false;
                    set(
                        rule,
                        "metric",
                        "passed",
                        `${rule.names.metricNamespace} ${rule.names.metricName}: Sum ${peak} in the drill's minute`,
                    );
                    return true;
                } catch (err) {
                    // A throttled request can succeed at the next poll; a refused or invalid one does not get better.
                    if (isThrottled(err) && !isAbort(err, signal)) {
                        throttled.set(`${rule.id} metric`, describeCallError(call, err));
                        return false;
                    }
                    failed(rule, "metric", call, err);
                    return true;
                }
            });
            for (const rule of put) {
                if (seen.has(rule)) continue;
                set(
                    rule,
                    "metric",
                    "failed",
                    `no datapoint in ${rule.names.metricNamespace} ${rule.names.metricName} within ${formatDuration(options.timeoutMs)} of the drill event: is the metric filter ${rule.names.metricFilterName} on ${plan.logGroupName} (was \`pulumi up\` run for this stack)?${throttleNote(rule, "metric")}`,
                );
            }
        }
    } catch (err) {
        if (!isAbort(err, signal)) throw err;
        result.interrupted = true;
    }
    return result;
}
