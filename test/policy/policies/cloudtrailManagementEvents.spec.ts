import * as assert from "assert";
import { unknownValue } from "../../../policy/lib/knownValues";
import { cloudtrailManagementEvents } from "../../../policy/policies";
import { trailFixture } from "../../fixtures/policyResources";
import { validateResource } from "../policyHarness";

const basicFix =
    'set includeManagementEvents to true and readWriteType to "All" on an event selector, without ' +
    "excludeManagementEventSources.";
const advancedFix = 'add an advanced event selector whose only field selector is eventCategory equals ["Management"].';

function withEventSelectors(eventSelectors: unknown) {
    const trail = trailFixture();
    trail.props.eventSelectors = eventSelectors;
    return trail;
}

function withAdvancedSelectors(advancedEventSelectors: unknown) {
    const trail = trailFixture();
    delete trail.props.eventSelectors;
    trail.props.advancedEventSelectors = advancedEventSelectors;
    return trail;
}

const managementSelector = {
    name: "Management events",
    fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }],
};

describe("policy cloudtrail-management-events-read-write", () => {
    describe("basic event selectors", () => {
        it("accepts readWriteType All with management events (the AuditTrail's selector)", async () => {
            assert.deepStrictEqual(await validateResource(cloudtrailManagementEvents, trailFixture()), []);
        });

        it("accepts a trail without selectors: CloudTrail then records every management event", async () => {
            const trail = trailFixture();
            delete trail.props.eventSelectors;
            assert.deepStrictEqual(await validateResource(cloudtrailManagementEvents, trail), []);
        });

        it("accepts a selector that leaves readWriteType and includeManagementEvents to their defaults", async () => {
            const trail = withEventSelectors([{ dataResources: [] }]);
            assert.deepStrictEqual(await validateResource(cloudtrailManagementEvents, trail), []);
        });

        it("accepts a ReadOnly and a WriteOnly selector together", async () => {
            const trail = withEventSelectors([{ readWriteType: "ReadOnly" }, { readWriteType: "WriteOnly" }]);
            assert.deepStrictEqual(await validateResource(cloudtrailManagementEvents, trail), []);
        });

        it("rejects write-only management events, naming the missing read events", async () => {
            const trail = withEventSelectors([{ readWriteType: "WriteOnly", includeManagementEvents: true }]);
            assert.deepStrictEqual(await validateResource(cloudtrailManagementEvents, trail), [
                'Trail "audit-trail" does not record all read management events (event selector 1 has readWriteType ' +
                    `"WriteOnly"): ${basicFix}`,
            ]);
        });

        it("rejects read-only management events, naming the missing write events", async () => {
            const trail = withEventSelectors([{ readWriteType: "ReadOnly", includeManagementEvents: true }]);
            assert.deepStrictEqual(await validateResource(cloudtrailManagementEvents, trail), [
                'Trail "audit-trail" does not record all write management events (event selector 1 has readWriteType ' +
                    `"ReadOnly"): ${basicFix}`,
            ]);
        });

        it("rejects selectors that all exclude management events", async () => {
            const trail = withEventSelectors([{ readWriteType: "All", includeManagementEvents: false }]);
            assert.deepStrictEqual(await validateResource(cloudtrailManagementEvents, trail), [
                'Trail "audit-trail" does not record all read and write management events (every event selector ' +
                    `sets includeManagementEvents to false): ${basicFix}`,
            ]);
        });

        it("rejects excluded management event sources", async () => {
            const trail = withEventSelectors([
                {
                    readWriteType: "All",
                    includeManagementEvents: true,
                    excludeManagementEventSources: ["kms.amazonaws.com"],
                },
            ]);
            assert.deepStrictEqual(await validateResource(cloudtrailManagementEvents, trail), [
                'Trail "audit-trail" does not record all read and write management events (event selector 1 ' +
                    `excludes the management events of kms.amazonaws.com with excludeManagementEventSources): ${basicFix}`,
            ]);
        });

        it("does not guess while readWriteType or the selectors are unknown (preview)", async () => {
            const unknownType = withEventSelectors([{ readWriteType: unknownValue, includeManagementEvents: true }]);
            assert.deepStrictEqual(await validateResource(cloudtrailManagementEvents, unknownType), []);
            assert.deepStrictEqual(
                await validateResource(cloudtrailManagementEvents, withEventSelectors(unknownValue)),
                [],
            );
        });
    });

    describe("advanced event selectors", () => {
        it("accepts a management selector without a readOnly restriction", async () => {
            const trail = withAdvancedSelectors([managementSelector]);
            assert.deepStrictEqual(await validateResource(cloudtrailManagementEvents, trail), []);
        });

        it("accepts a management selector next to a data-event selector whose ARN is unknown (preview)", async () => {
            const trail = withAdvancedSelectors([
                managementSelector,
                {
                    name: "S3 uploads",
                    fieldSelectors: [
                        { field: "eventCategory", equals: ["Data"] },
                        { field: "resources.type", equals: ["AWS::S3::Object"] },
                        { field: "resources.ARN", startsWiths: [unknownValue] },
                    ],
                },
            ]);
            assert.deepStrictEqual(await validateResource(cloudtrailManagementEvents, trail), []);
        });

        it("rejects a management selector restricted to read-only events", async () => {
            const trail = withAdvancedSelectors([
                {
                    name: "Management events",
                    fieldSelectors: [
                        { field: "eventCategory", equals: ["Management"] },
                        { field: "readOnly", equals: ["true"] },
                    ],
                },
            ]);
            assert.deepStrictEqual(await validateResource(cloudtrailManagementEvents, trail), [
                'Trail "audit-trail" does not record all write management events (advanced event selector ' +
                    `"Management events" restricts readOnly to "true"): ${advancedFix}`,
            ]);
        });

        it("rejects a management selector narrowed by event source", async () => {
            const trail = withAdvancedSelectors([
                {
                    fieldSelectors: [
                        { field: "eventCategory", equals: ["Management"] },
                        { field: "eventSource", notEquals: ["kms.amazonaws.com"] },
                    ],
                },
            ]);
            assert.deepStrictEqual(await validateResource(cloudtrailManagementEvents, trail), [
                'Trail "audit-trail" does not record all read and write management events (advanced event selector 1 ' +
                    `also filters on eventSource notEquals ["kms.amazonaws.com"]): ${advancedFix}`,
            ]);
        });

        it("rejects advanced selectors that select only data events", async () => {
            const trail = withAdvancedSelectors([
                {
                    name: "S3 uploads",
                    fieldSelectors: [
                        { field: "eventCategory", equals: ["Data"] },
                        { field: "resources.type", equals: ["AWS::S3::Object"] },
                    ],
                },
            ]);
            assert.deepStrictEqual(await validateResource(cloudtrailManagementEvents, trail), [
                'Trail "audit-trail" does not record all read and write management events (no advanced event ' +
                    `selector has eventCategory equals "Management"): ${advancedFix}`,
            ]);
        });
    });
});
