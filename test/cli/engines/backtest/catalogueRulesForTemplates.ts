import { selectBacktestRules } from "../../../../cli/engines/backtest/ruleSelection";
import type { BacktestRule } from "../../../../cli/engines/backtest/ruleTally";

/**
 * The office addresses the record templates (bench/recordTemplates.json) were
 * written for: their `expect` lists hold under these and the default large instance types.
 */
export const TEMPLATE_OFFICE_IP_ADDRESSES = ["203.0.113.10", "203.0.113.11"];

/** Every rule of the built-in catalogue, all enabled, as the record templates expect them. */
export function catalogueRulesForTemplates(): BacktestRule[] {
    return selectBacktestRules({
        cwd: process.cwd(),
        catalogueParameters: { officeIpAddresses: TEMPLATE_OFFICE_IP_ADDRESSES },
    });
}
