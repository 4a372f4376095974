import { AlertPreviewError, OpsgenieAlertPreview, OpsgenieTemplateError } from "@trailwatch/components/preview";
import {
    AlertDestination,
    StackAlertPreview,
    alertDestinations,
    enabledDestinations,
    previewStackAlert,
} from "../../engines/offline/stackAlertPreview";
import { CheckSection } from "./checkSection";

/** `label  value`, continuation lines of a multi-line value aligned under it. */
function field(label: string, value: string): string[] {
    const indent = " ".repeat(16);
    const [first, ...rest] = value.split("\n");
    return [`  ${label.padEnd(13)} ${first}`, ...rest.map((line) => (line === "" ? "" : `${indent}${line}`))];
}

function actionLine(preview: OpsgenieAlertPreview, title: string): string {
    if (preview.action === "none") return `no action (${title} does nothing)`;
    return `${preview.action}: ${preview.actionNames.map((n) => `"${n}"`).join(", ")}`;
}

/** The report lines of one destination's preview. */
function previewLines(preview: StackAlertPreview, title: string): string[] {
    if (preview.alarmName === undefined) return ["The stack has no alarm to preview."];
    const firing = preview.firing!;
    const recovered = preview.recovered!;
    const lines = [
        `When ${preview.alarmName} fires (a notification as CloudWatch sends it today, generated):`,
        ...field("action", actionLine(firing, title)),
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
    lines.push("When it is back to OK:", ...field("action", actionLine(recovered, title)));
    if (recovered.action === "close") lines.push(...field("alias", recovered.alias ?? ""));
    return lines;
}

/**
 * What each alert destination the stack enables (Opsgenie, JSM Operations, or both while a team moves from one to
 * the other) would show when the stack's most urgent alarm fires: its alert, from a notification generated in
 * CloudWatch's current format and run through the integration actions the program configures; and what happens when
 * the alarm is back to OK. A missing or wrong alert at any destination fails the check. `--json` carries Opsgenie's
 * preview under `alertPreview` and JSM's under `jsmAlertPreview` (each `enabled: false` when off).
 */
export const alertPreviewSection: CheckSection = {
    name: "alert-preview",
    async run(ctx) {
        const destinations = enabledDestinations(ctx.run);
        let previews: Record<AlertDestination, StackAlertPreview>;
        try {
            previews = Object.fromEntries(
                (Object.keys(alertDestinations) as AlertDestination[]).map((d) => [d, previewStackAlert(ctx.run, d)]),
            ) as Record<AlertDestination, StackAlertPreview>;
        } catch (err) {
            // A template whose regex takes too long, or a filter the preview cannot evaluate: a finding, not a crash.
            if (!(err instanceof OpsgenieTemplateError) && !(err instanceof AlertPreviewError)) throw err;
            const problem = `the alert cannot be previewed: ${err.message}`;
            return {
                title: "Alert preview",
                lines: ["Problems:", `  ✗ ${problem}`],
                json: { alertPreview: { problems: [problem] } },
                failed: true,
            };
        }
        const json = { alertPreview: previews.opsgenie, jsmAlertPreview: previews.jsm };
        if (destinations.length === 0) {
            const keys = Object.values(alertDestinations).map((d) => d.enabledKey);
            return {
                title: "Alert preview",
                lines: [
                    `No alert destination is on for this stack (${keys.join(", ")}): alarms reach the SNS topic only.`,
                ],
                json,
                failed: false,
            };
        }
        const titles = destinations.map((d) => alertDestinations[d].title);
        const lines: string[] = [];
        const problems: string[] = [];
        for (const destination of destinations) {
            const { title } = alertDestinations[destination];
            const preview = previews[destination];
            // With one destination its lines stand alone; with two, each is headed by its name.
            if (destinations.length > 1) lines.push(`${title}:`);
            lines.push(...previewLines(preview, title));
            problems.push(...preview.problems.map((p) => (destinations.length > 1 ? `${title}: ${p}` : p)));
        }
        if (problems.length > 0) lines.push("Problems:", ...problems.map((p) => `  ✗ ${p}`));
        return { title: `${titles.join(" and ")} alert preview`, lines, json, failed: problems.length > 0 };
    },
};
