import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import {
    OpsgenieSnsIntegration,
    OpsgenieSnsIntegrationArgs,
    OpsgenieSnsIntegrationArgsError,
    alarmIntegrationActions,
    validateOpsgenieSnsIntegrationArgs,
} from "@trailwatch/components";
import { offlineOpsgenieIntegrationKey } from "../../../cli/engines/offline/offlineMocks";
import { ProgramRun, runUnderMocks } from "../../../cli/engines/offline/runProgram";
import { onlyResource, resolvedOutput } from "../../support/recordedResources";

// What these tests prove: the exact inputs OpsgenieSnsIntegration sends to the Opsgenie and AWS providers, that the
// keys stay secret, and the order of creation. What they cannot prove: that Opsgenie accepts them and confirms the
// subscription; the binding test holds the inputs to the provider's schema, and the offline check previews the
// alert from a notification in CloudWatch's current format.

const topicArn = "arn:aws:sns:eu-west-1:111122223333:trailwatch-alerts";
/** A realistic Opsgenie API key, passed as plain text on purpose: the component must make it a secret itself. */
const accountKey = "3f1c9a52-7d4e-4b1a-9c2e-5a6b7c8d9e0f";
const integrationKey = offlineOpsgenieIntegrationKey("opsgenie-integration");

async function construct(
    args: Partial<OpsgenieSnsIntegrationArgs> = {},
    capture?: (c: OpsgenieSnsIntegration) => Promise<void>,
): Promise<ProgramRun> {
    const run = await runUnderMocks({}, async () => {
        const component = new OpsgenieSnsIntegration("opsgenie", { topicArn, apiKey: accountKey, ...args });
        await capture?.(component);
    });
    if (run.error !== undefined) throw run.error;
    return run;
}

describe("OpsgenieSnsIntegration", () => {
    let run: ProgramRun;
    let endpoint: string;
    let endpointIsSecret = false;
    let integrationId: string;

    before(async () => {
        run = await construct({}, async (c) => {
            endpoint = await resolvedOutput(c.subscription.endpoint);
            endpointIsSecret = await pulumi.isSecret(c.subscription.endpoint);
            integrationId = await resolvedOutput(c.integrationId);
        });
    });

    it("creates its own provider, the integration, its actions and the subscription, named from the component", () => {
        const component = onlyResource(run, "trailwatch:index:OpsgenieSnsIntegration");
        assert.deepStrictEqual(
            run.resources.filter((r) => r.parent === component.urn).map((r) => `${r.type} ${r.name}`),
            [
                "pulumi:providers:opsgenie opsgenie-provider",
                "opsgenie:index/apiIntegration:ApiIntegration opsgenie-integration",
                "opsgenie:index/integrationAction:IntegrationAction opsgenie-actions",
                "aws:sns/topicSubscription:TopicSubscription opsgenie-subscription",
            ],
        );
        assert.strictEqual(run.resources.length, 6, "only the stack, the component and its children");
    });

    it("manages the integration through the explicit provider, whose key is a secret, on the US instance by default", () => {
        const provider = onlyResource(run, "pulumi:providers:opsgenie");
        assert.deepStrictEqual(provider.inputs, { apiKey: "[secret]", apiUrl: "api.opsgenie.com" });
        assert.deepStrictEqual(provider.secretInputs, ["apiKey"]);
        for (const type of [
            "opsgenie:index/apiIntegration:ApiIntegration",
            "opsgenie:index/integrationAction:IntegrationAction",
        ]) {
            assert.ok(
                onlyResource(run, type).provider?.startsWith(`${provider.urn}::`),
                `${type} uses the explicit provider`,
            );
        }
    });

    it("creates an enabled Amazon SNS integration whose key is a secret output", () => {
        const integration = onlyResource(run, "opsgenie:index/apiIntegration:ApiIntegration");
        assert.deepStrictEqual(integration.inputs, { name: "opsgenie", type: "AmazonSns", enabled: true });
        assert.deepStrictEqual(integration.options.additionalSecretOutputs, ["apiKey"]);
    });

    it("sets the actions generated for CloudWatch alarms on that integration, all at once", () => {
        const actions = onlyResource(run, "opsgenie:index/integrationAction:IntegrationAction");
        const integration = onlyResource(run, "opsgenie:index/apiIntegration:ApiIntegration");
        const expected = alarmIntegrationActions({
            descriptionFields: ["AlarmDescription", "AWSAccountId", "Region"],
            defaultPriority: "P3",
            alertTags: ["trailwatch"],
        });
        // The actions name the integration this component created (its id as the provider returns it), no other.
        assert.match(integrationId, /^[0-9a-f-]{36}$/);
        assert.deepStrictEqual(actions.inputs, { integrationId, creates: expected.creates, closes: expected.closes });
        assert.ok(actions.dependencies.includes(integration.urn));
    });

    it("subscribes the topic over HTTPS, auto-confirmed, with the envelope, after the actions exist", () => {
        const subscription = onlyResource(run, "aws:sns/topicSubscription:TopicSubscription");
        assert.deepStrictEqual(subscription.inputs, {
            topic: topicArn,
            protocol: "https",
            endpoint: "[secret]",
            endpointAutoConfirms: true,
            rawMessageDelivery: false,
        });
        assert.deepStrictEqual(subscription.secretInputs, ["endpoint"]);
        assert.deepStrictEqual(subscription.options.additionalSecretOutputs, ["endpoint"]);
        // What the component hands its caller: the endpoint output a secret too, whatever the engine does.
        assert.strictEqual(endpointIsSecret, true, "pulumi.isSecret(subscription.endpoint)");
        assert.ok(
            subscription.dependencies.includes(
                onlyResource(run, "opsgenie:index/integrationAction:IntegrationAction").urn,
            ),
        );
    });

    it("points the subscription at Opsgenie's SNS endpoint with the integration's own key", () => {
        assert.strictEqual(endpoint, `https://api.opsgenie.com/v1/json/amazonsns?apiKey=${integrationKey}`);
    });

    it("never records either key in plain text, not even in the component's own inputs", () => {
        const component = onlyResource(run, "trailwatch:index:OpsgenieSnsIntegration");
        assert.strictEqual(component.inputs.apiKey, "[secret]");
        const everything = JSON.stringify(run);
        assert.ok(!everything.includes(accountKey), "the account's API key");
        assert.ok(!everything.includes(integrationKey), "the integration's API key");
    });

    it("uses the EU instance for both the provider and the endpoint when told", async () => {
        let euEndpoint = "";
        const eu = await construct({ region: "eu" }, async (c) => {
            euEndpoint = await resolvedOutput(c.subscription.endpoint);
        });
        assert.strictEqual(onlyResource(eu, "pulumi:providers:opsgenie").inputs.apiUrl, "api.eu.opsgenie.com");
        assert.strictEqual(euEndpoint, `https://api.eu.opsgenie.com/v1/json/amazonsns?apiKey=${integrationKey}`);
    });

    it("passes the owner team, the name, enabled, description fields, default priority and tags through", async () => {
        const custom = await construct({
            integrationName: "trailwatch-prod",
            ownerTeamId: "8f3b2c1d-4e5f-4a6b-9c7d-0e1f2a3b4c5d",
            enabled: false,
            descriptionFields: ["AlarmName", "NewStateReason", "StateChangeTime"],
            defaultPriority: "P2",
            alertTags: ["prod"],
        });
        assert.deepStrictEqual(onlyResource(custom, "opsgenie:index/apiIntegration:ApiIntegration").inputs, {
            name: "trailwatch-prod",
            type: "AmazonSns",
            ownerTeamId: "8f3b2c1d-4e5f-4a6b-9c7d-0e1f2a3b4c5d",
            enabled: false,
        });
        const creates = onlyResource(custom, "opsgenie:index/integrationAction:IntegrationAction").inputs.creates as {
            description: string;
            priority: string;
            tags: string[];
        }[];
        assert.match(
            creates[0].description,
            /^Alarm: \{\{Message\.extract\(\/"AlarmName":.*\n\nReason: .*\n\nState changed at: /s,
        );
        assert.deepStrictEqual(
            creates.map((c) => c.priority),
            ["P1", "P2", "P3", "P4", "P5", "P2"],
        );
        assert.deepStrictEqual(creates[5].tags, ["prod"]);
    });

    describe("rejects bad arguments before registering anything", () => {
        const cases: [string, Partial<OpsgenieSnsIntegrationArgs>, string][] = [
            [
                "region",
                { region: "asia" },
                'OpsgenieSnsIntegration: region: "asia" is not an Opsgenie instance; use us or eu',
            ],
            [
                "an unknown description field",
                { descriptionFields: ["AlarmDescription", "Account"] },
                'OpsgenieSnsIntegration: descriptionFields: "Account" is not a field of a CloudWatch alarm message; use AlarmName, AlarmDescription, AWSAccountId, Region, NewStateValue, OldStateValue, NewStateReason, StateChangeTime, AlarmArn',
            ],
            [
                "a repeated description field",
                { descriptionFields: ["Region", "Region"] },
                'OpsgenieSnsIntegration: descriptionFields: "Region" is listed twice',
            ],
            [
                "no description fields",
                { descriptionFields: [] },
                "OpsgenieSnsIntegration: descriptionFields: must name at least one field",
            ],
            [
                "a priority",
                { defaultPriority: "critical" },
                'OpsgenieSnsIntegration: defaultPriority: "critical" is not an Opsgenie priority; use P1, P2, P3, P4, P5',
            ],
            [
                "a team ID",
                { ownerTeamId: "security-team" },
                'OpsgenieSnsIntegration: ownerTeamId: "security-team" is not an Opsgenie team ID (a UUID, shown in the team\'s URL)',
            ],
            ["an empty name", { integrationName: " " }, "OpsgenieSnsIntegration: integrationName: must not be empty"],
            ["an empty tag", { alertTags: ["ok", ""] }, "OpsgenieSnsIntegration: alertTags[1]: must not be empty"],
            [
                "a name over the provider's 250 bytes (126 × é: 126 characters, 252 bytes)",
                { integrationName: "é".repeat(126) },
                "OpsgenieSnsIntegration: integrationName: is 252 bytes in UTF-8; the Opsgenie provider accepts at most 250",
            ],
            [
                "a tag with template syntax",
                { alertTags: ["{{ Message }}"] },
                'OpsgenieSnsIntegration: alertTags[0]: has template syntax ("{{"), which Opsgenie would replace with data of each notification; a tag is fixed text',
            ],
            [
                "a tag over Opsgenie's 50 characters",
                { alertTags: ["t".repeat(51)] },
                "OpsgenieSnsIntegration: alertTags[0]: is 51 characters; an Opsgenie tag is at most 50",
            ],
        ];
        for (const [what, args, message] of cases) {
            it(what, async () => {
                const failed = await runUnderMocks({}, async () => {
                    new OpsgenieSnsIntegration("opsgenie", { topicArn, apiKey: accountKey, ...args });
                });
                assert.ok(failed.error instanceof OpsgenieSnsIntegrationArgsError);
                assert.strictEqual(failed.error.message, message);
                assert.deepStrictEqual(
                    failed.resources.map((r) => r.type),
                    ["pulumi:pulumi:Stack"],
                    "nothing but the stack was registered",
                );
            });
        }

        it("lists every problem at once for the stack configuration", () => {
            assert.deepStrictEqual(
                validateOpsgenieSnsIntegrationArgs({ region: "apac", defaultPriority: "P0" }).map((e) => e.arg),
                ["region", "defaultPriority"],
            );
        });
    });
});
