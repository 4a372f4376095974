import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { exitCode } from "../../cli/command";
import { stoppedExitCode } from "../../cli/engines/stopSignals";
import { projectWithStack } from "../support/projectWithStack";
import { projectDir } from "../support/repositoryPaths";
import { CliResult, runCli } from "../support/runCli";

// One scheme for every command (docs/cli.md): 0 ok, 1 findings, 2 usage or input errors; under --json an error is
// {"error":{"code":2,"message":...}} on stdout and nothing on stderr; an unreadable file has one wording.

/** A fresh folder with one CloudTrail log file (`logs/events.json`) made of the project's own sample events. */
function folderWithLogFile(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trailwatch-exit-"));
    const samples = path.join(projectDir, "sample-events");
    const records = fs
        .readdirSync(samples)
        .filter((f) => f.endsWith(".json"))
        .map((f) => JSON.parse(fs.readFileSync(path.join(samples, f), "utf8")));
    fs.mkdirSync(path.join(dir, "logs"));
    fs.writeFileSync(path.join(dir, "logs/events.json"), JSON.stringify({ Records: records }));
    return dir;
}

/** The run's JSON error document, after checking it is the only output and the exit code is 2. */
function jsonError(result: CliResult): { code: number; message: string } & Record<string, unknown> {
    assert.strictEqual(result.stderr, "");
    assert.strictEqual(result.code, 2);
    const doc = JSON.parse(result.stdout);
    assert.deepStrictEqual(Object.keys(doc), ["error"]);
    assert.strictEqual(doc.error.code, 2);
    return doc.error;
}

describe("one exit-code scheme for every command", () => {
    const enoent = (file: string) => `cannot read ${file}: no such file or directory (ENOENT)`;

    describe("an unreadable file: the same wording, exit 2, from render, test-pattern and backtest", () => {
        const cases: [string, string[]][] = [
            ["render", ["render", "{{Subject}}", "missing.json"]],
            ["test-pattern", ["test-pattern", "ERROR", "missing.json"]],
            ["backtest", ["backtest", "missing.json"]],
        ];
        for (const [command, argv] of cases) {
            it(command, async () => {
                const dir = folderWithLogFile();
                assert.deepStrictEqual(await runCli(argv, { cwd: dir }), {
                    code: 2,
                    stdout: "",
                    stderr: `trailwatch ${command}: ${enoent("missing.json")}\n`,
                });
                const error = jsonError(await runCli([...argv, "--json"], { cwd: dir }));
                assert.strictEqual(error.message, enoent("missing.json"));
            });
        }
    });

    it("a folder given as a file: the same wording from render and test-pattern, exit 2", async () => {
        const dir = folderWithLogFile();
        for (const argv of [
            ["render", "{{Subject}}", "logs"],
            ["test-pattern", "ERROR", "logs"],
        ]) {
            assert.deepStrictEqual(await runCli(argv, { cwd: dir }), {
                code: 2,
                stdout: "",
                stderr: `trailwatch ${argv[0]}: cannot read logs: is a directory (EISDIR)\n`,
            });
        }
    });

    it("check --json: an unknown stack and an invalid configuration are JSON errors (the problems listed)", async () => {
        const unknown = jsonError(await runCli(["check", "--stack", "nonexistent", "--json"]));
        assert.match(
            unknown.message,
            /^no stack "nonexistent": stacks\/Pulumi\.nonexistent\.yaml does not exist; stacks: /,
        );

        const dir = projectWithStack("bad", "config:\n  aws:region: eu-west-1\n  trailwatch:logRetentionDays: 42\n");
        const invalid = jsonError(await runCli(["check", "--stack", "bad", "--json"], { cwd: dir }));
        assert.deepStrictEqual(
            (invalid.problems as { key: string }[]).map((p) => p.key),
            ["trailwatch:logRetentionDays"],
        );
    });

    it("drill: an invalid configuration is an input error (exit 2) naming the key, a JSON error under --json", async () => {
        const dir = projectWithStack("bad", "config:\n  aws:region: eu-west-1\n  trailwatch:logRetentionDays: 42\n");
        const human = await runCli(["drill", "--stack", "bad", "--dry-run"], { cwd: dir });
        assert.strictEqual(human.code, 2);
        assert.strictEqual(human.stdout, "");
        assert.match(
            human.stderr,
            /^trailwatch drill: stack bad: invalid stack configuration:\n {2}trailwatch:logRetentionDays: /,
        );
        const invalid = jsonError(await runCli(["drill", "--stack", "bad", "--dry-run", "--json"], { cwd: dir }));
        assert.deepStrictEqual(
            (invalid.problems as { key: string }[]).map((p) => p.key),
            ["trailwatch:logRetentionDays"],
        );
    });

    it("render --json: a malformed template is a JSON error naming the line and column", async () => {
        const error = jsonError(await runCli(["render", "{{Message.toLower()}}", "-", "--json"], { stdin: "{}" }));
        assert.match(error.message, /^template error at line 1, column 11: unknown method "toLower"/);
    });

    it("render: an extract that matches nothing is a finding, exit 1", async () => {
        const notification = JSON.stringify({
            Type: "Notification",
            MessageId: "0c7d4d4e-5b3a-4f55-9c1e-0d8c6f1b2a3c",
            TopicArn: "arn:aws:sns:eu-west-1:111122223333:alerts",
            Subject: "s",
            Message: "{}",
            Timestamp: "2024-05-01T12:00:00.000Z",
        });
        const result = await runCli(["render", '{{Message.extract(/"Region":"([^"]*)"/)}}', "-"], {
            stdin: notification,
        });
        assert.strictEqual(result.code, 1, result.stderr);
    });

    it("test-pattern --json: an invalid pattern is a JSON error with its position", async () => {
        const error = jsonError(await runCli(["test-pattern", "--json", "{ $.a IS NOT NULL }"], { stdin: "" }));
        assert.match(error.message, /^invalid filter pattern: position 7: unsupported operator IS NOT/);
    });

    it("test-pattern: a pattern that matches nothing is no error (exit 0)", async () => {
        const dir = folderWithLogFile();
        const result = await runCli(["test-pattern", "NO_SUCH_TERM", "logs/events.json"], { cwd: dir });
        assert.strictEqual(result.code, 0);
        assert.match(result.stdout, /^0 of \d+ events matched\n$/);
    });

    it("backtest --json: a usage error is a JSON error", async () => {
        const dir = folderWithLogFile();
        const error = jsonError(await runCli(["backtest", "logs", "--rule", "no-such-rule", "--json"], { cwd: dir }));
        assert.match(error.message, /^unknown rule "no-such-rule" in the built-in catalogue/);
    });

    const twice: [string, string[], string][] = [
        [
            "check",
            ["check", "--stack", "dev", "--stack", "prod"],
            '--stack given twice ("dev" and "prod"); give it once',
        ],
        [
            "render",
            ["render", "--stack=dev", "--stack=prod", "-"],
            '--stack given twice ("dev" and "prod"); give it once',
        ],
        [
            "backtest",
            ["backtest", "logs", "--since", "2024-01-01", "--since=2024-02-01"],
            '--since given twice ("2024-01-01" and "2024-02-01"); give it once',
        ],
        [
            "backtest",
            ["backtest", "logs", "--stack", "dev", "--stack", "dev"],
            '--stack given twice ("dev" and "dev"); give it once',
        ],
    ];
    for (const [command, argv, message] of twice) {
        it(`a single-valued flag given twice is a usage error: ${argv.join(" ")}`, async () => {
            assert.deepStrictEqual(await runCli(argv, { cwd: folderWithLogFile() }), {
                code: 2,
                stdout: "",
                stderr: `trailwatch ${command}: ${message}\n`,
            });
        });
    }
});

describe("stacks found from any folder inside the project", () => {
    it("check runs from a subfolder of the project (the folder holding Pulumi.yaml is found upwards)", async () => {
        const { code, stdout, stderr } = await runCli(["check", "--stack", "dev"], {
            cwd: path.join(projectDir, "test", "fixtures"),
        });
        assert.strictEqual(stderr, "");
        assert.strictEqual(code, 0, stdout);
        assert.match(stdout, /\nOK: stack dev passes the offline check/);
    });

    it("backtest --stack reads the stack from the project's stackConfigDir, run from a folder below it", async () => {
        const dir = folderWithLogFile();
        fs.writeFileSync(
            path.join(dir, "Pulumi.yaml"),
            "name: trailwatch\nruntime: nodejs\nstackConfigDir: deploy/stacks\n",
        );
        fs.mkdirSync(path.join(dir, "deploy/stacks"), { recursive: true });
        fs.writeFileSync(
            path.join(dir, "deploy/stacks/Pulumi.qa.yaml"),
            "config:\n  aws:region: eu-west-1\n  trailwatch:disabledRules: [iam-user-created]\n",
        );
        const all = JSON.parse(
            (await runCli(["backtest", "events.json", "--json"], { cwd: path.join(dir, "logs") })).stdout,
        );
        const qa = await runCli(["backtest", "events.json", "--stack", "qa", "--json"], {
            cwd: path.join(dir, "logs"),
        });
        assert.strictEqual(qa.code, 0, qa.stderr);
        const ids = (doc: { rules: { id: string }[] }) => doc.rules.map((r) => r.id);
        assert.deepStrictEqual(
            ids(JSON.parse(qa.stdout)),
            ids(all).filter((id) => id !== "iam-user-created"),
        );
        assert.ok(ids(all).includes("iam-user-created"));
    });

    for (const argv of [["check"], ["render", "--stack", "dev", "-"], ["backtest", "logs", "--stack", "dev"]]) {
        it(`outside a project, ${argv[0]} is a usage error that says so`, async () => {
            const dir = folderWithLogFile();
            const { code, stdout, stderr } = await runCli(argv, { cwd: dir });
            assert.strictEqual(code, 2);
            assert.strictEqual(stdout, "");
            assert.match(
                stderr,
                new RegExp(
                    `^trailwatch ${argv[0]}: (--stack dev: )?not inside a Pulumi project: no Pulumi\\.yaml in .+ or any folder above it`,
                ),
            );
        });
    }

    it("an invalid stack file is an input error (exit 2) naming the file and what is wrong", async () => {
        const dir = projectWithStack("broken", "config:\n  trailwatch:logRetentionDays: 90\n");
        assert.deepStrictEqual(await runCli(["check", "--stack", "broken"], { cwd: dir }), {
            code: 2,
            stdout: "",
            stderr:
                "trailwatch check: stacks/Pulumi.broken.yaml: config has no aws:region (the AWS region to deploy to); " +
                "add it, e.g. `aws:region: eu-west-1`, or run `pulumi config set aws:region eu-west-1`\n",
        });
        fs.writeFileSync(path.join(dir, "stacks/Pulumi.broken.yaml"), "");
        const empty = await runCli(["check", "--stack", "broken"], { cwd: dir });
        assert.strictEqual(empty.code, 2);
        assert.match(empty.stderr, /^trailwatch check: stacks\/Pulumi\.broken\.yaml: the file is empty;/);
    });
});

describe("the exit codes as users read them: README.md and docs/cli.md", () => {
    /** The first column of the markdown table whose header starts with `| <header> |`, as numbers. */
    function tableCodes(file: string, header: string): number[] {
        const text = fs.readFileSync(path.join(projectDir, file), "utf8");
        const start = text.indexOf(`\n| ${header} |`);
        assert.ok(start >= 0, `${file} has no table headed "${header}"`);
        const rows = text
            .slice(start + 1)
            .split("\n\n")[0]
            .split("\n")
            .slice(2);
        return rows.map((row) => Number(/^\| (\d+) \|/.exec(row)?.[1]));
    }

    it("both list the codes of the scheme (0, 1, 2 as cli/command.ts defines them), Ctrl-C's 130, SIGTERM's 143 and the bug's 70", () => {
        const scheme = [
            exitCode.ok,
            exitCode.findings,
            exitCode.usage,
            stoppedExitCode("SIGINT"),
            stoppedExitCode("SIGTERM"),
            70,
        ];
        assert.deepStrictEqual(tableCodes("README.md", "exit"), scheme);
        assert.deepStrictEqual(tableCodes("docs/cli.md", "code"), scheme);
    });
});
