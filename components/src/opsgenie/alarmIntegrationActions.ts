import {
    AlarmAlertAction,
    AlarmIntegrationActionOptions,
    alarmAlertActions,
    alertPriorities,
    defaultAlertPriority,
} from "./alarmAlert";
import * as outputs from "./sdk/types/output";

export * from "./alarmAlert";

/** Opsgenie's alert priorities, most urgent first. */
export const opsgeniePriorities = alertPriorities;

/** Opsgenie's priority for an alert whose action sets none (see `defaultAlertPriority`). */
export const opsgenieDefaultPriority = defaultAlertPriority;

/** The actions of one integration (the Opsgenie API replaces them all at once), as plain data. */
export interface AlarmIntegrationActions {
    creates: outputs.IntegrationActionCreate[];
    closes: outputs.IntegrationActionClose[];
}

/** An action's conditions as Opsgenie's filter on the SNS notification's `Message`. */
function opsgenieFilters(action: AlarmAlertAction): outputs.IntegrationActionCreateFilter[] {
    return [
        {
            type: "match-all-conditions",
            conditions: action.conditions.map(({ text, not }, i) => ({
                field: "Message",
                operation: "contains",
                expectedValue: text,
                // Left out when false, as Opsgenie's default.
                ...(not ? { not: true } : {}),
                order: i + 1,
            })),
        },
    ];
}

/**
 * The integration actions for CloudWatch alarms (see `alarmAlertActions`, the description shared with JSM), in the
 * Opsgenie provider's spelling: creates and closes of one `IntegrationAction`, each with its order.
 */
export function alarmIntegrationActions(options: AlarmIntegrationActionOptions): AlarmIntegrationActions {
    const creates: outputs.IntegrationActionCreate[] = [];
    const closes: outputs.IntegrationActionClose[] = [];
    for (const action of alarmAlertActions(options)) {
        if (action.kind === "create") {
            creates.push({
                name: action.name,
                order: action.order,
                message: action.message,
                description: action.description,
                alias: action.alias,
                tags: action.tags,
                priority: action.priority,
                filters: opsgenieFilters(action),
            });
        } else {
            closes.push({
                name: action.name,
                order: action.order,
                alias: action.alias,
                note: action.note,
                filters: opsgenieFilters(action),
            });
        }
    }
    return { creates, closes };
}
