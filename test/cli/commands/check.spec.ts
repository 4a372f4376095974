import * as assert from "assert";
import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { promisify } from "util";
import { cloudWatchLogsRetentionDays } from "@trailwatch/components/catalogue";
import { StackConfigError } from "../../../program";
import { runProgram } from "../../../cli/engines/offline/runProgram";
import { readStackFile, secretPlaceholder } from "../../../cli/engines/offline/stackFile";
import { projectWithStack } from "../../support/projectWithStack";
import { projectDir } from "../../support/repositoryPaths";
import { CliResult, runCli } from "../../support/runCli";
import { offlineJsmIntegrationKey, offlineOpsgenieIntegrationKey } from "../../../cli/engines/offline/offlineMocks";

/**
 * `trailwatch check --stack <stack> [--json]` on a stack of the repository, run once per file and shared by the tests
 * that only read its output (a whole check is seconds of CPU). Human output on a terminal wide enough for the tree's
 * lines whole.
 */
const repositoryChecks = new Map<string, Promise<CliResult>>();
function checkOf(stack: string, json = false): Promise<CliResult> {
    const key = `${stack}${json ? " --json" : ""}`;
    let run = repositoryChecks.get(key);
    if (run === undefined) {
        run = runCli(["check", "--stack", stack, ...(json ? ["--json"] : [])], { stdoutColumns: 1000 });
        repositoryChecks.set(key, run);
    }
    return run;
}

describe("trailwatch check", () => {
    for (const stack of ["dev", "prod", "staging"]) {
        it(`runs the ${stack} stack offline and lists the resources as a tree`, async () => {
            const { code, stdout, stderr } = await checkOf(stack);
            assert.strictEqual(stderr, "");
            assert.strictEqual(code, 0, stdout);
            assert.match(stdout, new RegExp(`^trailwatch check — stack ${stack} \\(offline`));
            assert.match(stdout, /^pulumi:pulumi:Stack {2}trailwatch-/m);
            assert.match(stdout, /^[├└]─ trailwatch:index:AuditTrail {2}audit$/m);
            assert.match(
                stdout,
                /^(?: {3}|│ {2})[├└]─ aws:cloudtrail\/trail:Trail {2}audit-trail {2}name=trailwatch-\w+ isMultiRegionTrail=true includeGlobalServiceEvents=true enableLogFileValidation=true .*insights=ApiCallRateInsight, ApiErrorRateInsight/m,
            );
            assert.match(
                stdout,
                new RegExp(`\\nOK: stack ${stack} passes the offline check \\(\\d+ resources\\)\\.\\n$`),
            );
        });
    }

    it("shows where dev and prod really differ: retention, retain-on-delete, KMS and data events", async () => {
        const docs = await Promise.all(
            ["dev", "prod"].map(async (stack) => JSON.parse((await checkOf(stack, true)).stdout)),
        );
        const [dev, prod] = docs.map((doc) => {
            const byName = (name: string) =>
                (doc.resources as { name: string; inputs: Record<string, unknown>; retainOnDelete: boolean }[]).find(
                    (r) => r.name === name,
                )!;
            return {
                retention: byName("audit-log-group").inputs.retentionInDays,
                retained: byName("audit-bucket").retainOnDelete,
                kms: byName("audit-trail").inputs.kmsKeyId !== undefined,
                dataResources: (byName("audit-trail").inputs.eventSelectors as { dataResources: unknown[] }[])[0]
                    .dataResources.length,
            };
        });
        assert.deepStrictEqual(dev, { retention: 30, retained: false, kms: false, dataResources: 0 });
        assert.deepStrictEqual(prod, { retention: 400, retained: true, kms: true, dataResources: 1 });
    });

    it("prints one JSON document with a resources array (type, name, parent, inputs) under --json", async () => {
        const { code, stdout } = await checkOf("dev", true);
        assert.strictEqual(code, 0);
        const doc = JSON.parse(stdout);
        assert.strictEqual(doc.stack, "dev");
        assert.strictEqual(doc.ok, true);
        const trail = doc.resources.find((r: { type: string }) => r.type === "aws:cloudtrail/trail:Trail");
        const component = doc.resources.find((r: { type: string }) => r.type === "trailwatch:index:AuditTrail");
        assert.strictEqual(trail.name, "audit-trail");
        assert.strictEqual(trail.parent, component.urn);
        assert.strictEqual(trail.inputs.isMultiRegionTrail, true);
        assert.strictEqual(doc.outputs.trailArn, "arn:aws:cloudtrail:eu-west-1:111122223333:trail/trailwatch-dev");
    });

    it("exits 2 with every configuration problem named, and registers nothing", async () => {
        const dir = projectWithStack(
            "broken",
            [
                "config:",
                "  aws:region: eu-west-1",
                "  trailwatch:logRetentionDays: 42",
                "  trailwatch:retainOnDelte: false",
                "",
            ].join("\n"),
        );
        const { code, stdout, stderr } = await runCli(["check", "--stack", "broken"], { cwd: dir });
        assert.strictEqual(code, 2);
        assert.strictEqual(stdout, "");
        // The heading and one line per problem, nothing else (no stack trace).
        const [heading, retention, unknownKey, ...rest] = stderr.split("\n");
        assert.strictEqual(heading, "trailwatch check: stack broken: invalid stack configuration:");
        assert.strictEqual(
            retention,
            `  trailwatch:logRetentionDays: 42 is not a retention CloudWatch Logs accepts; use one of ${cloudWatchLogsRetentionDays.join(", ")}`,
        );
        assert.match(unknownKey, /^ {2}trailwatch:retainOnDelte: unknown key; known keys: .*\bretainOnDelete\b/);
        assert.deepStrictEqual(rest, [""]);
        // Validation runs before any component: the program registers only the stack itself.
        const run = await runProgram({ projectDir: dir, stack: "broken" });
        assert.ok(run.error instanceof StackConfigError);
        assert.deepStrictEqual(
            run.resources.map((r) => r.type),
            ["pulumi:pulumi:Stack"],
        );

        const json = await runCli(["check", "--stack", "broken", "--json"], { cwd: dir });
        assert.strictEqual(json.code, 2);
        assert.strictEqual(json.stderr, "");
        const doc = JSON.parse(json.stdout);
        assert.strictEqual(doc.error.code, 2);
        assert.match(doc.error.message, /^stack broken: invalid stack configuration:\n/);
        assert.deepStrictEqual(
            doc.error.problems.map((p: { key: string }) => p.key),
            ["trailwatch:logRetentionDays", "trailwatch:retainOnDelte"],
        );
    });

    it("names the missing stack file and the stacks there are, exit 2", async () => {
        // A project of the test's own, so a stack added to the repository changes nothing here.
        const dir = projectWithStack("alpha", "config:\n  aws:region: eu-west-1\n");
        fs.writeFileSync(path.join(dir, "stacks", "Pulumi.beta.yaml"), "config:\n  aws:region: eu-west-1\n");
        const { code, stderr } = await runCli(["check", "--stack", "qa"], { cwd: dir });
        assert.strictEqual(code, 2);
        assert.strictEqual(
            stderr,
            'trailwatch check: no stack "qa": stacks/Pulumi.qa.yaml does not exist; stacks: alpha, beta\n',
        );
    });

    it("a project whose program is not compiled: exit 2 naming the file and the build, JSON under --json", async () => {
        const dir = projectWithStack("alpha", "config:\n  aws:region: eu-west-1\n");
        fs.unlinkSync(path.join(dir, "dist")); // the project's own build, missing
        const message = `no compiled program at ${path.join(dir, "dist", "index.js")}: the offline run loads the project's compiled program, so build the project first (npm run build)`;
        const human = await runCli(["check", "--stack", "alpha"], { cwd: dir });
        assert.deepStrictEqual(human, { code: 2, stdout: "", stderr: `trailwatch check: ${message}\n` });
        const json = await runCli(["check", "--stack", "alpha", "--json"], { cwd: dir });
        assert.strictEqual(json.code, 2);
        assert.deepStrictEqual(JSON.parse(json.stdout), { error: { code: 2, message } });
    });

    it("rejects an unknown flag, exit 2", async () => {
        const { code, stderr } = await runCli(["check", "--stak", "dev"]);
        assert.strictEqual(code, 2);
        assert.strictEqual(stderr, "trailwatch check: unknown option --stak\n");
    });

    it("works as the README runs it: the real binary on the default stack", async () => {
        const { stdout } = await promisify(execFile)(
            process.execPath,
            [path.join(projectDir, "bin/trailwatch.js"), "check"],
            {
                cwd: projectDir,
            },
        );
        assert.match(stdout, /^trailwatch check — stack dev /);
        assert.match(stdout, /OK: stack dev passes the offline check \(\d+ resources\)\.\n$/);
    });

    it("reports a configuration error through the real binary with the problems only, no stack trace", async () => {
        const dir = projectWithStack("bad", "config:\n  aws:region: eu-west-1\n  trailwatch:logRetentionDays: 42\n");
        const bin = path.join(projectDir, "bin/trailwatch.js");
        const failure = await promisify(execFile)(process.execPath, [bin, "check", "--stack", "bad"], {
            cwd: dir,
        }).then(
            () => assert.fail("check should exit 2"),
            (err: { code: number; stdout: string; stderr: string }) => err,
        );
        assert.strictEqual(failure.code, 2);
        assert.strictEqual(failure.stdout, "");
        assert.strictEqual(
            failure.stderr,
            "trailwatch check: stack bad: invalid stack configuration:\n" +
                `  trailwatch:logRetentionDays: 42 is not a retention CloudWatch Logs accepts; use one of ${cloudWatchLogsRetentionDays.join(", ")}\n`,
        );
    });

    it("goes on without a required secret the stack file does not hold, saying `pulumi up` needs it", async () => {
        const notice =
            "notice: trailwatch:opsgenieApiKey is not set: `pulumi up` will require it (when trailwatch:opsgenieEnabled is true); set it with `pulumi config set --secret trailwatch:opsgenieApiKey`. This check goes on with a placeholder.";
        const { code, stdout, stderr } = await checkOf("dev");
        assert.strictEqual(code, 0, stdout);
        assert.strictEqual(stderr, "");
        assert.strictEqual(stdout.split("\n")[1], notice);
        const json = JSON.parse((await checkOf("dev", true)).stdout);
        assert.deepStrictEqual(
            json.missingSecrets.map((m: { key: string }) => m.key),
            ["trailwatch:opsgenieApiKey"],
        );

        // The placeholder is only ever a secret of the offline run: the integration gets it wrapped as a secret.
        const file = readStackFile(projectDir, "dev");
        assert.strictEqual(file.values["trailwatch:opsgenieApiKey"], secretPlaceholder);
        assert.ok(file.secretKeys.has("trailwatch:opsgenieApiKey"));

        // The program as `pulumi up` runs it, with the configuration the file really holds: it stops before any
        // resource, naming the key.
        const values = { ...file.values };
        delete values["trailwatch:opsgenieApiKey"];
        const run = await runProgram({ projectDir, stack: "dev", config: { values, secretKeys: new Set() } });
        assert.ok(run.error instanceof StackConfigError, String(run.error));
        assert.deepStrictEqual(
            run.error.problems.map((p) => `${p.key}: ${p.message}`),
            [
                "trailwatch:opsgenieApiKey: is required when trailwatch:opsgenieEnabled is true; set it with `pulumi config set --secret trailwatch:opsgenieApiKey`",
            ],
        );
        assert.deepStrictEqual(
            run.resources.map((r) => r.type),
            ["pulumi:pulumi:Stack"],
        );
    });

    it("gives no notice when the stack file holds the secret", async () => {
        const dir = projectWithStack(
            "withkey",
            "config:\n  aws:region: eu-west-1\n  trailwatch:opsgenieEnabled: true\n" +
                "  trailwatch:opsgenieApiKey:\n    secure: AAABAKMbWv0vzr0jwOoXzBhQEl8BRigBrmaUc0HjSPuMrA==\n",
        );
        // (The scratch project has no policy pack, so the check itself fails there; the notice is what matters.)
        const { stdout } = await runCli(["check", "--stack", "withkey"], { cwd: dir });
        assert.match(stdout, /^trailwatch check — stack withkey /);
        assert.ok(!stdout.includes("notice:"), stdout);
        assert.deepStrictEqual(readStackFile(dir, "withkey").missingSecrets, []);
    });

    it("stops on a secure value no secrets provider could decrypt, as pulumi preview would (an input error, exit 2)", async () => {
        // The value stacks/Pulumi.dev.yaml carried before: the passphrase format, but no encryptionsalt.
        const dir = projectWithStack(
            "fake",
            "config:\n  aws:region: eu-west-1\n  trailwatch:opsgenieEnabled: true\n  trailwatch:opsgenieApiKey:\n" +
                "    secure: v1:Zq3kF0b9XyQm2LwR:8pJ2vN7cT4yH1mQe0uK5sB3xW9aD6fG2hL8rZ1cV4nM7tY0qE3uI6oP9sA2dF5gH8jK1lZ4xC7vB==\n",
        );
        const { code, stdout, stderr } = await runCli(["check", "--stack", "fake"], { cwd: dir });
        assert.strictEqual(code, 2);
        assert.strictEqual(stdout, "");
        assert.strictEqual(
            stderr,
            "trailwatch check: stack fake: secure values no Pulumi secrets provider could decrypt:\n" +
                "  trailwatch:opsgenieApiKey: is not base64, so the Pulumi Cloud secrets manager (this file names no secretsprovider and has no encryptionsalt) cannot decrypt it (illegal base64 data); it has the passphrase provider's v1:<nonce>:<ciphertext> form, but the file has no encryptionsalt to derive that key from\n",
        );
    });

    it("never prints an Opsgenie key: the subscription endpoint and the provider key are placeholders in the whole report", async function () {
        // Four whole checks (shared with the tests above): minutes on a loaded machine.
        this.timeout(240_000);
        const integrationKey = offlineOpsgenieIntegrationKey("opsgenie-integration");
        for (const stack of ["dev", "prod"]) {
            for (const json of [false, true]) {
                const result = await checkOf(stack, json);
                assert.strictEqual(result.code, 0, result.stdout + result.stderr);
                const output = result.stdout + result.stderr;
                assert.ok(
                    !output.includes(integrationKey),
                    `${stack} ${json ? "--json" : "report"}: the integration key`,
                );
                assert.ok(!/apiKey=/.test(output), `${stack}: no endpoint URL`);
                if (!json) {
                    assert.match(
                        result.stdout,
                        /─ aws:sns\/topicSubscription:TopicSubscription {2}opsgenie-subscription {2}protocol=https endpoint=\[secret\]\n/,
                    );
                }
                if (json) {
                    const doc = JSON.parse(result.stdout);
                    const byType = (type: string) =>
                        doc.resources.find((r: { type: string }) => r.type === type).inputs;
                    assert.strictEqual(byType("aws:sns/topicSubscription:TopicSubscription").endpoint, "[secret]");
                    assert.strictEqual(byType("pulumi:providers:opsgenie").apiKey, "[secret]");
                    assert.strictEqual(byType("trailwatch:index:OpsgenieSnsIntegration").apiKey, "[secret]");
                }
            }
        }
    });
    it("never prints the JSM integration key or token, and names the unset token in a notice (staging, JSM only)", async function () {
        this.timeout(240_000);
        const integrationKey = offlineJsmIntegrationKey("jsm-integration");
        for (const json of [false, true]) {
            const result = await checkOf("staging", json);
            assert.strictEqual(result.code, 0, result.stdout + result.stderr);
            const output = result.stdout + result.stderr;
            assert.ok(!output.includes(integrationKey), `${json ? "--json" : "report"}: the integration key`);
            assert.ok(!/apiKey=/.test(output), "no endpoint URL");
            const missing = {
                key: "trailwatch:jsmApiToken",
                message:
                    "is not set: `pulumi up` will require it (when trailwatch:jsmEnabled is true); set it with `pulumi config set --secret trailwatch:jsmApiToken`",
            };
            if (!json) {
                assert.ok(
                    result.stdout.includes(
                        `\nnotice: ${missing.key} ${missing.message}. This check goes on with a placeholder.\n`,
                    ),
                    "the notice",
                );
                assert.match(result.stdout, /\nJSM alert preview\n/);
                assert.match(
                    result.stdout,
                    /─ aws:sns\/topicSubscription:TopicSubscription {2}jsm-subscription {2}protocol=https endpoint=\[secret\]\n/,
                );
            } else {
                const doc = JSON.parse(result.stdout);
                assert.deepStrictEqual(doc.missingSecrets, [missing]);
                const byType = (type: string) => doc.resources.find((r: { type: string }) => r.type === type).inputs;
                assert.strictEqual(byType("aws:sns/topicSubscription:TopicSubscription").endpoint, "[secret]");
                assert.strictEqual(byType("pulumi:providers:atlassian-operations").token, "[secret]");
                assert.strictEqual(byType("trailwatch:index:JsmSnsIntegration").apiToken, "[secret]");
                assert.deepStrictEqual([doc.alertPreview.enabled, doc.jsmAlertPreview.enabled], [false, true]);
                assert.deepStrictEqual(doc.jsmAlertPreview.problems, []);
            }
        }
    });
});
