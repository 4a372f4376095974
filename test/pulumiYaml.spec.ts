import * as assert from "assert";
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { parse } from "yaml";
import { projectDir } from "./support/repositoryPaths";

const run = promisify(execFile);

/** What the Pulumi CLI reads from Pulumi.yaml's `packages:` (a name, or a PackageSpec with `source`). */
function declaredPackages(pulumiYaml: string): string[] {
    const project = parse(pulumiYaml) as { packages?: Record<string, unknown> };
    return Object.keys(project.packages ?? {});
}

describe("Pulumi.yaml, as `pulumi install` reads it", () => {
    // `pulumi install` generates an SDK for every `packages:` entry and links it into the program's package.json:
    // for npm, `npm pkg set dependencies[<name>]=file:<sdk path>` and then an `allowScripts` entry (pulumi/pulumi
    // sdk/nodejs/npm/npm.go `Link` and sdk/nodejs/npm/manager.go `getLinkPackageProperty`, reached from
    // pkg/cmd/pulumi/install/install.go through pkg/cmd/pulumi/packageinstallation/packageinstallation.go
    // `enqueuePackageSpecLinkedSDKs`, commit 1b5949891b3cefcb9974752b24a5ecef0acc86c8). The generated name is the
    // package's (the dynamic bridge names the Node.js package after the Terraform provider). The deploy steps
    // (docs/deploying.md) run `pulumi install` on a checkout: it must not leave a changed package.json behind.
    it("leaves package.json as committed: the CLI's link step changes nothing", async function () {
        this.timeout(60000);
        const packageJson = fs.readFileSync(path.join(projectDir, "package.json"), "utf8");
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trailwatch-pulumi-install-"));
        try {
            fs.writeFileSync(path.join(dir, "package.json"), packageJson);
            for (const name of declaredPackages(fs.readFileSync(path.join(projectDir, "Pulumi.yaml"), "utf8"))) {
                await run("npm", ["pkg", "set", `dependencies[${name}]=file:sdks/${name}`], { cwd: dir });
            }
            assert.deepStrictEqual(
                JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")),
                JSON.parse(packageJson),
                "pulumi install would link a generated SDK the program does not import into package.json",
            );
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("reads the packages as the CLI does: each key of `packages:` is linked under its name", () => {
        assert.deepStrictEqual(declaredPackages("name: p\nruntime: nodejs\n"), []);
        assert.deepStrictEqual(
            declaredPackages(
                "name: p\nruntime: nodejs\npackages:\n  atlassian-operations:\n    source: terraform-provider\n" +
                    "    version: 1.1.3\n    parameters: [atlassian/atlassian-operations, 1.1.9]\n  random: terraform-provider\n",
            ),
            ["atlassian-operations", "random"],
        );
    });
});
