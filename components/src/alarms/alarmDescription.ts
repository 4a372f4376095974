import { AlertRule, AlertSeverity, alertSeverities } from "../rules/alertRule";

/** CloudWatch's limit on `AlarmDescription` (PutMetricAlarm: "Maximum length of 1024"). */
export const MAX_ALARM_DESCRIPTION_LENGTH = 1024;

/**
 * The alarm description, the text Opsgenie (and so Slack) shows for a firing alarm. One line, in this exact form:
 *
 * ```
 * [P1] Root user activity | Why: The root user cannot be restricted ... | Rule: cis-cloudwatch-1-root-usage | Control: Security Hub CloudWatch.1 (CIS 1.4.0 4.3)
 * ```
 *
 * - It starts with the severity marker `[P1]` … `[P5]` (see {@link severityMarker}), so a template can take the
 *   priority from the first characters of `AlarmDescription` ({@link alarmDescriptionSeverityRegex}).
 * - Then the title, ` | Why: ` and the rationale, ` | Rule: ` and the rule id, ` | Control: ` and the control.
 * - The texts are cleaned so that the description survives JSON-inside-JSON in the SNS notification and a
 *   `"AlarmDescription":"([^"]*)"` extraction: `"` becomes `'`, `\` becomes `/`, `|` becomes `/` (it separates the
 *   fields), and line breaks and runs of white space become one space.
 * - At most 1024 characters: when longer, the rationale is cut and ends with `...`; the marker, title, rule id and
 *   control are always complete.
 */
export function formatAlarmDescription(
    rule: Pick<AlertRule, "id" | "title" | "severity" | "rationale" | "control">,
): string {
    const head = `${severityMarker(rule.severity)} ${clean(rule.title)} | Why: `;
    const tail = ` | Rule: ${rule.id} | Control: ${clean(rule.control)}`;
    let why = clean(rule.rationale);
    const room = MAX_ALARM_DESCRIPTION_LENGTH - head.length - tail.length;
    if (why.length > room) why = `${why.slice(0, Math.max(0, room - 3)).trimEnd()}...`;
    return `${head}${why}${tail}`;
}

/** `[P1]` … `[P5]`: the fixed token an alarm description starts with. */
export function severityMarker(severity: string): string {
    return `[${severity}]`;
}

/**
 * Source of a regular expression that captures the severity (`P1` … `P5`) at the start of an alarm description,
 * for an Opsgenie template such as `{{Message.extract(/"AlarmDescription":"\[(P[1-5])\]/)}}`.
 */
export const alarmDescriptionSeverityRegex = String.raw`^\[(P[1-5])\] `;

/** The fields an alarm description carries. */
export interface AlarmDescriptionFields {
    severity: AlertSeverity;
    title: string;
    rationale: string;
    ruleId: string;
    control: string;
}

const descriptionPattern = /^\[(P[1-5])\] (.*?) \| Why: (.*) \| Rule: ([a-z0-9-]+) \| Control: (.*)$/s;

/**
 * Reads the fields back out of a description written by {@link formatAlarmDescription}; undefined for any other
 * text (an alarm created by hand, a null description).
 */
export function parseAlarmDescription(description: string | null | undefined): AlarmDescriptionFields | undefined {
    if (typeof description !== "string") return undefined;
    const m = descriptionPattern.exec(description);
    if (m === null) return undefined;
    return { severity: m[1] as AlertSeverity, title: m[2], rationale: m[3], ruleId: m[4], control: m[5] };
}

/** The severity an alarm description starts with, or undefined when it does not start with a severity marker. */
export function alarmDescriptionSeverity(description: string | null | undefined): AlertSeverity | undefined {
    if (typeof description !== "string") return undefined;
    const m = new RegExp(alarmDescriptionSeverityRegex).exec(description);
    const severity = m?.[1];
    return severity !== undefined && (alertSeverities as readonly string[]).includes(severity)
        ? (severity as AlertSeverity)
        : undefined;
}

/** One line, no characters that break JSON-in-JSON extraction or the field separator. */
function clean(text: string): string {
    return text.replace(/"/g, "'").replace(/[\\|]/g, "/").replace(/\s+/g, " ").trim();
}
