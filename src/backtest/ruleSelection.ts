import {
    AlertRuleSelection,
    FilterPatternError,
    parseFilterPattern,
    resolveAlertRules,
    SelectedAlertRule,
} from "@trailwatch/components";
import { UsageError } from "../../cli/command";
import type { BacktestRule } from "./ruleTally";

export interface RuleSelection {
    /** Project directory holding `stacks/`. */
    cwd: string;
    /** Stack whose rules (its overrides, parameters and own rules included) are evaluated. */
    stack?: string;
    /** Only these rule ids; every id must exist. */
    ruleIds?: string[];
}

function toBacktestRule(rule: SelectedAlertRule): BacktestRule {
    return {
        id: rule.id,
        title: rule.title,
        pattern: rule.pattern,
        severity: rule.severity,
        threshold: rule.threshold,
        period: rule.period,
        evaluationPeriods: rule.evaluationPeriods,
    };
}

/**
 * The rules a backtest evaluates.
 * - Without `ruleIds`: every enabled rule of the stack, or of the built-in catalogue (default
 *   parameters) when no stack is given.
 * - With `ruleIds`: exactly those rules, enabled or not — trying a rule before turning it on is
 *   what a backtest is for — unless the rule has no pattern (a parameterised rule whose list is
 *   empty), which would otherwise count every event.
 * An unknown id is a usage error listing the ids there are.
 */
export function selectBacktestRules(selection: RuleSelection, stackRules?: AlertRuleSelection): BacktestRule[] {
    const where = selection.stack === undefined ? "the built-in catalogue" : `stack ${selection.stack}`;
    const resolution = resolveAlertRules(stackRules ?? {});
    if (resolution.problems.length > 0) {
        throw new UsageError(
            `the rules of ${where} are invalid:\n${resolution.problems.map((p) => `  ${p.path}: ${p.reason}`).join("\n")}`,
        );
    }
    const all = resolution.rules;
    const ids = selection.ruleIds ?? [];
    let chosen: SelectedAlertRule[];
    if (ids.length === 0) {
        chosen = all.filter((r) => r.enabled);
    } else {
        const unknown = ids.filter((id) => !all.some((r) => r.id === id));
        if (unknown.length > 0) {
            throw new UsageError(
                `unknown rule ${unknown.map((u) => `"${u}"`).join(", ")} in ${where}; rules: ${all.map((r) => r.id).join(", ")}`,
            );
        }
        chosen = all.filter((r) => ids.includes(r.id));
        for (const rule of chosen) {
            if (rule.pattern.trim() === "") {
                throw new UsageError(`rule "${rule.id}" has no pattern in ${where}: ${rule.disabledReason ?? "empty"}`);
            }
        }
    }
    for (const rule of chosen) {
        try {
            parseFilterPattern(rule.pattern);
        } catch (err) {
            if (err instanceof FilterPatternError) {
                throw new UsageError(`rule "${rule.id}": ${err.message}`);
            }
            throw err;
        }
    }
    return chosen.map(toBacktestRule);
}
