import { AlarmAlertAction, AlarmIntegrationActionOptions, alarmAlertActions } from "../opsgenie/alarmAlert";

/**
 * One action of a JSM Operations integration as the `atlassian-operations` provider takes it: an
 * `IntegrationAction`'s inputs without `integrationId`, as plain data.
 */
export interface JsmIntegrationActionInputs {
    name: string;
    /** `create` or `close`. */
    type: string;
    domain: "alert";
    direction: "incoming";
    enabled: boolean;
    filter: {
        conditionsEmpty: boolean;
        conditionMatchType: string;
        conditions: { field: string; operation: string; expectedValue: string; not: boolean; order: number }[];
    };
    /** The alert fields, as JSON text. */
    fieldMappings: string;
}

/**
 * The alert fields of an action as JSM's `field_mappings` JSON: a create sets the alert's message, description,
 * alias, priority and tags (the keys of the provider's own create example); a close finds the alert by alias and
 * adds a note.
 */
function fieldMappings(action: AlarmAlertAction): Record<string, unknown> {
    if (action.kind === "close") return { alias: action.alias, note: action.note };
    return {
        message: action.message,
        description: action.description,
        alias: action.alias,
        priority: action.priority,
        tags: action.tags,
    };
}

/**
 * The integration actions for CloudWatch alarms (see `alarmAlertActions`, the description shared with Opsgenie), in
 * the `atlassian-operations` provider's spelling: one incoming `alert` action each, with a `match-all-conditions`
 * filter on the SNS notification's `Message`. The provider has no action order; the shared filters exclude each
 * other, so none is needed.
 */
export function jsmIntegrationActions(options: AlarmIntegrationActionOptions): JsmIntegrationActionInputs[] {
    return alarmAlertActions(options).map((action) => ({
        name: action.name,
        type: action.kind,
        domain: "alert",
        direction: "incoming",
        enabled: true,
        filter: {
            conditionsEmpty: false,
            conditionMatchType: "match-all-conditions",
            conditions: action.conditions.map(({ text, not }, i) => ({
                field: "Message",
                operation: "contains",
                expectedValue: text,
                not,
                order: i + 1,
            })),
        },
        fieldMappings: JSON.stringify(fieldMappings(action)),
    }));
}
