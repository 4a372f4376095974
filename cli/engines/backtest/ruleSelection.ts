import {
    AlertRuleSelection,
    FilterPatternError,
    parseFilterPattern,
    resolveAlertRules,
    SelectedAlertRule,
} from "@trailwatch/components/catalogue";
import { UsageError } from "../io";
import { readStackConfig, StackConfigError } from "../../../program";
import { readStackFile, StackFileError } from "../offline/stackFile";
import type { BacktestRule } from "./ruleTally";

export interface RuleSelection {
    /** Project directory holding `stacks/`. */
    cwd: string;
    /** Stack whose rules (with its parameters, overrides, disabled and own rules) are evaluated. */
    stack?: string;
    /** Only these rule ids; every id must exist. */
    ruleIds?: string[];
    /**
     * Without a stack: the catalogue's parameters (office addresses, large instance types...).
     * @default the catalogue's defaults (no office addresses, so console-login-outside-office is off)
     */
    catalogueParameters?: AlertRuleSelection;
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

/** Every rule of a stack, resolved from `stacks/Pulumi.<stack>.yaml` by the project's config reader. */
function stackRules(cwd: string, stack: string): SelectedAlertRule[] {
    try {
        const { values, secretKeys } = readStackFile(cwd, stack);
        return readStackConfig(values, secretKeys, stack).rules.rules;
    } catch (err) {
        if (err instanceof StackFileError || err instanceof StackConfigError) {
            throw new UsageError(`--stack ${stack}: ${err.message}`);
        }
        throw err;
    }
}

/** Every rule of the built-in catalogue under the given parameters. */
function catalogueRules(parameters: AlertRuleSelection): SelectedAlertRule[] {
    const resolution = resolveAlertRules(parameters);
    if (resolution.problems.length > 0) {
        throw new UsageError(
            `invalid catalogue parameters:\n${resolution.problems.map((p) => `  ${p.path}: ${p.reason}`).join("\n")}`,
        );
    }
    return resolution.rules;
}

/**
 * The rules a backtest evaluates.
 * - Without `ruleIds`: every enabled rule of the stack, or of the built-in catalogue when no
 *   stack is given.
 * - With `ruleIds`: exactly those rules, enabled or not — trying a rule before turning it on is
 *   what a backtest is for — unless the rule has no pattern (a parameterised rule whose list is
 *   empty), which would otherwise count every event.
 * An unknown id is a usage error listing the ids there are.
 */
export function selectBacktestRules(selection: RuleSelection): BacktestRule[] {
    const where = selection.stack === undefined ? "the built-in catalogue" : `stack ${selection.stack}`;
    const all =
        selection.stack === undefined
            ? catalogueRules(selection.catalogueParameters ?? {})
            : stackRules(selection.cwd, selection.stack);
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
