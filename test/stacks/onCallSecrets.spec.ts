import * as assert from "assert";
import { offlineJsmIntegrationKey, offlineOpsgenieIntegrationKey } from "../../cli/engines/offline/offlineMocks";
import { ProgramRun, runProgram } from "../../cli/engines/offline/runProgram";
import { stackConfigWithoutOnCall } from "../support/offlineStackConfig";
import { onlyResource } from "../support/recordedResources";
import { projectDir } from "../support/repositoryPaths";

// The program as `pulumi up` runs it: the engine hands it the credentials decrypted (`pulumi.runtime.allConfig()`
// holds plain text, `isConfigSecret` says which keys were secrets), so every value derived from them must be a
// Pulumi secret by the time it reaches the engine. runProgram records what the engine would receive (the wire
// format, secrets marked); the components' own tests hold the exact inputs. What this cannot prove: how the engine
// encrypts them in state (Pulumi docs, "Secrets": values sent as secrets "never appear as plain text in your state
// file"), nor that the providers mark their own outputs (their schema; the bindings' tests).

/** Distinctive credentials, so that a test can tell whether they appear anywhere. */
const opsgenieApiKey = "og-plain-3f1c9a52-7d4e-4b1a-9c2e-5a6b7c8d9e0f";
const jsmApiToken = "ATATT3xFfGF0-plain-token-2718281828";

describe("stack program: the on-call credentials, decrypted as under `pulumi up`", function () {
    this.timeout(120_000);
    let run: ProgramRun;

    before(async () => {
        const config = stackConfigWithoutOnCall("prod", {
            "trailwatch:opsgenieEnabled": "true",
            "trailwatch:opsgenieApiKey": opsgenieApiKey,
            "trailwatch:opsgenieRegion": "eu",
            "trailwatch:jsmEnabled": "true",
            "trailwatch:jsmCloudId": "0e3b5c1a-8f2d-4a6b-9c7e-1d2f3a4b5c6d",
            "trailwatch:jsmSiteDomain": "example.atlassian.net",
            "trailwatch:jsmUserEmail": "platform-security@example.com",
            "trailwatch:jsmApiToken": jsmApiToken,
        });
        config.secretKeys.add("trailwatch:opsgenieApiKey");
        config.secretKeys.add("trailwatch:jsmApiToken");
        run = await runProgram({ projectDir, stack: "prod", config });
        if (run.error !== undefined) throw run.error;
    });

    it("never sends a credential or an integration's key in plain text: no resource input, no stack output", () => {
        const everything = JSON.stringify(run);
        for (const [what, value] of [
            ["the Opsgenie API key", opsgenieApiKey],
            ["the JSM API token", jsmApiToken],
            ["the Opsgenie integration's key", offlineOpsgenieIntegrationKey("opsgenie-integration")],
            ["the JSM integration's key", offlineJsmIntegrationKey("jsm-integration")],
        ]) {
            assert.ok(!everything.includes(value), what);
        }
    });

    it("sends each as a secret: the components' and providers' inputs, both subscriptions' endpoints", () => {
        const secretInputs = (type: string) => onlyResource(run, type).secretInputs;
        assert.deepStrictEqual(secretInputs("trailwatch:index:OpsgenieSnsIntegration"), ["apiKey"]);
        assert.deepStrictEqual(secretInputs("pulumi:providers:opsgenie"), ["apiKey"]);
        assert.deepStrictEqual(secretInputs("trailwatch:index:JsmSnsIntegration"), ["apiToken"]);
        assert.deepStrictEqual(secretInputs("pulumi:providers:atlassian-operations"), ["token"]);
        const subscriptions = run.resources.filter((r) => r.type === "aws:sns/topicSubscription:TopicSubscription");
        assert.deepStrictEqual(
            subscriptions.map((s) => [s.name, s.secretInputs, s.options.additionalSecretOutputs]).sort(),
            [
                ["jsm-subscription", ["endpoint"], ["endpoint"]],
                ["opsgenie-subscription", ["endpoint"], ["endpoint"]],
            ],
        );
    });

    it("asks the engine to keep each integration's computed key and each provider's credential secret", () => {
        const secretOutputs = (type: string) => onlyResource(run, type).options.additionalSecretOutputs;
        assert.deepStrictEqual(secretOutputs("opsgenie:index/apiIntegration:ApiIntegration"), ["apiKey"]);
        assert.deepStrictEqual(secretOutputs("atlassian-operations:index/apiIntegration:ApiIntegration"), ["apiKey"]);
        assert.deepStrictEqual(secretOutputs("pulumi:providers:opsgenie"), ["apiKey"]);
        assert.deepStrictEqual(secretOutputs("pulumi:providers:atlassian-operations"), ["orgAdminToken", "token"]);
    });
});
