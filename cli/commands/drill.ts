import { StackConfigError, credentialControlCharacter } from "../../program";
import { DrillPlan, DrillPlanError, planDrill } from "../engines/drill/drillPlan";
import { DrillCallOptions, drillStepTitles, formatDuration, plannedCalls } from "../engines/drill/drillCalls";
import { formatDryRun, formatDrillResult } from "../engines/drill/drillReport";
import { StackFileError } from "../engines/offline/stackFile";
import { Command, CommandIO, UsageError, reportError } from "../command";
import { CommandLineDefinition, parseCommandLine, usageText } from "../commandLine";
import { onStopSignal, StopSignal, stoppedExitCode } from "../engines/stopSignals";

/** The environment variable the Opsgenie API key is read from; the key is never printed. */
export const opsgenieApiKeyVariable = "TRAILWATCH_OPSGENIE_API_KEY";

const defaultTimeoutMs = 5 * 60_000;

/** The command line of `trailwatch drill`, declared once: the parser, `--help` and docs/cli.md use it. */
export const drillCommandLine = {
    command: "drill",
    synopsis: [
        "trailwatch drill --stack NAME [--rule ID]... [--dry-run] [--verify-opsgenie] [--json]",
        "                 [--timeout DURATION]",
    ],
    description: `Proves, in the AWS account of a deployed stack (after \`pulumi up\`), that each enabled rule works end to end:
  pattern   ${drillStepTitles.pattern}
  alarm     ${drillStepTitles.alarm}
  opsgenie  ${drillStepTitles.opsgenie} (with --verify-opsgenie)
  metric    ${drillStepTitles.metric}
Uses the AWS SDK's default credentials (environment, profile, SSO, instance role) and the stack's aws:region.
Alarms the drill sets to ALARM are always set back to OK, also on an error, Ctrl-C or SIGTERM.`,
    options: [
        {
            name: "stack",
            type: "string",
            valueName: "NAME",
            description: "The stack to drill (stacks/Pulumi.NAME.yaml). Required.",
        },
        {
            name: "rule",
            type: "string",
            multiple: true,
            valueName: "ID",
            defaultText: "every rule the stack enables",
            description: "Drill only this rule (repeatable).",
            details: "An unknown rule, or one the stack turns off, is a usage error.",
        },
        {
            name: "dry-run",
            type: "boolean",
            description:
                "Print every API call the drill would make (service, operation, parameters) and stop. Needs no credentials.",
            details: "In order (`service:Operation` and its parameters), with the waits and the cleanup.",
        },
        {
            name: "verify-opsgenie",
            type: "boolean",
            description: `Read each alert through Opsgenie's Alert API (by its alias, the alarm name) and confirm it opened and closed. The API key of an Opsgenie API integration with read access is read from ${opsgenieApiKeyVariable} and never printed.`,
            details: "A stack without Opsgenie is a usage error.",
        },
        {
            name: "timeout",
            type: "string",
            valueName: "DURATION",
            defaultText: formatDuration(defaultTimeoutMs),
            description: "How long each wait (metric datapoint, alert opened, alert closed) may take: 90s, 5m, 1m30s.",
        },
        {
            name: "json",
            type: "boolean",
            description: "Print one JSON document instead of the table.",
            details:
                "Its fields: `stack`, `region`, `drillId`, `logGroupName`, `logStreamName`, `drillEventsPut` (the drill events left in the log stream), `rules` (`id`, `alarmName`, `steps` with `status` and `detail` per step), `interrupted`, `alarmsLeftInAlarm`, `ok`; with `--dry-run`: `calls` (`ruleId`, `step`, `call` with `service`, `operation`, `params`, and `note`).",
        },
    ],
    epilogue: `Exit codes: 0 every step passed (or the dry run was printed); 1 a step failed (the summary says which and
why; a refused call names the IAM action); 2 a usage error, an unknown stack or rule; 130 Ctrl-C; 143 SIGTERM
(handled as Ctrl-C).`,
} as const satisfies CommandLineDefinition;

/** Parses `90`, `90s`, `5m`, `1m30s`, `1h` into milliseconds. */
export function parseDuration(flag: string, value: string): number {
    const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(value);
    const ms = /^\d+$/.test(value)
        ? Number(value) * 1000
        : m !== null && value !== ""
          ? (Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) * 1000
          : NaN;
    if (!(ms > 0)) throw new UsageError(`${flag}: expected a duration such as 90s, 5m or 1m30s, got "${value}"`);
    return ms;
}

/**
 * The first control character (as `U+000A`) inside `value` once fetch has trimmed it, else undefined. fetch strips
 * leading and trailing HTTP whitespace from a header value (Fetch Standard, "normalize" a header value: "removing
 * any leading and trailing HTTP whitespace bytes") and refuses a value that still holds a NUL, CR or LF (a "header
 * value" "contains no 0x00 (NUL) or HTTP newline bytes"), quoting the whole value in its TypeError (Node's undici:
 * `Headers.append: "GenieKey <key>" is an invalid header value.`); Node's HTTP client refuses the other control
 * characters (`invalid Authorization header`), and Opsgenie's keys are UUIDs.
 */
export function headerControlCharacter(value: string): string | undefined {
    return credentialControlCharacter(value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, ""));
}

/** What tests may change about a drill's run: the waits, the Opsgenie host, the environment. */
export interface DrillCommandSettings {
    pollIntervalMs: number;
    holdMs: number;
    opsgenieBaseUrl?: string;
    env: NodeJS.ProcessEnv;
    now: () => Date;
}

const defaultSettings = (): DrillCommandSettings => ({
    pollIntervalMs: 15_000,
    holdMs: 30_000,
    env: process.env,
    now: () => new Date(),
});

function plan(io: CommandIO, stack: string, ruleIds: string[]): DrillPlan {
    try {
        return planDrill(io.cwd, stack, ruleIds);
    } catch (err) {
        if (err instanceof StackFileError || err instanceof DrillPlanError) throw new UsageError(err.message);
        throw err;
    }
}

/** `trailwatch drill`, with settings tests can change. */
export async function runDrillCommand(
    argv: string[],
    io: CommandIO,
    settings: Partial<DrillCommandSettings> = {},
): Promise<number> {
    const s = { ...defaultSettings(), ...settings };
    const flags = parseCommandLine(argv, drillCommandLine).values;
    const stack = flags.stack;
    if (stack === undefined) throw new UsageError("--stack NAME is required: the drill runs against a deployed stack");
    const timeoutMs = flags.timeout === undefined ? defaultTimeoutMs : parseDuration("--timeout", flags.timeout);
    const json = flags.json;
    const verifyOpsgenie = flags["verify-opsgenie"];

    let drillPlan: DrillPlan;
    try {
        drillPlan = plan(io, stack, flags.rule);
    } catch (err) {
        if (!(err instanceof StackConfigError)) throw err;
        // An input error, as in check and render: exit 2, and under --json the problems listed.
        return reportError(io, "drill", `stack ${stack}: ${err.message}`, json, { problems: err.problems });
    }
    if (drillPlan.rules.length === 0) throw new UsageError(`stack ${stack} enables no rule: nothing to drill`);
    if (verifyOpsgenie && drillPlan.opsgenie === undefined) {
        throw new UsageError(
            `--verify-opsgenie: stack ${stack} sends no alarms to Opsgenie (trailwatch:opsgenieEnabled is not true)`,
        );
    }

    const callOptions: DrillCallOptions = {
        start: s.now(),
        verifyOpsgenie,
        timeoutMs,
        pollIntervalMs: s.pollIntervalMs,
        opsgenieBaseUrl: s.opsgenieBaseUrl,
    };
    const apiKey = s.env[opsgenieApiKeyVariable];
    if (flags["dry-run"]) {
        const calls = plannedCalls(drillPlan, callOptions);
        if (json) {
            io.stdout.write(
                `${JSON.stringify({ stack, region: drillPlan.region, dryRun: true, logGroupName: drillPlan.logGroupName, calls }, null, 2)}\n`,
            );
        } else {
            const keyNote = verifyOpsgenie
                ? `Opsgenie API key: ${apiKey ? `set in ${opsgenieApiKeyVariable}` : `${opsgenieApiKeyVariable} is not set (the drill itself needs it)`}.`
                : undefined;
            io.stdout.write(formatDryRun(drillPlan, calls, keyNote));
        }
        return 0;
    }
    if (verifyOpsgenie && !apiKey) {
        throw new UsageError(
            `--verify-opsgenie needs the key of an Opsgenie API integration with read access in ${opsgenieApiKeyVariable}` +
                ` (if the stack's own integration key has read access: ${opsgenieApiKeyVariable}="$(pulumi config get trailwatch:opsgenieApiKey --stack ${stack})")`,
        );
    }
    const keyControl = verifyOpsgenie && apiKey ? headerControlCharacter(apiKey) : undefined;
    if (keyControl !== undefined) {
        // Before any AWS call, and never quoting the key: fetch would refuse the header and quote it in its error.
        throw new UsageError(
            `${opsgenieApiKeyVariable} has a control character (${keyControl}) inside it, e.g. a line break pasted with the key; set it to the key alone`,
        );
    }

    // The AWS SDK loads only for a real drill.
    const [{ CloudWatchClient }, { CloudWatchLogsClient }, { runDrill }, { drillPassed }] = await Promise.all([
        import("@aws-sdk/client-cloudwatch"),
        import("@aws-sdk/client-cloudwatch-logs"),
        import("../engines/drill/runDrill"),
        import("../engines/drill/drillResult"),
    ]);
    const clients = {
        logs: new CloudWatchLogsClient({ region: drillPlan.region }),
        cloudwatch: new CloudWatchClient({ region: drillPlan.region }),
    };
    // Credentials first, once: without them every call would fail in turn (each after the SDK's instance-metadata
    // attempts) and nothing can have been changed in the account. The SDK's default chain ("Set credentials in
    // Node.js", https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/setting-credentials-node.html),
    // resolved as each call would resolve it: a client's resolved `config.credentials` is the provider its signer
    // uses (`AwsSdkSigV4AuthResolvedConfig.credentials` in @aws-sdk/core, "Resolved value for input config
    // credentials"). A usage error naming what to set, JSON under --json.
    try {
        await clients.cloudwatch.config.credentials();
    } catch (err) {
        clients.logs.destroy();
        clients.cloudwatch.destroy();
        return reportError(
            io,
            "drill",
            `no AWS credentials: ${(err as Error).message.split("\n")[0]} (the drill uses the AWS SDK's default credentials: environment, shared config or SSO profile, instance role; nothing was changed)`,
            json,
        );
    }
    const abort = new AbortController();
    let interrupts = 0;
    let stoppedBy: StopSignal | undefined;
    const onStop = (signal: StopSignal): void => {
        interrupts++;
        stoppedBy ??= signal;
        const name = signal === "SIGINT" ? "Ctrl-C" : signal;
        io.stderr.write(
            interrupts === 1
                ? `\n${name}: stopping the drill; alarms it set to ALARM go back to OK first.\n`
                : "\nStill setting alarms back to OK; this takes a few seconds.\n",
        );
        abort.abort();
    };
    const tty = io.stderr.isTTY === true;
    const clearLine = (): void => {
        if (tty) io.stderr.write("\r\x1b[2K");
    };
    const stopListening = onStopSignal(onStop);
    let result;
    try {
        result = await runDrill(drillPlan, clients, {
            start: callOptions.start,
            now: s.now,
            timeoutMs,
            pollIntervalMs: s.pollIntervalMs,
            holdMs: s.holdMs,
            verifyOpsgenie: verifyOpsgenie && apiKey ? { apiKey, baseUrl: s.opsgenieBaseUrl } : undefined,
            signal: abort.signal,
            onPhase: (text) => {
                clearLine();
                io.stderr.write(`${text}\n`);
            },
            onProgress: tty ? (text) => io.stderr.write(`\r\x1b[2K${text}`) : undefined,
        });
    } finally {
        stopListening();
        clearLine();
        clients.logs.destroy();
        clients.cloudwatch.destroy();
    }
    io.stdout.write(
        json ? `${JSON.stringify({ ...result, ok: drillPassed(result) }, null, 2)}\n` : formatDrillResult(result),
    );
    if (result.interrupted) return stoppedExitCode(stoppedBy ?? "SIGINT");
    return drillPassed(result) ? 0 : 1;
}

/** `trailwatch drill`: proves a deployed stack's alert path in its AWS account. */
export const drillCommand: Command = {
    name: "drill",
    summary: "prove a deployed stack's rules, metrics and alarms in its AWS account (and Opsgenie)",
    usage: usageText(drillCommandLine),
    run: (argv, io) => runDrillCommand(argv, io),
};
