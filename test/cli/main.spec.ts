import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { projectDir } from "../support/repositoryPaths";
import { runCli } from "../support/runCli";

describe("trailwatch (no command, --help, --version)", () => {
    it("without a command prints the usage to stderr and exits 2", async () => {
        const { code, stdout, stderr } = await runCli([]);
        assert.strictEqual(code, 2);
        assert.strictEqual(stdout, "");
        assert.match(stderr, /^Usage: trailwatch <command> \[options\]$/m);
        assert.match(stderr, /^ {2}check {2}/m);
    });

    it("--help prints the same usage to stdout and exits 0", async () => {
        const noCommand = await runCli([]);
        const { code, stdout, stderr } = await runCli(["--help"]);
        assert.strictEqual(code, 0);
        assert.strictEqual(stderr, "");
        assert.strictEqual(stdout, noCommand.stderr);
    });

    it("--version prints the version of the trailwatch package and exits 0", async () => {
        const { version } = JSON.parse(fs.readFileSync(path.join(projectDir, "bin/package.json"), "utf8"));
        for (const flag of ["--version", "-V", "version"]) {
            const { code, stdout, stderr } = await runCli([flag]);
            assert.deepStrictEqual(
                { code, stdout, stderr },
                { code: 0, stdout: `trailwatch ${version}\n`, stderr: "" },
            );
        }
    });

    it("after --, which ends the options, --help is a positional (here the template), not a request for help", async () => {
        assert.deepStrictEqual(await runCli(["render", "--", "--help", "examples/notification.json"]), {
            code: 0,
            stdout: "--help\n",
            stderr: "",
        });
    });

    it("an unknown command is a usage error naming it", async () => {
        const { code, stdout, stderr } = await runCli(["chekc"]);
        assert.strictEqual(code, 2);
        assert.strictEqual(stdout, "");
        assert.match(stderr, /^trailwatch: unknown command "chekc"\n/);
    });

    it("an unknown command under --json is a JSON error on stdout, nothing on stderr (exit 2)", async () => {
        const { code, stdout, stderr } = await runCli(["chekc", "--stack", "dev", "--json"]);
        assert.deepStrictEqual(
            { code, error: JSON.parse(stdout), stderr },
            {
                code: 2,
                error: {
                    error: {
                        code: 2,
                        message: 'unknown command "chekc"; commands: check, test-pattern, render, backtest, drill, sql',
                    },
                },
                stderr: "",
            },
        );
        // After `--`, --json is an argument, not the option.
        assert.strictEqual((await runCli(["chekc", "--", "--json"])).stdout, "");
    });
});
