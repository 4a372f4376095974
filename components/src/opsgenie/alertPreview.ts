import { opsgenieDefaultPriority } from "./alarmIntegrationActions";
import { renderOpsgenieTemplate } from "./renderTemplate";
import * as outputs from "./sdk/types/output";
import { SnsNotificationFields } from "./snsNotification";
import { execTemplateRegex, TemplateRegexTimeoutError } from "./templateRegex";
import { TemplateWarning } from "./templateSyntax";

/** The actions of an integration as plain data (an `IntegrationAction`'s inputs, without `integrationId`). */
export interface IntegrationActionSet {
    creates?: outputs.IntegrationActionCreate[];
    closes?: outputs.IntegrationActionClose[];
    acknowledges?: outputs.IntegrationActionAcknowledge[];
    addNotes?: outputs.IntegrationActionAddNote[];
    ignores?: outputs.IntegrationActionIgnore[];
}

/** The kind of action a notification triggers. */
export type OpsgenieActionKind = "create" | "close" | "acknowledge" | "addNote" | "ignore";

/** What Opsgenie does with one notification, as far as the integration's actions decide it. */
export interface OpsgenieAlertPreview {
    /**
     * `create`, `close`, … for the one action that runs; `none` when no filter matches (Opsgenie then does nothing);
     * `ambiguous` when actions of several kinds match, so the outcome would depend on Opsgenie's order between
     * action kinds, which it does not document.
     */
    action: OpsgenieActionKind | "none" | "ambiguous";
    /** Name of the action that runs (or, when ambiguous, of every first match per kind). */
    actionNames: string[];
    /** The alert's message (create). */
    message?: string;
    /** The alert's description (create). */
    description?: string;
    /** The alert's priority (create): the action's own, else Opsgenie's default P3. */
    priority?: string;
    /** The alias: which alert is created, or closed. */
    alias?: string;
    /** Tags (create). */
    tags?: string[];
    /** The note added (close, acknowledge, add note). */
    note?: string;
    /** Undocumented situations the renderer resolved (see `renderOpsgenieTemplate`), per alert field. */
    warnings: { field: string; warning: TemplateWarning }[];
}

/** Thrown when a filter uses a field or operation the preview cannot evaluate against an SNS notification. */
export class AlertPreviewError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "AlertPreviewError";
    }
}

type Filter = outputs.IntegrationActionCreateFilter;
type Condition = outputs.IntegrationActionCreateFilterCondition;

function conditionHolds(condition: Condition, notification: SnsNotificationFields): boolean {
    const fields: Record<string, string | undefined> = {
        Message: notification.Message,
        Subject: notification.Subject,
        TopicArn: notification.TopicArn,
        Timestamp: notification.Timestamp,
    };
    if (!(condition.field in fields)) {
        throw new AlertPreviewError(
            `a filter condition tests "${condition.field}", which the preview cannot take from an SNS notification (it evaluates ${Object.keys(fields).join(", ")})`,
        );
    }
    const value = fields[condition.field] ?? "";
    const expected = condition.expectedValue ?? "";
    let holds: boolean;
    switch (condition.operation) {
        case "contains":
            holds = value.includes(expected);
            break;
        case "equals":
            holds = value === expected;
            break;
        case "starts-with":
            holds = value.startsWith(expected);
            break;
        case "ends-with":
            holds = value.endsWith(expected);
            break;
        case "is-empty":
            holds = value === "";
            break;
        case "equals-ignore-whitespace":
            holds = value.replace(/\s/g, "") === expected.replace(/\s/g, "");
            break;
        case "matches":
            // Documented: the WHOLE value must match the expression.
            try {
                holds = execTemplateRegex(new RegExp(`^(?:${expected})$`), value) !== null;
            } catch (err) {
                if (!(err instanceof TemplateRegexTimeoutError)) throw err;
                throw new AlertPreviewError(
                    `the filter condition ${condition.field} matches /${expected}/ ${err.message}`,
                );
            }
            break;
        default:
            throw new AlertPreviewError(`the preview cannot evaluate the filter operation "${condition.operation}"`);
    }
    return condition.not === true ? !holds : holds;
}

/** Whether an action's filter lets a notification through (an action without a filter takes every notification). */
export function filterMatches(filters: Filter[] | undefined, notification: SnsNotificationFields): boolean {
    const filter = filters?.[0];
    if (filter === undefined || filter.type === "match-all") return true;
    const conditions = [...(filter.conditions ?? [])].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
    if (filter.type === "match-all-conditions") return conditions.every((c) => conditionHolds(c, notification));
    if (filter.type === "match-any-condition") return conditions.some((c) => conditionHolds(c, notification));
    throw new AlertPreviewError(`unknown filter type "${filter.type}"`);
}

interface NamedAction {
    name: string;
    order?: number;
    filters?: Filter[];
}

/** The first action, in `order`, whose filter matches (Opsgenie's documented processing within a kind). */
function firstMatch<T extends NamedAction>(
    actions: T[] | undefined,
    notification: SnsNotificationFields,
): T | undefined {
    return [...(actions ?? [])]
        .sort((a, b) => (a.order ?? 1) - (b.order ?? 1))
        .find((a) => filterMatches(a.filters, notification));
}

/**
 * What an integration's actions do with one SNS notification: which action runs, and the alert fields its
 * templates render to. Opsgenie's documented rule: actions are tried in order, the first whose filter matches runs,
 * at most one per notification; none matching means nothing happens.
 */
export function previewOpsgenieAlert(
    actions: IntegrationActionSet,
    notification: SnsNotificationFields,
): OpsgenieAlertPreview {
    const matches: { kind: OpsgenieActionKind; action: NamedAction }[] = [];
    const kinds: [OpsgenieActionKind, NamedAction[] | undefined][] = [
        ["create", actions.creates],
        ["close", actions.closes],
        ["acknowledge", actions.acknowledges],
        ["addNote", actions.addNotes],
        ["ignore", actions.ignores],
    ];
    for (const [kind, list] of kinds) {
        const action = firstMatch(list, notification);
        if (action !== undefined) matches.push({ kind, action });
    }
    if (matches.length === 0) return { action: "none", actionNames: [], warnings: [] };
    if (matches.length > 1) {
        return { action: "ambiguous", actionNames: matches.map((m) => m.action.name), warnings: [] };
    }
    const { kind, action } = matches[0];
    const warnings: OpsgenieAlertPreview["warnings"] = [];
    const render = (field: string, template: string | undefined): string | undefined => {
        if (template === undefined) return undefined;
        const rendered = renderOpsgenieTemplate(template, notification);
        for (const warning of rendered.warnings) warnings.push({ field, warning });
        return rendered.text;
    };
    const preview: OpsgenieAlertPreview = { action: kind, actionNames: [action.name], warnings };
    const withAlias = action as { alias?: string; note?: string };
    preview.alias = render("alias", withAlias.alias);
    if (kind === "create") {
        const create = action as outputs.IntegrationActionCreate;
        preview.message = render("message", create.message);
        preview.description = render("description", create.description);
        preview.priority =
            create.customPriority !== undefined
                ? render("customPriority", create.customPriority)
                : (create.priority ?? opsgenieDefaultPriority);
        preview.tags = create.tags ?? [];
    }
    preview.note = render("note", withAlias.note);
    // Fields the action does not set are left out rather than shown as undefined.
    for (const key of Object.keys(preview) as (keyof OpsgenieAlertPreview)[]) {
        if (preview[key] === undefined) delete preview[key];
    }
    return preview;
}
