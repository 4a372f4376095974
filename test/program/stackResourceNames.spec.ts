import * as assert from "assert";
import { runProgram } from "../../cli/engines/offline/runProgram";
import { stackAlertKeyAlias, stackAlertTopicName } from "../../program/stackResourceNames";
import { onlyResource } from "../support/recordedResources";
import { projectDir } from "../support/repositoryPaths";

describe("stack resource names", () => {
    it("names the alert topic and its key alias after the stack", () => {
        assert.strictEqual(stackAlertTopicName("prod"), "trailwatch-prod-alerts");
        assert.strictEqual(stackAlertKeyAlias("prod"), "alias/trailwatch-prod-alerts");
    });

    // Pulumi allows '.' in stack names; SNS topic names and KMS alias names do not (SNS CreateTopic, KMS CreateAlias).
    it("deploys a stack whose name has a period: the topic and alias take '-' for it, nothing half-registered", async () => {
        const run = await runProgram({
            projectDir,
            stack: "eu.prod",
            config: { values: { "aws:region": "eu-west-1" }, secretKeys: new Set() },
        });
        assert.strictEqual(run.error, undefined, run.error?.message);
        assert.strictEqual(onlyResource(run, "aws:sns/topic:Topic").inputs.name, "trailwatch-eu-prod-alerts");
        assert.strictEqual(onlyResource(run, "aws:kms/alias:Alias").inputs.name, "alias/trailwatch-eu-prod-alerts");
        assert.strictEqual(onlyResource(run, "aws:cloudtrail/trail:Trail").inputs.name, "trailwatch-eu.prod");
    });
});
