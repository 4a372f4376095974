import { SnsNotificationFields } from "./snsNotification";
import { stringMethods } from "./stringMethods";
import { OpsgenieTemplateError, lineAndColumn } from "./templateError";
import { TemplateRegexTimeoutError } from "./templateRegex";
import { parseOpsgenieTemplate } from "./templateParser";
import { OpsgenieTemplate, TemplateWarning } from "./templateSyntax";

/** The text an Opsgenie template renders to for one notification, and what the renderer had to decide on the way. */
export interface RenderedTemplate {
    /** The rendered text. */
    text: string;
    /** Situations Opsgenie does not document, resolved by the renderer's stated choices (see `stringMethods`). */
    warnings: TemplateWarning[];
}

/**
 * Renders an Opsgenie template for one SNS notification: static text is copied, each `{{field…}}` is replaced by
 * the field's value passed through its string methods. A field the notification does not carry (a
 * `SubscriptionConfirmation` has no `Subject`) renders as empty text with a warning.
 *
 * Regular expressions run under a time budget (`TEMPLATE_REGEX_BUDGET_MS`, see `templateRegex.ts`): one that takes
 * longer throws `OpsgenieTemplateError` "… took too long" at the expression's position instead of hanging.
 *
 * @param template the template text (parsed here; throws `OpsgenieTemplateError` when malformed) or a parsed one
 */
export function renderOpsgenieTemplate(
    template: string | OpsgenieTemplate,
    notification: SnsNotificationFields,
): RenderedTemplate {
    const parsed = typeof template === "string" ? parseOpsgenieTemplate(template) : template;
    const warnings: TemplateWarning[] = [];
    const warnAt = (offset: number) => (message: string) =>
        warnings.push({ offset, ...lineAndColumn(parsed.text, offset), message });
    let text = "";
    for (const part of parsed.parts) {
        if (part.kind === "text") {
            text += part.text;
            continue;
        }
        let value = notification[part.field as keyof SnsNotificationFields];
        if (value === undefined) {
            warnAt(part.fieldOffset)(`the notification has no ${part.field}: rendered as empty text`);
            value = "";
        }
        for (const call of part.calls) {
            try {
                // The parser admits only known methods with arguments of the right kinds.
                value = stringMethods.get(call.method)!.apply(value, call.args, warnAt(call.offset));
            } catch (err) {
                if (!(err instanceof TemplateRegexTimeoutError)) throw err;
                const regex = call.args.find((a) => a.kind === "regex");
                const offset = regex?.offset ?? call.offset;
                const source = regex?.kind === "regex" ? `${call.method}(/${regex.source}/)` : call.method;
                throw new OpsgenieTemplateError(parsed.text, offset, `${source} ${err.message}`);
            }
        }
        text += value;
    }
    return { text, warnings };
}
