import * as assert from "assert";
import * as path from "path";
import {
    configNamespace,
    configReferenceTable,
    readStackConfig,
    StackConfigError,
    stackConfigKeys,
} from "../../program";
import { readMarkdownSection } from "../../scripts/markdownSections";
import { projectDir } from "../support/repositoryPaths";

describe("docs/configuration.md: the configuration reference", () => {
    it("is the table generated from the code's key list (run `npm run docs` after adding a key)", () => {
        const documented = readMarkdownSection(path.join(projectDir, "docs/configuration.md"), "config-reference");
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
