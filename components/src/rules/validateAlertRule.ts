import { FilterPattern, FilterPatternError, parseFilterPattern } from "../filterPattern";
import { AlertRule, alertSeverities, withRuleDefaults } from "./alertRule";

/** One problem with one field of a rule; `path` is relative to the rule (`pattern`, `period`, …). */
export interface AlertRuleProblem {
    /** The field, e.g. `pattern` or `severity`; a caller prefixes it with where the rule came from. */
    path: string;
    /** What is wrong and what is accepted. */
    reason: string;
}

/** Longest rule id: it becomes part of resource, metric and alarm names. */
export const MAX_RULE_ID_LENGTH = 64;
/** Longest title and control text, so that the alarm description keeps room for the rationale. */
export const MAX_RULE_TITLE_LENGTH = 200;

const ruleIdPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Longest total evaluation window CloudWatch accepts (period × evaluation periods), by period length. */
function maxEvaluationWindow(period: number): number {
    // PutMetricAlarm: "For alarms with a period of less than one hour (3,600 seconds), the total evaluation period
    // can't be longer than one day (86,400 seconds)"; otherwise at most seven days.
    return period < 3600 ? 86_400 : 604_800;
}

/** Checks a rule's id only (also used where ids are given without a rule, e.g. to disable rules). */
export function ruleIdProblem(id: unknown): string | undefined {
    if (typeof id !== "string" || id === "") return "a rule id must be a non-empty string";
    if (id.length > MAX_RULE_ID_LENGTH) return `"${id}" is longer than ${MAX_RULE_ID_LENGTH} characters`;
    if (!ruleIdPattern.test(id)) {
        return `"${id}" is not a rule id: use lowercase letters, digits and single hyphens (e.g. console-login-outside-office)`;
    }
    return undefined;
}

/** Checks a severity value. */
export function severityProblem(severity: unknown): string | undefined {
    if (typeof severity === "string" && (alertSeverities as readonly string[]).includes(severity)) return undefined;
    return `${JSON.stringify(severity)} is not a severity; use one of ${alertSeverities.join(", ")}`;
}

/** Checks alarm timing: a threshold above 0, a one-minute-multiple period, whole evaluation periods, a legal window. */
export function alarmTimingProblems(timing: {
    threshold?: unknown;
    period?: unknown;
    evaluationPeriods?: unknown;
}): AlertRuleProblem[] {
    const problems: AlertRuleProblem[] = [];
    const { threshold, period, evaluationPeriods } = timing;
    if (threshold !== undefined && (typeof threshold !== "number" || !Number.isFinite(threshold) || threshold <= 0)) {
        problems.push({
            path: "threshold",
            reason: `${JSON.stringify(threshold)} is not a threshold above 0 (the alarm fires at >= threshold matching events; 0 would fire in every period)`,
        });
    }
    const periodOk = typeof period === "number" && Number.isInteger(period) && period >= 60 && period % 60 === 0;
    if (period !== undefined && !periodOk) {
        problems.push({
            path: "period",
            reason: `${JSON.stringify(period)} is not a period CloudWatch can evaluate a metric filter's metric over: use a multiple of 60 seconds (metric filters publish one-minute metrics; 10, 20 and 30 are for high-resolution metrics and would leave the alarm in INSUFFICIENT_DATA)`,
        });
    }
    const countOk =
        typeof evaluationPeriods === "number" && Number.isInteger(evaluationPeriods) && evaluationPeriods >= 1;
    if (evaluationPeriods !== undefined && !countOk) {
        problems.push({
            path: "evaluationPeriods",
            reason: `${JSON.stringify(evaluationPeriods)} is not a whole number of periods >= 1`,
        });
    }
    if (problems.length === 0) {
        const p = (period as number | undefined) ?? 300;
        const n = (evaluationPeriods as number | undefined) ?? 1;
        if (p * n > maxEvaluationWindow(p)) {
            problems.push({
                path: evaluationPeriods !== undefined ? "evaluationPeriods" : "period",
                reason: `period × evaluationPeriods is ${p * n} seconds; CloudWatch allows at most ${maxEvaluationWindow(p)} for a ${p}-second period`,
            });
        }
    }
    return problems;
}

/** Parses a rule's pattern; the problem names the position the way `FilterPatternError` does. */
export function patternProblem(pattern: unknown): { pattern?: FilterPattern; problem?: string } {
    if (typeof pattern !== "string") return { problem: `${JSON.stringify(pattern)} is not a filter pattern string` };
    if (pattern.trim() === "") return { problem: "is empty: an empty pattern counts every event" };
    try {
        return { pattern: parseFilterPattern(pattern) };
    } catch (err) {
        if (err instanceof FilterPatternError) return { problem: err.message };
        throw err;
    }
}

/** C0 and C1 control characters and DEL: invisible, and able to forge lines in the alarm description and alert. */
// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/;

function textProblem(value: unknown, maxLength: number | undefined, oneLine = false): string | undefined {
    if (typeof value !== "string" || value.trim() === "") return "must be a non-empty string";
    if (maxLength !== undefined && value.length > maxLength) {
        return `is ${value.length} characters long; at most ${maxLength}`;
    }
    const control = oneLine ? controlCharacter.exec(value) : null;
    if (control !== null) {
        const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
        return `has a control character (U+${code}) at position ${control.index + 1}; it is one line of plain text in the alarm description`;
    }
    return undefined;
}

/**
 * Every problem with a rule, the way the built-in catalogue, stack configuration and `SecurityAlarms` all check
 * rules: id, texts, severity, the pattern (parsed as CloudWatch Logs would, with the position of any error) and
 * the alarm timing. An empty list means the rule can be deployed.
 */
export function validateAlertRule(rule: AlertRule): AlertRuleProblem[] {
    const problems: AlertRuleProblem[] = [];
    const idProblem = ruleIdProblem(rule.id);
    if (idProblem !== undefined) problems.push({ path: "id", reason: idProblem });
    const title = textProblem(rule.title, MAX_RULE_TITLE_LENGTH, true);
    if (title !== undefined) problems.push({ path: "title", reason: title });
    const severity = severityProblem(rule.severity);
    if (severity !== undefined) problems.push({ path: "severity", reason: severity });
    const rationale = textProblem(rule.rationale, undefined);
    if (rationale !== undefined) problems.push({ path: "rationale", reason: rationale });
    const control = textProblem(rule.control, MAX_RULE_TITLE_LENGTH, true);
    if (control !== undefined) problems.push({ path: "control", reason: control });
    const pattern = patternProblem(rule.pattern).problem;
    if (pattern !== undefined) problems.push({ path: "pattern", reason: pattern });
    problems.push(...alarmTimingProblems(rule));
    return problems;
}

/** Thrown where a rule cannot be deployed; the message names the rule and the field. */
export class AlertRuleError extends Error {
    constructor(
        /** The rule's id (as given, even if invalid). */
        public readonly ruleId: string,
        /** The problems found. */
        public readonly problems: AlertRuleProblem[],
        /** Who is reporting, e.g. `SecurityAlarms`. */
        context: string,
    ) {
        super(
            problems.length === 1
                ? `${context}: rule ${ruleId}: ${problems[0].path}: ${problems[0].reason}`
                : `${context}: rule ${ruleId}:\n${problems.map((p) => `  ${p.path}: ${p.reason}`).join("\n")}`,
        );
        this.name = "AlertRuleError";
    }
}

/** {@link withRuleDefaults} after {@link validateAlertRule}: throws an {@link AlertRuleError} on the first bad rule. */
export function checkedRule(rule: AlertRule, context: string): ReturnType<typeof withRuleDefaults> {
    const problems = validateAlertRule(rule);
    if (problems.length > 0) throw new AlertRuleError(String(rule.id), problems, context);
    return withRuleDefaults(rule);
}
