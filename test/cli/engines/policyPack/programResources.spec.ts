import * as assert from "assert";
import { RecordedResource, unknownPlaceholder } from "../../../../cli/engines/offline/runProgram";
import { secretPlaceholder } from "../../../../cli/engines/offline/stackFile";
import { analyzedResources } from "../../../../cli/engines/policyPack/programResources";

function recorded(overrides: Partial<RecordedResource>): RecordedResource {
    return {
        urn: "urn:pulumi:dev::trailwatch::aws:sns/topic:Topic::alerts-topic",
        type: "aws:sns/topic:Topic",
        name: "alerts-topic",
        custom: true,
        inputs: {},
        secretInputs: [],
        dependencies: [],
        propertyDependencies: {},
        options: {
            protect: false,
            retainOnDelete: false,
            deleteBeforeReplace: false,
            ignoreChanges: [],
            additionalSecretOutputs: [],
        },
        ...overrides,
    };
}

describe("recorded resources as the engine sends them to a policy pack", () => {
    it("turns the runner's placeholders back into an unknown value and a secret", () => {
        const [topic] = analyzedResources([
            recorded({
                inputs: { kmsMasterKeyId: unknownPlaceholder, deliveryPolicy: secretPlaceholder, tags: { a: "b" } },
            }),
        ]);
        assert.deepStrictEqual(topic.properties, {
            kmsMasterKeyId: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
            deliveryPolicy: {
                "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
                value: "[secret]",
            },
            tags: { a: "b" },
        });
    });

    it("attaches the explicit provider resource named by the provider reference", () => {
        const providerUrn = "urn:pulumi:dev::trailwatch::pulumi:providers:aws::us-east-1";
        const provider = recorded({
            urn: providerUrn,
            type: "pulumi:providers:aws",
            name: "us-east-1",
            inputs: { region: "us-east-1" },
        });
        const topic = recorded({ provider: `${providerUrn}::0b2f6b2e-provider-id` });
        assert.deepStrictEqual(analyzedResources([provider, topic])[1].provider, {
            type: "pulumi:providers:aws",
            name: "us-east-1",
            urn: providerUrn,
            properties: { region: "us-east-1" },
        });
    });
});
