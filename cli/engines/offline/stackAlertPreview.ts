import { alarmDescriptionSeverity } from "@trailwatch/components/catalogue";
import {
    IntegrationActionSet,
    JsmActionForPreview,
    jsmActionsAsActionSet,
    OpsgenieAlertPreview,
    SnsHttpsNotification,
    SnsNotificationFields,
    cloudWatchAlarmNotification,
    parseOpsgenieTemplate,
    previewJsmAlert,
    previewOpsgenieAlert,
    readSnsNotification,
    renderOpsgenieTemplate,
} from "@trailwatch/components/preview";
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

/** The JSM actions the program configures (the recorded inputs of its `IntegrationAction`s), if it has any. */
export function recordedJsmActions(run: ProgramRun): JsmActionForPreview[] | undefined {
    const found = run.resources.filter(
        (r) => r.type === "atlassian-operations:index/integrationAction:IntegrationAction",
    );
    if (found.length === 0) return undefined;
    const integrations = new Set(found.map((r) => r.parent));
    if (integrations.size > 1) {
        throw new Error(`the program configures ${integrations.size} JSM integrations; the preview handles one`);
    }
    return found.map((r) => r.inputs as unknown as JsmActionForPreview);
}

/** The alert destinations trailwatch configures: Opsgenie, and its successor JSM Operations. */
export type AlertDestination = "opsgenie" | "jsm";

/** Every destination, in the order reports show them, with the name people know it by and its component. */
export const alertDestinations: Record<AlertDestination, { title: string; component: string; enabledKey: string }> = {
    opsgenie: {
        title: "Opsgenie",
        component: "trailwatch:index:OpsgenieSnsIntegration",
        enabledKey: "trailwatch:opsgenieEnabled",
    },
    jsm: {
        title: "JSM",
        component: "trailwatch:index:JsmSnsIntegration",
        enabledKey: "trailwatch:jsmEnabled",
    },
};

/** What a destination's actions do with one notification, or undefined when the program does not configure it. */
export function destinationPreviewer(
    run: ProgramRun,
    destination: AlertDestination,
): ((notification: SnsNotificationFields) => OpsgenieAlertPreview) | undefined {
    if (destination === "opsgenie") {
        const actions = recordedIntegrationActions(run);
        return actions === undefined ? undefined : (n) => previewOpsgenieAlert(actions, n);
    }
    const actions = recordedJsmActions(run);
    return actions === undefined ? undefined : (n) => previewJsmAlert(actions, n);
}

/** The destinations the program configures, in report order. */
export function enabledDestinations(run: ProgramRun): AlertDestination[] {
    return (Object.keys(alertDestinations) as AlertDestination[]).filter(
        (d) => destinationPreviewer(run, d) !== undefined,
    );
}

/** What `trailwatch check` shows of the alerts one destination of a stack makes. */
export interface StackAlertPreview {
    /** False when the stack does not configure the destination. */
    enabled: boolean;
    /** The alarm previewed (absent when the stack has no alarm). */
    alarmName?: string;
    /** The notification CloudWatch would send when the alarm fires, generated in today's format. */
    notification?: SnsHttpsNotification;
    /** What the destination does with it. */
    firing?: OpsgenieAlertPreview;
    /** What the destination does when the alarm is back to OK. */
    recovered?: OpsgenieAlertPreview;
    /** Why the alert would not reach people as intended; any problem fails the check. */
    problems: string[];
}

/** What a notification triggers, in words, when it is not what was expected. */
function outcome(preview: OpsgenieAlertPreview): string {
    if (preview.action === "none") return "no action";
    if (preview.action === "ambiguous") {
        return `several actions in no set order (${preview.actionNames.map((n) => `"${n}"`).join(", ")})`;
    }
    return `the ${preview.action} action`;
}

/**
 * The time the generated notifications carry: fixed, so the preview (and `--json`) is the same on every run. It is
 * a preview's time, not a real alarm's.
 */
export const previewStateChangeTime = new Date("2026-01-15T09:30:12.345Z");
const previewConfigurationTime = new Date("2026-01-02T08:00:00.000Z");

/** The severity token (`[P1] ` … `[P5] `) a recorded alarm's description starts with, as trailwatch writes it. */
function severityOf(alarm: RecordedResource): string | undefined {
    const description: unknown = alarm.inputs.alarmDescription;
    return typeof description === "string" ? alarmDescriptionSeverity(description) : undefined;
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
export function previewStackAlert(run: ProgramRun, destination: AlertDestination = "opsgenie"): StackAlertPreview {
    const preview = destinationPreviewer(run, destination);
    if (preview === undefined) return { enabled: false, problems: [] };
    const actions =
        destination === "opsgenie" ? recordedIntegrationActions(run)! : jsmActionsAsActionSet(recordedJsmActions(run)!);
    const { title, component } = alertDestinations[destination];
    const alarm = alarmToPreview(run.resources.filter((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm"));
    if (alarm === undefined) return { enabled: true, problems: [] };

    const i = alarm.inputs;
    const alarmName = String(i.name);
    const alarmActions = (i.alarmActions as string[] | undefined) ?? [];
    const problems: string[] = [];
    // The destination's own subscription (a child of its component): with two destinations, the other's must not
    // hide a missing one.
    const subscribed = run.resources
        .filter(
            (r) =>
                r.type === "aws:sns/topicSubscription:TopicSubscription" &&
                r.inputs.protocol === "https" &&
                r.parent?.split("::")[2]?.endsWith(component) === true,
        )
        .map((r) => String(r.inputs.topic));
    const topicArn = alarmActions.find((arn) => subscribed.includes(arn));
    if (topicArn === undefined) {
        problems.push(
            `the alarm notifies ${alarmActions.join(", ") || "no topic"}, but ${title} is subscribed to ${subscribed.join(", ") || "no topic"}`,
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
        statistic: typeof i.statistic === "string" ? i.statistic : "Sum",
        period: Number(i.period),
        evaluationPeriods: Number(i.evaluationPeriods),
        datapointsToAlarm: i.datapointsToAlarm === undefined ? undefined : Number(i.datapointsToAlarm),
        threshold: Number(i.threshold),
        comparisonOperator: String(i.comparisonOperator),
        treatMissingData: typeof i.treatMissingData === "string" ? i.treatMissingData : undefined,
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
    const firing = preview(firingFields);
    const recovered = preview(recoveredFields);

    if (firing.action !== "create") {
        problems.push(`a firing alarm triggers ${outcome(firing)}, not a create`);
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
    if (firing.action === "create" && firing.alias !== alarmName)
        problems.push(`the alert's alias is not the alarm name: ${JSON.stringify(firing.alias)}`);
    if (recovered.action !== "close") {
        problems.push(`an alarm back to OK triggers ${outcome(recovered)}, not a close`);
    } else if (firing.action === "create" && recovered.alias !== firing.alias) {
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
