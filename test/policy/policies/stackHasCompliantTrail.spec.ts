import * as assert from "assert";
import { unknownValue } from "../../../policy/lib/knownValues";
import { stackHasCompliantTrail } from "../../../policy/policies";
import { compliantStackFixture, fixtureUrns, trailFixture } from "../../fixtures/policyResources";
import { validateStack } from "../policyHarness";

const requirement =
    "is logging, multi-region, records read and write management events and has CloudTrail Insights " +
    "ApiCallRateInsight and ApiErrorRateInsight";

describe("policy stack-has-compliant-trail", () => {
    it("accepts a stack with the AuditTrail's trail", async () => {
        assert.deepStrictEqual(await validateStack(stackHasCompliantTrail, compliantStackFixture()), []);
    });

    it("accepts a stack where one of two trails is compliant", async () => {
        const narrow = trailFixture();
        narrow.name = "narrow-trail";
        narrow.urn = narrow.urn.replace("audit-trail", "narrow-trail");
        narrow.props.isMultiRegionTrail = false;
        assert.deepStrictEqual(await validateStack(stackHasCompliantTrail, [...compliantStackFixture(), narrow]), []);
    });

    it("rejects a stack without a trail", async () => {
        const resources = compliantStackFixture().filter((r) => r.urn !== fixtureUrns.trail);
        assert.deepStrictEqual(await validateStack(stackHasCompliantTrail, resources), [
            {
                message: `The stack defines no CloudTrail trail: add one (the AuditTrail component) that ${requirement}.`,
            },
        ]);
    });

    it("rejects a stack whose only trail is single-region", async () => {
        const resources = compliantStackFixture();
        resources.find((r) => r.urn === fixtureUrns.trail)!.props.isMultiRegionTrail = false;
        assert.deepStrictEqual(await validateStack(stackHasCompliantTrail, resources), [
            {
                message: `None of the stack's trails ("audit-trail") ${requirement}: fix one of them as its cloudtrail-* violations describe.`,
            },
        ]);
    });

    it("rejects a stack whose only trail is stopped", async () => {
        const resources = compliantStackFixture();
        resources.find((r) => r.urn === fixtureUrns.trail)!.props.enableLogging = false;
        assert.deepStrictEqual(await validateStack(stackHasCompliantTrail, resources), [
            {
                message: `None of the stack's trails ("audit-trail") ${requirement}: fix one of them as its cloudtrail-* violations describe.`,
            },
        ]);
    });

    it("uses its own required Insights types", async () => {
        const resources = compliantStackFixture();
        resources.find((r) => r.urn === fixtureUrns.trail)!.props.insightSelectors = [];
        const config = { requiredInsightTypes: [] };
        assert.deepStrictEqual(await validateStack(stackHasCompliantTrail, resources, config), []);
    });

    it("counts a trail whose settings are unknown (preview) as compliant", async () => {
        const resources = compliantStackFixture();
        const trail = resources.find((r) => r.urn === fixtureUrns.trail)!;
        trail.props.isMultiRegionTrail = unknownValue;
        trail.props.insightSelectors = unknownValue;
        assert.deepStrictEqual(await validateStack(stackHasCompliantTrail, resources), []);
    });
});
