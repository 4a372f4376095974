import * as assert from "assert";
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { exampleNotification, writeExampleArchive } from "../scripts/generateExamples";
import { projectDir } from "./support/repositoryPaths";

/** A command line of the documentation: the text as a user would paste it, and the exit code the text documents. */
interface DocumentedCommand {
    file: string;
    line: string;
    exitCode: number;
}

/**
 * The documentation whose command lines run: the README and every file of docs/ (the packages' READMEs show only
 * install and Pulumi commands).
 */
function documentationFiles(): string[] {
    const docs = fs
        .readdirSync(path.join(projectDir, "docs"))
        .filter((f) => f.endsWith(".md"))
        .map((f) => `docs/${f}`);
    return ["README.md", ...docs.sort()];
}

/** What `npx --no-install trailwatch` runs in this checkout: its own binary. */
const directly = "node bin/trailwatch.js";

/** The suite runs in an installed checkout, so a leading `npm ci && ` (the README's first screen) is left out. */
const installed = /^npm ci && /;

/**
 * Lines the test runs: the CLI through npx (local binary only: `npx` without a local bin would download), at the
 * start of the line or fed by a pipe (`printf '...' | npx --no-install trailwatch test-pattern ...`).
 */
const runs = /(?:^|\|\s*)(?:npx (?:--no-install )?trailwatch|npm run check)\b/;

/**
 * Lines left out, each for a stated reason: they need the cloud, which tests cannot reach. Nothing else is skipped.
 */
const needsTheCloud: { rule: RegExp; why: string }[] = [
    { rule: /(?:^|[|;&]\s*)pulumi\s/, why: "a pulumi command needs the Pulumi CLI, a backend and credentials" },
    { rule: /(?:^|[|;&]\s*)aws\s/, why: "an AWS CLI command needs an AWS account" },
    { rule: /\btrailwatch drill\b(?!.*--dry-run)/, why: "a drill without --dry-run calls AWS" },
];

/** Every `sh` block line of a markdown file that starts the CLI, continuation lines joined, with its exit code. */
function documentedCommands(file: string, markdown: string): DocumentedCommand[] {
    const commands: DocumentedCommand[] = [];
    for (const block of markdown.matchAll(/^[ \t]*```sh\n([\s\S]*?)^[ \t]*```/gm)) {
        const joined = block[1].replace(/\\\n\s*/g, "");
        for (const raw of joined.split("\n")) {
            const line = raw.trim().replace(installed, "");
            if (!runs.test(line) || needsTheCloud.some((c) => c.rule.test(line))) continue;
            const documented = /#\s*exit (\d+)/.exec(line);
            commands.push({ file, line, exitCode: documented === null ? 0 : Number(documented[1]) });
        }
    }
    return commands;
}

function sh(line: string): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
        execFile("sh", ["-c", line], { cwd: projectDir, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
            resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
        });
    });
}

describe("README.md and docs/: every command example runs as written from the repository root", () => {
    const commands = documentationFiles().flatMap((file) =>
        documentedCommands(file, fs.readFileSync(path.join(projectDir, file), "utf8")),
    );

    it("the README's first screen gives two commands: the offline check of the default stack, and the tests", () => {
        const readme = fs.readFileSync(path.join(projectDir, "README.md"), "utf8");
        const firstScreen = readme.slice(0, readme.indexOf("\n---\n"));
        const blocks = [...firstScreen.matchAll(/^```sh\n([\s\S]*?)\n```/gm)].map((b) => b[1]);
        assert.deepStrictEqual(blocks, ["npm ci && npm run check", "npm ci && npm test"]);
        // What those scripts are: the CLI's check with no flags (the default stack), and the build then the suite.
        const scripts = JSON.parse(fs.readFileSync(path.join(projectDir, "package.json"), "utf8")).scripts;
        assert.strictEqual(scripts.check, "node bin/trailwatch.js check");
        assert.match(scripts.test, /\bmocha\b/);
        assert.ok(
            commands.some((c) => c.file === "README.md" && c.line === "npm run check"),
            "the check runs below",
        );
    });

    it("the first screen's inline commands run, and the one with --json prints one JSON document on stdout", async function () {
        this.timeout(180_000);
        const readme = fs.readFileSync(path.join(projectDir, "README.md"), "utf8");
        const firstScreen = readme.slice(0, readme.indexOf("\n---\n"));
        const inline = [...firstScreen.matchAll(/`((?:npm run|npx trailwatch)[^`]*)`/g)]
            .map((m) => m[1])
            .filter((line) => runs.test(line) || line.startsWith("npm run --silent check"));
        assert.ok(
            inline.some((line) => line.includes("--json")),
            inline.join("\n"),
        );
        for (const line of inline) {
            const { code, stdout, stderr } = await sh(line.replace(/\bnpx trailwatch\b/, directly));
            assert.strictEqual(code, 0, `${line}: ${stderr}`);
            if (line.includes("--json"))
                assert.doesNotThrow(() => JSON.parse(stdout), `${line}: ${stdout.slice(0, 200)}`);
        }
    });

    it("finds the examples (check, test-pattern, render, backtest), non-zero codes documented", () => {
        const used = new Set(commands.map((c) => /(?:trailwatch|npm run) ([a-z-]+)/.exec(c.line)?.[1]));
        for (const command of ["check", "test-pattern", "render", "backtest"]) assert.ok(used.has(command), command);
        assert.ok(commands.some((c) => c.exitCode !== 0));
        // A pipeline into the CLI runs too: docs/cli.md feeds test-pattern from printf.
        assert.ok(commands.some((c) => /^printf .*\| npx --no-install trailwatch test-pattern/.test(c.line)));
    });

    it("leaves out only lines that need the cloud", () => {
        assert.ok(needsTheCloud[0].rule.test("pulumi preview --policy-pack policy"));
        assert.ok(needsTheCloud[1].rule.test("aws s3 sync s3://bucket/AWSLogs ./AWSLogs"));
        assert.ok(needsTheCloud[2].rule.test("npx --no-install trailwatch drill --stack prod"));
        assert.ok(!needsTheCloud.some((c) => c.rule.test("npx --no-install trailwatch drill --stack prod --dry-run")));
        assert.ok(!needsTheCloud.some((c) => c.rule.test("npx --no-install trailwatch backtest examples/archive")));
    });

    it("`npx --no-install trailwatch` is this checkout's bin/trailwatch.js (the lines below run it directly)", async () => {
        const linked = fs.realpathSync(path.join(projectDir, "node_modules", ".bin", "trailwatch"));
        assert.strictEqual(linked, fs.realpathSync(path.join(projectDir, "bin", "trailwatch.js")));
        const viaNpx = await sh("npx --no-install trailwatch --version");
        assert.deepStrictEqual(viaNpx, await sh(`${directly} --version`));
        assert.strictEqual(viaNpx.code, 0);
    });

    for (const { file, line, exitCode } of commands) {
        it(`${file}: ${line} (exit ${exitCode})`, async function () {
            this.timeout(180_000);
            // npx only finds the binary (checked above) and costs a quarter of a second a line: run it directly.
            const { code, stdout, stderr } = await sh(line.replace(/\bnpx (?:--no-install )?trailwatch\b/g, directly));
            assert.strictEqual(code, exitCode, `${stderr}${stdout.slice(0, 2000)}`);
            if (exitCode === 0) assert.notStrictEqual(stdout, "", "prints nothing");
        });
    }
});

describe("examples/: the committed sample inputs are what `npm run examples` writes", () => {
    it("the archive: the same files, byte for byte", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trailwatch-examples-"));
        await writeExampleArchive(dir);
        const files = (root: string) =>
            (fs.readdirSync(root, { recursive: true }) as string[])
                .filter((f) => fs.statSync(path.join(root, f)).isFile())
                .sort();
        const committed = path.join(projectDir, "examples", "archive");
        assert.deepStrictEqual(files(committed), files(dir));
        for (const f of files(dir)) {
            assert.ok(fs.readFileSync(path.join(dir, f)).equals(fs.readFileSync(path.join(committed, f))), f);
        }
    });

    it("the notification: the prod stack's preview (run `npm run examples` after changing the prod stack)", async () => {
        assert.strictEqual(
            fs.readFileSync(path.join(projectDir, "examples", "notification.json"), "utf8"),
            await exampleNotification(projectDir),
        );
    });
});
