import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import {
    configNamespace,
    configReferenceEnd,
    configReferenceStart,
    configReferenceTable,
    readStackConfig,
    StackConfigError,
    stackConfigKeys,
} from "../../program";
import { projectDir } from "../support/repositoryPaths";

describe("README configuration reference", () => {
    it("is the table generated from the code's key list (run `npm run docs` after adding a key)", () => {
        const readme = fs.readFileSync(path.join(projectDir, "README.md"), "utf8");
        const start = readme.indexOf(configReferenceStart);
        const end = readme.indexOf(configReferenceEnd);
        assert.ok(start >= 0 && end > start, "README.md has the config-reference markers");
        const documented = readme.slice(start + configReferenceStart.length, end).trim();
        assert.strictEqual(documented, configReferenceTable(configNamespace, stackConfigKeys));
    });

    it("documents exactly the keys the configuration reader accepts, each once", () => {
        // The reader names every key it knows when it meets an unknown one.
        let known: string[] = [];
        try {
            readStackConfig({ "trailwatch:noSuchKey": "1" }, new Set(), "dev");
        } catch (err) {
            const problem = (err as StackConfigError).problems.find((p) => p.key === "trailwatch:noSuchKey");
            known = (problem?.message ?? "").replace("unknown key; known keys: ", "").split(", ");
        }
        const documented = stackConfigKeys.map((k) => k.key);
        assert.deepStrictEqual([...new Set(documented)], documented, "no key documented twice");
        assert.deepStrictEqual([...documented].sort(), known);
    });
});
