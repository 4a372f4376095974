import { MissingSecret, StackConfigError } from "../../src/config";
import { StackFileError, readStackFile } from "../../src/offline/stackFile";
import { alertPreviewSection } from "../check/alertPreview";
import { CheckSection, CheckSectionResult } from "../check/checkSection";
import { policiesSection } from "../check/policies";
import { resourceTreeSection } from "../check/resourceTree";
import { rulesSection } from "../check/rules";
import { Command, UsageError } from "../command";
import { parseFlags } from "../flags";

/** The parts of the report, in order. */
const sections: CheckSection[] = [resourceTreeSection, rulesSection, policiesSection, alertPreviewSection];

const usage = `Usage: trailwatch check [--stack NAME] [--json]

Runs the Pulumi program for a stack offline (under Pulumi mocks, with the stack's configuration from
stacks/Pulumi.<stack>.yaml; secure values are never decrypted or printed) and reports what \`pulumi up\`
would create, and what each enabled alert destination (Opsgenie, JSM Operations) would make of the stack's most
urgent alarm. A secret the stack requires but its file does not hold gets a notice, not a failure: \`pulumi up\`
needs it, this check does not. No cloud account or Pulumi CLI is needed: this is what a pull request runs.

Options:
  --stack NAME   the stack to check (default: dev)
  --json         print one JSON document instead of the human report
  -h, --help     show this help

Exit status: 0 the stack is sound; 1 a configuration error or a failed check; 2 a usage error.
`;

/** Releases what the sections prepared when the program did not run to the end. */
async function discardPrepared(prepared: Promise<unknown>[]): Promise<void> {
    await Promise.all(prepared.map(async (p, i) => sections[i].discard?.(await p)));
}

/** `trailwatch check`: the offline check of a stack. */
export const checkCommand: Command = {
    name: "check",
    summary: "run a stack's program offline and report what it would deploy",
    usage,
    async run(argv, io) {
        const flags = parseFlags(argv, { string: ["stack"], boolean: ["json"] });
        if (flags.positional.length > 0) throw new UsageError(`unexpected argument "${flags.positional[0]}"`);
        const stack = flags.strings.stack ?? "dev";
        const json = flags.booleans.json;

        let run;
        let missingSecrets: MissingSecret[] = [];
        let prepared: Promise<unknown>[] = [];
        try {
            // An unknown stack is a usage error, before anything starts.
            const file = readStackFile(io.cwd, stack);
            missingSecrets = file.missingSecrets ?? [];
            // A ciphertext no secrets manager could decrypt stops `pulumi preview` ("failed to decrypt config"):
            // say so here, where a pull request without cloud credentials still sees it.
            const undecryptable = file.secretProblems ?? [];
            if (undecryptable.length > 0) {
                const message = `secure values no Pulumi secrets provider could decrypt:\n${undecryptable.map((p) => `  ${p.key}: ${p.message}`).join("\n")}`;
                if (json) {
                    io.stdout.write(
                        `${JSON.stringify({ stack, ok: false, error: { message, problems: undecryptable } }, null, 2)}\n`,
                    );
                } else {
                    io.stderr.write(`trailwatch check: stack ${stack}: ${message}\n`);
                }
                return 1;
            }
            prepared = sections.map((s) => s.prepare?.(io.cwd, stack) ?? Promise.resolve(undefined));
            // Loaded after the sections have started their work (the policy pack's process), so that loading the
            // Pulumi and AWS SDKs here overlaps it.
            const { runProgram } = await import("../../src/offline/runProgram");
            run = await runProgram({ projectDir: io.cwd, stack });
        } catch (err) {
            await discardPrepared(prepared);
            if (err instanceof StackFileError) throw new UsageError(err.message);
            throw err;
        }
        if (run.error !== undefined) {
            await discardPrepared(prepared);
            const problems = run.error instanceof StackConfigError ? run.error.problems : undefined;
            if (json) {
                io.stdout.write(
                    `${JSON.stringify({ stack, ok: false, error: { message: run.error.message, problems } }, null, 2)}\n`,
                );
            } else {
                io.stderr.write(`trailwatch check: stack ${stack}: ${run.error.message}\n`);
            }
            return 1;
        }

        const results: CheckSectionResult[] = [];
        for (const [i, section] of sections.entries()) {
            results.push(await section.run({ projectDir: io.cwd, stack, run }, await prepared[i]));
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
            io.stdout.write(`trailwatch check — stack ${stack} (offline: Pulumi mocks, no cloud account)\n`);
            // Not a failure: the check never reads secret values, and CI or each user sets them (README: Stack secrets).
            for (const m of missingSecrets) {
                io.stdout.write(`notice: ${m.key} ${m.message}. This check goes on with a placeholder.\n`);
            }
            for (const r of results) {
                io.stdout.write(`\n${r.title}\n${"-".repeat(r.title.length)}\n`);
                for (const line of r.lines) io.stdout.write(`${line}\n`);
            }
            io.stdout.write(
                failed.length === 0
                    ? `\nOK: stack ${stack} passes the offline check.\n`
                    : `\nFAILED: stack ${stack}: ${failed.map((r) => r.title).join(", ")}.\n`,
            );
        }
        return failed.length === 0 ? 0 : 1;
    },
};
