import * as fs from "fs";
import * as path from "path";
import { projectName } from "../../engines/offline/stackFile";
import { EnforcementLevel, PolicyDiagnostic, PolicyPackProcess } from "../../engines/policyPack/analyzerClient";
import { compiledPackEntry } from "../../engines/policyPack/packEntry";
import { reconcilePolicyConfig } from "../../engines/policyPack/policyConfig";
import { CheckSection, CheckSectionResult } from "./checkSection";

/** One violation in `trailwatch check --json`'s `policies` array. */
export interface PolicyViolation {
    /** Policy name, e.g. `cloudtrail-multi-region`. */
    policy: string;
    /** URN of the resource the violation is about; `null` for the stack as a whole. */
    resource: string | null;
    level: EnforcementLevel;
    /** What the policy reported: the resource and the fix (without the policy's description). */
    message: string;
}

const levelOrder: EnforcementLevel[] = ["mandatory", "remediate", "advisory", "disabled"];

/** The pack puts the policy's description and a newline in front of what the policy reported. */
function reportedMessage(d: PolicyDiagnostic): string {
    const prefix = `${d.description}\n`;
    return d.message.startsWith(prefix) ? d.message.slice(prefix.length) : d.message;
}

/** `audit-trail (aws:cloudtrail/trail:Trail)` from a URN `urn:pulumi:<stack>::<project>::<types>::<name>`. */
function describeResource(urn: string | null): string {
    if (urn === null) return "the stack";
    const [, , qualifiedType, ...name] = urn.split("::");
    const type = qualifiedType?.split("$").pop() ?? "";
    return `${name.join("::")} (${type})`;
}

function violations(diagnostics: PolicyDiagnostic[]): PolicyViolation[] {
    return diagnostics
        .map((d) => ({
            policy: d.policyName,
            resource: d.urn ?? null,
            level: d.enforcementLevel,
            message: reportedMessage(d),
        }))
        .sort(
            (a, b) =>
                levelOrder.indexOf(a.level) - levelOrder.indexOf(b.level) ||
                a.policy.localeCompare(b.policy) ||
                (a.resource ?? "").localeCompare(b.resource ?? ""),
        );
}

function failure(lines: string[]): CheckSectionResult {
    return { title: "Policies", lines, json: { policies: null }, failed: true };
}

/**
 * The policy pack (`policy/`) run over the stack's resources as `pulumi preview --policy-pack policy` would run
 * it: the pack's own process, its gRPC Analyzer protocol, the CLI's default configuration (from its compiled
 * `dist/` when that is up to date, like the program itself). Any mandatory violation fails the check.
 */
export const policiesSection: CheckSection = {
    name: "policies",
    // Started before the program runs: the pack's process starts on the other core meanwhile.
    async prepare(projectDir, stack) {
        const packDir = path.join(projectDir, "policy");
        if (!fs.existsSync(path.join(packDir, "PulumiPolicy.yaml"))) return undefined;
        try {
            return await PolicyPackProcess.start(packDir, {
                entry: compiledPackEntry(packDir),
                stack,
                project: projectName,
                dryRun: true,
            });
        } catch (err) {
            // Returned, not thrown: the error is reported by run() as a failed section.
            return err instanceof Error ? err : new Error(String(err));
        }
    },
    async discard(prepared) {
        if (prepared instanceof PolicyPackProcess) await prepared.stop();
    },
    async run(ctx, prepared) {
        const packDir = path.join(ctx.projectDir, "policy");
        if (!fs.existsSync(path.join(packDir, "PulumiPolicy.yaml"))) {
            return failure([
                `No policy pack at ${packDir} (PulumiPolicy.yaml is missing): the stack cannot be checked.`,
            ]);
        }
        const pack = prepared as PolicyPackProcess | Error;
        if (pack instanceof Error) return failure([`The policy pack did not start: ${pack.message}`]);
        let found: PolicyViolation[];
        let summary: string;
        try {
            const info = await pack.getAnalyzerInfo();
            await pack.configure(reconcilePolicyConfig(info));
            // Imported here: it loads the Pulumi SDK's wire format, which a stack rejected earlier never needs.
            const { analyzedResources } = await import("../../engines/policyPack/programResources");
            const resources = analyzedResources(ctx.run.resources);
            found = violations(await pack.analyzeResources(resources));
            const mandatory = info.policies.filter((p) => p.enforcementLevel === "mandatory").length;
            summary =
                `Pack ${info.name} ${info.version}: ${info.policies.length} policies (${mandatory} mandatory) ` +
                `over all ${resources.length} resources, through the pack's Analyzer protocol.`;
        } finally {
            await pack.stop();
        }
        const lines = [summary];
        for (const v of found) {
            lines.push(`${v.level.padEnd(9)}  ${v.policy}  ${describeResource(v.resource)}`);
            for (const line of v.message.split("\n")) lines.push(`           ${line}`);
        }
        const mandatoryCount = found.filter((v) => v.level === "mandatory").length;
        lines.push(
            found.length === 0
                ? "No violations."
                : `${found.length} violation${found.length === 1 ? "" : "s"}: ${mandatoryCount} mandatory, ` +
                      `${found.length - mandatoryCount} advisory.`,
        );
        return { title: "Policies", lines, json: { policies: found }, failed: mandatoryCount > 0 };
    },
};
