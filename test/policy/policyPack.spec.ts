import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { trailwatchPolicies } from "../../policy/policies";
import { projectDir } from "../support/repositoryPaths";

const packDir = path.join(projectDir, "policy");

describe("policy pack metadata", () => {
    it("names every policy once, in kebab-case", () => {
        const names = trailwatchPolicies.map((p) => p.name);
        assert.deepStrictEqual(new Set(names).size, names.length);
        for (const name of names) assert.match(name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    });

    it("describes every policy in one sentence of what is required", () => {
        for (const policy of trailwatchPolicies) {
            assert.match(policy.description, /^[A-Z][^.]*(\.[a-z0-9][^.]*)*\.$/, policy.name);
            assert.match(policy.description, / must /, policy.name);
        }
    });

    it("sets an enforcement level on every policy: mandatory except the log group retention", () => {
        const levels = Object.fromEntries(trailwatchPolicies.map((p) => [p.name, p.enforcementLevel]));
        const advisory = Object.entries(levels).filter(([, level]) => level !== "mandatory");
        assert.deepStrictEqual(advisory, [["log-group-minimum-retention", "advisory"]]);
    });

    it("is a nodejs policy pack whose package.json has a version and points main at the TypeScript entry", () => {
        const manifest = JSON.parse(fs.readFileSync(path.join(packDir, "package.json"), "utf8"));
        assert.match(manifest.version, /^\d+\.\d+\.\d+$/);
        assert.strictEqual(manifest.main, "index.ts");
        assert.match(fs.readFileSync(path.join(packDir, "PulumiPolicy.yaml"), "utf8"), /^runtime: nodejs$/m);
    });
});
