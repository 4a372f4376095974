import * as assert from "assert";
import { readStackConfig } from "../../../program";
import { runProgram } from "../../../cli/engines/offline/runProgram";
import { readStackFile } from "../../../cli/engines/offline/stackFile";
import { CheckSectionResult } from "../../../cli/commands/check/checkSection";
import { RuleReport, deploymentMismatches, rulesSection } from "../../../cli/commands/check/rules";
import { projectDir } from "../../support/repositoryPaths";
import { runCli } from "../../support/runCli";

async function checkJson(stack: string): Promise<{ code: number; doc: Record<string, unknown> }> {
    const { code, stdout } = await runCli(["check", "--stack", stack, "--json"]);
    return { code, doc: JSON.parse(stdout) as Record<string, unknown> };
}

/** The rules section alone, on the stack's real program run (without the policy pack: faster). */
async function rulesOf(stack: string): Promise<CheckSectionResult> {
    const run = await runProgram({ projectDir, stack });
    if (run.error !== undefined) throw run.error;
    return rulesSection.run({ projectDir, stack, run });
}

describe("trailwatch check: the rules section", () => {
    it("adds a rules array to --json: every rule with its settings, status and the sample events it catches", async () => {
        const { code, doc } = await checkJson("dev");
        assert.strictEqual(code, 0);
        const rules = doc.rules as RuleReport[];
        assert.strictEqual(rules.length, 21);
        assert.deepStrictEqual(
            rules.find((r) => r.id === "cis-cloudwatch-2-unauthorized-api-calls"),
            {
                id: "cis-cloudwatch-2-unauthorized-api-calls",
                title: "Unauthorized API calls",
                severity: "P4",
                control: "Security Hub CloudWatch.2 (CIS 1.2.0 3.1)",
                origin: "cis",
                pattern: '{($.errorCode="*UnauthorizedOperation") || ($.errorCode="AccessDenied*")}',
                threshold: 1,
                period: 300,
                evaluationPeriods: 1,
                enabled: false,
                disabledReason: "disabled by id",
                catches: ["ec2-describe-instances-unauthorized.json", "s3-head-bucket-access-denied.json"],
            },
        );
        const office = rules.find((r) => r.id === "console-login-outside-office")!;
        assert.deepStrictEqual(
            [office.enabled, office.pattern, office.catches],
            [
                true,
                '{ ($.eventName = ConsoleLogin) && ($.sourceIPAddress != "203.0.113.*") && ($.sourceIPAddress != "2001:db8:1:*") }',
                // The failed sign-in from the office's IPv6 network and alice's office sign-in are not caught.
                ["console-login-iam-user-no-mfa-remote.json", "console-login-root-no-mfa.json"],
            ],
        );
    });

    it("prints one line per rule: severity, id, threshold and period, the samples caught, or why it is off", async () => {
        const result = await rulesOf("prod");
        assert.strictEqual(result.title, "Rules (22 enabled, 0 off)");
        assert.strictEqual(result.failed, false);
        const line = (id: string) => result.lines.find((l) => l.includes(` ${id} `))?.replace(/ {2,}/g, "  ");
        assert.strictEqual(
            line("console-login-root"),
            "P1  console-login-root  >=1 in 300s  catches console-login-root-no-mfa",
        );
        assert.strictEqual(
            line("console-login-failed"),
            "P3  console-login-failed  >=3 in 600s  catches console-login-failed-office-ipv6",
        );
        assert.strictEqual(
            line("guardduty-disabled"),
            "P2  guardduty-disabled  >=1 in 300s  catches guardduty-delete-detector",
        );
        assert.strictEqual(
            line("cis-cloudwatch-11-nacl-changes"),
            "P4  cis-cloudwatch-11-nacl-changes  >=1 in 300s  catches ec2-create-network-acl-entry",
        );
        assert.strictEqual(result.lines.at(-1), "Sample events: 23 in sample-events");
    });

    it("fails when the program does not deploy the stack's rules as configured", async () => {
        const run = await runProgram({ projectDir, stack: "dev" });
        const file = readStackFile(projectDir, "dev");
        const { rules } = readStackConfig(file.values, file.secretKeys, "dev").rules;
        assert.deepStrictEqual(deploymentMismatches(rules, run.resources), []);

        const changed = run.resources
            .filter((r) => r.name !== "alarms-console-login-root")
            .map((r) =>
                r.name === "alarms-iam-user-created" && r.type.endsWith("LogMetricFilter")
                    ? { ...r, inputs: { ...r.inputs, pattern: "{ $.eventName = CreateUser }" } }
                    : r,
            );
        const off = rules.map((r) => (r.id === "large-instance-launch" ? { ...r, enabled: false } : r));
        assert.deepStrictEqual(deploymentMismatches(off, changed), [
            "rule console-login-root has no metric filter in the program",
            "rule console-login-root has no alarm in the program",
            "rule large-instance-launch is off but the program deploys alarms-large-instance-launch",
            "rule iam-user-created: the metric filter alarms-iam-user-created has a different pattern",
        ]);
    });
});
