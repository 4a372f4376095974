import * as assert from "assert";
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { projectDir } from "../support/repositoryPaths";
import { projectWithStack } from "../support/projectWithStack";

/**
 * The commands that only read a stack's rules (backtest, sql) start in a fraction of a second
 * because they never load the Pulumi SDK, `@pulumi/aws` or an AWS SDK client (together about 0.7 s on the
 * benchmark machine): the stack file is read by the project's own reader, the rules come from
 * `@trailwatch/components/catalogue`. Each case runs in a fresh process and lists what it loaded.
 */
describe("reading a stack's rules loads neither the Pulumi nor an AWS SDK", function () {
    this.timeout(60_000);
    let project: string;
    let archive: string;

    before(() => {
        project = projectWithStack(
            "startup",
            "config:\n  aws:region: eu-west-1\n  trailwatch:officeIpAddresses:\n    - 203.0.113.10\n",
        );
        // One small log file: the run reads it (a run that reads nothing exits 1) and evaluates it with the stack's rules.
        archive = fs.mkdtempSync(path.join(os.tmpdir(), "trailwatch-small-archive-"));
        fs.writeFileSync(
            path.join(archive, "log.json"),
            '{"Records":[{"eventTime":"2024-05-01T00:00:00Z","eventName":"ConsoleLogin","userIdentity":{"type":"Root"}}]}',
        );
    });

    after(() => {
        fs.rmSync(project, { recursive: true, force: true });
        fs.rmSync(archive, { recursive: true, force: true });
    });

    /** Runs `main(argv)` in a fresh node process; returns its exit code and the SDK modules it loaded. */
    function loadedBy(argv: string[]): Promise<{ code: number; loaded: string[] }> {
        const script = `
            const { main } = require(${JSON.stringify(path.join(projectDir, "dist/cli/main.js"))});
            const sink = { write: () => true };
            main(${JSON.stringify(argv)}, { stdout: sink, stderr: sink, stdin: process.stdin, cwd: ${JSON.stringify(project)} })
                .then((code) => console.log(JSON.stringify({
                    code,
                    loaded: [...new Set(Object.keys(require.cache)
                        .map((f) => /node_modules[\\\\/](@pulumi[\\\\/](?:pulumi|aws)|@aws-sdk[\\\\/][^\\\\/]+)[\\\\/]/.exec(f)?.[1])
                        .filter((m) => m !== undefined))],
                })));`;
        return new Promise((resolve, reject) =>
            execFile(process.execPath, ["-e", script], (err: Error | null, stdout: string) =>
                err === null ? resolve(JSON.parse(stdout) as { code: number; loaded: string[] }) : reject(err),
            ),
        );
    }

    const cases: [string, () => string[]][] = [
        ["backtest --stack", () => ["backtest", archive, "--stack", "startup"]],
        ["sql --stack", () => ["sql", "--stack", "startup"]],
    ];
    for (const [name, argv] of cases) {
        it(name, async () => {
            assert.deepStrictEqual(await loadedBy(argv()), { code: 0, loaded: [] });
        });
    }

    it("the probe sees the SDKs when a command does load them (check)", async () => {
        const { loaded } = await loadedBy(["check", "--stack", "startup"]);
        assert.ok(loaded.includes("@pulumi/pulumi") && loaded.includes("@pulumi/aws"), loaded.join(", "));
    });
});
