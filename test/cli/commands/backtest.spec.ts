import * as assert from "assert";
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { generateSyntheticArchive, SyntheticArchiveManifest } from "../../../bench/syntheticArchive";
import { projectDir } from "../../support/repositoryPaths";
import { itIsUsageError, runCli } from "../../support/runCli";

const binary = path.join(projectDir, "bin", "trailwatch.js");

describe("trailwatch backtest", function () {
    let dir: string;
    let manifest: SyntheticArchiveManifest;
    const day = path.join("AWSLogs", "123456789012", "CloudTrail", "eu-west-1", "2024", "03", "04");

    before(async function () {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "trailwatch-backtest-cli-"));
        manifest = await generateSyntheticArchive({
            dir: path.join(dir, "archive"),
            targetUncompressedBytes: 1_500_000,
            recordsPerFile: 100,
        });
    });

    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    describe("bad input is counted, named and skipped; the rest is processed; exit code 1", function () {
        let bad: string;
        const expected: { file: string; reason: string | RegExp }[] = [];

        before(function () {
            bad = path.join(dir, "bad");
            fs.cpSync(path.join(dir, "archive"), bad, { recursive: true });
            const put = (name: string, data: string | Buffer, reason: string | RegExp): void => {
                fs.writeFileSync(path.join(bad, day, name), data);
                expected.push({ file: path.join("bad", day, name), reason });
            };
            const good = zlib.gzipSync(JSON.stringify({ Records: [{ eventName: "ConsoleLogin" }] }));
            put(
                "corrupt.json.gz",
                Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0x03, 0xff, 0xfe, 0xfd, 1, 2]),
                /^corrupt gzip: /,
            );
            put("truncated.json.gz", good.subarray(0, good.length - 12), "corrupt gzip: unexpected end of file");
            // Saved already decompressed under the name S3 gave it: named, not read as text.
            put(
                "plain-text.json.gz",
                JSON.stringify({ Records: [{ eventName: "ConsoleLogin" }] }),
                "named .gz but not gzip: it starts with 7b 22, not the gzip magic bytes 1f 8b",
            );
            put("empty.json.gz", "", "named .gz but not gzip: the file is empty");
            put("truncated.json", '{"Records":[{"eventVersion":"1.08","eventName":"Console', /^invalid JSON: /);
            put(
                "config-snapshot.json",
                '{"fileVersion":"1.0","configurationItems":[]}',
                'not a CloudTrail log file: no "Records" array',
            );
            put(
                "records-not-objects.json",
                '{"Records":[{"eventName":"x"},"y"]}',
                "not a CloudTrail log file: Records[1] is not an object",
            );
            put("array.json", "[]", 'not a CloudTrail log file: expected an object with a "Records" array');
            fs.symlinkSync(path.join(bad, "nowhere.json.gz"), path.join(bad, day, "dangling.json.gz"));
            expected.push({ file: path.join("bad", day, "dangling.json.gz"), reason: /^cannot read: .* \(ENOENT\)$/ });
            if (process.getuid?.() !== 0) {
                // Root reads anything, so permissions only make a file unreadable for other users.
                put("no-permission.json.gz", good, /^cannot read: permission denied \(EACCES\)$/);
                fs.chmodSync(path.join(bad, day, "no-permission.json.gz"), 0);
            }
            expected.sort((a, b) => (a.file < b.file ? -1 : 1));
        });

        it("--json lists every unusable file with its reason, and still counts every good event", async () => {
            const { code, stdout, stderr } = await runCli(["backtest", "bad", "--json", "--threads", "2"], {
                cwd: dir,
            });
            assert.strictEqual(stderr, "");
            assert.strictEqual(code, 1);
            const report = JSON.parse(stdout);
            assert.deepStrictEqual(
                report.problems.map((p: { file: string }) => p.file),
                expected.map((e) => e.file),
            );
            report.problems.forEach((p: { reason: string }, i: number) => {
                const want = expected[i].reason;
                if (typeof want === "string") assert.strictEqual(p.reason, want, expected[i].file);
                else assert.match(p.reason, want, expected[i].file);
            });
            assert.strictEqual(report.files.failed, expected.length);
            assert.strictEqual(report.files.read, manifest.files);
            assert.strictEqual(report.events.read, manifest.events);
            const root = report.rules.find((r: { id: string }) => r.id === "cis-cloudwatch-1-root-usage");
            assert.strictEqual(root.matchedEvents, manifest.perRule["cis-cloudwatch-1-root-usage"].events);
        });

        it("the table ends with the unusable files, one line each", async () => {
            const { code, stdout } = await runCli(["backtest", "bad"], { cwd: dir });
            assert.strictEqual(code, 1);
            const tail = stdout.slice(stdout.indexOf("\nUnusable files"));
            const lines = tail.trim().split("\n");
            assert.strictEqual(lines[0], `Unusable files (${expected.length}), skipped:`);
            assert.deepStrictEqual(
                lines.slice(1).map((l) => l.slice(0, l.indexOf(": "))),
                expected.map((e) => `  ${e.file}`),
            );
        });
    });

    it("prints a table per rule and exits 0 when every file was read", async () => {
        const { code, stdout, stderr } = await runCli(["backtest", "archive", "--rule", "console-login-root"], {
            cwd: dir,
        });
        assert.strictEqual(stderr, "", "no progress when stderr is not a terminal");
        assert.strictEqual(code, 0);
        const n = manifest.perRule["console-login-root"].events;
        assert.match(stdout, /^Backtest of 1 rule\(s\) over [\d,]+ event\(s\) \(2024-03-04 00:00:\d\dZ to /);
        assert.match(
            stdout,
            /\nRULE {16}SEV {2}EVENTS {2}PERIODS>=THRESHOLD {2}ALARMS {2}ALARMS\/DAY {2}FIRST {17}LAST\n/,
        );
        assert.match(stdout, new RegExp(`\\nconsole-login-root  P1 {${9 - String(n).length}}${n} `));
        assert.match(stdout, /\n {2}top principals: arn:aws:iam::123456789012:root \(\d+\)\n/);
        assert.match(
            stdout,
            /\n {2}samples:\n {4}2024-03-04T00:\d\d:\d\dZ {2}ConsoleLogin {2}arn:aws:iam::123456789012:root {2}from 198\.51\.100\.\d+ {2}\[123456789012_CloudTrail_eu-west-1_20240304T0005Z_\w+\.json\.gz #\d+\]\n/,
        );
        assert.match(
            stdout,
            new RegExp(
                `\\nFiles: ${manifest.files} read \\(1 Insights\\), 0 unusable; left out: 3 digest, 1 other services' logs, 1 not \\.json/\\.json\\.gz\\n`,
            ),
        );
    });

    it("a folder without a log file, or a window before every file, exits 1 saying what the paths held", async () => {
        const empty = fs.mkdtempSync(path.join(os.tmpdir(), "trailwatch-nothing-"));
        fs.mkdirSync(path.join(empty, "CloudTrail-Digest"));
        fs.writeFileSync(path.join(empty, "CloudTrail-Digest", "digest.json.gz"), zlib.gzipSync("{}"));
        fs.writeFileSync(path.join(empty, "notes.txt"), "not a log");
        const none = await runCli(["backtest", empty, "--json"], { cwd: dir });
        assert.strictEqual(none.code, 1);
        assert.strictEqual(JSON.parse(none.stdout).files.read, 0, "stdout stays the report");
        assert.strictEqual(
            none.stderr,
            `trailwatch backtest: no CloudTrail log file read under ${empty}: it reads the .json and .json.gz files of a trail's bucket as \`aws s3 sync\` lays them out (AWSLogs/<account>/CloudTrail/...), or files named directly; left out: 1 digest, 1 not .json/.json.gz\n`,
        );
        fs.rmSync(path.join(empty, "CloudTrail-Digest"), { recursive: true });
        fs.rmSync(path.join(empty, "notes.txt"));
        const nothing = await runCli(["backtest", empty], { cwd: dir });
        assert.strictEqual(nothing.code, 1);
        assert.match(nothing.stderr, /or files named directly; none was found\n$/);
        fs.rmSync(empty, { recursive: true, force: true });

        const later = await runCli(["backtest", "archive", "--since", "2030-01-01T00:00:00Z"], { cwd: dir });
        assert.strictEqual(later.code, 1);
        assert.match(
            later.stderr,
            /, delivered from --since 2030-01-01T00:00:00\.000Z on; left out: (.+, )?\d+ delivered before --since\n$/,
        );
    });

    it("--json: one document with the same content as the table, keys as documented", async () => {
        const { code, stdout } = await runCli(
            [
                "backtest",
                "archive",
                "--rule",
                "cis-cloudwatch-6-console-auth-failures",
                "--since",
                "2024-03-04",
                "--json",
            ],
            { cwd: dir },
        );
        assert.strictEqual(code, 0);
        const report = JSON.parse(stdout);
        assert.deepStrictEqual(Object.keys(report), [
            "window",
            "archive",
            "rules",
            "files",
            "events",
            "bytes",
            "elapsedSeconds",
            "megabytesPerSecond",
            "threads",
            "interrupted",
            "problems",
        ]);
        assert.deepStrictEqual(report.window, { since: "2024-03-04T00:00:00.000Z", until: null });
        const [rule] = report.rules;
        assert.deepStrictEqual(Object.keys(rule), [
            "id",
            "title",
            "severity",
            "pattern",
            "threshold",
            "period",
            "evaluationPeriods",
            "matchedEvents",
            "periodsAtThreshold",
            "alarms",
            "busiestPeriod",
            "alarmsPerDay",
            "first",
            "last",
            "topPrincipals",
            "topSourceIPs",
            "samples",
        ]);
        const known = manifest.perRule["cis-cloudwatch-6-console-auth-failures"];
        assert.strictEqual(rule.matchedEvents, known.events);
        assert.strictEqual(rule.first, new Date(known.first).toISOString());
        assert.deepStrictEqual(rule.topPrincipals, [
            { principal: "arn:aws:iam::123456789012:user/alice", events: known.events },
        ]);
        assert.strictEqual(rule.samples[0].record.errorMessage, "Failed authentication");
        assert.strictEqual(rule.samples[0].eventTime, known.first);
    });

    it("shows progress on a terminal: files, events, MB/s, time left", async () => {
        const { code, stderr } = await runCli(["backtest", "archive", "--rule", "iam-user-created"], {
            cwd: dir,
            stderrIsTTY: true,
        });
        assert.strictEqual(code, 0);
        const eraseLine = "\r\x1b[2K";
        assert.ok(stderr.startsWith(eraseLine));
        assert.match(
            stderr.slice(eraseLine.length),
            /^\d+(\/\d+)? files, [\d,]+ events, [\d.]+ [kMG]?B, [\d.]+ MB\/s, time left \S+/,
        );
        assert.ok(stderr.endsWith(eraseLine), "the progress line is erased before the report");
    });

    it("--stack evaluates the stack's rules with its office, overrides and own rules (prod)", async () => {
        const { code, stdout } = await runCli(["backtest", path.join(dir, "archive"), "--stack", "prod", "--json"]);
        assert.strictEqual(code, 0);
        const rules: { id: string; threshold: number; period: number; matchedEvents: number }[] =
            JSON.parse(stdout).rules;
        const byId = Object.fromEntries(rules.map((r) => [r.id, r]));
        // The prod stack's own rule, and its override of the failed sign-in rule (3 in 10 minutes).
        assert.strictEqual(byId["guardduty-disabled"].matchedEvents, 0);
        assert.deepStrictEqual([byId["console-login-failed"].threshold, byId["console-login-failed"].period], [3, 600]);
        // prod's office is 203.0.113.*: the templates' sign-ins from elsewhere are outside it.
        assert.strictEqual(
            byId["console-login-outside-office"].matchedEvents,
            manifest.perRule["console-login-outside-office"].events,
        );
    });

    it("--rule tries a rule the stack turns off (dev turns off CIS CloudWatch.2), counting its events", async () => {
        const id = "cis-cloudwatch-2-unauthorized-api-calls";
        const { code, stdout, stderr } = await runCli([
            "backtest",
            path.join(dir, "archive"),
            "--stack",
            "dev",
            "--rule",
            id,
            "--json",
        ]);
        assert.strictEqual(stderr, "");
        assert.strictEqual(code, 0);
        const rules: { id: string; matchedEvents: number }[] = JSON.parse(stdout).rules;
        assert.deepStrictEqual(
            rules.map((r) => [r.id, r.matchedEvents]),
            [[id, manifest.perRule[id].events]],
        );
    });

    it("--rule refuses a rule without a pattern (the office rule without office addresses), saying why", async () => {
        const { code, stdout, stderr } = await runCli(
            ["backtest", "archive", "--rule", "console-login-outside-office"],
            { cwd: dir },
        );
        assert.strictEqual(code, 2);
        assert.strictEqual(stdout, "");
        assert.match(
            stderr,
            /^trailwatch backtest: rule "console-login-outside-office" has no pattern in the built-in catalogue: .*officeIpAddresses/,
        );
    });

    const usageErrors: [string[], string][] = [
        [[], "give at least one PATH (a log file or a directory)"],
        [
            ["archive", "--since", "yesterday"],
            '--since: expected an ISO 8601 date or time such as 2024-05-01 or 2024-05-01T12:00:00Z, got "yesterday"',
        ],
        [["archive", "--since", "2024-03-05", "--until", "2024-03-04"], "--since must be before --until"],
        [["archive", "--threads", "0"], '--threads: expected a whole number from 1 to 64, got "0"'],
        [["archive", "--threads", "10000"], '--threads: expected a whole number from 1 to 64, got "10000"'],
        [["archive", "--rule"], "--rule needs a value"],
        [["archive", "--verbose"], "unknown option --verbose"],
    ];
    itIsUsageError("backtest", usageErrors, () => dir);

    it("an unknown rule id is a usage error listing the rules", async () => {
        const { code, stderr } = await runCli(["backtest", "archive", "--rule", "no-such-rule"], { cwd: dir });
        assert.strictEqual(code, 2);
        assert.match(
            stderr,
            /^trailwatch backtest: unknown rule "no-such-rule" in the built-in catalogue; rules: cis-cloudwatch-1-root-usage, /,
        );
    });

    it("Ctrl-C prints the summary so far and exits 130", async function () {
        if (process.platform === "win32") this.skip();
        // A named pipe as the last PATH holds the thread reading it (a worker, or the main thread) until the test
        // writes to it: the run is certainly still going when SIGINT arrives, without depending on timing.
        const fifo = path.join(dir, "slow.json");
        fs.rmSync(fifo, { force: true });
        await new Promise<void>((resolve, reject) =>
            spawn("mkfifo", [fifo]).on("exit", (c) => (c === 0 ? resolve() : reject(new Error(`mkfifo: ${c}`)))),
        );
        const child = spawn(process.execPath, [binary, "backtest", "archive", fifo, "--threads", "2", "--json"], {
            cwd: dir,
            stdio: ["ignore", "pipe", "pipe"],
        });
        let stdout = "";
        child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
        const exited = new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
        // Opening the pipe for writing completes when the backtest opens it for reading.
        const writer = await fs.promises.open(fifo, "w");
        child.kill("SIGINT");
        await new Promise((resolve) => setTimeout(resolve, 200));
        await writer.write(
            JSON.stringify({ Records: [{ eventName: "ConsoleLogin", eventTime: "2024-03-04T00:01:00Z" }] }),
        );
        await writer.close();
        assert.strictEqual(await exited, 130);
        const report = JSON.parse(stdout);
        assert.strictEqual(report.interrupted, true);
        // The file being read when Ctrl-C came (the pipe) is finished; files still queued behind it on the other
        // thread are left unread, so how many of the archive's events were read depends on timing.
        assert.ok(
            report.events.read >= 1 && report.events.read <= manifest.events + 1,
            `${report.events.read} of ${manifest.events + 1} events`,
        );
    });
});
