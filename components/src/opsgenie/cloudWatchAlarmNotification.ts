import * as crypto from "crypto";

/** The alarm and the state change a generated notification describes. */
export interface AlarmNotificationInput {
    /** The alarm's name. */
    alarmName: string;
    /** The alarm's description; null (as CloudWatch sends it) when the alarm has none. */
    alarmDescription: string | null;
    /** The account that owns the alarm. */
    accountId: string;
    /** The alarm's region code, e.g. `eu-west-1`. */
    region: string;
    /** The topic the alarm publishes to. */
    topicArn: string;
    /** The new state: `ALARM`, `OK` or `INSUFFICIENT_DATA`. */
    newState: string;
    /** The previous state. */
    oldState: string;
    /** When the state changed. */
    stateChangeTime: Date;
    /** When the alarm's configuration last changed. */
    configurationUpdatedTime: Date;
    /** The metric's name. */
    metricName: string;
    /** The metric's namespace. */
    namespace: string;
    /** The statistic as the alarm is configured (`Sum`, `SampleCount`, `Average`, `Minimum`, `Maximum`). */
    statistic: string;
    /** Seconds per period. */
    period: number;
    /** Periods evaluated. */
    evaluationPeriods: number;
    /** Breaching datapoints needed to fire. @default evaluationPeriods */
    datapointsToAlarm?: number;
    /** The threshold. */
    threshold: number;
    /** `GreaterThanOrEqualToThreshold`, `GreaterThanThreshold`, `LessThanThreshold`, `LessThanOrEqualToThreshold`. */
    comparisonOperator: string;
    /** As configured, e.g. `notBreaching`. @default "missing" */
    treatMissingData?: string;
    /** The value of the datapoint that changed the state. */
    datapointValue: number;
    /** The metric's dimensions. @default none */
    dimensions?: { name: string; value: string }[];
    /** Topics notified on ALARM, OK and INSUFFICIENT_DATA. @default none */
    alarmActions?: string[];
    okActions?: string[];
    insufficientDataActions?: string[];
    /** The partition, for the alarm's ARN. @default "aws" */
    partition?: string;
}

/** The JSON body SNS POSTs to an HTTPS subscriber, keys in the order SNS writes them. */
export interface SnsHttpsNotification {
    Type: string;
    MessageId: string;
    TopicArn: string;
    Subject: string;
    Message: string;
    Timestamp: string;
    SignatureVersion: string;
    Signature: string;
    SigningCertURL: string;
    UnsubscribeURL: string;
}

/**
 * Region names as CloudWatch writes them in alarm notifications (`"Region":"US East (N. Virginia)"`; before about
 * 2016 it wrote `EU - Ireland`). Unknown codes are written as the code itself.
 */
export const cloudWatchRegionNames: Readonly<Record<string, string>> = {
    "us-east-1": "US East (N. Virginia)",
    "us-east-2": "US East (Ohio)",
    "us-west-1": "US West (N. California)",
    "us-west-2": "US West (Oregon)",
    "af-south-1": "Africa (Cape Town)",
    "ap-east-1": "Asia Pacific (Hong Kong)",
    "ap-south-1": "Asia Pacific (Mumbai)",
    "ap-south-2": "Asia Pacific (Hyderabad)",
    "ap-southeast-1": "Asia Pacific (Singapore)",
    "ap-southeast-2": "Asia Pacific (Sydney)",
    "ap-southeast-3": "Asia Pacific (Jakarta)",
    "ap-southeast-4": "Asia Pacific (Melbourne)",
    "ap-northeast-1": "Asia Pacific (Tokyo)",
    "ap-northeast-2": "Asia Pacific (Seoul)",
    "ap-northeast-3": "Asia Pacific (Osaka)",
    "ca-central-1": "Canada (Central)",
    "eu-central-1": "EU (Frankfurt)",
    "eu-central-2": "EU (Zurich)",
    "eu-west-1": "EU (Ireland)",
    "eu-west-2": "EU (London)",
    "eu-west-3": "EU (Paris)",
    "eu-north-1": "EU (Stockholm)",
    "eu-south-1": "EU (Milan)",
    "eu-south-2": "EU (Spain)",
    "il-central-1": "Israel (Tel Aviv)",
    "me-central-1": "Middle East (UAE)",
    "me-south-1": "Middle East (Bahrain)",
    "sa-east-1": "South America (Sao Paulo)",
};

const comparisonWords: Readonly<Record<string, string>> = {
    GreaterThanOrEqualToThreshold: "greater than or equal to",
    GreaterThanThreshold: "greater than",
    LessThanThreshold: "less than",
    LessThanOrEqualToThreshold: "less than or equal to",
};

/** A Java `double` as CloudWatch prints it: always with a fraction (`1.0`, `0.5`). */
function javaDouble(value: number): string {
    return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

/** `2023-02-18T16:43:21.231+0000`, CloudWatch's time format in alarm messages. */
function cloudWatchTime(date: Date): string {
    return date.toISOString().replace("Z", "+0000");
}

/** `18/02/23 16:42:00`, how the state reason dates a datapoint. */
function reasonTime(date: Date): string {
    const p = (n: number) => String(n).padStart(2, "0");
    return `${p(date.getUTCDate())}/${p(date.getUTCMonth() + 1)}/${p(date.getUTCFullYear() % 100)} ${p(date.getUTCHours())}:${p(date.getUTCMinutes())}:${p(date.getUTCSeconds())}`;
}

/** A UUID-shaped identifier derived from text, so a generated notification is the same on every run. */
function stableUuid(text: string): string {
    const h = crypto.createHash("sha256").update(text).digest("hex");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The statistic as the Trigger names it: `Sum` → `SUM`, `SampleCount` → `SAMPLE_COUNT`. */
function triggerStatistic(statistic: string): string {
    return statistic.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase();
}

function stateReason(input: AlarmNotificationInput): string {
    const datapoints = input.datapointsToAlarm ?? input.evaluationPeriods;
    const firing = input.newState === "ALARM";
    // The latest datapoint is the period before the evaluation, on a whole minute; earlier ones a period apart.
    const latest = Math.floor((input.stateChangeTime.getTime() - input.period * 1000) / 60000) * 60000;
    const points = Array.from(
        { length: datapoints },
        (_, k) => `${javaDouble(input.datapointValue)} (${reasonTime(new Date(latest - k * input.period * 1000))})`,
    );
    const verb = `${datapoints === 1 ? "was" : "were"} ${firing ? "" : "not "}${comparisonWords[input.comparisonOperator] ?? input.comparisonOperator}`;
    return (
        `Threshold Crossed: ${datapoints} out of the last ${input.evaluationPeriods} datapoints ` +
        `[${points.join(", ")}] ${verb} the threshold (${javaDouble(input.threshold)}) ` +
        `(minimum ${datapoints} datapoint${datapoints === 1 ? "" : "s"} for ${firing ? `${input.oldState} -> ALARM` : `ALARM -> ${input.newState}`} transition).`
    );
}

/**
 * The alarm's state change as CloudWatch writes it into the SNS message today: compact JSON, keys in this order
 * (as in the 2023 notification of the reference corpus), with `AlarmConfigurationUpdatedTimestamp` between
 * `AWSAccountId` and `NewStateValue`, `AlarmArn`, and the alarm's actions.
 */
export function cloudWatchAlarmMessage(input: AlarmNotificationInput): string {
    const partition = input.partition ?? "aws";
    const threshold = "__threshold__";
    const message = {
        AlarmName: input.alarmName,
        AlarmDescription: input.alarmDescription,
        AWSAccountId: input.accountId,
        AlarmConfigurationUpdatedTimestamp: cloudWatchTime(input.configurationUpdatedTime),
        NewStateValue: input.newState,
        NewStateReason: stateReason(input),
        StateChangeTime: cloudWatchTime(input.stateChangeTime),
        Region: cloudWatchRegionNames[input.region] ?? input.region,
        AlarmArn: `arn:${partition}:cloudwatch:${input.region}:${input.accountId}:alarm:${input.alarmName}`,
        OldStateValue: input.oldState,
        OKActions: input.okActions ?? [],
        AlarmActions: input.alarmActions ?? [],
        InsufficientDataActions: input.insufficientDataActions ?? [],
        Trigger: {
            MetricName: input.metricName,
            Namespace: input.namespace,
            StatisticType: "Statistic",
            Statistic: triggerStatistic(input.statistic),
            Unit: null,
            Dimensions: (input.dimensions ?? []).map((d) => ({ value: d.value, name: d.name })),
            Period: input.period,
            EvaluationPeriods: input.evaluationPeriods,
            DatapointsToAlarm: input.datapointsToAlarm ?? input.evaluationPeriods,
            ComparisonOperator: input.comparisonOperator,
            Threshold: threshold,
            TreatMissingData: input.treatMissingData ?? "missing",
            EvaluateLowSampleCountPercentile: "",
        },
    };
    // JSON.stringify writes 1 for the double 1.0; CloudWatch (Java) writes 1.0.
    return JSON.stringify(message).replace(`"${threshold}"`, javaDouble(input.threshold));
}

/**
 * A notification as an HTTPS subscriber (Opsgenie) receives it when the alarm changes state, in CloudWatch's and
 * SNS's current format. Deterministic: the same input gives the same notification. Not signed: `Signature` says so.
 */
export function cloudWatchAlarmNotification(input: AlarmNotificationInput): SnsHttpsNotification {
    const message = cloudWatchAlarmMessage(input);
    const published = new Date(input.stateChangeTime.getTime() + 59);
    const region = input.region;
    const regionName = cloudWatchRegionNames[region] ?? region;
    return {
        Type: "Notification",
        MessageId: stableUuid(`${input.topicArn}\n${message}`),
        TopicArn: input.topicArn,
        Subject: `${input.newState}: "${input.alarmName}" in ${regionName}`,
        Message: message,
        Timestamp: published.toISOString(),
        SignatureVersion: "1",
        Signature: "NOT-SIGNED (generated by trailwatch for a preview)",
        SigningCertURL: `https://sns.${region}.amazonaws.com/SimpleNotificationService-00000000000000000000000000000000.pem`,
        UnsubscribeURL: `https://sns.${region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${input.topicArn}:${stableUuid(input.topicArn)}`,
    };
}
