import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { alertRuleDefaults } from "../rules/alertRule";
import { formatAlarmDescription } from "./alarmDescription";
import {
    SecurityAlarmsArgs,
    SecurityAlarmsArgsError,
    checkSecurityAlarmsArgs,
    defaultMetricNamespace,
    securityAlarmNames,
    snsTopicArnPattern,
} from "./securityAlarmsArgs";
/**
 * One CloudWatch Logs metric filter and one CloudWatch alarm per alert rule, on the audit trail's log group: the
 * filter counts matching CloudTrail events (value 1, default 0) in the metric `<namespace>/<rule id>`, and the alarm
 * fires when the sum over the rule's period reaches its threshold (missing data is not breaching) and notifies the
 * alert topic. The alarm description carries the severity, title, rationale, rule id and control
 * (see `formatAlarmDescription`).
 */
export class SecurityAlarms extends pulumi.ComponentResource {
    /** The metric filters, by rule id. */
    public readonly metricFilters: Record<string, aws.cloudwatch.LogMetricFilter>;
    /** The alarms, by rule id. */
    public readonly alarms: Record<string, aws.cloudwatch.MetricAlarm>;
    /** The ids of the deployed rules, in the order given. */
    public readonly ruleIds: string[];
    /** ARNs of the alarms, by rule id. */
    public readonly alarmArns: pulumi.Output<Record<string, string>>;
    /** Names of the alarms, by rule id. */
    public readonly alarmNames: Record<string, string>;

    constructor(name: string, args: SecurityAlarmsArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validated before the component registers: a bad rule leaves nothing half-created.
        const namespace = args.metricNamespace ?? defaultMetricNamespace;
        const prefix = args.namePrefix ?? `${name}-`;
        if (typeof args.alarmTopicArn === "string" && !snsTopicArnPattern.test(args.alarmTopicArn)) {
            throw new SecurityAlarmsArgsError("alarmTopicArn", `"${args.alarmTopicArn}" is not an SNS topic ARN`);
        }
        const rules = checkSecurityAlarmsArgs(args.rules, namespace, prefix);
        super("trailwatch:index:SecurityAlarms", name, args, opts);

        this.metricFilters = {};
        this.alarms = {};
        this.alarmNames = {};
        for (const rule of rules) {
            const resourceName = `${name}-${rule.id}`;
            const names = securityAlarmNames(prefix, namespace, rule.id);
            const filter = new aws.cloudwatch.LogMetricFilter(
                resourceName,
                {
                    name: names.metricFilterName,
                    logGroupName: args.logGroupName,
                    pattern: rule.pattern,
                    metricTransformation: {
                        name: names.metricName,
                        namespace: names.metricNamespace,
                        value: alertRuleDefaults.metricValue,
                        defaultValue: alertRuleDefaults.metricDefaultValue,
                    },
                },
                { parent: this },
            );
            const alarmName = names.alarmName;
            this.alarms[rule.id] = new aws.cloudwatch.MetricAlarm(
                resourceName,
                {
                    name: alarmName,
                    alarmDescription: formatAlarmDescription(rule),
                    namespace: names.metricNamespace,
                    metricName: names.metricName,
                    statistic: alertRuleDefaults.statistic,
                    comparisonOperator: alertRuleDefaults.comparisonOperator,
                    threshold: rule.threshold,
                    period: rule.period,
                    evaluationPeriods: rule.evaluationPeriods,
                    treatMissingData: alertRuleDefaults.treatMissingData,
                    actionsEnabled: true,
                    alarmActions: [args.alarmTopicArn],
                    okActions: args.okActionArns ?? [],
                    tags: args.tags,
                },
                // The alarm watches the filter's metric: create it once the filter exists.
                { parent: this, dependsOn: [filter] },
            );
            this.metricFilters[rule.id] = filter;
            this.alarmNames[rule.id] = alarmName;
        }

        this.ruleIds = rules.map((r) => r.id);
        const arns: Record<string, pulumi.Output<string>> = {};
        for (const [id, alarm] of Object.entries(this.alarms)) arns[id] = alarm.arn;
        this.alarmArns = pulumi.output(arns);
        this.registerOutputs({ ruleIds: this.ruleIds, alarmArns: this.alarmArns, alarmNames: this.alarmNames });
    }
}
