import { ApiCall, DrillStep, PlannedCall, drillMarkerKey, drillSteps, iamActionOf } from "./drillCalls";
import { DrillPlan } from "./drillPlan";
import { DrillResult, drillPassed } from "./drillResult";

/** A parameter value on one line: strings as they are (cut at `width`), anything else as compact JSON. */
function brief(key: string, value: unknown, width = 100): string {
    let text: string;
    if (value instanceof Date) text = value.toISOString();
    else if (Array.isArray(value) && value.every((v) => typeof v === "string")) {
        const noun = key === "AlarmNames" ? `alarm name${value.length === 1 ? "" : "s"}` : "messages";
        text = `[${value.length} ${noun}]`;
    } else if (typeof value === "string") text = JSON.stringify(value);
    else
        text = JSON.stringify(value, (_, v: unknown) =>
            typeof v === "string" && v.length > width ? `${v.slice(0, width)}…` : v,
        );
    return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

/** `logs:PutLogEvents logGroupName="…" logStreamName="…"`: an API call with its key parameters on one line. */
export function formatCall(call: ApiCall): string {
    const params = Object.entries(call.params)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}=${brief(k, v)}`)
        .join(" ");
    return `${iamActionOf(call) ?? `opsgenie:${call.operation}`} ${params}`;
}

/** The dry run for people: every call, in order, by step and rule. */
export function formatDryRun(plan: DrillPlan, calls: PlannedCall[], opsgenieNote?: string): string {
    const lines = [
        `trailwatch drill — stack ${plan.stack}, region ${plan.region ?? "(from the AWS environment)"} (dry run: no call is made)`,
        `Log group ${plan.logGroupName}; metrics in ${plan.metricNamespace}; ${plan.rules.length} rule${plan.rules.length === 1 ? "" : "s"}.`,
    ];
    if (opsgenieNote !== undefined) lines.push(opsgenieNote);
    let step: DrillStep | undefined;
    const width = Math.max(0, ...calls.map((c) => (c.ruleId ?? "").length));
    for (const planned of calls) {
        if (planned.step !== step) {
            step = planned.step;
            lines.push("", `${step}:`);
        }
        const note = planned.note === undefined ? "" : `  (${planned.note})`;
        lines.push(`  ${(planned.ruleId ?? "").padEnd(width)}  ${formatCall(planned.call)}${note}`);
    }
    lines.push("", `${calls.length} calls.`, "");
    return lines.join("\n");
}

/** The summary: one row per rule, one column per step, then what failed and why. */
export function formatDrillResult(result: DrillResult): string {
    const steps = drillSteps.filter((s) => result.rules.some((r) => r.steps[s] !== undefined));
    const idWidth = Math.max(4, ...result.rules.map((r) => r.id.length));
    const colWidth = Math.max(8, ...steps.map((s) => s.length));
    const lines = [
        `trailwatch drill ${result.drillId} — stack ${result.stack}, region ${result.region ?? "(from the AWS environment)"}`,
        result.drillEventsPut > 0
            ? `Drill events in ${result.logGroupName} / ${result.logStreamName}: ${result.drillEventsPut}, marked "${drillMarkerKey}" (they stay until the log group's retention removes them)`
            : `No drill event was put into ${result.logGroupName}.`,
        "",
        `${"rule".padEnd(idWidth)}  ${steps.map((s) => s.padEnd(colWidth)).join("  ")}`.trimEnd(),
    ];
    for (const rule of result.rules) {
        lines.push(
            `${rule.id.padEnd(idWidth)}  ${steps.map((s) => (rule.steps[s]?.status ?? "-").padEnd(colWidth)).join("  ")}`.trimEnd(),
        );
    }
    const problems = result.rules.flatMap((r) =>
        steps
            .filter((s) => r.steps[s] !== undefined && r.steps[s].status !== "passed" && r.steps[s].detail !== "")
            .map((s) => `  ${r.id} ${s}: ${r.steps[s]!.detail}`),
    );
    if (problems.length > 0) lines.push("", ...problems);
    for (const left of result.alarmsLeftInAlarm) {
        lines.push(
            "",
            `ALARM LEFT: ${left.alarmName} is still in ALARM (${left.reason}). Set it back with:`,
            `  aws cloudwatch set-alarm-state --alarm-name ${left.alarmName} --state-value OK --state-reason "trailwatch drill: back to OK"`,
        );
    }
    lines.push(
        "",
        result.interrupted
            ? result.alarmsLeftInAlarm.length > 0
                ? `INTERRUPTED: the drill was stopped (Ctrl-C or SIGTERM); ${result.alarmsLeftInAlarm.length} alarm${result.alarmsLeftInAlarm.length === 1 ? "" : "s"} it had set to ALARM could not be set back to OK (above).`
                : "INTERRUPTED: the drill was stopped (Ctrl-C or SIGTERM); the alarms it had set to ALARM were set back to OK."
            : drillPassed(result)
              ? `OK: every step passed for ${result.rules.length} rule${result.rules.length === 1 ? "" : "s"}.`
              : `FAILED: ${result.rules.filter((r) => Object.values(r.steps).some((s) => s?.status !== "passed")).length} of ${result.rules.length} rules have a step that did not pass.`,
        "",
    );
    return lines.join("\n");
}
