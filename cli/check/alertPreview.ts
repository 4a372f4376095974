import { AlertPreviewError, OpsgenieAlertPreview, OpsgenieTemplateError } from "@trailwatch/components/catalogue";
import { previewStackAlert } from "../../src/offline/stackAlertPreview";
import { CheckSection } from "./checkSection";

/** `label  value`, continuation lines of a multi-line value aligned under it. */
function field(label: string, value: string): string[] {
    const indent = " ".repeat(16);
    const [first, ...rest] = value.split("\n");
    return [`  ${label.padEnd(13)} ${first}`, ...rest.map((line) => (line === "" ? "" : `${indent}${line}`))];
}

function actionLine(preview: OpsgenieAlertPreview): string {
    if (preview.action === "none") return "no action (Opsgenie does nothing)";
    return `${preview.action}: ${preview.actionNames.map((n) => `"${n}"`).join(", ")}`;
}

/**
 * What Opsgenie (and so Slack) would show when the stack's most urgent alarm fires: its alert, from a notification
 * generated in CloudWatch's current format and run through the integration actions the program configures; and
 * what happens when the alarm is back to OK. A missing or wrong alert fails the check.
 */
export const alertPreviewSection: CheckSection = {
    name: "alert-preview",
    async run(ctx) {
        const title = "Opsgenie alert preview";
        let preview;
        try {
            preview = previewStackAlert(ctx.run);
        } catch (err) {
            // A template whose regex takes too long, or a filter the preview cannot evaluate: a finding, not a crash.
            if (!(err instanceof OpsgenieTemplateError) && !(err instanceof AlertPreviewError)) throw err;
            const problem = `the alert cannot be previewed: ${err.message}`;
            return {
                title,
                lines: ["Problems:", `  ✗ ${problem}`],
                json: { alertPreview: { problems: [problem] } },
                failed: true,
            };
        }
        const json = { alertPreview: preview };
        if (!preview.enabled) {
            return {
                title,
                lines: [
                    "Opsgenie is off for this stack (trailwatch:opsgenieEnabled): alarms reach the SNS topic only.",
                ],
                json,
                failed: false,
            };
        }
        if (preview.alarmName === undefined) {
            return { title, lines: ["The stack has no alarm to preview."], json, failed: false };
        }
        const firing = preview.firing!;
        const recovered = preview.recovered!;
        const lines = [
            `When ${preview.alarmName} fires (a notification as CloudWatch sends it today, generated):`,
            ...field("action", actionLine(firing)),
        ];
        if (firing.action === "create") {
            lines.push(
                ...field("priority", firing.priority ?? ""),
                ...field("message", firing.message ?? ""),
                ...field("alias", firing.alias ?? ""),
                ...field("tags", (firing.tags ?? []).join(", ")),
                ...field("description", firing.description ?? ""),
            );
        }
        lines.push("When it is back to OK:", ...field("action", actionLine(recovered)));
        if (recovered.action === "close") lines.push(...field("alias", recovered.alias ?? ""));
        if (preview.problems.length > 0) {
            lines.push("Problems:", ...preview.problems.map((p) => `  ✗ ${p}`));
        }
        return { title, lines, json, failed: preview.problems.length > 0 };
    },
};
