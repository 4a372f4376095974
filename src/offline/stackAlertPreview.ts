import {
    IntegrationActionSet,
    OpsgenieAlertPreview,
    SnsHttpsNotification,
    SnsNotificationFields,
    cloudWatchAlarmNotification,
    parseOpsgenieTemplate,
    previewOpsgenieAlert,
    readSnsNotification,
    renderOpsgenieTemplate,
} from "@trailwatch/components/catalogue";
import { ProgramRun, RecordedResource } from "./runProgram";

/** The Opsgenie actions the program configures (the recorded inputs of its `IntegrationAction`), if it has one. */
export function recordedIntegrationActions(run: ProgramRun): IntegrationActionSet | undefined {
    const found = run.resources.filter((r) => r.type === "opsgenie:index/integrationAction:IntegrationAction");
    if (found.length === 0) return undefined;
    if (found.length > 1) {
        throw new Error(`the program configures ${found.length} Opsgenie integrations; the preview handles one`);
    }
    const { creates, closes, acknowledges, addNotes, ignores } = found[0].inputs as IntegrationActionSet;
    return { creates, closes, acknowledges, addNotes, ignores };
}

/** What `trailwatch check` shows of the Opsgenie alerts of a stack. */
export interface StackAlertPreview {
    /** False when the stack has no Opsgenie integration. */
    enabled: boolean;
    /** The alarm previewed (absent when the stack has no alarm). */
    alarmName?: string;
    /** The notification CloudWatch would send when the alarm fires, generated in today's format. */
    notification?: SnsHttpsNotification;
    /** What Opsgenie does with it. */
    firing?: OpsgenieAlertPreview;
    /** What Opsgenie does when the alarm is back to OK. */
    recovered?: OpsgenieAlertPreview;
    /** Why the alert would not reach people as intended; any problem fails the check. */
    problems: string[];
}

/**
 * The time the generated notifications carry: fixed, so the preview (and `--json`) is the same on every run. It is
 * a preview's time, not a real alarm's.
 */
export const previewStateChangeTime = new Date("2026-01-15T09:30:12.345Z");
const previewConfigurationTime = new Date("2026-01-02T08:00:00.000Z");

/** `[P1]` … `[P5]` at the start of a description, as trailwatch's alarms carry their rule's severity. */
function severityOf(alarm: RecordedResource): string | undefined {
    return /^\[(P[1-5])\] /.exec(String(alarm.inputs.alarmDescription ?? ""))?.[1];
}

/** The alarm to preview: the most urgent (by its severity token), the first registered among equals. */
function alarmToPreview(alarms: RecordedResource[]): RecordedResource | undefined {
    const rank = (a: RecordedResource) => severityOf(a) ?? "P9";
    return [...alarms].sort((a, b) => rank(a).localeCompare(rank(b)))[0];
}

/** A JSON string value as it stands in the alarm message: quotes and backslashes escaped. */
function asWritten(text: string): string {
    return JSON.stringify(text).slice(1, -1);
}

/** A `"` with no backslash escaping it: the end of a JSON string value. */
const unescapedQuote = /(?<!\\)(?:\\\\)*"/;

/**
 * Extractions from the alarm message whose result holds an unescaped quote: the expression ran past the end of
 * its JSON value into the next keys (as the seed's `AWSAccountId":"(.+)","NewStateValue"` does on current
 * messages). A value taken from JSON text cannot contain one.
 */
function overrunningExtractions(
    templates: Record<string, string | undefined>,
    notification: SnsNotificationFields,
): string[] {
    const problems: string[] = [];
    for (const [field, template] of Object.entries(templates)) {
        if (template === undefined) continue;
        const parsed = parseOpsgenieTemplate(template);
        for (const part of parsed.parts) {
            if (
                part.kind !== "expression" ||
                part.field !== "Message" ||
                !part.calls.some((c) => c.method === "extract")
            ) {
                continue;
            }
            const value = renderOpsgenieTemplate({ text: template, parts: [part] }, notification).text;
            if (unescapedQuote.test(value)) {
                problems.push(`${field}: ${part.source} runs past the end of its JSON value: ${JSON.stringify(value)}`);
            }
        }
    }
    return problems;
}

/**
 * Builds, for the most urgent alarm of the stack, the notification CloudWatch sends today when it fires and when it
 * recovers, and runs them through the Opsgenie actions the program configures: the alert people would see. Problems
 * are what would make that alert wrong or missing: a different topic, no create or no close, a priority that is not
 * the rule's severity, a message or alias that is not the alarm's name, a description without the alarm's text,
 * an extraction that runs past its value, or a template the renderer had to guess about.
 */
export function previewStackAlert(run: ProgramRun): StackAlertPreview {
    const actions = recordedIntegrationActions(run);
    if (actions === undefined) return { enabled: false, problems: [] };
    const alarm = alarmToPreview(run.resources.filter((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm"));
    if (alarm === undefined) return { enabled: true, problems: [] };

    const i = alarm.inputs;
    const alarmName = String(i.name);
    const alarmActions = (i.alarmActions as string[] | undefined) ?? [];
    const problems: string[] = [];
    const subscribed = run.resources
        .filter((r) => r.type === "aws:sns/topicSubscription:TopicSubscription" && r.inputs.protocol === "https")
        .map((r) => String(r.inputs.topic));
    const topicArn = alarmActions.find((arn) => subscribed.includes(arn));
    if (topicArn === undefined) {
        problems.push(
            `the alarm notifies ${alarmActions.join(", ") || "no topic"}, but Opsgenie is subscribed to ${subscribed.join(", ") || "no topic"}`,
        );
    }
    const topic = topicArn ?? alarmActions[0] ?? subscribed[0] ?? "arn:aws:sns:us-east-1:111122223333:unknown";
    const [, , , region, accountId] = topic.split(":");
    const description = typeof i.alarmDescription === "string" ? i.alarmDescription : null;
    const input = {
        alarmName,
        alarmDescription: description,
        accountId,
        region,
        topicArn: topic,
        newState: "ALARM",
        oldState: "OK",
        stateChangeTime: previewStateChangeTime,
        configurationUpdatedTime: previewConfigurationTime,
        metricName: String(i.metricName),
        namespace: String(i.namespace),
        statistic: String(i.statistic ?? "Sum"),
        period: Number(i.period),
        evaluationPeriods: Number(i.evaluationPeriods),
        datapointsToAlarm: i.datapointsToAlarm === undefined ? undefined : Number(i.datapointsToAlarm),
        threshold: Number(i.threshold),
        comparisonOperator: String(i.comparisonOperator),
        treatMissingData: i.treatMissingData === undefined ? undefined : String(i.treatMissingData),
        datapointValue: Number(i.threshold),
        alarmActions,
        okActions: (i.okActions as string[] | undefined) ?? [],
        insufficientDataActions: (i.insufficientDataActions as string[] | undefined) ?? [],
    };
    const notification = cloudWatchAlarmNotification(input);
    const firingFields = readSnsNotification(notification);
    const recoveredFields = readSnsNotification(
        cloudWatchAlarmNotification({ ...input, newState: "OK", oldState: "ALARM", datapointValue: 0 }),
    );
    const firing = previewOpsgenieAlert(actions, firingFields);
    const recovered = previewOpsgenieAlert(actions, recoveredFields);

    if (firing.action !== "create") {
        problems.push(
            `a firing alarm triggers ${firing.action === "none" ? "no action" : `the ${firing.action} action`}, not a create`,
        );
    } else {
        const severity = severityOf(alarm);
        if (severity !== undefined && firing.priority !== severity) {
            problems.push(`the alert has priority ${firing.priority}, the rule's severity is ${severity}`);
        }
        if (firing.message !== alarmName)
            problems.push(`the alert's message is not the alarm name: ${JSON.stringify(firing.message)}`);
        const createsShowDescription = (actions.creates ?? []).some((c) =>
            (c.description ?? "").includes('"AlarmDescription"'),
        );
        if (
            description !== null &&
            createsShowDescription &&
            !(firing.description ?? "").includes(asWritten(description))
        ) {
            problems.push("the alert's description does not show the alarm's description");
        }
    }
    if (firing.alias !== alarmName)
        problems.push(`the alert's alias is not the alarm name: ${JSON.stringify(firing.alias)}`);
    if (recovered.action !== "close") {
        problems.push(
            `an alarm back to OK triggers ${recovered.action === "none" ? "no action" : `the ${recovered.action} action`}, not a close`,
        );
    } else if (recovered.alias !== firing.alias) {
        problems.push(
            `the close action's alias ${JSON.stringify(recovered.alias)} does not find the alert ${JSON.stringify(firing.alias)}`,
        );
    }
    const create = (actions.creates ?? []).find((c) => firing.action === "create" && c.name === firing.actionNames[0]);
    if (create !== undefined) {
        const { message, description, alias, note } = create;
        problems.push(...overrunningExtractions({ message, description, alias, note }, firingFields));
    }
    const close = (actions.closes ?? []).find(
        (c) => recovered.action === "close" && c.name === recovered.actionNames[0],
    );
    if (close !== undefined) {
        problems.push(...overrunningExtractions({ alias: close.alias, note: close.note }, recoveredFields));
    }
    for (const { field, warning } of [...firing.warnings, ...recovered.warnings]) {
        problems.push(`${field}: ${warning.message}`);
    }
    return { enabled: true, alarmName, notification, firing, recovered, problems };
}
