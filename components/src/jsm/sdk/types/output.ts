// The output types of the `atlassian-operations` package, as the generated SDK declares them (see input.ts).
import * as outputs from "./output";

export interface ApiIntegrationMaintenanceSource {
    /** Whether the maintenance window is active. */
    enabled: boolean;
    /** The time interval during which the maintenance window is active. */
    interval: outputs.ApiIntegrationMaintenanceSourceInterval;
    /** The unique identifier of the maintenance window. */
    maintenanceId: string;
}

export interface ApiIntegrationMaintenanceSourceInterval {
    /** End of the window, Unix milliseconds (UTC). */
    endTimeMillis: number;
    /** Start of the window, Unix milliseconds (UTC). */
    startTimeMillis: number;
}

export interface IntegrationActionActionMapping {
    /** Parameters for the action mapping (JSON text). */
    parameter?: string;
    /** The type of action mapping. */
    type: string;
}

export interface IntegrationActionFilter {
    /** `match-all`, `match-any-condition` or `match-all-conditions`. */
    conditionMatchType: string;
    /** The conditions. */
    conditions?: outputs.IntegrationActionFilterCondition[];
    /** Whether the conditions list is empty. */
    conditionsEmpty: boolean;
}

export interface IntegrationActionFilterCondition {
    /** The value to compare against the field value. */
    expectedValue?: string;
    /** The field of the incoming notification to evaluate. */
    field: string;
    /** Key of a key-value field (`extra-properties`). */
    key?: string;
    /** Negates the operation. */
    not?: boolean;
    /** The comparison operation. */
    operation: string;
    /** Order of the condition in the conditions list. */
    order?: number;
    /** Whether the condition is a system condition. */
    systemCondition?: boolean;
}
