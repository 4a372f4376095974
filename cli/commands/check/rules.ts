import * as path from "path";
import { SelectedAlertRule } from "@trailwatch/components/catalogue";
import { readStackConfig } from "../../../program";
import { readSampleEvents, sampleEventsDir, samplesCaught } from "../../engines/samples/sampleEvents";
import { RecordedResource } from "../../engines/offline/runProgram";
import { readStackFile } from "../../engines/offline/stackFile";
import { CheckSection } from "./checkSection";

/** A stack rule as `trailwatch check --json` reports it. */
export interface RuleReport {
    id: string;
    title: string;
    severity: string;
    control: string;
    origin: string;
    pattern: string;
    threshold: number;
    period: number;
    evaluationPeriods: number;
    enabled: boolean;
    /** Why the rule is off (absent when enabled). */
    disabledReason?: string;
    /** File names of the sample events the rule's pattern matches (also for rules that are off). */
    catches: string[];
}

/**
 * Differences between the stack's enabled rules and the metric filters and alarms the program registered: a rule
 * the program did not deploy as configured (or a filter for a rule that is off) fails the check.
 */
export function deploymentMismatches(rules: SelectedAlertRule[], resources: RecordedResource[]): string[] {
    const filters = resources.filter((r) => r.type === "aws:cloudwatch/logMetricFilter:LogMetricFilter");
    const alarms = resources.filter((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm");
    const metricOf = (f: RecordedResource) => (f.inputs.metricTransformation as { name?: string } | undefined)?.name;
    const problems: string[] = [];
    for (const rule of rules) {
        const filter = filters.find((f) => metricOf(f) === rule.id);
        const alarm = alarms.find((a) => a.inputs.metricName === rule.id);
        if (!rule.enabled) {
            if (filter !== undefined) problems.push(`rule ${rule.id} is off but the program deploys ${filter.name}`);
            continue;
        }
        if (filter === undefined) problems.push(`rule ${rule.id} has no metric filter in the program`);
        else if (filter.inputs.pattern !== rule.pattern) {
            problems.push(`rule ${rule.id}: the metric filter ${filter.name} has a different pattern`);
        }
        if (alarm === undefined) problems.push(`rule ${rule.id} has no alarm in the program`);
        else if (alarm.inputs.threshold !== rule.threshold || alarm.inputs.period !== rule.period) {
            problems.push(`rule ${rule.id}: the alarm ${alarm.name} has a different threshold or period`);
        }
    }
    return problems;
}

function timing(rule: SelectedAlertRule): string {
    const periods = rule.evaluationPeriods === 1 ? "" : ` x${rule.evaluationPeriods}`;
    return `>=${rule.threshold} in ${rule.period}s${periods}`;
}

/**
 * The stack's alert rules: severity, id, threshold and period, and which of the project's sample events each one
 * catches; rules that are off say why. Fails when the program did not deploy the enabled rules as configured.
 */
export const rulesSection: CheckSection = {
    name: "rules",
    async run(ctx) {
        const file = readStackFile(ctx.projectDir, ctx.stack);
        const { rules } = readStackConfig(file.values, file.secretKeys, ctx.stack).rules;
        const samples = readSampleEvents();
        const reports: RuleReport[] = rules.map((r) => ({
            id: r.id,
            title: r.title,
            severity: r.severity,
            control: r.control,
            origin: r.origin,
            pattern: r.pattern,
            threshold: r.threshold,
            period: r.period,
            evaluationPeriods: r.evaluationPeriods,
            enabled: r.enabled,
            disabledReason: r.disabledReason,
            catches: samplesCaught(r.pattern, samples),
        }));
        const mismatches = deploymentMismatches(rules, ctx.run.resources);

        const idWidth = Math.max(...rules.map((r) => r.id.length));
        const timingWidth = Math.max(...rules.map((r) => timing(r).length));
        const lines = rules.map((rule, i) => {
            const head = `${rule.severity}  ${rule.id.padEnd(idWidth)}  `;
            if (!rule.enabled) return `${head}off: ${rule.disabledReason}`;
            const caught = reports[i].catches.map((n) => n.replace(/\.json$/, ""));
            return `${head}${timing(rule).padEnd(timingWidth)}  ${caught.length > 0 ? `catches ${caught.join(", ")}` : "catches no sample event"}`;
        });
        lines.push(
            "",
            samples.length > 0
                ? `Sample events: ${samples.length} in ${path.relative(ctx.projectDir, sampleEventsDir) || sampleEventsDir}`
                : `Sample events: none found in ${sampleEventsDir}`,
        );
        for (const m of mismatches) lines.push(`ERROR: ${m}`);

        const enabled = rules.filter((r) => r.enabled).length;
        return {
            title: `Rules (${enabled} enabled, ${rules.length - enabled} off)`,
            lines,
            json: { rules: reports },
            failed: mismatches.length > 0,
        };
    },
};
