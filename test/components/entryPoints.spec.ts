import * as assert from "assert";
import { execFile } from "child_process";
import * as path from "path";
import { projectDir } from "../support/repositoryPaths";

/**
 * `@trailwatch/components/catalogue` and `/preview` exist so that tools which start often (the CLI, the policy
 * pack, each backtest worker thread) get the rules and the alert preview without the Pulumi SDK, `@pulumi/aws` or
 * an AWS SDK client. Each case loads one module in a fresh process and lists the SDK packages it pulled in.
 */
describe("the entry points that load without the Pulumi SDK", function () {
    this.timeout(30_000);

    function sdksLoadedBy(request: string): Promise<string[]> {
        const script = `
            require(${JSON.stringify(request)});
            console.log(JSON.stringify([...new Set(Object.keys(require.cache)
                .map((f) => /node_modules[\\\\/](@pulumi[\\\\/](?:pulumi|aws)|@aws-sdk[\\\\/][^\\\\/]+)[\\\\/]/.exec(f)?.[1])
                .filter((m) => m !== undefined))]));`;
        return new Promise((resolve, reject) =>
            execFile(process.execPath, ["-e", script], { cwd: projectDir }, (err, stdout) =>
                err ? reject(new Error(err.message)) : resolve(JSON.parse(stdout) as string[]),
            ),
        );
    }

    const cases: [string, string][] = [
        ["@trailwatch/components/catalogue", "@trailwatch/components/catalogue"],
        ["@trailwatch/components/preview", "@trailwatch/components/preview"],
        [
            "the backtest's evaluator, which each worker thread loads",
            path.join(projectDir, "dist/cli/engines/backtest/archiveEvaluator.js"),
        ],
    ];
    for (const [name, request] of cases) {
        it(name, async () => {
            assert.deepStrictEqual(await sdksLoadedBy(request), []);
        });
    }

    it("the probe sees the SDKs when a module does load them (the package's index)", async () => {
        const loaded = await sdksLoadedBy("@trailwatch/components");
        assert.ok(loaded.includes("@pulumi/pulumi") && loaded.includes("@pulumi/aws"), loaded.join(", "));
    });
});
