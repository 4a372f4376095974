import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import {
    builtInRuleIds,
    cisRules,
    exampleRuleParameters,
    parseFilterPattern,
    resolveAlertRules,
    SelectedAlertRule,
    validateAlertRule,
} from "@trailwatch/components";
import { corpusDir, skipWithoutShared } from "../../support/repositoryPaths";
import { corpusEventsDir, corpusPresent, readRuleEvent, sampleEventsDir } from "./ruleEvents";

const corpusPatternsFile = path.join(corpusDir, "filter-patterns", "cis-benchmark-patterns.json");

/** Which published pattern each CIS rule copies: Security Hub's control, or the CIS recommendation. */
const publishedSource: Record<string, { source: string; id: string }> = {
    "cis-cloudwatch-1-root-usage": { source: "SecurityHub", id: "CloudWatch.1" },
    "cis-cloudwatch-2-unauthorized-api-calls": { source: "SecurityHub", id: "CloudWatch.2" },
    "cis-cloudwatch-3-console-login-without-mfa": { source: "SecurityHub", id: "CloudWatch.3" },
    "cis-cloudwatch-4-iam-policy-changes": { source: "SecurityHub", id: "CloudWatch.4" },
    "cis-cloudwatch-5-cloudtrail-changes": { source: "SecurityHub", id: "CloudWatch.5" },
    "cis-cloudwatch-6-console-auth-failures": { source: "SecurityHub", id: "CloudWatch.6" },
    "cis-cloudwatch-7-kms-key-disabled-or-deleted": { source: "SecurityHub", id: "CloudWatch.7" },
    "cis-cloudwatch-8-s3-bucket-policy-changes": { source: "SecurityHub", id: "CloudWatch.8" },
    "cis-cloudwatch-9-config-changes": { source: "SecurityHub", id: "CloudWatch.9" },
    "cis-cloudwatch-10-security-group-changes": { source: "SecurityHub", id: "CloudWatch.10" },
    "cis-cloudwatch-11-nacl-changes": { source: "SecurityHub", id: "CloudWatch.11" },
    "cis-cloudwatch-12-network-gateway-changes": { source: "SecurityHub", id: "CloudWatch.12" },
    "cis-cloudwatch-13-route-table-changes": { source: "SecurityHub", id: "CloudWatch.13" },
    "cis-cloudwatch-14-vpc-changes": { source: "SecurityHub", id: "CloudWatch.14" },
    "cis-4-15-organizations-changes": { source: "CIS v3.0.0", id: "4.15" },
};

/** The built-in rules under the parameters their examples assume. */
function exampleRules(): SelectedAlertRule[] {
    const resolution = resolveAlertRules(exampleRuleParameters);
    assert.deepStrictEqual(resolution.problems, []);
    return resolution.rules;
}

function rule(id: string): SelectedAlertRule {
    const found = exampleRules().find((r) => r.id === id);
    assert.ok(found, `no rule ${id}`);
    return found;
}

function catches(id: string, reference: string): boolean {
    return parseFilterPattern(rule(id).pattern).matches(readRuleEvent(reference));
}

describe("the rule catalogue", () => {
    it("has the 14 Security Hub CloudWatch controls, AWS Organizations changes and the team's six rules", () => {
        assert.deepStrictEqual(builtInRuleIds, [
            ...Object.keys(publishedSource),
            "console-login-outside-office",
            "console-login-root",
            "console-login-failed",
            "unauthorized-operations",
            "large-instance-launch",
            "iam-user-created",
        ]);
    });

    it("gives every built-in rule a valid id, texts, severity, a pattern CloudWatch accepts and default timing", () => {
        for (const r of exampleRules()) {
            assert.deepStrictEqual(validateAlertRule(r), [], r.id);
            assert.deepStrictEqual([r.threshold, r.period, r.evaluationPeriods], [1, 300, 1], r.id);
            assert.ok(r.examples!.matches.length > 0 && r.examples!.ignores.length > 0, `${r.id} needs both verdicts`);
            assert.strictEqual(r.control === "team", r.origin === "team", r.id);
        }
    });

    it("copies every CIS pattern verbatim from the published source (Security Hub passes only on the exact text)", function () {
        skipWithoutShared(this, corpusPatternsFile);
        const published = JSON.parse(fs.readFileSync(corpusPatternsFile, "utf8")) as {
            source: string;
            id: string;
            pattern: string;
        }[];
        assert.deepStrictEqual(Object.keys(cisRules), Object.keys(publishedSource));
        for (const [id, { source, id: controlId }] of Object.entries(publishedSource)) {
            const entry = published.find((p) => p.source === source && p.id === controlId);
            assert.ok(entry, `${source} ${controlId} is not in the corpus`);
            assert.strictEqual(cisRules[id as keyof typeof cisRules].pattern, entry.pattern, id);
        }
    });

    describe("proves every rule against the events it names", () => {
        for (const r of exampleRules()) {
            it(`${r.id}: catches ${r.examples!.matches.length} events and lets ${r.examples!.ignores.length} pass`, function () {
                const references = [...r.examples!.matches, ...r.examples!.ignores];
                if (!corpusPresent && references.some((e) => e.startsWith("corpus:"))) {
                    // The project's own samples are always checked; the corpus ones need ../shared.
                    console.log(`    (corpus events of ${r.id} skipped: ${corpusEventsDir} is absent)`);
                }
                const pattern = parseFilterPattern(r.pattern);
                const wrong: string[] = [];
                for (const e of r.examples!.matches) {
                    if (e.startsWith("corpus:") && !corpusPresent) continue;
                    if (!pattern.matches(readRuleEvent(e))) wrong.push(`misses ${e}`);
                }
                for (const e of r.examples!.ignores) {
                    if (e.startsWith("corpus:") && !corpusPresent) continue;
                    if (pattern.matches(readRuleEvent(e))) wrong.push(`wrongly catches ${e}`);
                }
                assert.deepStrictEqual(wrong, []);
            });
        }
    });

    describe("against the real CloudTrail events of the corpus", () => {
        beforeEach(function () {
            skipWithoutShared(this, corpusEventsDir);
        });
        const rootSignIn =
            "corpus:aws-docs-cloudtrail-ug-2023__ConsoleLogin__root-user-successful-sign-in-without-mfa.json";
        const iamSignInNoMfa =
            "corpus:aws-docs-cloudtrail-ug-2023__ConsoleLogin__iam-user-successful-sign-in-without-mfa.json";

        it("a root sign-in is caught by the root rules and not by the IAM-user sign-in-without-MFA rule", () => {
            assert.strictEqual(catches("console-login-root", rootSignIn), true);
            assert.strictEqual(catches("cis-cloudwatch-1-root-usage", rootSignIn), true);
            assert.strictEqual(catches("cis-cloudwatch-3-console-login-without-mfa", rootSignIn), false);
        });

        it("an IAM user's sign-in without MFA is caught by CloudWatch.3 and not by the root rules", () => {
            assert.strictEqual(catches("cis-cloudwatch-3-console-login-without-mfa", iamSignInNoMfa), true);
            assert.strictEqual(catches("console-login-root", iamSignInNoMfa), false);
            assert.strictEqual(catches("cis-cloudwatch-1-root-usage", iamSignInNoMfa), false);
        });

        it("a failed sign-in is caught; one without 'Failed authentication' only by the team rule", () => {
            const failed = "corpus:aws-docs-cloudtrail-ug-2023__ConsoleLogin__iam-user-unsuccessful-sign-in.json";
            assert.strictEqual(catches("console-login-failed", failed), true);
            assert.strictEqual(catches("cis-cloudwatch-6-console-auth-failures", failed), true);
            const unknownUser =
                "corpus:aws-docs-iam-ug-2023__ConsoleLogin__example-sign-in-failure-event-caused-by.json";
            assert.strictEqual(catches("console-login-failed", unknownUser), true);
            assert.strictEqual(catches("cis-cloudwatch-6-console-auth-failures", unknownUser), false);
        });

        it("a successful sign-in from an office address is not caught; one from elsewhere is", () => {
            // The AWS documentation's sign-ins come from 192.0.2.0 and 192.0.2.110, inside the example office 192.0.2.*.
            assert.strictEqual(catches("console-login-outside-office", iamSignInNoMfa), false);
            assert.strictEqual(
                catches(
                    "console-login-outside-office",
                    "corpus:aws-docs-iam-ug-old__ConsoleLogin__sign-in-success-event-in-cloudtrail-log.json",
                ),
                false,
            );
            assert.strictEqual(
                catches(
                    "console-login-outside-office",
                    "corpus:aws-docs-cloudtrail-ug-2023__ConsoleLogin__step-3-view-your-log-files.json",
                ),
                true,
            );
        });

        it("a large instance launch is caught, a small one and an object-valued instanceType are not", () => {
            assert.strictEqual(
                catches(
                    "large-instance-launch",
                    "corpus:panther__RunInstances__ec2-launch-unusual-ec2-instances-success.json",
                ),
                true,
            );
            assert.strictEqual(
                catches(
                    "large-instance-launch",
                    "corpus:aws-docs-kms-dg-2023__RunInstances__amazon-ec2-example-two.json",
                ),
                false,
            );
            assert.strictEqual(
                catches(
                    "large-instance-launch",
                    "corpus:panther__RunInstances__ec2-launch-unusual-ec2-instances-success__2.json",
                ),
                false,
            );
        });

        it("stopping the trail, disabling a key and an IAM user's creation are each caught by their rule", () => {
            assert.strictEqual(
                catches(
                    "cis-cloudwatch-5-cloudtrail-changes",
                    "corpus:panther__StopLogging__cloudtrail-stopped-cloudtrail-was-stoppe.json",
                ),
                true,
            );
            assert.strictEqual(
                catches(
                    "cis-cloudwatch-7-kms-key-disabled-or-deleted",
                    "corpus:aws-docs-kms-dg-2023__DisableKey__disablekey.json",
                ),
                true,
            );
            assert.strictEqual(
                catches("iam-user-created", "corpus:aws-docs-cloudtrail-ug-2023__CreateUser__iam-log-examples.json"),
                true,
            );
        });

        it("names only corpus events that exist", () => {
            const missing = exampleRules()
                .flatMap((r) => [...r.examples!.matches, ...r.examples!.ignores])
                .filter((e) => e.startsWith("corpus:") && !fs.existsSync(path.join(corpusEventsDir, e.slice(7))));
            assert.deepStrictEqual(missing, []);
        });
    });

    it("uses every project sample event as proof of some rule, and names only samples that exist", () => {
        const samples = fs.readdirSync(sampleEventsDir).filter((f) => f.endsWith(".json"));
        const named = new Set(
            exampleRules()
                .flatMap((r) => [...r.examples!.matches, ...r.examples!.ignores])
                .filter((e) => e.startsWith("sample:"))
                .map((e) => e.slice(7)),
        );
        // guardduty-delete-detector.json proves the prod stack's custom rule (see the check tests).
        assert.deepStrictEqual(
            samples.filter((s) => !named.has(s)),
            ["guardduty-delete-detector.json"],
        );
        assert.deepStrictEqual(
            [...named].filter((s) => !samples.includes(s)),
            [],
        );
    });
});
