import * as assert from "assert";
import { unknownValue } from "../../../policy/lib/knownValues";
import { metricFilterHasAlarm } from "../../../policy/policies";
import { FixtureResource, compliantStackFixture, fixtureUrns } from "../../fixtures/policyResources";
import { validateStack } from "../policyHarness";

function alarmOf(resources: FixtureResource[]): FixtureResource {
    return resources.find((r) => r.urn === fixtureUrns.alarm)!;
}

const violation = {
    message:
        'Metric filter "alarms-cis-cloudwatch-1-root-usage" publishes the metric Trailwatch/RootUsage, which no ' +
        'alarm watches: add an aws.cloudwatch.MetricAlarm with namespace "Trailwatch" and metricName "RootUsage" ' +
        "(SecurityAlarms creates one per rule).",
    urn: fixtureUrns.metricFilter,
};

describe("policy metric-filter-has-alarm", () => {
    it("accepts a filter whose metric has an alarm", async () => {
        assert.deepStrictEqual(await validateStack(metricFilterHasAlarm, compliantStackFixture()), []);
    });

    it("accepts an alarm watching the metric through a metric math query", async () => {
        const resources = compliantStackFixture();
        const alarm = alarmOf(resources);
        delete alarm.props.namespace;
        delete alarm.props.metricName;
        alarm.props.metricQueries = [
            { id: "m1", metric: { namespace: "Trailwatch", metricName: "RootUsage", period: 300, stat: "Sum" } },
        ];
        assert.deepStrictEqual(await validateStack(metricFilterHasAlarm, resources), []);
    });

    it("rejects a filter whose alarm is gone", async () => {
        const resources = compliantStackFixture().filter((r) => r.urn !== fixtureUrns.alarm);
        assert.deepStrictEqual(await validateStack(metricFilterHasAlarm, resources), [violation]);
    });

    it("rejects a filter whose alarm watches another namespace", async () => {
        const resources = compliantStackFixture();
        alarmOf(resources).props.namespace = "CloudTrailMetrics";
        assert.deepStrictEqual(await validateStack(metricFilterHasAlarm, resources), [violation]);
    });

    it("does not guess while an alarm's metric is unknown (preview)", async () => {
        const resources = compliantStackFixture();
        alarmOf(resources).props.metricName = unknownValue;
        assert.deepStrictEqual(await validateStack(metricFilterHasAlarm, resources), []);
    });
});
