import * as assert from "assert";
import { cloudtrailLoggingEnabled } from "../../../policy/policies";
import { trailFixture } from "../../fixtures/policyResources";
import { validateResource } from "../policyHarness";

describe("policy cloudtrail-logging-enabled", () => {
    it("accepts a logging trail, and one that leaves enableLogging to its default", async () => {
        assert.deepStrictEqual(await validateResource(cloudtrailLoggingEnabled, trailFixture()), []);
        const trail = trailFixture();
        delete trail.props.enableLogging;
        assert.deepStrictEqual(await validateResource(cloudtrailLoggingEnabled, trail), []);
    });

    it("rejects a stopped trail", async () => {
        const trail = trailFixture();
        trail.props.enableLogging = false;
        assert.deepStrictEqual(await validateResource(cloudtrailLoggingEnabled, trail), [
            'Trail "audit-trail" is stopped (enableLogging is false) and records nothing: set enableLogging to true ' +
                "(its default).",
        ]);
    });
});
