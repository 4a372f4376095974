import * as assert from "assert";
import {
    AlertRule,
    AlertRuleSelection,
    builtInRuleIds,
    canonicalIpv6,
    consoleLoginOutsideOfficePattern,
    defaultLargeInstanceTypes,
    resolveAlertRules,
} from "@trailwatch/components";

const customRule: AlertRule = {
    id: "guardduty-disabled",
    title: "GuardDuty detector deleted",
    pattern: "{ ($.eventSource = guardduty.amazonaws.com) && ($.eventName = DeleteDetector) }",
    severity: "P2",
    rationale: "Threat detection switched off.",
    control: "team",
};

function problems(selection: AlertRuleSelection): string[] {
    return resolveAlertRules(selection).problems.map((p) => `${p.path}: ${p.reason}`);
}

const validIds = [...builtInRuleIds, "guardduty-disabled"].join(", ");

describe("resolveAlertRules", () => {
    it("without a selection: every rule on except console-login-outside-office (no office addresses)", () => {
        const { rules, problems: found } = resolveAlertRules();
        assert.deepStrictEqual(found, []);
        assert.deepStrictEqual(
            rules.filter((r) => !r.enabled).map((r) => [r.id, r.disabledReason, r.pattern]),
            [["console-login-outside-office", "officeIpAddresses is empty", ""]],
        );
        const large = rules.find((r) => r.id === "large-instance-launch")!;
        assert.strictEqual(
            large.pattern,
            `{ ($.eventName = RunInstances) && (${defaultLargeInstanceTypes
                .map((t) => `($.requestParameters.instanceType = "*.${t}")`)
                .join(" || ")}) }`,
        );
    });

    it("generates the office rule from IPv4, IPv6 and wildcard entries", () => {
        const office = resolveAlertRules({
            officeIpAddresses: ["203.0.113.*", "2001:db8:1:*", "198.51.100.200"],
        }).rules.find((r) => r.id === "console-login-outside-office")!;
        assert.strictEqual(office.enabled, true);
        assert.strictEqual(
            office.pattern,
            '{ ($.eventName = ConsoleLogin) && ($.sourceIPAddress != "203.0.113.*") && ($.sourceIPAddress != "2001:db8:1:*") && ($.sourceIPAddress != "198.51.100.200") }',
        );
    });

    it("takes full instance types as they are and sizes for every family; an empty list turns the rule off", () => {
        const large = resolveAlertRules({ largeInstanceTypes: ["p4d.24xlarge", "metal"] }).rules.find(
            (r) => r.id === "large-instance-launch",
        )!;
        assert.strictEqual(
            large.pattern,
            '{ ($.eventName = RunInstances) && (($.requestParameters.instanceType = "p4d.24xlarge") || ($.requestParameters.instanceType = "*.metal")) }',
        );
        const off = resolveAlertRules({ largeInstanceTypes: [] }).rules.find((r) => r.id === "large-instance-launch")!;
        assert.deepStrictEqual([off.enabled, off.disabledReason], [false, "largeInstanceTypes is empty"]);
    });

    it("applies overrides, disables by id and appends custom rules with the shared defaults", () => {
        const { rules, problems: found } = resolveAlertRules({
            disabledRules: ["cis-cloudwatch-2-unauthorized-api-calls", "guardduty-disabled"],
            ruleOverrides: {
                "console-login-failed": { threshold: 3, period: 600 },
                "cis-cloudwatch-10-security-group-changes": { severity: "P3", evaluationPeriods: 2 },
            },
            customRules: [customRule, { ...customRule, id: "guardduty-paused", threshold: 2 }],
        });
        assert.deepStrictEqual(found, []);
        const pick = (id: string) => {
            const r = rules.find((x) => x.id === id)!;
            return [r.enabled, r.severity, r.threshold, r.period, r.evaluationPeriods, r.origin, r.disabledReason];
        };
        assert.deepStrictEqual(pick("console-login-failed"), [true, "P3", 3, 600, 1, "team", undefined]);
        assert.deepStrictEqual(pick("cis-cloudwatch-10-security-group-changes"), [
            true,
            "P3",
            1,
            300,
            2,
            "cis",
            undefined,
        ]);
        assert.deepStrictEqual(pick("cis-cloudwatch-2-unauthorized-api-calls"), [
            false,
            "P4",
            1,
            300,
            1,
            "cis",
            "disabled by id",
        ]);
        assert.deepStrictEqual(pick("guardduty-disabled"), [false, "P2", 1, 300, 1, "custom", "disabled by id"]);
        assert.deepStrictEqual(pick("guardduty-paused"), [true, "P2", 2, 300, 1, "custom", undefined]);
        assert.deepStrictEqual(
            rules.slice(-2).map((r) => r.id),
            ["guardduty-disabled", "guardduty-paused"],
        );
    });

    describe("reports each bad value at its path, with what is accepted", () => {
        const cases: [string, AlertRuleSelection, string[]][] = [
            [
                "a CIDR range",
                { officeIpAddresses: ["203.0.113.0/24"] },
                [
                    'officeIpAddresses[0]: "203.0.113.0/24" is a CIDR range, which a filter pattern cannot express (it compares text): write the prefix with a wildcard instead, e.g. 203.0.113.* for 203.0.113.0/24 or 2001:db8:1:* for 2001:db8:1::/48',
                ],
            ],
            [
                "an IPv6 address not written as CloudTrail writes it",
                { officeIpAddresses: ["2001:DB8:0:0::10"] },
                [
                    'officeIpAddresses[0]: "2001:DB8:0:0::10" is not written the way CloudTrail records it (lowercase, shortest form): use 2001:db8::10',
                ],
            ],
            [
                "a wildcard inside an octet, an IPv6 prefix with a zero group, a repeated entry",
                { officeIpAddresses: ["203.0.11*", "2001:db8:0:*", "192.0.2.1", "192.0.2.1"] },
                [
                    'officeIpAddresses[0]: "203.0.11*" is not an address prefix: a wildcard replaces whole trailing octets or groups, as in 203.0.113.* or 2001:db8:1:* (lowercase, without ::)',
                    'officeIpAddresses[1]: "2001:db8:0:*" has a zero group: CloudTrail may record that zero compressed as ::, so the prefix would miss addresses; list the subnets below it instead',
                    'officeIpAddresses[3]: "192.0.2.1" is listed twice',
                ],
            ],
            [
                "not an address at all",
                { officeIpAddresses: ["office.example.com", "256.1.2.*"] },
                [
                    'officeIpAddresses[0]: "office.example.com" is not an IPv4 or IPv6 address or a wildcard prefix such as 203.0.113.*',
                    'officeIpAddresses[1]: "256.1.2.*" is not an IPv4 prefix: octets are 0-255 without leading zeros',
                ],
            ],
            [
                "instance types with a wildcard or in capitals",
                { largeInstanceTypes: ["*.8xlarge", "P4d.24xlarge"] },
                [
                    'largeInstanceTypes[0]: "*.8xlarge": write the size without the wildcard: 8xlarge',
                    'largeInstanceTypes[1]: "P4d.24xlarge" is neither an instance size such as 16xlarge nor an instance type such as p4d.24xlarge (lowercase)',
                ],
            ],
            [
                "an unknown id to disable or override",
                {
                    disabledRules: ["root-usage"],
                    ruleOverrides: { "root-usage": { threshold: 2 } },
                    customRules: [customRule],
                },
                [
                    `ruleOverrides.root-usage: "root-usage" is not a rule id; valid ids: ${validIds}`,
                    `disabledRules[0]: "root-usage" is not a rule id; valid ids: ${validIds}`,
                ],
            ],
            [
                "overrides CloudWatch would reject",
                {
                    ruleOverrides: {
                        "console-login-root": { threshold: 0, period: 30, evaluationPeriods: 1.5 },
                        "console-login-failed": { period: 3600, evaluationPeriods: 200 },
                        "iam-user-created": { severity: "P0" as never },
                    },
                },
                [
                    "ruleOverrides.console-login-root.threshold: 0 is not a threshold above 0 (the alarm fires at >= threshold matching events; 0 would fire in every period)",
                    "ruleOverrides.console-login-root.period: 30 is not a period CloudWatch can evaluate a metric filter's metric over: use a multiple of 60 seconds (metric filters publish one-minute metrics; 10, 20 and 30 are for high-resolution metrics and would leave the alarm in INSUFFICIENT_DATA)",
                    "ruleOverrides.console-login-root.evaluationPeriods: 1.5 is not a whole number of periods >= 1",
                    "ruleOverrides.console-login-failed.evaluationPeriods: period × evaluationPeriods is 720000 seconds; CloudWatch allows at most 604800 for a 3600-second period",
                    'ruleOverrides.iam-user-created.severity: "P0" is not a severity; use one of P1, P2, P3, P4, P5',
                ],
            ],
            [
                "custom rules: a bad pattern (with its position), a built-in id, a duplicate id, a bad id",
                {
                    customRules: [
                        { ...customRule, pattern: "{ $.eventName = CreateUser && }" },
                        { ...customRule, id: "console-login-root" },
                        { ...customRule },
                        { ...customRule, id: "GuardDuty_Off", title: "" },
                    ],
                },
                [
                    'customRules[0].pattern: position 31: expected a property selector such as $.eventName, found "}"',
                    'customRules[1].id: "console-login-root" is a built-in rule id; choose another id (to change a built-in rule use ruleOverrides, to drop it disabledRules)',
                    'customRules[2].id: "guardduty-disabled" is used by another custom rule',
                    'customRules[3].id: "GuardDuty_Off" is not a rule id: use lowercase letters, digits and single hyphens (e.g. console-login-outside-office)',
                    "customRules[3].title: must be a non-empty string",
                ],
            ],
        ];
        for (const [name, selection, expected] of cases) {
            it(name, () => assert.deepStrictEqual(problems(selection), expected));
        }
    });

    it("rejects an office list whose pattern would pass 1024 characters, naming the key and the limit", () => {
        const addresses = Array.from({ length: 24 }, (_, i) => `198.51.100.${i + 100}`);
        const length = consoleLoginOutsideOfficePattern(addresses).length;
        assert.ok(length > 1024);
        assert.deepStrictEqual(problems({ officeIpAddresses: addresses }), [
            `officeIpAddresses: the 24 entries make the console-login-outside-office pattern ${length} characters long; CloudWatch Logs accepts at most 1024: use fewer entries (wildcards such as 203.0.113.* cover a range in one)`,
        ]);
        const office = resolveAlertRules({ officeIpAddresses: addresses }).rules.find(
            (r) => r.id === "console-login-outside-office",
        )!;
        assert.deepStrictEqual([office.enabled, office.disabledReason], [false, "officeIpAddresses has errors"]);
    });

    it("writes IPv6 addresses the way CloudTrail records them (RFC 5952)", () => {
        const table: [string, string | undefined][] = [
            ["2001:DB8::1", "2001:db8::1"],
            ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"],
            ["2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"],
            ["2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"],
            ["::1", "::1"],
            ["fe80::", "fe80::"],
            ["::ffff:192.0.2.1", undefined],
            ["192.0.2.1", undefined],
        ];
        for (const [input, expected] of table) assert.strictEqual(canonicalIpv6(input), expected, input);
    });
});
