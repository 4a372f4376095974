import { MissingSecret, StackConfigError } from "../../program";
import { findPulumiProject } from "../engines/offline/pulumiProject";
import { StackFileError, readStackFile } from "../engines/offline/stackFile";
import { alertPreviewSection } from "./check/alertPreview";
import { CheckSection, CheckSectionResult } from "./check/checkSection";
import { reportWidth, wrapLine } from "./check/lineWrap";
import { policiesSection } from "./check/policies";
import { resourceTreeSection } from "./check/resourceTree";
import { rulesSection } from "./check/rules";
import { Command, UsageError, exitCode, reportError } from "../command";
import { CommandLineDefinition, parseCommandLine, usageText } from "../commandLine";

/** The parts of the report, in order. */
const sections: CheckSection[] = [resourceTreeSection, rulesSection, policiesSection, alertPreviewSection];

/** The command line of `trailwatch check`, declared once: the parser, `--help` and docs/cli.md use it. */
export const checkCommandLine = {
    command: "check",
    synopsis: ["trailwatch check [--stack NAME] [--json]"],
    description: `Runs the Pulumi program for a stack offline (under Pulumi mocks, with the stack's configuration from
stacks/Pulumi.<stack>.yaml; secure values are never decrypted or printed) and reports what \`pulumi up\`
would create, and what each enabled alert destination (Opsgenie, JSM Operations) would make of the stack's most
urgent alarm. A secret the stack requires but its file does not hold gets a notice, not a failure: \`pulumi up\`
needs it, this check does not. No cloud account or Pulumi CLI is needed: this is what a pull request runs.
Works from any folder inside the project (the one holding Pulumi.yaml is found upwards, as the Pulumi
CLI finds it).`,
    options: [
        { name: "stack", type: "string", valueName: "NAME", default: "dev", description: "The stack to check." },
        {
            name: "json",
            type: "boolean",
            description: "Print one JSON document instead of the human report.",
            details:
                "Its fields: `stack`, `ok`, `outputs`, `resources` (`type`, `name`, `urn`, `parent`, `custom`, `retainOnDelete`, `dependencies`, `inputs`), plus those of the sections below.",
        },
    ],
    epilogue: `Exit status: 0 the stack is sound; 1 a failed check (a policy violation, a rule not deployed as
configured, a wrong alert); 2 a usage or input error (unknown flag or stack, an invalid stack file or
configuration; with --json, {"error":{"code":2,"message":...,"problems":[...]}} on stdout).`,
} as const satisfies CommandLineDefinition;

/** Releases what the sections prepared when the program did not run to the end. */
async function discardPrepared(prepared: Promise<unknown>[]): Promise<void> {
    await Promise.all(prepared.map(async (p, i) => sections[i].discard?.(await p)));
}

/** `trailwatch check`: the offline check of a stack. */
export const checkCommand: Command = {
    name: "check",
    summary: "run a stack's program offline and report what it would deploy",
    usage: usageText(checkCommandLine),
    async run(argv, io) {
        const { stack, json } = parseCommandLine(argv, checkCommandLine).values;

        let run;
        let missingSecrets: MissingSecret[] = [];
        let prepared: Promise<unknown>[] = [];
        let projectDir: string;
        try {
            // No project, an unknown stack or an unusable stack file is a usage error, before anything starts.
            const file = readStackFile(io.cwd, stack);
            projectDir = findPulumiProject(io.cwd).dir;
            missingSecrets = file.missingSecrets ?? [];
            // A ciphertext no secrets manager could decrypt stops `pulumi preview` ("failed to decrypt config"):
            // say so here, where a pull request without cloud credentials still sees it.
            const undecryptable = file.secretProblems ?? [];
            if (undecryptable.length > 0) {
                const message = `stack ${stack}: secure values no Pulumi secrets provider could decrypt:\n${undecryptable.map((p) => `  ${p.key}: ${p.message}`).join("\n")}`;
                return reportError(io, "check", message, json, { problems: undecryptable });
            }
            prepared = sections.map((s) => s.prepare?.(projectDir, stack) ?? Promise.resolve(undefined));
            // Loaded after the sections have started their work (the policy pack's process), so that loading the
            // Pulumi and AWS SDKs here overlaps it.
            const { runProgram } = await import("../engines/offline/runProgram");
            run = await runProgram({ projectDir, stack });
        } catch (err) {
            await discardPrepared(prepared);
            if (err instanceof StackFileError) throw new UsageError(err.message);
            throw err;
        }
        if (run.error !== undefined) {
            await discardPrepared(prepared);
            // The program stops on its input (the configuration, or arguments a component rejects): exit 2.
            const problems = run.error instanceof StackConfigError ? { problems: run.error.problems } : {};
            return reportError(io, "check", `stack ${stack}: ${run.error.message}`, json, problems);
        }

        const results: CheckSectionResult[] = [];
        for (const [i, section] of sections.entries()) {
            results.push(await section.run({ projectDir, stack, run }, await prepared[i]));
        }
        const failed = results.filter((r) => r.failed);

        if (json) {
            const doc: Record<string, unknown> = {
                stack,
                ok: failed.length === 0,
                missingSecrets,
                outputs: run.outputs,
            };
            for (const r of results) Object.assign(doc, r.json);
            io.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
        } else {
            // Long lines (a key ARN, an alert description) wrap at the terminal's width; --json keeps them whole.
            const width = reportWidth(io.stdout, io.env);
            const write = (line: string) => {
                for (const piece of wrapLine(line, width)) io.stdout.write(`${piece}\n`);
            };
            write(`trailwatch check — stack ${stack} (offline: Pulumi mocks, no cloud account)`);
            // Not a failure: the check never reads secret values, and CI or each user sets them (README: Stack secrets).
            for (const m of missingSecrets) {
                write(`notice: ${m.key} ${m.message}. This check goes on with a placeholder.`);
            }
            for (const r of results) {
                const title = wrapLine(r.title, width);
                io.stdout.write(`\n${title.join("\n")}\n${"-".repeat(Math.max(...title.map((t) => t.length)))}\n`);
                for (const line of r.lines) write(line);
            }
            // The total the resource tree and the policy pack report too.
            const counted = `${run.resources.length} resources`;
            io.stdout.write("\n");
            write(
                failed.length === 0
                    ? `OK: stack ${stack} passes the offline check (${counted}).`
                    : `FAILED: stack ${stack}: ${failed.map((r) => r.title).join(", ")}.`,
            );
        }
        return failed.length === 0 ? exitCode.ok : exitCode.findings;
    },
};
