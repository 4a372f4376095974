import {
    IntegrationActionSet,
    OpsgenieAlertPreview,
    filterMatches,
    previewOpsgenieAlert,
} from "../opsgenie/alertPreview";
import { SnsNotificationFields } from "../opsgenie/snsNotification";
import * as outputs from "../opsgenie/sdk/types/output";

/** A JSM action's inputs as far as the preview reads them (recorded inputs, or `jsmIntegrationActions`). */
export interface JsmActionForPreview {
    name: string;
    type: string;
    enabled?: boolean;
    filter?: {
        conditionMatchType: string;
        conditions?: { field: string; operation: string; expectedValue?: string; not?: boolean; order?: number }[];
    };
    fieldMappings?: string;
}

const actionKinds: Record<string, keyof IntegrationActionSet> = {
    create: "creates",
    close: "closes",
    acknowledge: "acknowledges",
    addNote: "addNotes",
    ignore: "ignores",
};

/**
 * JSM's actions in the shape the shared preview evaluates: JSM Operations runs Opsgenie's integration engine, so a
 * filter, the alert fields and their `{{…}}` templates mean the same; its string processing methods are documented
 * with the same text as Opsgenie's ("String processing methods",
 * https://support.atlassian.com/jira-service-management-cloud/docs/string-processing-methods/: toLowerCase,
 * toUpperCase, substring, substringAfter, substringBefore, substringBetween, extract(/re/), toDate), so the one
 * renderer serves both; no difference was found to follow. Disabled actions are left out.
 */
export function jsmActionsAsActionSet(actions: readonly JsmActionForPreview[]): IntegrationActionSet {
    const set: IntegrationActionSet = {};
    for (const action of actions) {
        if (action.enabled === false) continue;
        const kind = actionKinds[action.type];
        if (kind === undefined) throw new Error(`the preview does not know JSM's "${action.type}" action`);
        const fields = JSON.parse(action.fieldMappings ?? "{}") as Record<string, unknown>;
        const filters: outputs.IntegrationActionCreateFilter[] | undefined =
            action.filter === undefined
                ? undefined
                : [{ type: action.filter.conditionMatchType, conditions: action.filter.conditions }];
        const list = (set[kind] ??= []) as { name: string; filters?: unknown }[];
        list.push({ ...fields, name: action.name, filters });
    }
    return set;
}

/**
 * What JSM's actions do with one SNS notification. JSM's Terraform provider sets no order between actions, so when
 * two actions of one kind match the outcome is `ambiguous` (Opsgenie would run the first in order).
 */
export function previewJsmAlert(
    actions: readonly JsmActionForPreview[],
    notification: SnsNotificationFields,
): OpsgenieAlertPreview {
    const set = jsmActionsAsActionSet(actions);
    for (const list of Object.values(set) as { name: string; filters?: outputs.IntegrationActionCreateFilter[] }[][]) {
        const matching = list.filter((a) => filterMatches(a.filters, notification));
        if (matching.length > 1) {
            return { action: "ambiguous", actionNames: matching.map((a) => a.name), warnings: [] };
        }
    }
    return previewOpsgenieAlert(set, notification);
}
