import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import {
    JsmSnsIntegration,
    JsmSnsIntegrationArgs,
    JsmSnsIntegrationArgsError,
    alarmDescriptionTemplate,
    validateJsmSnsIntegrationArgs,
} from "@trailwatch/components";
import { offlineJsmIntegrationKey } from "../../../cli/engines/offline/offlineMocks";
import { ProgramRun, runUnderMocks } from "../../../cli/engines/offline/runProgram";
import { onlyResource, resolvedOutput } from "../../support/recordedResources";

// What these tests prove: the exact inputs JsmSnsIntegration sends to the atlassian-operations and AWS providers,
// that the token and the integration key stay secret, and the order of creation. What they cannot prove: that JSM
// accepts them and confirms the subscription; the binding test holds the inputs to the provider's schema, and the
// offline check previews the alert from a notification in CloudWatch's current format.

const topicArn = "arn:aws:sns:eu-west-1:111122223333:trailwatch-alerts";
/** An Atlassian API token, passed as plain text on purpose: the component must make it a secret itself. */
const apiToken = "ATATT3xFfGF0-example-token-value";
const site = {
    cloudId: "0e3b5c1a-8f2d-4a6b-9c7e-1d2f3a4b5c6d",
    siteDomain: "example.atlassian.net",
    userEmail: "platform-security@example.com",
};
const integrationKey = offlineJsmIntegrationKey("jsm-integration");

async function construct(
    args: Partial<JsmSnsIntegrationArgs> = {},
    capture?: (c: JsmSnsIntegration) => Promise<void>,
): Promise<ProgramRun> {
    const run = await runUnderMocks({}, async () => {
        const component = new JsmSnsIntegration("jsm", { topicArn, apiToken, ...site, ...args });
        await capture?.(component);
    });
    if (run.error !== undefined) throw run.error;
    return run;
}

const nameExtraction = '{{Message.extract(/"AlarmName":"?((?:(?<=:")(?:[^"\\\\]|\\\\.)*)?)(?:"|null)/)}}';
const tokens = ["P1", "P2", "P3", "P4", "P5"];

describe("JsmSnsIntegration", () => {
    let run: ProgramRun;
    let endpoint: string;
    let endpointIsSecret = false;
    let integrationId = "";

    before(async () => {
        run = await construct(
            { teamId: "7a9c2e4f-1b3d-4e5f-8a6b-0c1d2e3f4a5b", alertTags: ["trailwatch", "staging"] },
            async (c) => {
                endpoint = await resolvedOutput(c.subscription.endpoint);
                endpointIsSecret = await pulumi.isSecret(c.subscription.endpoint);
                integrationId = await resolvedOutput(c.integrationId);
            },
        );
    });

    it("creates its own provider, the integration, one resource per action and the subscription, named from the component", () => {
        const component = onlyResource(run, "trailwatch:index:JsmSnsIntegration");
        const action = "atlassian-operations:index/integrationAction:IntegrationAction";
        // Registered in the order the package reference resolves: compared as a set.
        assert.deepStrictEqual(
            run.resources
                .filter((r) => r.parent === component.urn)
                .map((r) => `${r.type} ${r.name}`)
                .sort(),
            [
                "pulumi:providers:atlassian-operations jsm-provider",
                "atlassian-operations:index/apiIntegration:ApiIntegration jsm-integration",
                ...tokens.map((p) => `${action} jsm-create-${p.toLowerCase()}`),
                `${action} jsm-create-untagged`,
                `${action} jsm-close`,
                "aws:sns/topicSubscription:TopicSubscription jsm-subscription",
            ].sort(),
        );
        assert.strictEqual(run.resources.length, 12, "only the stack, the component and its children");
    });

    it("manages the integration through the explicit provider: the site, the account, the token a secret", () => {
        const provider = onlyResource(run, "pulumi:providers:atlassian-operations");
        assert.deepStrictEqual(provider.inputs, {
            cloudId: site.cloudId,
            domainName: site.siteDomain,
            emailAddress: site.userEmail,
            token: "[secret]",
        });
        assert.deepStrictEqual(provider.secretInputs, ["token"]);
        for (const r of run.resources.filter((r) => r.type.startsWith("atlassian-operations:"))) {
            assert.ok(r.provider?.startsWith(`${provider.urn}::`), `${r.name} uses the explicit provider`);
        }
        const component = onlyResource(run, "trailwatch:index:JsmSnsIntegration");
        assert.strictEqual(component.inputs.apiToken, "[secret]");
        assert.ok(!JSON.stringify(run.resources).includes(apiToken), "the token appears nowhere in plain text");
    });

    it("creates an enabled Amazon SNS integration owned by the team, without JSM's default actions, its key a secret output", () => {
        const integration = onlyResource(run, "atlassian-operations:index/apiIntegration:ApiIntegration");
        assert.deepStrictEqual(integration.inputs, {
            name: "jsm",
            type: "AmazonSns",
            teamId: "7a9c2e4f-1b3d-4e5f-8a6b-0c1d2e3f4a5b",
            enabled: true,
            deleteDefaultActions: true,
        });
        assert.deepStrictEqual(integration.options.additionalSecretOutputs, ["apiKey"]);
    });

    it("gives each action exactly its filter on the message and its alert fields", () => {
        const integration = onlyResource(run, "atlassian-operations:index/apiIntegration:ApiIntegration");
        const byName = (name: string) => run.resources.find((r) => r.name === name)!;
        const condition = (text: string, order: number) => ({
            field: "Message",
            operation: "contains",
            expectedValue: text.replace(/^!/, ""),
            not: text.startsWith("!"),
            order,
        });
        const action = (name: string, type: string, texts: string[], fields: Record<string, unknown>) => ({
            name,
            type,
            domain: "alert",
            direction: "incoming",
            enabled: true,
            filter: {
                conditionsEmpty: false,
                conditionMatchType: "match-all-conditions",
                conditions: texts.map((t, i) => condition(t, i + 1)),
            },
            fieldMappings: JSON.stringify(fields),
            integrationId,
        });
        const alert = {
            message: nameExtraction,
            description: alarmDescriptionTemplate(["AlarmDescription", "AWSAccountId", "Region"]),
            alias: nameExtraction,
        };
        const expectations: [string, ReturnType<typeof action>][] = [
            ...tokens.map((p): [string, ReturnType<typeof action>] => [
                `jsm-create-${p.toLowerCase()}`,
                action(
                    `Create a ${p} alert for a firing alarm marked [${p}]`,
                    "create",
                    ['"NewStateValue":"ALARM"', `"AlarmDescription":"[${p}]`],
                    { ...alert, priority: p, tags: ["trailwatch", "staging"] },
                ),
            ]),
            [
                "jsm-create-untagged",
                action(
                    "Create an alert for a firing alarm without a severity token",
                    "create",
                    ['"NewStateValue":"ALARM"', ...tokens.map((p) => `!"AlarmDescription":"[${p}]`)],
                    { ...alert, priority: "P3", tags: ["trailwatch", "staging"] },
                ),
            ],
            [
                "jsm-close",
                action("Close the alert when the alarm is back to OK", "close", ['"NewStateValue":"OK"'], {
                    alias: nameExtraction,
                    note: 'Back to OK: {{Message.extract(/"NewStateReason":"?((?:(?<=:")(?:[^"\\\\]|\\\\.)*)?)(?:"|null)/)}}',
                }),
            ],
        ];
        for (const [name, expected] of expectations) {
            const recorded = byName(name);
            assert.deepStrictEqual(recorded.inputs, expected, name);
            assert.deepStrictEqual(recorded.propertyDependencies.integrationId, [integration.urn], name);
        }
    });

    it("subscribes the topic over HTTPS to JSM's Amazon SNS endpoint, the URL (holding the key) a secret", () => {
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
        assert.strictEqual(
            endpoint,
            `https://api.atlassian.com/jsm/ops/integration/v1/json/amazonsns?apiKey=${integrationKey}`,
        );
        assert.ok(!JSON.stringify(run.resources).includes(integrationKey), "the key appears nowhere in plain text");
    });

    it("subscribes only once every action exists, so the first alarm meets them", () => {
        const subscription = onlyResource(run, "aws:sns/topicSubscription:TopicSubscription");
        const actions = run.resources
            .filter((r) => r.type === "atlassian-operations:index/integrationAction:IntegrationAction")
            .map((r) => r.urn);
        assert.strictEqual(actions.length, 7);
        for (const urn of actions) assert.ok(subscription.dependencies.includes(urn), urn);
    });

    it("rejects bad arguments by name before registering anything but the stack", async () => {
        const cases: [Partial<JsmSnsIntegrationArgs>, string, RegExp][] = [
            [{ cloudId: "my-site" }, "cloudId", /"my-site" is not an Atlassian cloud ID \(a UUID\)/],
            [{ siteDomain: "https://example.atlassian.net" }, "siteDomain", /without https:\/\/ or a path/],
            [{ userEmail: "platform-security" }, "userEmail", /is not an e-mail address/],
            [{ teamId: "security" }, "teamId", /"security" is not a JSM team ID/],
            [{ defaultPriority: "P0" }, "defaultPriority", /"P0" is not a JSM priority; use P1, P2, P3, P4, P5/],
            [{ descriptionFields: ["AlarmName", "Account"] }, "descriptionFields", /"Account" is not a field/],
            [{ alertTags: ["ok", " "] }, "alertTags[1]", /must not be empty/],
            // Untyped input (YAML, JSON) gets an error naming the tag, not a TypeError from trim().
            [{ alertTags: ["ok", 7 as unknown as string] }, "alertTags[1]", /must be a string/],
            [
                { integrationName: "x".repeat(251) },
                "integrationName",
                /is 251 bytes in UTF-8; the atlassian-operations provider accepts at most 250/,
            ],
        ];
        for (const [bad, arg, reason] of cases) {
            const problems = validateJsmSnsIntegrationArgs({ ...site, ...bad });
            assert.deepStrictEqual(
                problems.map((p) => p.arg),
                [arg],
            );
            assert.match(problems[0].message, reason);
            const rejected = await runUnderMocks({}, async () => {
                new JsmSnsIntegration("jsm", { topicArn, apiToken, ...site, ...bad });
            });
            assert.ok(rejected.error instanceof JsmSnsIntegrationArgsError, arg);
            assert.match(rejected.error.message, new RegExp(`^JsmSnsIntegration: ${arg.replace(/[[\]]/g, "\\$&")}: `));
            assert.deepStrictEqual(
                rejected.resources.map((r) => r.type),
                ["pulumi:pulumi:Stack"],
                arg,
            );
        }
    });
});
