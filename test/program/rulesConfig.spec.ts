import * as assert from "assert";
import { builtInRuleIds } from "@trailwatch/components";
import { readStackConfig } from "../../program";
import { readStackFile } from "../../cli/engines/offline/stackFile";
import { projectDir } from "../support/repositoryPaths";
import { readDevStackConfig, stackConfigProblems } from "../support/stackConfigProblems";

const region = { "aws:region": "eu-west-1" };
const read = (values: Record<string, string>) => readDevStackConfig({ ...region, ...values });

const json = (value: unknown) => JSON.stringify(value);
const guardduty = {
    id: "guardduty-disabled",
    title: "GuardDuty detector deleted",
    pattern: "{ ($.eventSource = guardduty.amazonaws.com) && ($.eventName = DeleteDetector) }",
    severity: "P2",
    rationale: "Threat detection switched off.",
};

describe("stack configuration: the alert rule keys", () => {
    it("defaults: namespace Trailwatch, every rule on except the office rule (no addresses)", () => {
        const { rules } = read({});
        assert.strictEqual(rules.metricNamespace, "Trailwatch");
        assert.deepStrictEqual(
            rules.enabledRules.map((r) => r.id),
            builtInRuleIds.filter((id) => id !== "console-login-outside-office"),
        );
        assert.deepStrictEqual(
            rules.rules.filter((r) => !r.enabled).map((r) => `${r.id}: ${r.disabledReason}`),
            ["console-login-outside-office: officeIpAddresses is empty"],
        );
    });

    it("reads every key: parameters, disabled rules, overrides, custom rules (control defaults to team), namespace", () => {
        const { rules } = read({
            "trailwatch:officeIpAddresses": json(["203.0.113.*"]),
            "trailwatch:largeInstanceTypes": json(["metal"]),
            "trailwatch:disabledRules": json(["iam-user-created"]),
            "trailwatch:ruleOverrides": json({ "console-login-failed": { threshold: 3, period: 600, severity: "P2" } }),
            "trailwatch:customRules": json([guardduty]),
            "trailwatch:metricNamespace": "Trailwatch/dev",
        });
        assert.strictEqual(rules.metricNamespace, "Trailwatch/dev");
        const byId = (id: string) => rules.enabledRules.find((r) => r.id === id);
        assert.strictEqual(
            byId("console-login-outside-office")?.pattern,
            '{ ($.eventName = ConsoleLogin) && ($.sourceIPAddress != "203.0.113.*") }',
        );
        assert.strictEqual(
            byId("large-instance-launch")?.pattern,
            '{ ($.eventName = RunInstances) && (($.requestParameters.instanceType = "*.metal")) }',
        );
        assert.strictEqual(byId("iam-user-created"), undefined);
        assert.deepStrictEqual(byId("console-login-failed"), {
            id: "console-login-failed",
            title: "Failed console sign-in",
            pattern: '{ ($.eventName = ConsoleLogin) && ($.responseElements.ConsoleLogin = "Failure") }',
            severity: "P2",
            rationale: byId("console-login-failed")?.rationale,
            control: "team",
            threshold: 3,
            period: 600,
            evaluationPeriods: 1,
        });
        assert.deepStrictEqual(byId("guardduty-disabled"), {
            ...guardduty,
            control: "team",
            threshold: 1,
            period: 300,
            evaluationPeriods: 1,
        });
    });

    describe("names the key (and path) of every bad value", () => {
        const ids = [...builtInRuleIds].join(", ");
        const cases: [string, Record<string, string>, string[]][] = [
            [
                "lists that are not lists of strings",
                {
                    "trailwatch:officeIpAddresses": "203.0.113.10",
                    "trailwatch:disabledRules": json(["console-login-root", 7]),
                },
                [
                    "trailwatch:officeIpAddresses: is not a structured value; write it as a YAML map or list in the stack file",
                    "trailwatch:disabledRules[1]: 7 is not a string",
                ],
            ],
            [
                "an office address given as a CIDR range",
                { "trailwatch:officeIpAddresses": json(["203.0.113.0/24"]) },
                [
                    'trailwatch:officeIpAddresses[0]: "203.0.113.0/24" is a CIDR range, which a filter pattern cannot express (it compares text): write the prefix with a wildcard instead, e.g. 203.0.113.* for 203.0.113.0/24 or 2001:db8:1:* for 2001:db8:1::/48',
                ],
            ],
            [
                "an unknown rule id to disable, with the valid ids",
                { "trailwatch:disabledRules": json(["root-usage"]) },
                [`trailwatch:disabledRules[0]: "root-usage" is not a rule id; valid ids: ${ids}`],
            ],
            [
                "overrides: unknown id, unknown field, wrong type, a period CloudWatch cannot use",
                {
                    "trailwatch:ruleOverrides": json({
                        "root-usage": { threshold: 2 },
                        "console-login-root": { threshhold: 2, severity: 1 },
                        "console-login-failed": { period: 45 },
                    }),
                },
                [
                    "trailwatch:ruleOverrides.console-login-root.threshhold: unknown key; accepted keys: threshold, period, evaluationPeriods, severity",
                    "trailwatch:ruleOverrides.console-login-root.severity: 1 is not a string",
                    `trailwatch:ruleOverrides.root-usage: "root-usage" is not a rule id; valid ids: ${ids}`,
                    "trailwatch:ruleOverrides.console-login-failed.period: 45 is not a period CloudWatch can evaluate a metric filter's metric over: use a multiple of 60 seconds (metric filters publish one-minute metrics; 10, 20 and 30 are for high-resolution metrics and would leave the alarm in INSUFFICIENT_DATA)",
                ],
            ],
            [
                "custom rules: missing fields, then a pattern error with its position (index kept)",
                {
                    "trailwatch:customRules": json([
                        { id: "half-rule", title: "Half a rule" },
                        { ...guardduty, pattern: '{ $.eventName = "DeleteDetector }' },
                    ]),
                },
                [
                    "trailwatch:customRules[0].pattern: is required",
                    "trailwatch:customRules[0].severity: is required",
                    "trailwatch:customRules[0].rationale: is required",
                    'trailwatch:customRules[1].pattern: position 17: unbalanced quotes: this " is never closed',
                ],
            ],
            [
                "a custom rule reusing a built-in id",
                { "trailwatch:customRules": json([{ ...guardduty, id: "console-login-root" }]) },
                [
                    'trailwatch:customRules[0].id: "console-login-root" is a built-in rule id; choose another id (to change a built-in rule use ruleOverrides, to drop it disabledRules)',
                ],
            ],
            [
                "a namespace reserved for AWS",
                { "trailwatch:metricNamespace": "AWS/CloudTrail" },
                [
                    'trailwatch:metricNamespace: "AWS/CloudTrail" is not a namespace for custom metrics (1-255 letters, digits, spaces and . _ - / # :, not starting with AWS/ or :)',
                ],
            ],
        ];
        for (const [name, values, expected] of cases) {
            it(name, () => assert.deepStrictEqual(stackConfigProblems({ ...region, ...values }), expected));
        }
    });

    it("dev: the office rule on, the verbatim CIS unauthorized-calls rule off, its own namespace", () => {
        const file = readStackFile(projectDir, "dev");
        const { rules } = readStackConfig(file.values, file.secretKeys, "dev");
        assert.strictEqual(rules.metricNamespace, "Trailwatch/dev");
        assert.deepStrictEqual(
            rules.rules.filter((r) => !r.enabled).map((r) => `${r.id}: ${r.disabledReason}`),
            ["cis-cloudwatch-2-unauthorized-api-calls: disabled by id"],
        );
    });

    it("prod: overrides, a custom GuardDuty rule, every built-in rule on", () => {
        const file = readStackFile(projectDir, "prod");
        const { rules } = readStackConfig(file.values, file.secretKeys, "prod");
        assert.deepStrictEqual(
            rules.rules.filter((r) => !r.enabled),
            [],
        );
        const pick = (id: string) => {
            const r = rules.rules.find((x) => x.id === id)!;
            return [r.severity, r.threshold, r.period, r.origin];
        };
        assert.deepStrictEqual(pick("console-login-failed"), ["P3", 3, 600, "team"]);
        assert.deepStrictEqual(pick("cis-cloudwatch-10-security-group-changes"), ["P3", 1, 300, "cis"]);
        assert.deepStrictEqual(pick("guardduty-disabled"), ["P2", 1, 300, "custom"]);
    });
});

describe("rules configuration: sizes are checked before entries", function () {
    const region = { "aws:region": "eu-west-1" };
    const timed = (values: Record<string, string>): { problems: string[]; ms: number } => {
        const started = Date.now();
        const problems = stackConfigProblems({ ...region, ...values });
        return { problems, ms: Date.now() - started };
    };

    const customRules = (n: number) =>
        JSON.stringify(
            Array.from({ length: n }, (_, i) => ({
                id: `r${i}`,
                title: "t",
                pattern: `{ $.eventName = X${i} }`,
                severity: "P3",
                rationale: "r",
            })),
        );
    const officeAddresses = (n: number) =>
        JSON.stringify(Array.from({ length: n }, (_, i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`));

    it("500,000 custom rules (50 MB of JSON): one problem, before the JSON is parsed", function () {
        this.timeout(5000);
        const text = customRules(500_000);
        const { problems, ms } = timed({ "trailwatch:customRules": text });
        assert.deepStrictEqual(problems, [
            `trailwatch:customRules: is ${Math.ceil(text.length / 1024).toLocaleString("en-US")} KB; a structured value may be at most 512 KB (the largest a stack needs, 100 custom rules, the most CloudWatch Logs allows per log group, takes about 250 KB)`,
        ]);
        assert.ok(ms < 200, `${ms} ms`);
    });

    it("5,000 custom rules: the count is refused before any rule is checked", function () {
        this.timeout(5000);
        const { problems, ms } = timed({ "trailwatch:customRules": customRules(5_000) });
        assert.deepStrictEqual(problems, [
            "trailwatch:customRules: has 5,000 entries; at most 100 (each rule is a metric filter, and CloudWatch Logs allows 100 per log group)",
        ]);
        assert.ok(ms < 1000, `${ms} ms`);
    });

    it("300,000 office addresses are refused by size; 10,000 by count, naming the pattern length limit", function () {
        this.timeout(5000);
        const huge = timed({ "trailwatch:officeIpAddresses": officeAddresses(300_000) });
        assert.match(
            huge.problems.join("\n"),
            /^trailwatch:officeIpAddresses: is [\d,]+ KB; a structured value may be at most 512 KB/,
        );
        assert.ok(huge.ms < 200, `${huge.ms} ms`);
        const many = timed({ "trailwatch:officeIpAddresses": officeAddresses(10_000) });
        assert.deepStrictEqual(many.problems, [
            "trailwatch:officeIpAddresses: has 10,000 entries; at most 31 (more cannot fit in the 1024 characters of the console-login-outside-office filter pattern)",
        ]);
        assert.ok(many.ms < 500, `${many.ms} ms`);
    });

    it("the bounds are the quotas: 32 addresses are too many, 31 go on to the pattern check; 100 custom rules are accepted", () => {
        const countProblem = (n: number) =>
            timed({
                "trailwatch:officeIpAddresses": JSON.stringify(Array.from({ length: n }, (_, i) => `10.0.0.${i}`)),
            }).problems.filter((p) => p.includes("entries; at most"));
        assert.strictEqual(countProblem(32).length, 1);
        assert.deepStrictEqual(countProblem(31), []);
        const rules = Array.from({ length: 100 }, (_, i) => ({
            id: `r${i}`,
            title: "t",
            pattern: `{ $.eventName = X${i} }`,
            severity: "P3",
            rationale: "r",
        }));
        const problems = timed({ "trailwatch:customRules": JSON.stringify(rules) }).problems;
        assert.deepStrictEqual(
            problems.filter((p) => p.startsWith("trailwatch:customRules:")),
            [],
        );
    });

    it("duplicates in long lists are found in linear time (a set, not indexOf)", function () {
        this.timeout(5000);
        const ids = Array.from({ length: 100 }, () => "console-login-root");
        const { problems } = timed({ "trailwatch:disabledRules": JSON.stringify(ids) });
        assert.strictEqual(problems.length, 99);
        assert.strictEqual(problems[0], 'trailwatch:disabledRules[1]: "console-login-root" is listed twice');
    });

    it("ruleOverrides.__proto__ is an unknown rule id, like constructor", () => {
        for (const id of ["__proto__", "constructor"]) {
            const problems = stackConfigProblems({
                ...region,
                "trailwatch:ruleOverrides": `{"${id}":{"threshold":2}}`,
            });
            assert.strictEqual(problems.length, 1, id);
            assert.match(
                problems[0],
                new RegExp(`^trailwatch:ruleOverrides\\.${id}: "${id}" is not a rule id; valid ids: `),
            );
        }
    });
});
