import {
    OpsgenieRegion,
    SecurityAlarmNames,
    isOpsgenieRegion,
    opsgenieApiHosts,
    securityAlarmNames,
    trailLogGroupName,
} from "@trailwatch/components/catalogue";
import { readStackConfig, stackAlarmNamePrefix, StackConfigError } from "../../../program";
import { awsRegionProblem } from "../offline/awsRegion";
import { readStackFile } from "../offline/stackFile";
import { SampleEvent, readSampleEvents, samplesCaught } from "../samples/sampleEvents";

/**
 * `TestMetricFilter` takes "a minimum of 1 and a maximum of 50" log event messages (CloudWatch Logs API Reference,
 * TestMetricFilter, `logEventMessages`).
 */
export const MAX_TEST_EVENT_MESSAGES = 50;

/** One rule of a drill: the names of what the stack deployed for it, and the sample events it is judged with. */
export interface DrillRule {
    id: string;
    title: string;
    severity: string;
    pattern: string;
    threshold: number;
    period: number;
    /** Metric filter, metric and alarm names, derived exactly as `SecurityAlarms` derives them. */
    names: SecurityAlarmNames;
    /** Sample events the project's evaluator says the pattern matches. */
    mustMatch: SampleEvent[];
    /** Sample events it says the pattern does not match. */
    mustNotMatch: SampleEvent[];
}

/** Everything a drill needs to know about a deployed stack, read from its stack file alone (no cloud call). */
export interface DrillPlan {
    stack: string;
    /** The AWS region (`aws:region` of the stack), or undefined when the stack leaves it to the environment. */
    region?: string;
    /** The trail's log group, derived exactly as `AuditTrail` derives it. */
    logGroupName: string;
    /** Prefix of the stack's alarm names (`trailwatch-<stack>-`). */
    alarmNamePrefix: string;
    metricNamespace: string;
    /** The stack's Opsgenie instance, when the stack sends alarms to Opsgenie. */
    opsgenie?: { region: OpsgenieRegion; apiHost: string };
    rules: DrillRule[];
}

/** A drill that cannot be planned: an unknown or disabled rule, an unusable stack. The message says what to change. */
export class DrillPlanError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "DrillPlanError";
    }
}

/**
 * Plans the drill of a stack: the enabled rules (or those named in `ruleIds`), the names of their deployed resources
 * and the sample events each is judged with. Throws `StackFileError` / `StackConfigError` for a missing or invalid
 * stack, {@link DrillPlanError} for a rule that is unknown or off.
 */
export function planDrill(
    projectDir: string,
    stack: string,
    ruleIds: readonly string[] = [],
    samples: SampleEvent[] = readSampleEvents(),
): DrillPlan {
    const file = readStackFile(projectDir, stack);
    const config = readStackConfig(file.values, file.secretKeys, stack);
    // A Region the AWS provider refuses was never deployed to: say so, not the SDK's "getaddrinfo ENOTFOUND".
    const regionProblem = awsRegionProblem(file.values);
    if (regionProblem !== undefined) throw new StackConfigError([regionProblem]);
    const all = config.rules.rules;
    for (const id of ruleIds) {
        const rule = all.find((r) => r.id === id);
        if (rule === undefined) {
            throw new DrillPlanError(
                `stack ${stack} has no rule "${id}"; its rules: ${all.map((r) => r.id).join(", ")}`,
            );
        }
        if (!rule.enabled) {
            throw new DrillPlanError(`rule ${id} is off in stack ${stack} (${rule.disabledReason}): nothing to drill`);
        }
    }
    const selected = all.filter((r) => r.enabled && (ruleIds.length === 0 || ruleIds.includes(r.id)));
    const alarmNamePrefix = stackAlarmNamePrefix(stack);
    const metricNamespace = config.rules.metricNamespace;
    const opsgenieRegion = config.opsgenie?.region;
    // The stack configuration always names the trail (default `trailwatch-<stack>`), as the program passes it on.
    const trailName = config.trail.trailName;
    if (trailName === undefined) throw new DrillPlanError(`stack ${stack}: no trail name`);
    return {
        stack,
        region: file.values["aws:region"],
        logGroupName: trailLogGroupName(trailName),
        alarmNamePrefix,
        metricNamespace,
        opsgenie:
            opsgenieRegion !== undefined && isOpsgenieRegion(opsgenieRegion)
                ? { region: opsgenieRegion, apiHost: opsgenieApiHosts[opsgenieRegion] }
                : undefined,
        rules: selected.map((r) => {
            const caught = new Set(samplesCaught(r.pattern, samples));
            const mustMatch = samples.filter((s) => caught.has(s.name));
            const mustNotMatch = samples
                .filter((s) => !caught.has(s.name))
                .slice(0, Math.max(0, MAX_TEST_EVENT_MESSAGES - mustMatch.length));
            return {
                id: r.id,
                title: r.title,
                severity: r.severity,
                pattern: r.pattern,
                threshold: r.threshold,
                period: r.period,
                names: securityAlarmNames(alarmNamePrefix, metricNamespace, r.id),
                mustMatch: mustMatch.slice(0, MAX_TEST_EVENT_MESSAGES),
                mustNotMatch,
            };
        }),
    };
}
