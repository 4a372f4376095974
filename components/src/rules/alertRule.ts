/**
 * Priority of an alert, as Opsgenie names it: P1 (critical, wake someone up) to P5 (informational). The severity
 * travels in the alarm description (see `formatAlarmDescription`), from which the Opsgenie integration derives the
 * alert's priority.
 */
export const AlertSeverity = {
    /** Critical: act now, day or night (root activity, audit trail switched off). */
    P1: "P1",
    /** High: act within the hour (sign-in without MFA, key deletion, monitoring disabled). */
    P2: "P2",
    /** Moderate: act today (IAM and network security changes, failed sign-ins). */
    P3: "P3",
    /** Low: review in the normal course of work (routine network changes). */
    P4: "P4",
    /** Informational: no action expected. */
    P5: "P5",
} as const;

/** One of `P1` … `P5`; see {@link AlertSeverity}. */
export type AlertSeverity = (typeof AlertSeverity)[keyof typeof AlertSeverity];

/** Every severity, most urgent first. */
export const alertSeverities: readonly AlertSeverity[] = Object.values(AlertSeverity);

/**
 * One alert rule as `SecurityAlarms` deploys it: a CloudWatch Logs filter pattern over CloudTrail events, and what a
 * person needs to know when it fires. A rule's `id` names its metric filter, metric and alarm, so adding a rule
 * never renames another.
 */
export interface AlertRule {
    /**
     * Stable identifier in kebab-case (`cis-cloudwatch-1-root-usage`, `console-login-outside-office`): lowercase
     * letters, digits and single hyphens, at most 64 characters.
     */
    id: string;
    /** What happened, in a few words (shown first in the alert). At most 200 characters. */
    title: string;
    /** The CloudWatch Logs filter pattern that counts matching CloudTrail events (at most 1024 characters). */
    pattern: string;
    /**
     * Priority of the alert: `P1` (critical) to `P5` (informational), see {@link AlertSeverity}. A plain string here
     * (checked when the rule is deployed) so that the type stays usable from every language of the component package.
     */
    severity: string;
    /** Why it matters: what an attacker or a mistake could be doing when this fires, and what to check. */
    rationale: string;
    /**
     * The control the rule implements: a Security Hub control (`Security Hub CloudWatch.1`), a CIS AWS Foundations
     * Benchmark recommendation, or `team` for the team's own rules. At most 200 characters.
     */
    control: string;
    /**
     * Matching events within one period that make the alarm fire (the alarm fires at `>=` this many).
     * @default 1
     */
    threshold?: number;
    /**
     * Length of one evaluation period, in seconds: a multiple of 60 (metric filters publish one-minute metrics).
     * @default 300
     */
    period?: number;
    /**
     * Consecutive periods that must breach the threshold before the alarm fires.
     * @default 1
     */
    evaluationPeriods?: number;
}

/**
 * Reference to a CloudTrail event a rule is proven against: `corpus:<file>` names a real event in the shared reference
 * corpus (`../shared/corpus/cloudtrail-events/<file>`, read in place by the tests), `sample:<file>` one of the
 * project's own sample events (`sample-events/<file>` in the project, also used by `trailwatch check` and `trailwatch drill`).
 */
export type RuleEventReference = string;

/** The CloudTrail events a rule must catch and must let pass; a test evaluates the rule against each. */
export interface AlertRuleExamples {
    /** Events the rule must match. */
    matches: RuleEventReference[];
    /** Events the rule must not match (near misses: the same event name from a different identity, an error, …). */
    ignores: RuleEventReference[];
}

/** A rule of the built-in catalogue: an {@link AlertRule} with the events it is proven against. */
export interface CatalogueRule extends AlertRule {
    /** Priority of the alert. */
    severity: AlertSeverity;
    /** Proof: events it must and must not match. For parameterised rules, under {@link exampleRuleParameters}. */
    examples: AlertRuleExamples;
}

/**
 * The defaults every rule shares unless it sets its own: one matching event within five minutes fires the alarm.
 * Kept in one place so that the catalogue, the stack configuration and `SecurityAlarms` cannot disagree.
 */
export const alertRuleDefaults = {
    /** Matching events per period that fire the alarm. */
    threshold: 1,
    /** Seconds per evaluation period. */
    period: 300,
    /** Consecutive breaching periods before the alarm fires. */
    evaluationPeriods: 1,
    /** The alarm adds up the matches in a period. */
    statistic: "Sum",
    /** The alarm fires when the sum reaches the threshold. */
    comparisonOperator: "GreaterThanOrEqualToThreshold",
    /** No log events in a period means nothing happened, not that monitoring broke. */
    treatMissingData: "notBreaching",
    /** Each matching event counts 1. */
    metricValue: "1",
    /** A period with events but no match publishes 0, so the metric is continuous. */
    metricDefaultValue: "0",
} as const;

/** An {@link AlertRule} with every default applied, as the alarms are created from it. */
export interface ResolvedAlertRule extends AlertRule {
    threshold: number;
    period: number;
    evaluationPeriods: number;
}

/** Applies {@link alertRuleDefaults} to the numbers a rule leaves unset. */
export function withRuleDefaults(rule: AlertRule): ResolvedAlertRule {
    return {
        ...rule,
        threshold: rule.threshold ?? alertRuleDefaults.threshold,
        period: rule.period ?? alertRuleDefaults.period,
        evaluationPeriods: rule.evaluationPeriods ?? alertRuleDefaults.evaluationPeriods,
    };
}
