import * as assert from "assert";
import { unknownValue } from "../../../policy/lib/knownValues";
import { cloudtrailInsights } from "../../../policy/policies";
import { trailFixture } from "../../fixtures/policyResources";
import { validateResource } from "../policyHarness";

describe("policy cloudtrail-insights-enabled", () => {
    it("accepts a trail with ApiCallRateInsight and ApiErrorRateInsight", async () => {
        assert.deepStrictEqual(await validateResource(cloudtrailInsights, trailFixture()), []);
    });

    it("rejects a trail with Insights off (the AuditTrail's enableInsights: false)", async () => {
        const trail = trailFixture();
        trail.props.insightSelectors = [];
        assert.deepStrictEqual(await validateResource(cloudtrailInsights, trail), [
            'Trail "audit-trail" has CloudTrail Insights off: set insightSelectors to [{ insightType: ' +
                '"ApiCallRateInsight" }, { insightType: "ApiErrorRateInsight" }] so that unusual API call and error ' +
                "rates are detected.",
        ]);
    });

    it("rejects a trail missing one required type, naming it", async () => {
        const trail = trailFixture();
        trail.props.insightSelectors = [{ insightType: "ApiCallRateInsight" }];
        assert.deepStrictEqual(await validateResource(cloudtrailInsights, trail), [
            'Trail "audit-trail" does not enable the CloudTrail Insights type ApiErrorRateInsight: add ' +
                '{ insightType: "ApiErrorRateInsight" } to insightSelectors.',
        ]);
    });

    it("requires only the configured types", async () => {
        const trail = trailFixture();
        trail.props.insightSelectors = [{ insightType: "ApiCallRateInsight" }];
        const config = { requiredInsightTypes: ["ApiCallRateInsight"] };
        assert.deepStrictEqual(await validateResource(cloudtrailInsights, trail, config), []);
    });

    it("declares the required types in its config schema, defaulting to both", () => {
        assert.deepStrictEqual(cloudtrailInsights.configSchema?.properties.requiredInsightTypes.default, [
            "ApiCallRateInsight",
            "ApiErrorRateInsight",
        ]);
    });

    it("does not guess while the selectors are unknown (preview)", async () => {
        const trail = trailFixture();
        trail.props.insightSelectors = unknownValue;
        assert.deepStrictEqual(await validateResource(cloudtrailInsights, trail), []);
    });
});
