import * as assert from "assert";
import { unknownValue } from "../../../policy/lib/knownValues";
import { metricFilterPatternValid } from "../../../policy/policies";
import { metricFilterFixture } from "../../fixtures/policyResources";
import { validateResource } from "../policyHarness";

function withPattern(pattern: unknown) {
    const filter = metricFilterFixture();
    filter.props.pattern = pattern;
    return filter;
}

describe("policy metric-filter-pattern-valid", () => {
    it("accepts the CIS root-usage pattern", async () => {
        assert.deepStrictEqual(await validateResource(metricFilterPatternValid, metricFilterFixture()), []);
    });

    it("rejects an unterminated JSON pattern with the parser's position and reason", async () => {
        assert.deepStrictEqual(await validateResource(metricFilterPatternValid, withPattern('{ $.eventName = "Stop')), [
            'Metric filter "alarms-cis-cloudwatch-1-root-usage" has an invalid pattern at position 17 (unbalanced ' +
                'quotes: this " is never closed): correct the pattern so that CloudWatch Logs accepts it and it ' +
                "matches what it is meant to.",
        ]);
    });

    it("does not guess while the pattern is unknown (preview)", async () => {
        assert.deepStrictEqual(await validateResource(metricFilterPatternValid, withPattern(unknownValue)), []);
    });
});
