import { AlertRule, AlertRuleExamples, AlertSeverity, ResolvedAlertRule, withRuleDefaults } from "./alertRule";
import { cisRules } from "./cisRules";
import {
    AlertRuleParameters,
    defaultLargeInstanceTypes,
    largeInstanceTypeProblem,
    officeIpAddressProblem,
} from "./ruleParameters";
import { ResolvedRuleParameters, TeamRuleTemplate, teamRules } from "./teamRules";
import {
    AlertRuleProblem,
    alarmTimingProblems,
    patternProblem,
    ruleIdProblem,
    severityProblem,
    validateAlertRule,
} from "./validateAlertRule";

/** Where a rule comes from. */
export type AlertRuleOrigin = "cis" | "team" | "custom";

/** Per-rule changes a stack may make to a built-in or custom rule; unset fields keep the rule's own value. */
export interface AlertRuleOverride {
    /** Matching events per period that fire the alarm (above 0). */
    threshold?: number;
    /** Seconds per evaluation period (a multiple of 60). */
    period?: number;
    /** Consecutive breaching periods before the alarm fires (1 or more). */
    evaluationPeriods?: number;
    /** Priority of the alert, `P1` to `P5`. */
    severity?: AlertSeverity;
}

/** What a stack chooses from the catalogue. The field names are the stack configuration keys. */
export interface AlertRuleSelection extends AlertRuleParameters {
    /** Ids of rules to leave out (built-in or custom). */
    disabledRules?: string[];
    /** Per-rule threshold, period, evaluation periods and severity, by rule id. */
    ruleOverrides?: Record<string, AlertRuleOverride>;
    /** The team's own rules, checked like the built-in ones; ids must not clash with built-in ids. */
    customRules?: AlertRule[];
}

/** One rule of a stack: resolved (defaults and overrides applied), enabled or not, and where it came from. */
export interface SelectedAlertRule extends ResolvedAlertRule {
    /** Whether the stack deploys the rule. */
    enabled: boolean;
    /** Why the rule is off: disabled by id, or the list its pattern is generated from is empty. */
    disabledReason?: string;
    /** `cis`, `team` (built-in) or `custom` (the stack's own). */
    origin: AlertRuleOrigin;
    /** The events the built-in rule is proven against (custom rules have none). */
    examples?: AlertRuleExamples;
}

/** The result of {@link resolveAlertRules}: every rule, and every problem found (paths are selection fields). */
export interface AlertRuleResolution {
    /** All rules in catalogue order (CIS, team, then custom), enabled or not. */
    rules: SelectedAlertRule[];
    /**
     * Problems, with `path` naming the selection field the way the stack configuration spells it
     * (`officeIpAddresses[2]`, `ruleOverrides.console-login-root.period`, `customRules[0].pattern`).
     */
    problems: AlertRuleProblem[];
}

/** Ids of every built-in rule, CIS first, in catalogue order. */
export const builtInRuleIds: readonly string[] = [...Object.keys(cisRules), ...Object.keys(teamRules)];

/** The built-in catalogue entry of a team rule with its pattern generated, or why it cannot be generated. */
function teamRule(
    id: string,
    template: TeamRuleTemplate,
    parameters: ResolvedRuleParameters,
): { rule: ResolvedAlertRule & { examples: AlertRuleExamples }; empty: boolean } {
    const { parameter, pattern, ...rest } = template;
    const empty = parameter !== undefined && parameters[parameter].length === 0;
    const text = typeof pattern === "string" ? pattern : empty ? "" : pattern(parameters);
    return { rule: { ...withRuleDefaults({ id, ...rest, pattern: text }), examples: template.examples }, empty };
}

function resolveParameters(parameters: AlertRuleParameters): ResolvedRuleParameters {
    return {
        officeIpAddresses: parameters.officeIpAddresses ?? [],
        largeInstanceTypes: parameters.largeInstanceTypes ?? [...defaultLargeInstanceTypes],
    };
}

function listProblems(
    key: keyof AlertRuleParameters,
    values: readonly string[],
    check: (entry: string) => string | undefined,
): AlertRuleProblem[] {
    const problems: AlertRuleProblem[] = [];
    // A set, not indexOf: a list of 300,000 entries must take milliseconds, not minutes.
    const seen = new Set<string>();
    values.forEach((value, i) => {
        const problem = check(value);
        if (problem !== undefined) problems.push({ path: `${key}[${i}]`, reason: problem });
        else if (seen.has(value)) {
            problems.push({ path: `${key}[${i}]`, reason: `"${value}" is listed twice` });
        }
        seen.add(value);
    });
    return problems;
}

/**
 * Resolves a stack's rules: generates the team rules from the parameters, applies overrides, adds the custom rules,
 * turns off disabled ones, and checks everything the way `SecurityAlarms` will (so a bad value is reported against
 * its configuration key before any resource exists). Never throws; see {@link AlertRuleResolution.problems}.
 */
export function resolveAlertRules(selection: AlertRuleSelection = {}): AlertRuleResolution {
    const problems: AlertRuleProblem[] = [];
    const parameters = resolveParameters(selection);
    problems.push(...listProblems("officeIpAddresses", parameters.officeIpAddresses, officeIpAddressProblem));
    problems.push(...listProblems("largeInstanceTypes", parameters.largeInstanceTypes, largeInstanceTypeProblem));
    const parametersValid = problems.length === 0;

    const rules: SelectedAlertRule[] = [];
    for (const [id, rule] of Object.entries(cisRules)) {
        rules.push({ ...withRuleDefaults({ id, ...rule }), origin: "cis", examples: rule.examples, enabled: true });
    }
    for (const [id, raw] of Object.entries(teamRules)) {
        const template = raw as TeamRuleTemplate;
        const parameter = template.parameter;
        if (parameter !== undefined && !parametersValid) {
            // Generating from a list with bad entries would only repeat its problems; keep the rule off.
            const { rule } = teamRule(id, template, { ...parameters, [parameter]: [] });
            rules.push({ ...rule, origin: "team", enabled: false, disabledReason: `${parameter} has errors` });
            continue;
        }
        const { rule, empty } = teamRule(id, template, parameters);
        if (empty) {
            rules.push({ ...rule, origin: "team", enabled: false, disabledReason: `${parameter} is empty` });
            continue;
        }
        const parsed = patternProblem(rule.pattern);
        if (parsed.problem !== undefined && parameter !== undefined) {
            problems.push({
                path: parameter,
                reason:
                    rule.pattern.length > 1024
                        ? `the ${parameters[parameter].length} entries make the ${id} pattern ${rule.pattern.length} characters long; CloudWatch Logs accepts at most 1024: use fewer entries (wildcards such as 203.0.113.* cover a range in one)`
                        : `the ${id} pattern generated from these entries is invalid: ${parsed.problem}`,
            });
            rules.push({ ...rule, origin: "team", enabled: false, disabledReason: `${parameter} has errors` });
            continue;
        }
        rules.push({ ...rule, origin: "team", enabled: true });
    }

    // Rules by id (the first of an id wins, as before), so lookups stay O(1) however long the lists.
    const byId = new Map<string, SelectedAlertRule>(rules.map((r) => [r.id, r]));
    const builtIn = new Set(builtInRuleIds);
    (selection.customRules ?? []).forEach((custom, i) => {
        const path = `customRules[${i}]`;
        const own = validateAlertRule(custom);
        problems.push(...own.map((p) => ({ path: `${path}.${p.path}`, reason: p.reason })));
        if (builtIn.has(custom.id)) {
            problems.push({
                path: `${path}.id`,
                reason: `"${custom.id}" is a built-in rule id; choose another id (to change a built-in rule use ruleOverrides, to drop it disabledRules)`,
            });
        } else if (byId.has(custom.id)) {
            problems.push({ path: `${path}.id`, reason: `"${custom.id}" is used by another custom rule` });
        }
        const rule: SelectedAlertRule = { ...withRuleDefaults(custom), origin: "custom", enabled: true };
        rules.push(rule);
        if (!byId.has(rule.id)) byId.set(rule.id, rule);
    });

    let validIds: string | undefined;
    const unknownId = (id: string) => {
        validIds ??= rules
            .map((r) => r.id)
            .filter((k) => ruleIdProblem(k) === undefined)
            .join(", ");
        return `"${id}" is not a rule id; valid ids: ${validIds}`;
    };

    for (const [id, override] of Object.entries(selection.ruleOverrides ?? {})) {
        const path = `ruleOverrides.${id}`;
        const rule = byId.get(id);
        if (rule === undefined) {
            problems.push({ path, reason: unknownId(id) });
            continue;
        }
        const timing = alarmTimingProblems({
            threshold: override.threshold,
            period: override.period ?? rule.period,
            evaluationPeriods: override.evaluationPeriods ?? rule.evaluationPeriods,
        });
        problems.push(...timing.map((p) => ({ path: `${path}.${p.path}`, reason: p.reason })));
        if (override.severity !== undefined) {
            const severity = severityProblem(override.severity);
            if (severity !== undefined) problems.push({ path: `${path}.severity`, reason: severity });
        }
        Object.assign(rule, {
            threshold: override.threshold ?? rule.threshold,
            period: override.period ?? rule.period,
            evaluationPeriods: override.evaluationPeriods ?? rule.evaluationPeriods,
            severity: override.severity ?? rule.severity,
        });
    }

    const disabled = new Set<string>();
    (selection.disabledRules ?? []).forEach((id, i) => {
        const path = `disabledRules[${i}]`;
        const rule = byId.get(id);
        if (rule === undefined) problems.push({ path, reason: unknownId(id) });
        else if (disabled.has(id)) problems.push({ path, reason: `"${id}" is listed twice` });
        else {
            disabled.add(id);
            rule.enabled = false;
            rule.disabledReason = "disabled by id";
        }
    });

    return { rules, problems };
}
