import { quoteArgValue } from "./quoteArgValue";

/**
 * Template expressions that take one value out of a CloudWatch alarm notification's `Message` (the alarm's state
 * change as compact JSON text: `{"AlarmName":"…","AlarmDescription":"…","AWSAccountId":"…",…}`).
 *
 * Why not the widely copied `{{Message.extract(/AlarmDescription":"(.+)","AWSAccountId"/)}}`: it captures from one
 * key to the NEXT key, so it depends on the order of keys, and its greedy `.+` runs to the last occurrence of the end
 * marker. CloudWatch inserted `AlarmConfigurationUpdatedTimestamp` between `AWSAccountId` and `NewStateValue` in
 * current messages, and `AWSAccountId":"(.+)","NewStateValue"` stopped matching; a null description has no quotes
 * and never matched `AlarmDescription":"`.
 *
 * Each expression generated here anchors on its own key, quotes included (`"Region":`, so `"AlarmArn"` or a key
 * that merely ends in `Region` never matches), and reads exactly one JSON value: a string (its characters up to the
 * closing quote, an escaped quote `\"` being part of the value) or `null`, which renders as empty text. No key order,
 * no greedy run past the value's end. JSON escapes inside the value (`\"`, `\\`, `\n`) reach Opsgenie as written:
 * no documented string method decodes them.
 */

/** The fields of a CloudWatch alarm message a description can show, with the label each line starts with. */
export const alarmMessageFieldLabels = {
    AlarmName: "Alarm",
    /** Shown without a label: it is the alert's text. */
    AlarmDescription: "",
    AWSAccountId: "AWS account ID",
    Region: "AWS region",
    NewStateValue: "State",
    OldStateValue: "Previous state",
    NewStateReason: "Reason",
    StateChangeTime: "State changed at",
    /** Only in messages since about 2019. */
    AlarmArn: "Alarm ARN",
} as const;

/** A field of a CloudWatch alarm message a description can show. */
export type AlarmMessageField = keyof typeof alarmMessageFieldLabels;

/** Every field a description can show, in the order CloudWatch writes them. */
export const alarmMessageFields = Object.keys(alarmMessageFieldLabels) as AlarmMessageField[];

/** What the alert description shows unless told otherwise: the alarm's description, the account and the region. */
export const defaultDescriptionFields: readonly AlarmMessageField[] = ["AlarmDescription", "AWSAccountId", "Region"];

/**
 * The regular expression (without the `/` delimiters) whose first group is the value of `field` in an alarm message.
 *
 * `"<field>":"?` then the group: when the value opened with a quote (the lookbehind `(?<=:")` sees it), every
 * character that is not a quote or a backslash, or a backslash and the character it escapes; then the closing quote,
 * or `null` (the group is then empty, and takes part in the match, so Opsgenie has a defined value to show).
 */
export function alarmFieldPattern(field: AlarmMessageField): string {
    return `"${field}":"?((?:(?<=:")(?:[^"\\\\]|\\\\.)*)?)(?:"|null)`;
}

/** `{{Message.extract(/…/)}}` for one field of the alarm message. */
export function alarmFieldExpression(field: AlarmMessageField): string {
    return `{{Message.extract(/${alarmFieldPattern(field)}/)}}`;
}

/**
 * The alert description template for a list of alarm fields: one paragraph per field, `AlarmDescription` as it
 * is, every other field after its label (`AWS account ID: {{…}}`), as the hand-written template everybody copies
 * lays it out.
 */
export function alarmDescriptionTemplate(fields: readonly AlarmMessageField[]): string {
    return fields
        .map((field) => {
            const label = alarmMessageFieldLabels[field];
            return label === "" ? alarmFieldExpression(field) : `${label}: ${alarmFieldExpression(field)}`;
        })
        .join("\n\n");
}

/**
 * Problems with a description field list, in words (empty when it is fine): unknown fields (with the known
 * ones), repeated fields, an empty list.
 */
export function descriptionFieldProblems(fields: readonly string[]): string[] {
    if (fields.length === 0) return ["must name at least one field"];
    const problems: string[] = [];
    fields.forEach((field, i) => {
        if (!(alarmMessageFields as string[]).includes(field)) {
            problems.push(
                `${quoteArgValue(field)} is not a field of a CloudWatch alarm message; use ${alarmMessageFields.join(", ")}`,
            );
        } else if (fields.indexOf(field) !== i) {
            problems.push(`${quoteArgValue(field)} is listed twice`);
        }
    });
    return problems;
}
