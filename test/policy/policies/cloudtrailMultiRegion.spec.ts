import * as assert from "assert";
import { unknownValue } from "../../../policy/lib/knownValues";
import { cloudtrailMultiRegion } from "../../../policy/policies";
import { logGroupFixture, trailFixture } from "../../fixtures/policyResources";
import { validateResource } from "../policyHarness";

describe("policy cloudtrail-multi-region", () => {
    it("accepts the AuditTrail's trail", async () => {
        assert.deepStrictEqual(await validateResource(cloudtrailMultiRegion, trailFixture()), []);
    });

    it("rejects a single-region trail", async () => {
        const trail = trailFixture();
        trail.props.isMultiRegionTrail = false;
        assert.deepStrictEqual(await validateResource(cloudtrailMultiRegion, trail), [
            'Trail "audit-trail" records only the region it is created in: set isMultiRegionTrail to true so that ' +
                "API activity in every region, including regions nobody uses, is recorded.",
        ]);
    });

    it("rejects a trail that leaves isMultiRegionTrail unset (the provider's default is single-region)", async () => {
        const trail = trailFixture();
        delete trail.props.isMultiRegionTrail;
        assert.deepStrictEqual(await validateResource(cloudtrailMultiRegion, trail), [
            'Trail "audit-trail" records only the region it is created in: set isMultiRegionTrail to true so that ' +
                "API activity in every region, including regions nobody uses, is recorded.",
        ]);
    });

    it("rejects a trail without global service events", async () => {
        const trail = trailFixture();
        trail.props.includeGlobalServiceEvents = false;
        assert.deepStrictEqual(await validateResource(cloudtrailMultiRegion, trail), [
            'Trail "audit-trail" leaves out global service events (IAM, STS, CloudFront): set ' +
                "includeGlobalServiceEvents to true (its default).",
        ]);
    });

    it("does not guess while isMultiRegionTrail is unknown (preview)", async () => {
        const trail = trailFixture();
        trail.props.isMultiRegionTrail = unknownValue;
        assert.deepStrictEqual(await validateResource(cloudtrailMultiRegion, trail), []);
    });

    it("ignores resources that are not trails", async () => {
        assert.deepStrictEqual(await validateResource(cloudtrailMultiRegion, logGroupFixture()), []);
    });
});
