import * as assert from "assert";
import { AnalyzerInfo, PolicyInfo } from "../../../../cli/engines/policyPack/analyzerClient";
import { PolicyConfigError, reconcilePolicyConfig } from "../../../../cli/engines/policyPack/policyConfig";

function policy(name: string, extra: Partial<PolicyInfo> = {}): PolicyInfo {
    return {
        name,
        displayName: "",
        description: `${name} must hold.`,
        enforcementLevel: "mandatory",
        kind: "resource",
        configSchema: { properties: {}, required: [] },
        ...extra,
    };
}

/** Two policies shaped like the pack's: one without settings, one with a defaulted integer setting. */
const info: AnalyzerInfo = {
    name: "trailwatch",
    version: "0.1.0",
    supportsConfig: true,
    policies: [
        policy("cloudtrail-multi-region"),
        policy("log-group-minimum-retention", {
            enforcementLevel: "advisory",
            configSchema: {
                properties: { minimumRetentionDays: { type: "integer", minimum: 1, default: 365 } },
                required: [],
            },
        }),
    ],
};

describe("policy pack config (the --policy-pack-config format)", () => {
    it("gives every policy its own level and its schema defaults when nothing is configured", () => {
        assert.deepStrictEqual(reconcilePolicyConfig(info), {
            "cloudtrail-multi-region": { enforcementLevel: "mandatory", properties: {} },
            "log-group-minimum-retention": { enforcementLevel: "advisory", properties: { minimumRetentionDays: 365 } },
        });
    });

    it("applies `all`, then a policy's own level, then its settings", () => {
        const config = reconcilePolicyConfig(info, {
            all: "advisory",
            "cloudtrail-multi-region": "disabled",
            "log-group-minimum-retention": { enforcementLevel: "mandatory", minimumRetentionDays: 30 },
        });
        assert.deepStrictEqual(config, {
            "cloudtrail-multi-region": { enforcementLevel: "disabled", properties: {} },
            "log-group-minimum-retention": { enforcementLevel: "mandatory", properties: { minimumRetentionDays: 30 } },
        });
        assert.strictEqual(
            reconcilePolicyConfig(info, { all: "advisory" })["cloudtrail-multi-region"].enforcementLevel,
            "advisory",
        );
    });

    const errors: [string, Record<string, unknown>, string][] = [
        [
            "an unknown policy",
            { "cloudtrail-multiregion": "advisory" },
            "cloudtrail-multiregion: not a policy of pack trailwatch (policies: cloudtrail-multi-region, log-group-minimum-retention)",
        ],
        [
            "an unknown setting",
            { "log-group-minimum-retention": { minimumDays: 30 } },
            "log-group-minimum-retention.minimumDays: not a setting of this policy (settings: minimumRetentionDays)",
        ],
        [
            "a setting on a policy without settings",
            { "cloudtrail-multi-region": { regions: 2 } },
            "cloudtrail-multi-region.regions: not a setting of this policy (it has none besides enforcementLevel)",
        ],
        [
            "a value of the wrong type",
            { "log-group-minimum-retention": { minimumRetentionDays: "30" } },
            'log-group-minimum-retention.minimumRetentionDays: "30" is not a whole number',
        ],
        [
            "a value below the minimum",
            { "log-group-minimum-retention": { minimumRetentionDays: 0 } },
            "log-group-minimum-retention.minimumRetentionDays: 0 is less than 1",
        ],
        [
            "an unknown enforcement level",
            { "cloudtrail-multi-region": "warn" },
            'cloudtrail-multi-region: "warn" is not an enforcement level (advisory, mandatory, remediate, disabled)',
        ],
        [
            "a list where a level or settings belong",
            { "cloudtrail-multi-region": ["advisory"] },
            "cloudtrail-multi-region: expected an enforcement level or an object of settings",
        ],
    ];
    for (const [what, file, message] of errors) {
        it(`rejects ${what}, naming the key`, () => {
            assert.throws(
                () => reconcilePolicyConfig(info, file),
                (err: Error) => {
                    assert.ok(err instanceof PolicyConfigError);
                    assert.strictEqual(err.message, message);
                    return true;
                },
            );
        });
    }
});
