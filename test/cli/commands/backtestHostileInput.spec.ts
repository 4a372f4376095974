import * as assert from "assert";
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { MAX_RECORD_DEPTH } from "../../../cli/engines/backtest/logFileReader";
import { gzipBomb, nestedJson } from "../../support/hostileInput";
import { projectDir } from "../../support/repositoryPaths";
import { itIsUsageError, runCli } from "../../support/runCli";

/** A console sign-in by root: matched by console-login-root, so it becomes one of that rule's samples. */
function rootLogin(): string {
    return JSON.stringify({
        eventVersion: "1.08",
        eventTime: "2024-05-01T00:00:00Z",
        eventSource: "signin.amazonaws.com",
        eventName: "ConsoleLogin",
        userIdentity: { type: "Root", arn: "arn:aws:iam::123456789012:root" },
        responseElements: { ConsoleLogin: "Success" },
    });
}

describe("trailwatch backtest on hostile input: reported, bounded, never hangs", function () {
    let dir: string;
    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "trailwatch-hostile-"));
        fs.writeFileSync(path.join(dir, "good.json"), `{"Records":[${rootLogin()}]}`);
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    for (const levels of [5_000, 20_000]) {
        for (const threads of ["1", "2"]) {
            it(`a matching record nested ${levels.toLocaleString("en-US")} levels deep (--threads ${threads}): reported by file and index, the rest counted, exit 1`, async function () {
                this.timeout(10_000);
                const name = `deep-${levels}.json`;
                // Before the cap, the worker's totals (which hold this record as a sample) could not be
                // cloned to the main thread: 5,000 levels hung the run, 20,000 ended it with exit 70.
                // Written as text: JSON.stringify itself cannot go that deep.
                const deepLogin = `${rootLogin().slice(0, -1)},"additionalEventData":${nestedJson(levels)}}`;
                const deep = `{"Records":[${rootLogin()},${deepLogin}]}`;
                fs.writeFileSync(path.join(dir, name), deep);
                const started = Date.now();
                const { code, stdout, stderr } = await runCli(
                    ["backtest", name, "good.json", "--rule", "console-login-root", "--threads", threads, "--json"],
                    { cwd: dir },
                );
                assert.ok(Date.now() - started < 8000, `${Date.now() - started} ms`);
                assert.strictEqual(stderr, "");
                assert.strictEqual(code, 1);
                const report = JSON.parse(stdout);
                assert.deepStrictEqual(report.problems, [
                    {
                        file: name,
                        record: 1,
                        reason: `nested deeper than ${MAX_RECORD_DEPTH} levels of objects and arrays; left out`,
                    },
                ]);
                assert.strictEqual(report.files.read, 2);
                assert.strictEqual(report.events.read, 2);
                assert.strictEqual(report.rules[0].matchedEvents, 2);
            });
        }
    }

    it("the table names the record under 'Unusable files and records'", async function () {
        this.timeout(10_000);
        fs.writeFileSync(path.join(dir, "deep-table.json"), `{"Records":[{},${nestedJson(300)}]}`);
        const { code, stdout } = await runCli(["backtest", "deep-table.json", "--threads", "2"], { cwd: dir });
        assert.strictEqual(code, 1);
        assert.ok(
            stdout.endsWith(
                `\nUnusable files and records (1), skipped:\n  deep-table.json Records[1]: nested deeper than ${MAX_RECORD_DEPTH} levels of objects and arrays; left out\n`,
            ),
            stdout,
        );
    });

    it("a 250 KB .json.gz that inflates to 250 MB is reported within seconds, the rest processed, exit 1", async function () {
        this.timeout(10_000);
        fs.mkdirSync(path.join(dir, "bomb"));
        fs.writeFileSync(path.join(dir, "bomb", "a-bomb.json.gz"), gzipBomb(250));
        fs.copyFileSync(path.join(dir, "good.json"), path.join(dir, "bomb", "b-good.json"));
        const started = Date.now();
        const { code, stdout } = await runCli(["backtest", "bomb", "--json", "--threads", "2"], { cwd: dir });
        assert.ok(Date.now() - started < 6000, `${Date.now() - started} ms`);
        assert.strictEqual(code, 1);
        const report = JSON.parse(stdout);
        assert.strictEqual(report.problems.length, 1);
        assert.strictEqual(report.problems[0].file, path.join("bomb", "a-bomb.json.gz"));
        assert.match(report.problems[0].reason, /^inflates to more than the 128 MB limit \(--max-file-mb\)/);
        assert.strictEqual(report.files.read, 1);
        assert.strictEqual(report.events.read, 1);
    });

    it("--max-file-mb and --max-records lower the limits", async function () {
        this.timeout(10_000);
        fs.writeFileSync(path.join(dir, "three.json"), `{"Records":[{},{},{}]}`);
        let r = await runCli(["backtest", "three.json", "--max-records", "2", "--json"], { cwd: dir });
        assert.strictEqual(r.code, 1);
        assert.strictEqual(
            JSON.parse(r.stdout).problems[0].reason,
            "more than the 2 records one file may hold (--max-records)",
        );
        fs.writeFileSync(path.join(dir, "two-mb.json"), `{"Records":[{"pad":"${"x".repeat(2e6)}"}]}`);
        r = await runCli(["backtest", "two-mb.json", "--max-file-mb", "1", "--json"], { cwd: dir });
        assert.strictEqual(r.code, 1);
        assert.strictEqual(
            JSON.parse(r.stdout).problems[0].reason,
            "2 MB on disk, more than the 1 MB limit (--max-file-mb)",
        );
    });

    const usageErrors: [string[], string][] = [
        [["good.json", "--max-file-mb", "0"], '--max-file-mb: expected a whole number from 1 to 512, got "0"'],
        [["good.json", "--max-file-mb", "513"], '--max-file-mb: expected a whole number from 1 to 512, got "513"'],
        [
            ["good.json", "--max-records", "1e9"],
            '--max-records: expected a whole number from 1 to 100000000, got "1e9"',
        ],
        [["good.json", "--since", "2024-02-30"], '--since: "2024-02-30" is not a date in the calendar'],
        [
            ["good.json", "--until", "2023-02-29T00:00:00Z"],
            '--until: "2023-02-29T00:00:00Z" is not a date in the calendar',
        ],
        [["good.json", "--since", "2024-05-01T24:00"], '--since: "2024-05-01T24:00" is not a date in the calendar'],
    ];
    itIsUsageError("backtest", usageErrors, () => dir);

    it("--since 2024-02-29 (a leap day) is a date", async () => {
        const { code } = await runCli(["backtest", "good.json", "--since", "2024-02-29", "--json"], { cwd: dir });
        assert.strictEqual(code, 0);
    });

    it("a file named twice, or named and inside a directory named, is read once", async () => {
        fs.mkdirSync(path.join(dir, "twice"));
        fs.copyFileSync(path.join(dir, "good.json"), path.join(dir, "twice", "one.json"));
        const one = path.join("twice", "one.json");
        for (const argv of [
            [one, one],
            [one, "./twice/../twice/one.json"],
            ["twice", one],
            [one, "twice"],
        ]) {
            const { code, stdout } = await runCli(["backtest", ...argv, "--json"], { cwd: dir });
            assert.strictEqual(code, 0, argv.join(" "));
            const report = JSON.parse(stdout);
            assert.strictEqual(report.files.read, 1, argv.join(" "));
            assert.strictEqual(report.events.read, 1, argv.join(" "));
        }
    });

    it("Ctrl-C stops after the files being read: files already queued for a worker are not read", async function () {
        if (process.platform === "win32") this.skip();
        this.timeout(20_000);
        // With --threads 2 the main thread reads the first file (good.json) while it starts the one worker; the worker
        // is handed the next two: a named pipe, which holds it until the test writes to it, and q1 queued behind it.
        // The worker then holds two files, so the main thread reads q2..q4 itself (each refused at once: not JSON)
        // and waits for the worker. q1 is read only if the worker ignores Ctrl-C.
        const fifo = path.join(dir, "a-pipe.json");
        await new Promise<void>((resolve, reject) =>
            spawn("mkfifo", [fifo]).on("exit", (c) => (c === 0 ? resolve() : reject(new Error(`mkfifo: ${c}`)))),
        );
        fs.mkdirSync(path.join(dir, "queued"));
        for (let i = 1; i <= 4; i++) fs.writeFileSync(path.join(dir, "queued", `q${i}.json`), "not JSON");
        const child = spawn(
            process.execPath,
            [
                path.join(projectDir, "bin", "trailwatch.js"),
                "backtest",
                "good.json",
                fifo,
                "queued",
                "--threads",
                "2",
                "--json",
            ],
            { cwd: dir, stdio: ["ignore", "pipe", "pipe"] },
        );
        let stdout = "";
        child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
        const exited = new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
        // Opening the pipe for writing completes when the worker opens it. Should the run end without opening it,
        // the pipe is opened for reading here, or the writer's open would wait forever (and mocha with it).
        void exited.then(() => {
            try {
                fs.closeSync(fs.openSync(fifo, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK));
            } catch {
                // The pipe is gone with the test's folder.
            }
        });
        const writer = await fs.promises.open(fifo, "w");
        assert.strictEqual(child.exitCode, null, `the backtest ended before reading the pipe: ${stdout}`);
        // The main thread has long read its files (the worker's start takes longer) and waits: it handles the signal
        // at once, and sets the flag the worker reads before each file.
        child.kill("SIGINT");
        const interruptedAt = Date.now();
        await new Promise((resolve) => setTimeout(resolve, 500));
        await writer.write(`{"Records":[${rootLogin()}]}`);
        await writer.close();
        assert.strictEqual(await exited, 130);
        assert.ok(Date.now() - interruptedAt < 8000, `${Date.now() - interruptedAt} ms after SIGINT`);
        const report = JSON.parse(stdout);
        assert.strictEqual(report.interrupted, true);
        assert.deepStrictEqual([report.files.read, report.events.read], [2, 2]);
        const refused = report.problems.map((p: { file: string }) => p.file);
        assert.ok(!refused.includes(path.join("queued", "q1.json")), `q1 was read: ${refused.join(", ")}`);
        assert.ok(refused.length <= 3, refused.join(", "));
    });
});
