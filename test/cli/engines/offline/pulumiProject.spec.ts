import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { findPulumiProject } from "../../../../cli/engines/offline/pulumiProject";
import { StackFileError, listStacks, readStackFile, stackFilePath } from "../../../../cli/engines/offline/stackFile";

/** A throwaway tree: `files` maps paths (relative to a fresh temporary folder) to their text. */
function tree(files: Record<string, string>): string {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "trailwatch-project-")));
    for (const [file, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), text);
    }
    return dir;
}

const region = "config:\n  aws:region: eu-west-1\n";

describe("the Pulumi project, found as the Pulumi CLI finds it", () => {
    it("walks up from any folder inside the project to the folder holding Pulumi.yaml", () => {
        const dir = tree({ "Pulumi.yaml": "name: p\nruntime: nodejs\n", "src/deep/er/.keep": "" });
        for (const start of [dir, path.join(dir, "src"), path.join(dir, "src/deep/er")]) {
            assert.deepStrictEqual(findPulumiProject(start), {
                dir,
                file: path.join(dir, "Pulumi.yaml"),
                stackConfigDir: dir,
                extension: ".yaml",
            });
        }
    });

    it("reads the stack files from the folder stackConfigDir names, relative to Pulumi.yaml", () => {
        const dir = tree({
            "Pulumi.yaml": "name: p\nruntime: nodejs\nstackConfigDir: config/stacks\n",
            "config/stacks/Pulumi.qa.yaml": `${region}  trailwatch:logRetentionDays: 90\n`,
            "config/stacks/Pulumi.staging.yaml": region,
            "app/.keep": "",
        });
        const from = path.join(dir, "app");
        assert.strictEqual(stackFilePath(from, "qa"), path.join(dir, "config/stacks/Pulumi.qa.yaml"));
        assert.deepStrictEqual(listStacks(from), ["qa", "staging"]);
        assert.strictEqual(readStackFile(from, "qa").values["trailwatch:logRetentionDays"], "90");
        assert.throws(
            () => readStackFile(from, "prod"),
            new StackFileError('no stack "prod": config/stacks/Pulumi.prod.yaml does not exist; stacks: qa, staging'),
        );
    });

    it("without stackConfigDir, the stack files are beside Pulumi.yaml (with its extension)", () => {
        const dir = tree({ "Pulumi.yml": "name: p\nruntime: nodejs\n", "Pulumi.dev.yml": region });
        assert.strictEqual(stackFilePath(dir, "dev"), path.join(dir, "Pulumi.dev.yml"));
        assert.strictEqual(readStackFile(dir, "dev").values["aws:region"], "eu-west-1");
    });

    it("outside any project: an error that says so and where it looked", () => {
        const dir = tree({ "not-a-project/.keep": "" });
        const start = path.join(dir, "not-a-project");
        const expected =
            `not inside a Pulumi project: no Pulumi.yaml in ${start} or any folder above it ` +
            "(run trailwatch from the project's folder or one below it)";
        assert.throws(() => findPulumiProject(start), { name: "PulumiProjectError", message: expected });
        assert.throws(() => readStackFile(start, "dev"), new StackFileError(expected));
    });
});

describe("a stack file that is not a stack's configuration", () => {
    const cases: [string, string, string][] = [
        ["empty", "", "the file is empty; a stack file is a map such as\nconfig:\n  aws:region: eu-west-1"],
        [
            "only a comment",
            "# nothing yet\n",
            "the file is empty; a stack file is a map such as\nconfig:\n  aws:region: eu-west-1",
        ],
        [
            "a scalar",
            "eu-west-1\n",
            'the file holds the string "eu-west-1", not a map such as\nconfig:\n  aws:region: eu-west-1',
        ],
        ["a number", "42\n", "the file holds the number 42, not a map such as\nconfig:\n  aws:region: eu-west-1"],
        ["a list", "- aws:region\n", "the file holds a list, not a map such as\nconfig:\n  aws:region: eu-west-1"],
        [
            "no config",
            "encryptionsalt: abc\n",
            'there is no "config" map; a stack file is a map such as\nconfig:\n  aws:region: eu-west-1',
        ],
        ["config a list", "config:\n  - aws:region\n", '"config" must be a map of key: value, not a list'],
        ["config a scalar", "config: eu-west-1\n", '"config" must be a map of key: value, not the string "eu-west-1"'],
        [
            "no aws:region",
            "config:\n  trailwatch:logRetentionDays: 90\n",
            "config has no aws:region (the AWS region to deploy to); add it, e.g. `aws:region: eu-west-1`, or run `pulumi config set aws:region eu-west-1`",
        ],
        [
            "an empty aws:region",
            "config:\n  aws:region: ''\n",
            "config has no aws:region (the AWS region to deploy to); add it, e.g. `aws:region: eu-west-1`, or run `pulumi config set aws:region eu-west-1`",
        ],
        [
            "aws:region a list",
            "config:\n  aws:region: [eu-west-1]\n",
            "aws:region must be a region name such as eu-west-1, not a list",
        ],
        [
            "aws:region a map",
            "config:\n  aws:region: { name: eu-west-1 }\n",
            "aws:region must be a region name such as eu-west-1, not a map",
        ],
        [
            "aws:region a number",
            "config:\n  aws:region: 1\n",
            "aws:region must be a region name such as eu-west-1, not the number 1",
        ],
    ];
    it("a folder named like a stack file is said to be one, not an unknown stack", () => {
        const dir = tree({
            "Pulumi.yaml": "name: p\nruntime: nodejs\nstackConfigDir: stacks\n",
            "stacks/Pulumi.qa.yaml/.keep": "",
        });
        assert.throws(
            () => readStackFile(dir, "qa"),
            new StackFileError("cannot read stacks/Pulumi.qa.yaml: is a directory (EISDIR)"),
        );
    });

    it("a file that is not YAML (one long string) is quoted in 40 characters, not repeated whole", () => {
        const text = "x".repeat(100_000);
        const dir = tree({
            "Pulumi.yaml": "name: p\nruntime: nodejs\nstackConfigDir: stacks\n",
            "stacks/Pulumi.bin.yaml": text,
        });
        assert.throws(
            () => readStackFile(dir, "bin"),
            new StackFileError(
                `stacks/Pulumi.bin.yaml: the file holds the string "${"x".repeat(39)}…" (100000 characters), not a map such as\nconfig:\n  aws:region: eu-west-1`,
            ),
        );
    });

    it("a long string with a line break at the cut is quoted with the whole escape, and counted in characters", () => {
        // A file that is not YAML (one long string, quoted as JSON and cut after 39 characters): an escape (`\n`) at the
        // cut is kept whole, not cut to a lone backslash.
        const dir = tree({
            "Pulumi.yaml": "name: p\nruntime: nodejs\nstackConfigDir: stacks\n",
            "stacks/Pulumi.bin.yaml": `"${"x".repeat(38)}\\n${"y".repeat(10)}"\n`,
        });
        assert.throws(
            () => readStackFile(dir, "bin"),
            new StackFileError(
                `stacks/Pulumi.bin.yaml: the file holds the string "${"x".repeat(38)}\\n…" (49 characters), not a map such as\nconfig:\n  aws:region: eu-west-1`,
            ),
        );
    });

    for (const [what, yaml, message] of cases) {
        it(`${what}: names the file and what is wrong`, () => {
            const dir = tree({
                "Pulumi.yaml": "name: p\nruntime: nodejs\nstackConfigDir: stacks\n",
                "stacks/Pulumi.bad.yaml": yaml,
            });
            assert.throws(() => readStackFile(dir, "bad"), new StackFileError(`stacks/Pulumi.bad.yaml: ${message}`));
        });
    }
});
