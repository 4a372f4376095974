import { DrillStep } from "./drillCalls";

// What a drill found, apart from the runner, so that reporting it loads no AWS SDK.

/** `passed`, `failed`, or `not run` (an earlier error or Ctrl-C stopped the drill first). */
export type StepStatus = "passed" | "failed" | "not run";

export interface StepResult {
    status: StepStatus;
    detail: string;
}

export interface RuleResult {
    id: string;
    alarmName: string;
    /** One result per step the drill runs (`opsgenie` only with verification). */
    steps: Partial<Record<DrillStep, StepResult>>;
}

export interface DrillResult {
    stack: string;
    region?: string;
    drillId: string;
    logGroupName: string;
    logStreamName: string;
    /**
     * Drill events CloudWatch Logs accepted into the log stream, counting one whose request Ctrl-C cut off (it may have
     * been stored). They stay: the drill's policy may not delete from the audit log group, whose retention removes them.
     */
    drillEventsPut: number;
    rules: RuleResult[];
    /** Ctrl-C (SIGINT) or SIGTERM stopped the drill. */
    interrupted: boolean;
    /** Alarms the drill set to ALARM and could not set back to OK (each with the reason): to be fixed by hand. */
    alarmsLeftInAlarm: { alarmName: string; reason: string }[];
}

/** True when every step of every rule passed. */
export function drillPassed(result: DrillResult): boolean {
    return (
        !result.interrupted &&
        result.alarmsLeftInAlarm.length === 0 &&
        result.rules.every((r) => Object.values(r.steps).every((s) => s?.status === "passed"))
    );
}
