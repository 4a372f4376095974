import * as assert from "assert";
import { unknownValue } from "../../../policy/lib/knownValues";
import { cloudtrailLogFileValidation } from "../../../policy/policies";
import { trailFixture } from "../../fixtures/policyResources";
import { validateResource } from "../policyHarness";

const violation =
    'Trail "audit-trail" has log file integrity validation off: set enableLogFileValidation to true so that ' +
    "altered or deleted log files can be detected (aws cloudtrail validate-logs).";

describe("policy cloudtrail-log-file-validation", () => {
    it("accepts a trail with log file validation", async () => {
        assert.deepStrictEqual(await validateResource(cloudtrailLogFileValidation, trailFixture()), []);
    });

    it("rejects validation turned off", async () => {
        const trail = trailFixture();
        trail.props.enableLogFileValidation = false;
        assert.deepStrictEqual(await validateResource(cloudtrailLogFileValidation, trail), [violation]);
    });

    it("rejects validation left unset (the provider's default is off)", async () => {
        const trail = trailFixture();
        delete trail.props.enableLogFileValidation;
        assert.deepStrictEqual(await validateResource(cloudtrailLogFileValidation, trail), [violation]);
    });

    it("does not guess while the setting is unknown (preview)", async () => {
        const trail = trailFixture();
        trail.props.enableLogFileValidation = unknownValue;
        assert.deepStrictEqual(await validateResource(cloudtrailLogFileValidation, trail), []);
    });
});
