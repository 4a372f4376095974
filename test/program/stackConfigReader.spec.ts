import * as assert from "assert";
import { StackConfigError } from "../../program";
import { runProgram } from "../../cli/engines/offline/runProgram";
import { readStackFile } from "../../cli/engines/offline/stackFile";
import { projectWithStack } from "../support/projectWithStack";
import { projectDir } from "../support/repositoryPaths";
import { runCli } from "../support/runCli";
import { stackConfigProblems } from "../support/stackConfigProblems";

// What these tests prove: a key that is not a credential but is set as a secret stops the program before anything is
// registered, with its value never quoted, as `pulumi up` hands the program its configuration (decrypted) and as the
// offline tools read the stack file (never decrypted). What they cannot prove: what the Pulumi engine would store;
// runProgram records the registrations it would receive.

const region = { "aws:region": "eu-west-1" };
/** Distinctive values, so that a test can tell whether they were quoted anywhere. */
const retention = "400 days please, secret-3141";
const email = "secops-2718@example.com";
const token = "ATATT3xFfGF0-example-token-value";
const jsm = {
    "trailwatch:jsmEnabled": "true",
    "trailwatch:jsmCloudId": "0e3b5c1a-8f2d-4a6b-9c7e-1d2f3a4b5c6d",
    "trailwatch:jsmSiteDomain": "example.atlassian.net",
    "trailwatch:jsmUserEmail": email,
    "trailwatch:jsmApiToken": token,
};
const refused = (key: string) =>
    `trailwatch:${key}: is set as a secret, but it is not one: trailwatch writes it into resource names and settings, which Pulumi stores (and AWS shows) in plain text, so it would not stay secret; set it in plain text (\`pulumi config set trailwatch:${key} <value>\`, or a plain map or list in the stack file)`;

describe("stack configuration: a key set as a secret that is not one", () => {
    it("is refused by name, once, its value never quoted (a bad value, a good one, a structured one)", () => {
        const problems = stackConfigProblems(
            {
                ...region,
                ...jsm,
                "trailwatch:logRetentionDays": retention,
                "trailwatch:tags": JSON.stringify({ owner: email, cost: ["not", "a", "string"] }),
            },
            ["trailwatch:jsmApiToken", "trailwatch:jsmUserEmail", "trailwatch:logRetentionDays", "trailwatch:tags"],
        );
        assert.deepStrictEqual(problems, [refused("logRetentionDays"), refused("tags"), refused("jsmUserEmail")]);
        assert.ok(!problems.join("\n").includes(email) && !problems.join("\n").includes("secret-3141"));
    });

    it("as the offline tools read it (a placeholder), the same problem instead of the placeholder quoted", () => {
        assert.deepStrictEqual(
            stackConfigProblems({ ...region, "trailwatch:logRetentionDays": "[secret]" }, [
                "trailwatch:logRetentionDays",
            ]),
            [refused("logRetentionDays")],
        );
    });

    it("the credentials stay the secrets they must be", () => {
        assert.deepStrictEqual(stackConfigProblems({ ...region, ...jsm }, ["trailwatch:jsmApiToken"]), []);
    });

    it("stops the program before it registers anything: the value reaches no resource input", async () => {
        const dev = readStackFile(projectDir, "dev");
        const run = await runProgram({
            projectDir,
            stack: "dev",
            config: {
                values: { ...dev.values, "trailwatch:tags": JSON.stringify({ owner: email }) },
                secretKeys: new Set([...dev.secretKeys, "trailwatch:tags"]),
            },
        });
        assert.ok(run.error instanceof StackConfigError, String(run.error));
        assert.deepStrictEqual(
            run.resources.map((r) => r.type),
            ["pulumi:pulumi:Stack"],
        );
        assert.ok(!JSON.stringify(run).includes(email));
    });

    it("trailwatch check: a map with a secure value inside is a secret key as a whole, refused (exit 2)", async () => {
        const cwd = projectWithStack(
            "tagged",
            [
                "config:",
                "  aws:region: eu-west-1",
                "  trailwatch:tags:",
                "    owner:",
                "      secure: AAABAKMbWv0vzr0jwOoXzBhQEl8BRigBrmaUc0HjSPuMrA==",
                "",
            ].join("\n"),
        );
        assert.ok(readStackFile(cwd, "tagged").secretKeys.has("trailwatch:tags"));
        const result = await runCli(["check", "--stack", "tagged"], { cwd });
        assert.strictEqual(result.code, 2, result.stdout + result.stderr);
        assert.ok(result.stderr.includes(refused("tags")), result.stderr);
        assert.ok(!result.stderr.includes("AAABAKMbWv0vzr0jwOoXzBhQEl8BRigBrmaUc0HjSPuMrA=="));
    });
});

describe("stack configuration: a credential quoted under another key", () => {
    const apiKey = "3f1c9a52-7d4e-4b1a-9c2e-5a6b7c8d9e0f";

    it("is masked, as the Pulumi engine masks secret config values (a key pasted into the wrong setting, a YAML alias)", () => {
        const problems = stackConfigProblems(
            {
                ...region,
                "trailwatch:opsgenieEnabled": "true",
                "trailwatch:opsgenieApiKey": apiKey,
                "trailwatch:opsgenieRegion": apiKey,
                "trailwatch:opsgenieOwnerTeamId": `${apiKey}!`,
                "trailwatch:logRetentionDays": apiKey,
            },
            ["trailwatch:opsgenieApiKey"],
        );
        assert.deepStrictEqual(problems, [
            'trailwatch:logRetentionDays: "[secret]" is not a number',
            'trailwatch:opsgenieRegion: "[secret]" is not an Opsgenie instance; use us or eu',
            'trailwatch:opsgenieOwnerTeamId: "[secret]!" is not an Opsgenie team ID (a UUID, shown in the team\'s URL)',
        ]);
    });
});
