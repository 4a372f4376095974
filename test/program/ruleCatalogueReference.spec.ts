import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { builtInRuleIds, cisRules, formatAlarmDescription, teamRules } from "@trailwatch/components";
import { ruleCatalogueTable } from "../../program/ruleCatalogueReference";
import { readMarkdownSection } from "../../scripts/markdownSections";
import { projectDir } from "../support/repositoryPaths";

const rulesDoc = path.join(projectDir, "docs/rules.md");

describe("docs/rules.md: the rule catalogue", () => {
    it("is the table generated from the rule data (run `npm run docs` after changing a rule)", () => {
        assert.strictEqual(readMarkdownSection(rulesDoc, "rule-catalogue"), ruleCatalogueTable());
    });

    it("lists every built-in rule once, with the severity, control and title of its data", () => {
        const rows = ruleCatalogueTable().split("\n").slice(2);
        assert.deepStrictEqual(
            rows.map((row) => /^\| `([^`]+)` \|/.exec(row)?.[1]),
            [...builtInRuleIds],
        );
        const data: Record<string, { severity: string; control: string; title: string }> = {
            ...cisRules,
            ...teamRules,
        };
        for (const row of rows) {
            const [id, severity, control, title] = row.split(" | ").map((c) => c.replace(/^\| |`| \|$/g, ""));
            assert.deepStrictEqual(
                [severity, control, title],
                [data[id].severity, data[id].control, data[id].title],
                id,
            );
        }
    });

    it("shows the alarm description in the format formatAlarmDescription writes", () => {
        const rule = { ...teamRules["console-login-root"], id: "console-login-root" };
        const shown = /\n(\[P1\] Root user console sign-in \| Why: .*)\n/.exec(fs.readFileSync(rulesDoc, "utf8"))?.[1];
        const actual = formatAlarmDescription(rule);
        // The doc shortens the rationale with "..."; everything else is verbatim.
        assert.ok(shown !== undefined, "docs/rules.md shows an example description");
        const [before, after] = shown.split(", ... | ");
        assert.ok(actual.startsWith(before), `${actual}\nstarts with\n${before}`);
        assert.ok(actual.endsWith(` | ${after}`), `${actual}\nends with\n | ${after}`);
    });
});
