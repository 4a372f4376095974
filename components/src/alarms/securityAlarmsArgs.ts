import type * as pulumi from "@pulumi/pulumi";
import { AlertRule, ResolvedAlertRule, withRuleDefaults } from "../rules/alertRule";
import { AlertRuleError, patternProblem, validateAlertRule } from "../rules/validateAlertRule";

// The arguments of SecurityAlarms and their validation: no Pulumi resources here, so that configuration checks
// load without the provider SDKs.

/** Arguments of {@link SecurityAlarms}. */
export interface SecurityAlarmsArgs {
    /** Name of the CloudWatch Logs log group the trail delivers to (`AuditTrail.logGroupName`). */
    logGroupName: pulumi.Input<string>;
    /**
     * The rules to deploy, one metric filter and one alarm each: usually the enabled rules of
     * `resolveAlertRules(...)`. Every rule is checked (id, texts, severity, pattern, timing) before any resource is
     * created; a bad pattern fails the program naming the rule id and the position in the pattern.
     */
    rules: AlertRule[];
    /** ARN of the SNS topic alarms notify when they fire (`AlertTopic.topicArn`). */
    alarmTopicArn: pulumi.Input<string>;
    /**
     * ARNs notified when an alarm returns to OK, e.g. the alert topic again so that Opsgenie closes the alert.
     * @default none: no OK notifications
     */
    okActionArns?: pulumi.Input<string>[];
    /**
     * CloudWatch namespace of the rules' metrics. Stacks that share an account and region need different namespaces,
     * or their metric filters would add to each other's metrics.
     * @default "Trailwatch"
     */
    metricNamespace?: string;
    /**
     * Prefix of every metric filter and alarm name; the rule id follows it. Alarm names must be unique in the account
     * and region, and are what Opsgenie uses to de-duplicate alerts.
     * @default the component's name followed by "-"
     */
    namePrefix?: string;
    /**
     * Tags applied to every alarm (metric filters cannot be tagged).
     * @default none
     */
    tags?: Record<string, string>;
}

/** The namespace of the rules' metrics when `metricNamespace` is not set. */
export const defaultMetricNamespace = "Trailwatch";

/** The CloudWatch names `SecurityAlarms` gives one rule's metric filter, metric and alarm. */
export interface SecurityAlarmNames {
    /** Name of the metric filter on the trail's log group. */
    metricFilterName: string;
    /** Namespace of the rule's metric. */
    metricNamespace: string;
    /** Name of the rule's metric: the rule id. */
    metricName: string;
    /** Name of the alarm; also the alias of the Opsgenie alert it opens. */
    alarmName: string;
}

/**
 * The names `SecurityAlarms` gives a rule's resources. One function, used by the component and by the tools that
 * find them in a deployed stack (`trailwatch drill`), so that the two cannot drift apart.
 */
export function securityAlarmNames(namePrefix: string, metricNamespace: string, ruleId: string): SecurityAlarmNames {
    return {
        metricFilterName: `${namePrefix}${ruleId}`,
        metricNamespace,
        metricName: ruleId,
        alarmName: `${namePrefix}${ruleId}`,
    };
}

/** A problem with {@link SecurityAlarmsArgs} other than one rule's own fields. */
export class SecurityAlarmsArgsError extends Error {
    constructor(
        public readonly arg: string,
        public readonly reason: string,
    ) {
        super(`SecurityAlarms: ${arg}: ${reason}`);
        this.name = "SecurityAlarmsArgsError";
    }
}

/** PutMetricFilter: "The maximum number of metric filters that can be associated with a log group is 100." */
export const MAX_METRIC_FILTERS_PER_LOG_GROUP = 100;
/** PutMetricFilter: "There is also a quota of five regular expression patterns per log group." */
export const MAX_REGEX_PATTERNS_PER_LOG_GROUP = 5;

const metricNamespacePattern = /^[A-Za-z0-9 ._\-/#:]{1,255}$/;
/** An SNS topic ARN. @internal */
export const snsTopicArnPattern = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$/;
const namePrefixPattern = /^[A-Za-z0-9._\-/#]{0,150}$/;

/** Why `namespace` cannot hold the rules' metrics, or undefined when it can. */
export function metricNamespaceProblem(namespace: string): string | undefined {
    if (metricNamespacePattern.test(namespace) && !namespace.startsWith("AWS/") && !namespace.startsWith(":")) {
        return undefined;
    }
    return `"${namespace}" is not a namespace for custom metrics (1-255 letters, digits, spaces and . _ - / # :, not starting with AWS/ or :)`;
}

/**
 * Checks the rules and settings {@link SecurityAlarms} would deploy and applies the rule defaults. Throws the first
 * problem (an {@link AlertRuleError} naming the rule id and field, or a {@link SecurityAlarmsArgsError}), before any
 * resource is created.
 */
export function checkSecurityAlarmsArgs(
    rules: AlertRule[],
    metricNamespace: string,
    namePrefix: string,
): ResolvedAlertRule[] {
    const namespaceProblem = metricNamespaceProblem(metricNamespace);
    if (namespaceProblem !== undefined) throw new SecurityAlarmsArgsError("metricNamespace", namespaceProblem);
    if (!namePrefixPattern.test(namePrefix)) {
        throw new SecurityAlarmsArgsError(
            "namePrefix",
            `"${namePrefix}" is not a name prefix (at most 150 letters, digits and . _ - / #)`,
        );
    }
    if (rules.length > MAX_METRIC_FILTERS_PER_LOG_GROUP) {
        throw new SecurityAlarmsArgsError(
            "rules",
            `${rules.length} rules would need ${rules.length} metric filters; CloudWatch Logs allows at most ${MAX_METRIC_FILTERS_PER_LOG_GROUP} per log group`,
        );
    }
    const seen = new Set<string>();
    let regexPatterns: string[] = [];
    for (const rule of rules) {
        const problems = validateAlertRule(rule);
        if (problems.length > 0) throw new AlertRuleError(String(rule.id), problems, "SecurityAlarms");
        if (seen.has(rule.id)) throw new SecurityAlarmsArgsError("rules", `rule id ${rule.id} appears twice`);
        seen.add(rule.id);
        if ((patternProblem(rule.pattern).pattern?.regexCount ?? 0) > 0) regexPatterns = [...regexPatterns, rule.id];
    }
    if (regexPatterns.length > MAX_REGEX_PATTERNS_PER_LOG_GROUP) {
        throw new SecurityAlarmsArgsError(
            "rules",
            `${regexPatterns.length} rules use regular expressions (${regexPatterns.join(", ")}); CloudWatch Logs allows at most ${MAX_REGEX_PATTERNS_PER_LOG_GROUP} such patterns per log group`,
        );
    }
    return rules.map(withRuleDefaults);
}
