import * as assert from "assert";
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { exampleNotification, writeExampleArchive } from "../scripts/generateExamples";
import { projectDir } from "./support/repositoryPaths";

/** A command line of the README: the text as a user would paste it, and the exit code the README documents. */
interface ReadmeCommand {
    line: string;
    exitCode: number;
}

/** Lines the test runs: the CLI through npx (local binary only: `npx` without a local bin would download). */
const runs = /^(?:npx (?:--no-install )?trailwatch|npm run check)\b/;

/**
 * Lines left out, each for a stated reason: they need the cloud, which tests cannot reach. Nothing else is skipped.
 */
const needsTheCloud: { rule: RegExp; why: string }[] = [
    { rule: /(?:^|[|;&]\s*)pulumi\s/, why: "a pulumi command needs the Pulumi CLI, a backend and credentials" },
    { rule: /(?:^|[|;&]\s*)aws\s/, why: "an AWS CLI command needs an AWS account" },
    { rule: /\btrailwatch drill\b(?!.*--dry-run)/, why: "a drill without --dry-run calls AWS" },
];

/** Every `sh` block line of README.md that starts the CLI, continuation lines joined, with its documented exit code. */
function readmeCommands(readme: string): ReadmeCommand[] {
    const commands: ReadmeCommand[] = [];
    for (const block of readme.matchAll(/^[ \t]*```sh\n([\s\S]*?)^[ \t]*```/gm)) {
        const joined = block[1].replace(/\\\n\s*/g, "");
        for (const raw of joined.split("\n")) {
            const line = raw.trim();
            if (!runs.test(line) || needsTheCloud.some((c) => c.rule.test(line))) continue;
            const documented = /#\s*exit (\d+)/.exec(line);
            commands.push({ line, exitCode: documented === null ? 0 : Number(documented[1]) });
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

describe("README.md and docs/cli.md: every command example runs as written from the repository root", () => {
    const commands = ["README.md", "docs/cli.md"].flatMap((file) =>
        readmeCommands(fs.readFileSync(path.join(projectDir, file), "utf8")),
    );

    it("finds the examples (check, test-pattern, render, backtest), non-zero codes documented", () => {
        const used = new Set(commands.map((c) => /(?:trailwatch|npm run) ([a-z-]+)/.exec(c.line)?.[1]));
        for (const command of ["check", "test-pattern", "render", "backtest"]) assert.ok(used.has(command), command);
        assert.ok(commands.some((c) => c.exitCode !== 0));
    });

    it("leaves out only lines that need the cloud", () => {
        assert.ok(needsTheCloud[0].rule.test("pulumi preview --policy-pack policy"));
        assert.ok(needsTheCloud[1].rule.test("aws s3 sync s3://bucket/AWSLogs ./AWSLogs"));
        assert.ok(needsTheCloud[2].rule.test("npx --no-install trailwatch drill --stack prod"));
        assert.ok(!needsTheCloud.some((c) => c.rule.test("npx --no-install trailwatch drill --stack prod --dry-run")));
        assert.ok(!needsTheCloud.some((c) => c.rule.test("npx --no-install trailwatch backtest examples/archive")));
    });

    for (const { line, exitCode } of commands) {
        it(`${line} (exit ${exitCode})`, async function () {
            this.timeout(180_000);
            const { code, stdout, stderr } = await sh(line);
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
