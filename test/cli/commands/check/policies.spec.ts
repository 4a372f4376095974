import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { policiesSection } from "../../../../cli/commands/check/policies";
import { runProgram } from "../../../../cli/engines/offline/runProgram";
import { projectDir } from "../../../support/repositoryPaths";
import { runCli } from "../../../support/runCli";

describe("trailwatch check: policies", function () {
    // Each run starts the policy pack in its own process.
    this.timeout(120_000);

    it("adds a policies array under --json: dev has only the advisory retention note, and passes", async () => {
        const { code, stdout } = await runCli(["check", "--stack", "dev", "--json"]);
        assert.strictEqual(code, 0);
        const doc = JSON.parse(stdout);
        assert.strictEqual(doc.ok, true);
        assert.deepStrictEqual(doc.policies, [
            {
                policy: "log-group-minimum-retention",
                resource:
                    "urn:pulumi:dev::trailwatch::trailwatch:index:AuditTrail$aws:cloudwatch/logGroup:LogGroup::audit-log-group",
                level: "advisory",
                message:
                    'Log group "audit-log-group" keeps events for 30 days, fewer than the required 365: set ' +
                    "retentionInDays to at least 365.",
            },
        ]);
    });

    it("prints each violation with its level, policy and resource, and fails on a mandatory one", async () => {
        const run = await runProgram({ projectDir, stack: "prod" });
        const trail = run.resources.find((r) => r.type === "aws:cloudtrail/trail:Trail")!;
        trail.inputs.enableLogFileValidation = false;
        const pack = await policiesSection.prepare!(projectDir, "prod");
        const result = await policiesSection.run({ projectDir, stack: "prod", run }, pack);
        assert.strictEqual(result.failed, true);
        assert.strictEqual(result.title, "Policies");
        assert.match(
            result.lines[0],
            /^Pack trailwatch \d+\.\d+\.\d+: 18 policies \(17 mandatory\) over all \d+ resources/,
        );
        assert.deepStrictEqual(result.lines.slice(1), [
            "mandatory  cloudtrail-log-file-validation  audit-trail (aws:cloudtrail/trail:Trail)",
            '           Trail "audit-trail" has log file integrity validation off: set enableLogFileValidation to ' +
                "true so that altered or deleted log files can be detected (aws cloudtrail validate-logs).",
            "1 violation: 1 mandatory, 0 advisory.",
        ]);
        assert.deepStrictEqual(result.json.policies, [
            {
                policy: "cloudtrail-log-file-validation",
                resource: trail.urn,
                level: "mandatory",
                message:
                    'Trail "audit-trail" has log file integrity validation off: set enableLogFileValidation to true ' +
                    "so that altered or deleted log files can be detected (aws cloudtrail validate-logs).",
            },
        ]);
    });

    it("fails, saying why, when the project has no policy pack", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trailwatch-no-pack-"));
        const result = await policiesSection.run({
            projectDir: dir,
            stack: "dev",
            run: { stack: "dev", resources: [], outputs: {} },
        });
        assert.strictEqual(result.failed, true);
        assert.deepStrictEqual(result.lines, [
            `No policy pack at ${path.join(dir, "policy")} (PulumiPolicy.yaml is missing): the stack cannot be checked.`,
        ]);
    });
});
