import * as assert from "assert";
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { projectDir } from "../support/repositoryPaths";

const run = promisify(execFile);
const componentsDir = path.join(projectDir, "components");

// Another team consumes @trailwatch/components as a published npm package, not from this repository's source:
// pack it exactly as `npm publish` would, install the tarball into an empty project, and use it there.
const consumerProgram = `
const pulumi = require("@pulumi/pulumi");
const registered = [];
pulumi.runtime.setMocks({
    newResource: (args) => { registered.push(args.type + " " + args.name); return { id: args.name + "-id", state: { ...args.inputs, arn: "arn:aws:mock:::" + args.name } }; },
    call: (args) => {
        switch (args.token) {
            case "aws:index/getCallerIdentity:getCallerIdentity": return { accountId: "111122223333" };
            case "aws:index/getPartition:getPartition": return { partition: "aws" };
            case "aws:index/getRegion:getRegion": return { region: "eu-west-1", name: "eu-west-1" };
            default: throw new Error("unexpected invoke " + args.token);
        }
    },
}, "consumer", "test");
const { AuditTrail } = require("@trailwatch/components");
const trail = new AuditTrail("team-audit", { logRetentionDays: 90 });
trail.trailArn.apply(() => setTimeout(() => console.log(JSON.stringify(registered.sort())), 100));
`;

describe("@trailwatch/components as an installed npm package", function () {
    // npm pack + npm install (from the local npm cache where possible).
    this.timeout(180000);
    let consumerDir: string;
    let tarball: string;

    before(async () => {
        consumerDir = fs.mkdtempSync(path.join(os.tmpdir(), "trailwatch-consumer-"));
        const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", consumerDir], {
            cwd: componentsDir,
        });
        const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
        tarball = path.join(consumerDir, packed.filename);
        fs.writeFileSync(path.join(consumerDir, "files.json"), JSON.stringify(packed.files.map((f) => f.path)));
        // The consumer pins the same SDK versions as this repository's lockfile, so the install can come from cache.
        const lock = JSON.parse(fs.readFileSync(path.resolve(componentsDir, "../package-lock.json"), "utf8"));
        const version = (name: string) => lock.packages[`node_modules/${name}`].version as string;
        fs.writeFileSync(
            path.join(consumerDir, "package.json"),
            JSON.stringify({
                name: "consumer",
                version: "1.0.0",
                private: true,
                dependencies: { "@pulumi/pulumi": version("@pulumi/pulumi"), "@pulumi/aws": version("@pulumi/aws") },
            }),
        );
        await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", tarball], {
            cwd: consumerDir,
        });
    });

    it("ships compiled JavaScript, declarations, the plugin manifest and source, and no tests", () => {
        const files: string[] = JSON.parse(fs.readFileSync(path.join(consumerDir, "files.json"), "utf8"));
        for (const f of [
            "dist/index.js",
            "dist/index.d.ts",
            "dist/trail/auditTrail.d.ts",
            "pulumi-package/PulumiPlugin.yaml",
            "pulumi-package/package.json",
            "pulumi-package/index.ts",
            "package.json",
            "README.md",
            "LICENSE",
            "tsconfig.json",
        ]) {
            assert.ok(files.includes(f), `${f} is in the package`);
        }
        assert.deepStrictEqual(
            files.filter((f) => /(^|\/)test\/|\.spec\./.test(f)),
            [],
        );
    });

    it("compiles its shipped source with its shipped tsconfig.json, which extends nothing outside the package", async () => {
        const installed = path.join(consumerDir, "node_modules/@trailwatch/components");
        const tsconfig = fs.readFileSync(path.join(installed, "tsconfig.json"), "utf8");
        assert.doesNotMatch(tsconfig, /"extends"/);
        const tsc = path.join(projectDir, "node_modules/typescript/bin/tsc");
        await run(process.execPath, [tsc, "-p", path.join(installed, "tsconfig.json"), "--noEmit"], { cwd: installed });
    });

    it("type-checks the README's minimal program in the consumer's project, against the installed package", async () => {
        const readme = fs.readFileSync(path.join(componentsDir, "README.md"), "utf8");
        const section = readme.slice(readme.indexOf("\n## A minimal program\n"));
        const program = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
        assert.ok(
            program !== undefined && program.includes("@trailwatch/components"),
            "components/README.md has no minimal program",
        );
        fs.writeFileSync(path.join(consumerDir, "index.ts"), program);
        fs.writeFileSync(
            path.join(consumerDir, "tsconfig.json"),
            JSON.stringify({
                compilerOptions: { strict: true, module: "commonjs", target: "ES2022", skipLibCheck: true, types: [] },
                files: ["index.ts"],
            }),
        );
        const tsc = path.join(projectDir, "node_modules/typescript/bin/tsc");
        await run(process.execPath, [tsc, "-p", "tsconfig.json", "--noEmit"], { cwd: consumerDir }).catch(
            (err: { stdout?: string }) => assert.fail(`the README's program does not compile:\n${err.stdout}`),
        );
    });

    it("resolves through its exports map and constructs AuditTrail under mocks in the consumer's project", async () => {
        fs.writeFileSync(path.join(consumerDir, "program.js"), consumerProgram);
        const { stdout } = await run(process.execPath, ["program.js"], { cwd: consumerDir });
        const registered: string[] = JSON.parse(stdout.trim());
        assert.ok(registered.includes("trailwatch:index:AuditTrail team-audit"), stdout);
        assert.ok(registered.includes("aws:cloudtrail/trail:Trail team-audit-trail"), stdout);
        assert.ok(registered.includes("aws:s3/bucketPolicy:BucketPolicy team-audit-bucket-policy"), stdout);
        const installed = fs.realpathSync(path.join(consumerDir, "node_modules/@trailwatch/components"));
        assert.ok(
            installed.startsWith(fs.realpathSync(consumerDir)),
            "installed from the tarball, not linked to the source",
        );
    });
});
