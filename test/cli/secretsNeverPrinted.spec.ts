import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { projectWithStack } from "../support/projectWithStack";
import { projectDir } from "../support/repositoryPaths";
import { runCli } from "../support/runCli";

// Every command that reads a stack, human and --json, against a stack file that holds the on-call credentials in
// plain text (the mistake the commands exist to catch), one of them also aliased into another key, and against one
// whose YAML breaks on the credential's line: the credentials are named, never printed. The offline tools never
// decrypt `secure:` values, so plain text in the file is the only way a credential reaches them.

/** Distinctive credentials: an Opsgenie key (a UUID) and an Atlassian API token. */
const opsgenieApiKey = "5e8c1f0a-3b7d-4c2e-9a16-d40b7e2f9c83";
const jsmApiToken = "ATATT3xFfGF0-never-printed-token-1618033988";

function assertNeverPrinted(argv: string[], result: { code: number; stdout: string; stderr: string }): void {
    const output = result.stdout + result.stderr;
    assert.strictEqual(result.code, 2, `${argv.join(" ")}: ${output}`);
    for (const secret of [opsgenieApiKey, jsmApiToken]) {
        assert.ok(!output.includes(secret), `${argv.join(" ")} printed a credential:\n${output}`);
    }
}

describe("no command prints a credential the stack file holds", function () {
    this.timeout(60_000);
    const notification = path.join(projectDir, "examples", "notification.json");
    const archive = path.join(projectDir, "examples", "archive");
    const commands = (stack: string): string[][] => [
        ["check", "--stack", stack],
        ["render", "--stack", stack, notification],
        ["drill", "--stack", stack, "--dry-run"],
        ["drill", "--stack", stack, "--dry-run", "--verify-opsgenie"],
        ["backtest", archive, "--stack", stack],
        ["sql", "--stack", stack],
    ];
    /** `sql` prints text only. */
    const withJson = (argv: string[]): boolean[] => (argv[0] === "sql" ? [false] : [false, true]);

    /** One test per command (human and --json) against stack `stack` written as `yaml`; `check` sees the output. */
    function itForEveryCommand(stack: string, yaml: string, check?: (output: string) => void): void {
        let cwd: string;
        before(() => {
            cwd = projectWithStack(stack, yaml);
        });
        for (const argv of commands(stack)) {
            for (const json of withJson(argv)) {
                const full = json ? [...argv, "--json"] : argv;
                it(`trailwatch ${full.join(" ")}`, async () => {
                    const result = await runCli(full, { cwd });
                    assertNeverPrinted(full, result);
                    check?.(result.stdout + result.stderr);
                });
            }
        }
    }

    describe("in plain text, and aliased into another key", () => {
        const prod = fs.readFileSync(path.join(projectDir, "stacks", "Pulumi.prod.yaml"), "utf8");
        const yaml = prod
            .split("\n")
            .filter((line) => !/^ {2}trailwatch:opsgenieRegion:/.test(line))
            .concat([
                `  trailwatch:opsgenieApiKey: &key ${opsgenieApiKey}`,
                "  trailwatch:opsgenieRegion: *key",
                "  trailwatch:jsmEnabled: true",
                "  trailwatch:jsmCloudId: 0e3b5c1a-8f2d-4a6b-9c7e-1d2f3a4b5c6d",
                "  trailwatch:jsmSiteDomain: example.atlassian.net",
                "  trailwatch:jsmUserEmail: platform-security@example.com",
                `  trailwatch:jsmApiToken: ${jsmApiToken}`,
                "",
            ])
            .join("\n");
        itForEveryCommand("plain", yaml, (output) => {
            // The problem is named: the key in plain text, the other key with the value masked.
            assert.match(output, /trailwatch:opsgenieApiKey: is in plain text in the stack configuration/);
            assert.match(output, /trailwatch:opsgenieRegion: \\?"\[secret\]\\?" is not an Opsgenie instance/);
        });
    });

    describe("on a line the YAML parser stops at", () => {
        const yaml = [
            "config:",
            "  aws:region: eu-west-1",
            "  trailwatch:opsgenieEnabled: true",
            `  trailwatch:opsgenieApiKey: "${opsgenieApiKey}`,
            `  trailwatch:jsmApiToken: ${jsmApiToken}: x`,
            "",
        ].join("\n");
        itForEveryCommand("broken", yaml);
    });
});
