import { UsageError } from "../../cli/command";
import type { BacktestRule } from "./ruleTally";
import { standInCatalogue } from "./standInRules";

export interface RuleSelection {
    /** Directory holding `stacks/`. */
    cwd: string;
    /** Stack whose enabled rules (with its overrides and own rules) are evaluated. */
    stack?: string;
    /** Only these rule ids; every id must exist. */
    ruleIds?: string[];
}

/**
 * The rules a backtest evaluates: the stack's enabled rules, or the whole catalogue, narrowed to
 * `ruleIds` when given. An unknown id is a usage error listing the ids there are.
 */
export async function selectBacktestRules(selection: RuleSelection): Promise<BacktestRule[]> {
    if (selection.stack !== undefined) {
        throw new UsageError("--stack is not available yet");
    }
    const available = standInCatalogue;
    const ids = selection.ruleIds ?? [];
    if (ids.length === 0) return available;
    const unknown = ids.filter((id) => !available.some((r) => r.id === id));
    if (unknown.length > 0) {
        throw new UsageError(
            `unknown rule id ${unknown.map((u) => `"${u}"`).join(", ")}; known: ${available.map((r) => r.id).join(", ")}`,
        );
    }
    return available.filter((r) => ids.includes(r.id));
}
