/**
 * The fields of an Amazon SNS notification that an Opsgenie "Amazon SNS" integration can use in templates and action
 * filters: the fields of the JSON body SNS POSTs to an HTTPS subscriber. `Message` is the published text itself; for
 * a CloudWatch alarm, the alarm's state change as JSON text.
 */
export interface SnsNotificationFields {
    /** `Notification` (or `SubscriptionConfirmation` for the first request a new subscription receives). */
    Type: string;
    /** SNS's unique id of the message. */
    MessageId: string;
    /** ARN of the topic the message was published to. */
    TopicArn: string;
    /** The subject, when the publisher set one (CloudWatch does: `ALARM: "<name>" in <region>`). */
    Subject?: string;
    /** The message. For a CloudWatch alarm, JSON text: `{"AlarmName":"…","AlarmDescription":…,…}`. */
    Message: string;
    /** When SNS published the message, ISO 8601 (`2023-02-18T16:43:21.290Z`). */
    Timestamp: string;
}

/** The template fields, in the order the HTTPS body carries them. Names are case-sensitive. */
export const snsNotificationFieldNames: readonly (keyof SnsNotificationFields)[] = [
    "Type",
    "MessageId",
    "TopicArn",
    "Subject",
    "Message",
    "Timestamp",
];

/** A document that is not an SNS notification, with the reason. */
export class SnsNotificationError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "SnsNotificationError";
    }
}

/**
 * Reads the template fields out of an SNS notification in either form it is usually saved in: the JSON body of an
 * HTTP(S) delivery (what Opsgenie receives) or the event SNS hands a Lambda function (`Records[0].Sns`, the same
 * fields). Throws {@link SnsNotificationError} naming what is missing.
 */
export function readSnsNotification(document: unknown): SnsNotificationFields {
    if (typeof document !== "object" || document === null || Array.isArray(document)) {
        throw new SnsNotificationError("not an SNS notification: expected a JSON object");
    }
    let body = document as Record<string, unknown>;
    const records = body.Records;
    if (Array.isArray(records)) {
        if (records.length !== 1) {
            throw new SnsNotificationError(
                `a Lambda event with ${records.length} records; save one notification per file`,
            );
        }
        const sns = (records[0] as Record<string, unknown> | null)?.Sns;
        if (typeof sns !== "object" || sns === null) {
            throw new SnsNotificationError("a Lambda event whose record has no Sns object: not from SNS");
        }
        body = sns as Record<string, unknown>;
    }
    if (body.Message === undefined && typeof body.AlarmName === "string") {
        throw new SnsNotificationError(
            "a bare CloudWatch alarm message without the SNS envelope (raw message delivery): Opsgenie's SNS " +
                "integration reads the envelope's Message field, so give the whole HTTPS body",
        );
    }
    const missing = (["Type", "MessageId", "TopicArn", "Message", "Timestamp"] as const).filter(
        (k) => typeof body[k] !== "string",
    );
    if (missing.length > 0) {
        throw new SnsNotificationError(
            `not an SNS notification: no ${missing.join(", ")} (expected the JSON body SNS sends to an HTTPS ` +
                "subscriber, or a Lambda event from SNS)",
        );
    }
    const fields: SnsNotificationFields = {
        Type: body.Type as string,
        MessageId: body.MessageId as string,
        TopicArn: body.TopicArn as string,
        Message: body.Message as string,
        Timestamp: body.Timestamp as string,
    };
    if (typeof body.Subject === "string") fields.Subject = body.Subject;
    return fields;
}

/** Parses notification text (JSON) and reads its fields; see {@link readSnsNotification}. */
export function parseSnsNotification(text: string): SnsNotificationFields {
    let document: unknown;
    try {
        document = JSON.parse(text);
    } catch (err) {
        throw new SnsNotificationError(`not JSON: ${(err as Error).message}`);
    }
    return readSnsNotification(document);
}
