import * as path from "path";
import {
    AlertPreviewError,
    OpsgenieAlertPreview,
    OpsgenieTemplateError,
    SnsNotificationError,
    SnsNotificationFields,
    TemplateWarning,
    parseOpsgenieTemplate,
    parseSnsNotification,
    renderOpsgenieTemplate,
} from "@trailwatch/components/preview";
import { StackConfigError } from "../../program";
import { findPulumiProject } from "../engines/offline/pulumiProject";
import { runProgram } from "../engines/offline/runProgram";
import { StackFileError, readStackFile } from "../engines/offline/stackFile";
import { alertDestinations, destinationPreviewer, enabledDestinations } from "../engines/offline/stackAlertPreview";
import { Command, CommandIO, UsageError, exitCode, reportError } from "../command";
import { CommandLineDefinition, parseCommandLine, usageText } from "../commandLine";
import { readInputFile } from "../inputFile";

/** The command line of `trailwatch render`, declared once: the parser, `--help` and docs/cli.md use it. */
export const renderCommandLine = {
    command: "render",
    synopsis: [
        "trailwatch render TEMPLATE [NOTIFICATION_FILE] [--json]",
        "trailwatch render --stack NAME [NOTIFICATION_FILE] [--json]",
    ],
    description: `Renders Opsgenie templates for one Amazon SNS notification, offline, as Opsgenie's "Amazon SNS"
integration would (Jira Service Management Operations, Opsgenie's successor, documents the same
template language): static text with {{field}} and the documented string methods (extract(/re/),
substring, substringAfter, substringBefore, substringBetween, toLowerCase, toUpperCase, toDate),
chained, over the notification's Message, Subject, TopicArn, Timestamp, MessageId and Type.`,
    arguments: `  TEMPLATE           An Opsgenie template, e.g. '{{Message.extract(/"Region":"([^"]*)"/)}}'.
                     Quote it for your shell.
  NOTIFICATION_FILE  The notification: the JSON body SNS POSTs to an HTTPS subscriber (what Opsgenie
                     receives), or a Lambda event from SNS ({"Records":[{"Sns":{...}}]}).
                     Absent, or -, reads it from stdin.`,
    maxPositionals: 2,
    dashPositionals: true,
    endOfOptions: "Ends the options: TEMPLATE or NOTIFICATION_FILE may then start with --.",
    options: [
        {
            name: "stack",
            type: "string",
            valueName: "NAME",
            description:
                "Instead of one template: the alert each alert destination the stack enables (its Opsgenie and/or Jira Service Management Operations integration) would make of the notification. Runs the stack's program offline (as trailwatch check does) and applies the integration actions it configures: which action runs (create, close, or none), and the alert's message, description, priority, alias and tags (or the close's alias and note). With both destinations on, each alert is headed by its destination.",
        },
        {
            name: "json",
            type: "boolean",
            description:
                'Print one JSON document: {"text","warnings"} for a template; for --stack, {"stack", "destination", "action", "actionNames", "message", "description", "priority", "alias", "tags", "note", "warnings"} (fields the action does not set are left out), or with two destinations {"stack","alerts":[{"destination",...},...]}.',
        },
    ],
    epilogue: `Where Opsgenie documents nothing the renderer makes a stated choice and warns (on stderr): an
extract() that matches nothing renders as empty text; substring() indices beyond the text are
clamped; a toDate() of text that is not a timestamp renders as empty text.

Regular expressions run as Opsgenie runs them (Java-like, backtracking), but each match may take at
most 1 s here (Opsgenie stops one after 10 s and renders "null"): a longer one is reported as "took
too long" at its line and column instead of hanging.

Exit status: 0 rendered; 1 rendered with warnings (an extract that matched nothing), or (--stack) no
action runs at a destination or a template of the stack cannot be rendered; 2 a malformed template or
one whose regex takes too long (its line and column are shown), an unreadable file or one that is not
an SNS notification, an unknown stack or an invalid stack configuration, or a usage error. With
--json, errors are {"error":{"code":2,"message":...}} on stdout.`,
} as const satisfies CommandLineDefinition;

const usage = usageText(renderCommandLine);

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
    return Buffer.concat(chunks).toString("utf8");
}

/** The notification from a file, or from stdin for `-` or no file. */
async function readNotification(file: string | undefined, io: CommandIO): Promise<SnsNotificationFields> {
    let text: string;
    let source: string;
    if (file === undefined || file === "-") {
        if (file === undefined && io.stdin.isTTY) {
            throw new UsageError(`no notification: give NOTIFICATION_FILE or pipe one on stdin\n\n${usage}`);
        }
        text = await readAll(io.stdin);
        source = "stdin";
    } else {
        source = file;
        text = readInputFile(path.resolve(io.cwd, file), file);
    }
    try {
        return parseSnsNotification(text);
    } catch (err) {
        if (err instanceof SnsNotificationError) throw new UsageError(`${source}: ${err.message}`);
        throw err;
    }
}

/** The template error with the offending line and a caret under the column. */
function templateErrorText(template: string, err: OpsgenieTemplateError): string {
    const line = template.split("\n")[err.line - 1] ?? "";
    return `trailwatch render: template error at ${err.message}\n  ${line}\n  ${" ".repeat(err.column - 1)}^\n`;
}

function warningLines(warnings: { field?: string; warning: TemplateWarning }[]): string {
    return warnings
        .map(
            ({ field, warning: w }) =>
                `warning: ${field === undefined ? "" : `${field}, `}line ${w.line}, column ${w.column}: ${w.message}\n`,
        )
        .join("");
}

/** The alert as `label  value` lines, continuation lines of multi-line values aligned. */
function alertLines(preview: OpsgenieAlertPreview, destination: string): string {
    const rows: [string, string | undefined][] = [
        [
            "action",
            preview.action === "none"
                ? `none (no action's filter matches: ${destination} does nothing)`
                : `${preview.action}: ${preview.actionNames.map((n) => `"${n}"`).join(", ")}`,
        ],
        ["priority", preview.priority],
        ["message", preview.message],
        ["alias", preview.alias],
        ["tags", preview.tags?.join(", ")],
        ["note", preview.note],
        ["description", preview.description],
    ];
    return rows
        .filter(([, v]) => v !== undefined)
        .map(([label, value]) =>
            `${label.padEnd(12)} ${value!}`
                .split("\n")
                .map((line, i) => (i === 0 || line === "" ? line : `${" ".repeat(13)}${line}`))
                .join("\n"),
        )
        .map((row) => `${row}\n`)
        .join("");
}

async function renderForStack(stack: string, file: string | undefined, json: boolean, io: CommandIO): Promise<number> {
    try {
        readStackFile(io.cwd, stack);
    } catch (err) {
        if (err instanceof StackFileError) throw new UsageError(err.message);
        throw err;
    }
    const notification = await readNotification(file, io);
    const run = await runProgram({ projectDir: findPulumiProject(io.cwd).dir, stack });
    if (run.error !== undefined) {
        // The program stops on its input (the configuration, or arguments a component rejects): exit 2.
        const problems = run.error instanceof StackConfigError ? { problems: run.error.problems } : {};
        return reportError(io, "render", `stack ${stack}: ${run.error.message}`, json, problems);
    }
    const destinations = enabledDestinations(run);
    if (destinations.length === 0) {
        throw new UsageError(
            `stack ${stack} has no alert destination (trailwatch:opsgenieEnabled and trailwatch:jsmEnabled are not true)`,
        );
    }
    let alerts;
    try {
        alerts = destinations.map((destination) => ({
            destination,
            ...destinationPreviewer(run, destination)!(notification),
        }));
    } catch (err) {
        // A template regex past its time budget on this notification, or a filter the preview cannot evaluate: an
        // input the alert cannot be shown for, exit 2 (JSON under --json), as for a single template.
        if (!(err instanceof OpsgenieTemplateError) && !(err instanceof AlertPreviewError)) throw err;
        return reportError(io, "render", `stack ${stack}: ${err.message}`, json);
    }
    if (json) {
        const doc = alerts.length === 1 ? { stack, ...alerts[0] } : { stack, alerts };
        io.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
    } else {
        for (const alert of alerts) {
            const { title } = alertDestinations[alert.destination];
            // One destination's alert stands alone; with two, each is headed by its name.
            if (alerts.length > 1) io.stdout.write(`${title}:\n`);
            io.stdout.write(alertLines(alert, title));
            io.stderr.write(
                warningLines(
                    alert.warnings.map((w) => ({ ...w, field: alerts.length > 1 ? `${title} ${w.field}` : w.field })),
                ),
            );
        }
    }
    const failed = alerts.some((a) => a.action === "none" || a.action === "ambiguous" || a.warnings.length > 0);
    return failed ? exitCode.findings : exitCode.ok;
}

/** `trailwatch render`: Opsgenie templates (or a stack's whole alert) for one SNS notification. */
export const renderCommand: Command = {
    name: "render",
    summary: "render an Opsgenie template, or a stack's alerts (Opsgenie, JSM), for one SNS notification",
    usage,
    async run(argv, io) {
        const { values, positionals } = parseCommandLine(argv, renderCommandLine);
        const { json, stack } = values;
        if (stack !== undefined) {
            if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
            return renderForStack(stack, positionals[0], json, io);
        }
        const [template, file] = positionals;
        if (template === undefined) throw new UsageError(`missing TEMPLATE (or --stack NAME)\n\n${usage}`);
        let parsed;
        try {
            parsed = parseOpsgenieTemplate(template);
        } catch (err) {
            if (!(err instanceof OpsgenieTemplateError)) throw err;
            if (json) return reportError(io, "render", `template error at ${err.message}`, json);
            io.stderr.write(templateErrorText(template, err));
            return exitCode.usage;
        }
        const notification = await readNotification(file, io);
        let rendered;
        try {
            rendered = renderOpsgenieTemplate(parsed, notification);
        } catch (err) {
            // A regex that runs past its time budget ("took too long"), at the expression's position.
            if (!(err instanceof OpsgenieTemplateError)) throw err;
            if (json) return reportError(io, "render", `template error at ${err.message}`, json);
            io.stderr.write(templateErrorText(template, err));
            return exitCode.usage;
        }
        if (json) {
            io.stdout.write(`${JSON.stringify(rendered, null, 2)}\n`);
        } else {
            io.stdout.write(rendered.text.endsWith("\n") ? rendered.text : `${rendered.text}\n`);
            io.stderr.write(warningLines(rendered.warnings.map((warning) => ({ warning }))));
        }
        return rendered.warnings.length > 0 ? exitCode.findings : exitCode.ok;
    },
};
