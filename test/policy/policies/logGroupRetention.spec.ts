import * as assert from "assert";
import { unknownValue } from "../../../policy/lib/knownValues";
import { logGroupRetention } from "../../../policy/policies";
import { logGroupFixture } from "../../fixtures/policyResources";
import { validateResource } from "../policyHarness";

function withRetention(days: unknown) {
    const logGroup = logGroupFixture();
    logGroup.props.retentionInDays = days;
    return logGroup;
}

describe("policy log-group-minimum-retention", () => {
    it("accepts 365 days and more (the default minimum)", async () => {
        assert.deepStrictEqual(await validateResource(logGroupRetention, withRetention(365)), []);
        assert.deepStrictEqual(await validateResource(logGroupRetention, withRetention(400)), []);
    });

    it("accepts a log group that never expires (0 or unset)", async () => {
        assert.deepStrictEqual(await validateResource(logGroupRetention, withRetention(0)), []);
        const logGroup = logGroupFixture();
        delete logGroup.props.retentionInDays;
        assert.deepStrictEqual(await validateResource(logGroupRetention, logGroup), []);
    });

    it("rejects a shorter retention, naming both numbers", async () => {
        assert.deepStrictEqual(await validateResource(logGroupRetention, withRetention(30)), [
            'Log group "audit-log-group" keeps events for 30 days, fewer than the required 365: set retentionInDays ' +
                "to at least 365.",
        ]);
    });

    it("uses the configured minimum", async () => {
        const config = { minimumRetentionDays: 30 };
        assert.deepStrictEqual(await validateResource(logGroupRetention, withRetention(30), config), []);
        assert.deepStrictEqual(await validateResource(logGroupRetention, withRetention(14), config), [
            'Log group "audit-log-group" keeps events for 14 days, fewer than the required 30: set retentionInDays ' +
                "to at least 30.",
        ]);
    });

    it("is advisory by default and declares its minimum, 365, in the config schema", () => {
        assert.strictEqual(logGroupRetention.enforcementLevel, "advisory");
        assert.strictEqual(logGroupRetention.configSchema?.properties.minimumRetentionDays.default, 365);
    });

    it("does not guess while the retention is unknown (preview)", async () => {
        assert.deepStrictEqual(await validateResource(logGroupRetention, withRetention(unknownValue)), []);
    });
});
