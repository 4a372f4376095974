import * as assert from "assert";
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { projectDir } from "../support/repositoryPaths";

/** What a run of the binary left. */
interface Exit {
    code: number;
    stdout: string;
    stderr: string;
}

function run(bin: string, args: string[]): Promise<Exit> {
    return new Promise((resolve) => {
        execFile(process.execPath, [bin, ...args], { cwd: path.dirname(bin) }, (err, stdout, stderr) => {
            resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
        });
    });
}

/**
 * A throwaway copy of the project as far as the binary sees it: `bin/`, the root sources (`index.ts`, `cli/`,
 * `src/`), then their compiled code (`dist/`, copied after the sources so it is newer, as after `npm run build`),
 * and the real `node_modules` linked. The real worktree's `dist/` is never touched.
 */
function throwawayProject(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trailwatch-build-"));
    for (const source of ["bin", "cli", "program", "index.ts"]) {
        fs.cpSync(path.join(projectDir, source), path.join(dir, source), { recursive: true });
    }
    for (const compiled of ["cli", "program", "index.js"]) {
        fs.cpSync(path.join(projectDir, "dist", compiled), path.join(dir, "dist", compiled), { recursive: true });
    }
    fs.symlinkSync(path.join(projectDir, "node_modules"), path.join(dir, "node_modules"));
    return dir;
}

describe("bin/trailwatch.js and a stale or missing build", () => {
    let dir: string;
    let bin: string;
    beforeEach(() => {
        dir = throwawayProject();
        bin = path.join(dir, "bin", "trailwatch.js");
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("runs the compiled CLI when dist/ is newer than every source", async () => {
        assert.deepStrictEqual(await run(bin, ["--version"]), { code: 0, stdout: "trailwatch 0.1.0\n", stderr: "" });
    });

    it("after a source changes, says which command rebuilds instead of running the old code (exit 2)", async () => {
        const source = path.join(dir, "cli", "commands", "check.ts");
        // A minute ahead, as an edit after the build leaves it (whatever the file system's time granularity).
        const later = new Date(Date.now() + 60_000);
        fs.appendFileSync(source, "// edited after the build\n");
        fs.utimesSync(source, later, later);
        assert.deepStrictEqual(await run(bin, ["check"]), {
            code: 2,
            stdout: "",
            stderr: `trailwatch: the compiled code is older than its source cli/commands/check.ts: run \`npm run build\` in ${dir}, then try again.\n`,
        });
    });

    it("under --json the stale build is a JSON error on stdout, as every command's error is (exit 2)", async () => {
        const source = path.join(dir, "cli", "commands", "check.ts");
        const later = new Date(Date.now() + 60_000);
        fs.utimesSync(source, later, later);
        const message =
            `the compiled code is older than its source cli/commands/check.ts: run \`npm run build\` in ${dir}, ` +
            "then try again.";
        const { code, stdout, stderr } = await run(bin, ["check", "--stack", "dev", "--json"]);
        assert.deepStrictEqual(
            { code, error: JSON.parse(stdout), stderr },
            { code: 2, error: { error: { code: 2, message } }, stderr: "" },
        );
        // After `--` it is a template, not the option: the error stays on stderr.
        const template = await run(bin, ["render", "--", "--json"]);
        assert.deepStrictEqual(template, { code: 2, stdout: "", stderr: `trailwatch: ${message}\n` });
    });

    it("a source saved without a change after the build is not stale: `tsc -b` rewrote only its .tsbuildinfo", async () => {
        const source = path.join(dir, "cli", "commands", "check.ts");
        const saved = new Date(Date.now() + 60_000);
        fs.utimesSync(source, saved, saved);
        // What `npm run build` leaves after such a save: the build info newer than the source, the .js as it was.
        const buildInfo = path.join(dir, "dist", "tsconfig.tsbuildinfo");
        fs.writeFileSync(buildInfo, "{}");
        const rebuilt = new Date(Date.now() + 120_000);
        fs.utimesSync(buildInfo, rebuilt, rebuilt);
        assert.deepStrictEqual(await run(bin, ["--version"]), { code: 0, stdout: "trailwatch 0.1.0\n", stderr: "" });
        // An edit after that build is stale again.
        const edited = new Date(Date.now() + 180_000);
        fs.utimesSync(source, edited, edited);
        assert.strictEqual((await run(bin, ["--version"])).code, 2);
    });

    it("a new source file without compiled code counts as stale too", async () => {
        fs.writeFileSync(path.join(dir, "program", "newModule.ts"), "export const x = 1;\n");
        const { code, stderr } = await run(bin, ["--version"]);
        assert.strictEqual(code, 2);
        assert.match(stderr, /older than its source program\/newModule\.ts: run `npm run build`/);
    });

    it("without dist/ it says the CLI is not built, not a stack trace", async () => {
        fs.rmSync(path.join(dir, "dist"), { recursive: true });
        assert.deepStrictEqual(await run(bin, ["--help"]), {
            code: 2,
            stdout: "",
            stderr: `trailwatch: the CLI is not built (dist/cli/main.js is missing): run \`npm run build\` in ${dir}, then try again.\n`,
        });
    });

    it("in a fresh clone (no node_modules, no dist/) it says `npm ci`: `npm run build` would not find tsc", async () => {
        fs.rmSync(path.join(dir, "dist"), { recursive: true });
        fs.rmSync(path.join(dir, "node_modules"));
        assert.deepStrictEqual(await run(bin, ["check"]), {
            code: 2,
            stdout: "",
            stderr: `trailwatch: the CLI is not built (dist/cli/main.js is missing): run \`npm ci\` in ${dir}, then try again.\n`,
        });
    });

    it("an installed package (compiled code, no sources) skips the check and runs", async () => {
        fs.rmSync(path.join(dir, "cli"), { recursive: true });
        fs.rmSync(path.join(dir, "program"), { recursive: true });
        fs.rmSync(path.join(dir, "index.ts"));
        const older = new Date(Date.now() - 3_600_000);
        fs.utimesSync(path.join(dir, "dist", "cli", "main.js"), older, older);
        assert.deepStrictEqual(await run(bin, ["--version"]), { code: 0, stdout: "trailwatch 0.1.0\n", stderr: "" });
    });
});
