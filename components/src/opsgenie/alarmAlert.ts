import { severityMarker } from "../alarms/alarmDescription";
import {
    AlarmMessageField,
    alarmDescriptionTemplate,
    alarmFieldExpression,
    defaultDescriptionFields,
    descriptionFieldProblems,
} from "./alarmMessageTemplates";
import { quoteArgValue } from "./quoteArgValue";

// The one description of the alert a CloudWatch alarm becomes, shared by every on-call destination: Opsgenie and
// Jira Service Management (JSM) Operations, which took over Opsgenie's integration engine (its "Amazon SNS"
// integration, actions with filters, the `{{…}}` templates and their string methods, priorities P1-P5, aliases).
// Only the way each destination's provider spells an action differs (`alarmIntegrationActions` for Opsgenie,
// `jsmIntegrationActions` for JSM), so the alert people see cannot drift between the two during a migration.

/** The alert priorities of Opsgenie and JSM Operations, most urgent first. */
export const alertPriorities = ["P1", "P2", "P3", "P4", "P5"] as const;

/**
 * The priority of an alert whose action sets none. Opsgenie's Alert API, "Create Alert": "Priority level of the
 * alert. Possible values are P1, P2, P3, P4 and P5. Default value is P3." (quoted in the same words at
 * https://docs.getdx.com/schema/opsgenie_alerts). JSM Operations runs the same engine; that JSM keeps this default
 * is inferred, not documented here.
 */
export const defaultAlertPriority = "P3";

/** The alert arguments every destination's integration shares, before defaults. */
export interface AlarmAlertArgs {
    descriptionFields?: string[];
    defaultPriority?: string;
    alertTags?: string[];
}

/**
 * Every problem with the shared alert arguments, as `[argument, reason]` pairs for the destination's own error
 * type; `destination` names the service in the priority message ("an Opsgenie", "a JSM").
 */
export function alarmAlertArgProblems(args: AlarmAlertArgs, destination: string): [string, string][] {
    const problems: [string, string][] = [];
    for (const problem of descriptionFieldProblems(args.descriptionFields ?? [...defaultDescriptionFields])) {
        problems.push(["descriptionFields", problem]);
    }
    if (args.defaultPriority !== undefined && !(alertPriorities as readonly string[]).includes(args.defaultPriority)) {
        problems.push([
            "defaultPriority",
            `${quoteArgValue(args.defaultPriority)} is not ${destination} priority; use ${alertPriorities.join(", ")}`,
        ]);
    }
    (args.alertTags ?? []).forEach((tag, i) => {
        // Not a string only when the arguments come from untyped input (YAML, JSON): name it, don't crash on trim.
        if (typeof tag !== "string") problems.push([`alertTags[${i}]`, "must be a string"]);
        else if (tag.trim() === "") problems.push([`alertTags[${i}]`, "must not be empty"]);
        else if (tag.includes("{{")) {
            // A tag is an alert field of the action, and "The expressions with double-curly braces are interpreted
            // by Opsgenie as dynamic fields" (Opsgenie, "Dynamic fields in Opsgenie integrations"); JSM's field
            // mappings are templates too (atlassian/terraform-provider-atlassian-operations@e85d0332
            // examples/resources/integration_action/resource.tf: `message: "{{alert.message}}"`). `{{Message}}`
            // in a tag would become the notification's whole JSON text.
            problems.push([
                `alertTags[${i}]`,
                `has template syntax ("{{"), which ${destination.replace(/^an? /, "")} would replace with data of each notification; a tag is fixed text`,
            ]);
        }
    });
    return problems;
}

/** {@link AlarmAlertArgs} with every default applied. */
export function resolveAlarmAlertArgs(args: AlarmAlertArgs): {
    descriptionFields: AlarmMessageField[];
    defaultPriority: string;
    alertTags: string[];
} {
    return {
        descriptionFields: (args.descriptionFields ?? [...defaultDescriptionFields]) as AlarmMessageField[],
        defaultPriority: args.defaultPriority ?? defaultAlertPriority,
        alertTags: args.alertTags ?? ["trailwatch"],
    };
}

/** What the actions of an Amazon SNS integration for CloudWatch alarms are made from. */
export interface AlarmIntegrationActionOptions {
    /** Alarm message fields the alert description shows, in order. */
    descriptionFields: readonly AlarmMessageField[];
    /** Priority of an alert whose alarm description carries no severity token. */
    defaultPriority: string;
    /** Tags of every alert. */
    alertTags: readonly string[];
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
    return `"AlarmDescription":"${severityMarker(priority)}`;
}

/** The alert's message (its title in Opsgenie, JSM and Slack) and alias: the alarm's name. */
export const alarmNameTemplate = alarmFieldExpression("AlarmName");

/** One test of an action's filter: the notification's `Message` contains `text` (or, with `not`, does not). */
export interface AlarmAlertCondition {
    text: string;
    not: boolean;
}

/** One action of the integration, in neither destination's spelling. */
export interface AlarmAlertAction {
    kind: "create" | "close";
    name: string;
    /** Position among the actions of its kind (Opsgenie runs the first match; JSM's provider has no order). */
    order: number;
    /** Every condition must hold (`match-all-conditions`). */
    conditions: AlarmAlertCondition[];
    /** The alias: which alert is created, or closed. */
    alias: string;
    message?: string;
    description?: string;
    priority?: string;
    tags?: string[];
    note?: string;
}

const contains = (text: string): AlarmAlertCondition => ({ text, not: false });
const lacks = (text: string): AlarmAlertCondition => ({ text, not: true });

/**
 * The actions for CloudWatch alarms:
 *
 * - one create per priority, P1 first, for a firing alarm whose description starts with that severity token (an
 *   action has one fixed priority, so the priority is chosen by which action's filter matches);
 * - a create for a firing alarm with none of the tokens, with `defaultPriority`;
 * - a close for an alarm back to OK.
 *
 * The filters exclude each other (a message has one NewStateValue and its description starts with at most one
 * token), so the outcome never depends on the order in which the destination tries its actions: Opsgenie runs the
 * first match in order, and JSM's Terraform provider has no order attribute at all. A notification that matches
 * none (INSUFFICIENT_DATA, a subscription confirmation) does nothing. Every create and the close use the alarm name
 * as alias: repeated notifications of one alarm add to one open alert, and the close finds it.
 */
export function alarmAlertActions(options: AlarmIntegrationActionOptions): AlarmAlertAction[] {
    const common = {
        message: alarmNameTemplate,
        description: alarmDescriptionTemplate(options.descriptionFields),
        alias: alarmNameTemplate,
        tags: [...options.alertTags],
    };
    const creates: AlarmAlertAction[] = alertPriorities.map((priority, i) => ({
        kind: "create",
        name: `Create a ${priority} alert for a firing alarm marked ${severityMarker(priority)}`,
        order: i + 1,
        conditions: [contains(firingFilterText), contains(severityFilterText(priority))],
        ...common,
        priority,
    }));
    creates.push({
        kind: "create",
        name: "Create an alert for a firing alarm without a severity token",
        order: alertPriorities.length + 1,
        conditions: [contains(firingFilterText), ...alertPriorities.map((p) => lacks(severityFilterText(p)))],
        ...common,
        priority: options.defaultPriority,
    });
    return [
        ...creates,
        {
            kind: "close",
            name: "Close the alert when the alarm is back to OK",
            order: 1,
            conditions: [contains(recoveredFilterText)],
            alias: alarmNameTemplate,
            note: `Back to OK: ${alarmFieldExpression("NewStateReason")}`,
        },
    ];
}
