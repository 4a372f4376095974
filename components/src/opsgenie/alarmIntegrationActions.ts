import { AlarmMessageField, alarmDescriptionTemplate, alarmFieldExpression } from "./alarmMessageTemplates";
import * as outputs from "./sdk/types/output";

/** Opsgenie's alert priorities, most urgent first. */
export const opsgeniePriorities = ["P1", "P2", "P3", "P4", "P5"] as const;

/** Opsgenie's priority for an alert whose action sets none. */
export const opsgenieDefaultPriority = "P3";

/** What the actions of an Amazon SNS integration for CloudWatch alarms are made from. */
export interface AlarmIntegrationActionOptions {
    /** Alarm message fields the alert description shows, in order. */
    descriptionFields: readonly AlarmMessageField[];
    /** Priority of an alert whose alarm description carries no severity token. */
    defaultPriority: string;
    /** Tags of every alert. */
    alertTags: readonly string[];
}

/** The actions of one integration (the Opsgenie API replaces them all at once), as plain data. */
export interface AlarmIntegrationActions {
    creates: outputs.IntegrationActionCreate[];
    closes: outputs.IntegrationActionClose[];
}

/**
 * The `Message` text that marks a notification of an alarm that started firing. CloudWatch writes its message as
 * compact JSON (no space after the colon); every message in the reference corpus, 2014 to 2023, does.
 */
export const firingFilterText = '"NewStateValue":"ALARM"';

/** The `Message` text that marks a notification of an alarm that recovered. */
export const recoveredFilterText = '"NewStateValue":"OK"';

/**
 * The `Message` text that marks an alarm whose description starts with the severity token `[P1]` … `[P5]` (as
 * trailwatch's `formatAlarmDescription` writes it). Anchored on the key, so a token elsewhere in the message (the
 * state reason, a dimension) never sets the priority.
 */
export function severityFilterText(priority: string): string {
    return `"AlarmDescription":"[${priority}]`;
}

/** The alert's message (its title in Opsgenie and Slack) and alias: the alarm's name. */
export const alarmNameTemplate = alarmFieldExpression("AlarmName");

function messageContains(...texts: string[]): outputs.IntegrationActionCreateFilter[] {
    return [
        {
            type: "match-all-conditions",
            conditions: texts.map((expectedValue, i) => ({
                field: "Message",
                operation: "contains",
                expectedValue,
                order: i + 1,
            })),
        },
    ];
}

/**
 * The integration actions for CloudWatch alarms:
 *
 * - one create action per priority, P1 first, for a firing alarm whose description starts with that severity token
 *   (an action has one fixed priority, so the priority is chosen by which action's filter matches);
 * - a last create action, for a firing alarm without a token, with `defaultPriority`;
 * - a close action for an alarm back to OK.
 *
 * Opsgenie runs at most one action per notification: the first, in order, whose filter matches; a notification
 * that matches none (INSUFFICIENT_DATA) does nothing. The filters of creates and close exclude each other (a message
 * has one NewStateValue), so the order between action types never matters. Every create and the close use the alarm
 * name as alias: repeated notifications of one alarm add to one open alert, and the close finds it.
 */
export function alarmIntegrationActions(options: AlarmIntegrationActionOptions): AlarmIntegrationActions {
    const common = {
        message: alarmNameTemplate,
        description: alarmDescriptionTemplate(options.descriptionFields),
        alias: alarmNameTemplate,
        tags: [...options.alertTags],
    };
    const creates: outputs.IntegrationActionCreate[] = opsgeniePriorities.map((priority, i) => ({
        name: `Create a ${priority} alert for a firing alarm marked [${priority}]`,
        order: i + 1,
        ...common,
        priority,
        filters: messageContains(firingFilterText, severityFilterText(priority)),
    }));
    creates.push({
        name: "Create an alert for a firing alarm without a severity token",
        order: opsgeniePriorities.length + 1,
        ...common,
        priority: options.defaultPriority,
        filters: messageContains(firingFilterText),
    });
    const closes: outputs.IntegrationActionClose[] = [
        {
            name: "Close the alert when the alarm is back to OK",
            order: 1,
            alias: alarmNameTemplate,
            note: `Back to OK: ${alarmFieldExpression("NewStateReason")}`,
            filters: messageContains(recoveredFilterText),
        },
    ];
    return { creates, closes };
}
