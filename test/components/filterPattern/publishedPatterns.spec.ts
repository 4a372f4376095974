import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { parseFilterPattern } from "@trailwatch/components";
import { corpusDir, skipWithoutShared } from "../../support/repositoryPaths";
import { readCorpusJson } from "./corpus";

interface CisPattern {
    source: string;
    id: string;
    title: string;
    pattern: string;
}
interface CloudTrailPattern {
    pattern: string;
    context: string;
    source: string;
}

/**
 * Published patterns that CloudWatch Logs itself would reject, because the copy in the corpus is
 * damaged, with the error trailwatch reports. Asserted, so a fixed corpus or a changed parser shows.
 */
const DEFECTIVE_PUBLICATIONS: Record<string, { why: string; rejectedWith: string }> = {
    "CIS v3.0.0 4.4": {
        why: 'text extracted from the PDF with words broken across lines ("$.eventNa me", "PutRolePolic y")',
        rejectedWith:
            'position 78: expected an operator (=, !=, <, >, <=, >=, IS, NOT EXISTS) after $.eventNa, found "me=DeleteUserPolicy)"',
    },
    "CIS v6.0.0 5.15": {
        why: 'the opening quote of "AcceptHandshake" is missing',
        rejectedWith: 'position 83: unbalanced quotes: this " is inside an unquoted value',
    },
};

describe("filter patterns: published CIS and CloudTrail patterns", function () {
    before(function () {
        skipWithoutShared(this, corpusDir);
    });

    it("parses every pattern of cis-benchmark-patterns.json, the damaged copies rejected as listed", () => {
        const problems: string[] = [];
        const seen = new Set<string>();
        for (const { source, id, pattern } of readCorpusJson<CisPattern[]>(
            "filter-patterns/cis-benchmark-patterns.json",
        )) {
            const key = `${source} ${id}`;
            seen.add(key);
            const defective = DEFECTIVE_PUBLICATIONS[key];
            try {
                parseFilterPattern(pattern);
                if (defective) problems.push(`${key}: accepted, expected ${defective.rejectedWith}`);
            } catch (err) {
                const message = (err as Error).message;
                if (!defective) problems.push(`${key}: ${message}`);
                else if (message !== defective.rejectedWith)
                    problems.push(`${key}: ${message}, expected ${defective.rejectedWith}`);
            }
        }
        for (const key of Object.keys(DEFECTIVE_PUBLICATIONS)) {
            if (!seen.has(key)) problems.push(`${key}: no longer in the corpus`);
        }
        assert.deepStrictEqual(problems, []);
        const securityHub = [...seen].filter((k) => k.startsWith("SecurityHub CloudWatch."));
        assert.strictEqual(securityHub.length, 14, "Security Hub CloudWatch.1–14");
    });

    it("parses every pattern of cloudtrail-metric-filter-patterns.json", () => {
        const patterns = readCorpusJson<CloudTrailPattern[]>("filter-patterns/cloudtrail-metric-filter-patterns.json");
        const problems = patterns.flatMap(({ pattern, context }) => {
            try {
                parseFilterPattern(pattern);
                return [];
            } catch (err) {
                return [`${context}: ${(err as Error).message}`];
            }
        });
        assert.deepStrictEqual(problems, []);
        assert.strictEqual(patterns.length, 38);
    });

    describe("Security Hub patterns on real CloudTrail records", () => {
        const cis = (id: string): string => {
            const found = readCorpusJson<CisPattern[]>("filter-patterns/cis-benchmark-patterns.json").find(
                (p) => p.source === "SecurityHub" && p.id === id,
            );
            return found!.pattern;
        };
        const record = (file: string): object =>
            JSON.parse(fs.readFileSync(path.join(corpusDir, "cloudtrail-events", file), "utf8")) as object;
        const cases: [string, string, boolean][] = [
            ["CloudWatch.1", "panther__ConsoleLogin__console-root-login-successful-root-login.json", true],
            [
                "CloudWatch.1",
                "aws-docs-cloudtrail-ug-2023__ConsoleLogin__root-user-successful-sign-in-with-mfa.json",
                true,
            ],
            [
                "CloudWatch.1",
                "aws-docs-cloudtrail-ug-2023__ConsoleLogin__iam-user-successful-sign-in-without-mfa.json",
                false,
            ],
            ["CloudWatch.2", "panther__CreateServiceLinkedRole__unauthorized-api-call-unauthorized-api-c.json", true],
            ["CloudWatch.2", "panther__CreateServiceLinkedRole__unauthorized-api-call-authorized-api-cal.json", false],
            [
                "CloudWatch.3",
                "aws-docs-cloudtrail-ug-2023__ConsoleLogin__iam-user-successful-sign-in-without-mfa.json",
                true,
            ],
            [
                "CloudWatch.3",
                "aws-docs-cloudtrail-ug-2023__ConsoleLogin__iam-user-successful-sign-in-with-mfa.json",
                false,
            ],
            ["CloudWatch.6", "aws-docs-cloudtrail-ug-2023__ConsoleLogin__iam-user-unsuccessful-sign-in.json", true],
            ["CloudWatch.6", "panther__ConsoleLogin__console-root-login-failed-failed-root-lo.json", false],
        ];
        for (const [id, file, expected] of cases) {
            it(`${id} ${expected ? "catches" : "does not catch"} ${file}`, () => {
                const pattern = parseFilterPattern(cis(id));
                const event = record(file);
                assert.strictEqual(pattern.matches(event), expected);
                assert.strictEqual(pattern.matches(JSON.stringify(event)), expected, "as message text");
            });
        }
    });
});
