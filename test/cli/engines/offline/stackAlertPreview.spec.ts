import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { parseSnsNotification, previewJsmAlert, previewOpsgenieAlert } from "@trailwatch/components";
import { ProgramRun, runProgram } from "../../../../cli/engines/offline/runProgram";
import { readStackFile } from "../../../../cli/engines/offline/stackFile";
import {
    destinationPreviewer,
    enabledDestinations,
    previewStackAlert,
    recordedIntegrationActions,
    recordedJsmActions,
} from "../../../../cli/engines/offline/stackAlertPreview";
import { snsAlarmMessagesDir } from "../../../components/opsgenie/sharedReference";
import { projectDir, skipWithoutShared } from "../../../support/repositoryPaths";

// A stack that enables both destinations (how a team moves from Opsgenie to JSM): the program registers both
// integrations on the one topic, and the two make the same alert of every notification, since both are generated
// from one description. Under mocks: what Opsgenie and JSM do with the requests is shown by the previews, not proven.

/** The dev stack with JSM enabled beside its Opsgenie integration. */
async function bothEnabled(): Promise<ProgramRun> {
    const dev = readStackFile(projectDir, "dev");
    const values = {
        ...dev.values,
        "trailwatch:jsmEnabled": "true",
        "trailwatch:jsmCloudId": "0e3b5c1a-8f2d-4a6b-9c7e-1d2f3a4b5c6d",
        "trailwatch:jsmSiteDomain": "example.atlassian.net",
        "trailwatch:jsmUserEmail": "platform-security@example.com",
        "trailwatch:jsmApiToken": "[secret]",
        // The same description as dev's Opsgenie alerts: what a team configures while comparing the two.
        "trailwatch:jsmDescriptionFields": dev.values["trailwatch:opsgenieDescriptionFields"],
        // The stand-in the offline check uses when the file leaves the key unset.
        "trailwatch:opsgenieApiKey": "[secret]",
    };
    const secretKeys = new Set([...dev.secretKeys, "trailwatch:jsmApiToken", "trailwatch:opsgenieApiKey"]);
    const run = await runProgram({ projectDir, stack: "dev", config: { values, secretKeys } });
    if (run.error !== undefined) throw run.error;
    return run;
}

describe("the stack's alert destinations", () => {
    let run: ProgramRun;

    before(async () => {
        run = await bothEnabled();
    });

    it("with both enabled, registers both integrations, each subscribed over HTTPS to the one alert topic, the endpoints secret", () => {
        assert.deepStrictEqual(enabledDestinations(run), ["opsgenie", "jsm"]);
        assert.deepStrictEqual(
            run.resources
                .filter(
                    (r) =>
                        r.type === "trailwatch:index:OpsgenieSnsIntegration" ||
                        r.type === "trailwatch:index:JsmSnsIntegration",
                )
                .map((r) => r.name),
            ["opsgenie", "jsm"],
        );
        // Registered in the order their integrations' keys resolve: compared by name.
        const subscriptions = run.resources
            .filter((r) => r.type === "aws:sns/topicSubscription:TopicSubscription")
            .sort((a, b) => b.name.localeCompare(a.name));
        assert.deepStrictEqual(
            subscriptions.map((r) => [r.name, r.inputs.topic, r.inputs.protocol, r.inputs.endpoint, r.secretInputs]),
            ["opsgenie-subscription", "jsm-subscription"].map((name) => [
                name,
                "arn:aws:sns:eu-west-1:111122223333:trailwatch-dev-alerts",
                "https",
                "[secret]",
                ["endpoint"],
            ]),
        );
        const alarms = run.resources.filter((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm");
        for (const alarm of alarms) {
            assert.deepStrictEqual(alarm.inputs.alarmActions, [
                "arn:aws:sns:eu-west-1:111122223333:trailwatch-dev-alerts",
            ]);
        }
    });

    it("previews the same alert at both, with no problem, for the most urgent alarm", () => {
        const opsgenie = previewStackAlert(run, "opsgenie");
        const jsm = previewStackAlert(run, "jsm");
        assert.deepStrictEqual([opsgenie.problems, jsm.problems], [[], []]);
        assert.deepStrictEqual(jsm.firing, opsgenie.firing);
        assert.deepStrictEqual(jsm.recovered, opsgenie.recovered);
        assert.strictEqual(jsm.firing?.action, "create");
    });

    it("fails the JSM preview alone when only JSM's subscription is on another topic", () => {
        const copy = JSON.parse(JSON.stringify(run)) as ProgramRun;
        copy.resources.find((r) => r.name === "jsm-subscription")!.inputs.topic =
            "arn:aws:sns:eu-west-1:111122223333:other";
        assert.deepStrictEqual(previewStackAlert(copy, "opsgenie").problems, []);
        assert.deepStrictEqual(previewStackAlert(copy, "jsm").problems, [
            "the alarm notifies arn:aws:sns:eu-west-1:111122223333:trailwatch-dev-alerts, but JSM is subscribed to arn:aws:sns:eu-west-1:111122223333:other",
        ]);
    });

    it("calls two JSM actions that match one notification ambiguous: JSM's provider sets no order", () => {
        const actions = recordedJsmActions(run)!;
        const untagged = actions.find((a) => a.name.includes("without a severity token"))!;
        // The untagged create without its token exclusions: it now takes P1 alarms as well.
        const loose = {
            ...untagged,
            filter: { ...untagged.filter!, conditions: untagged.filter!.conditions!.slice(0, 1) },
        };
        const notification = JSON.parse(JSON.stringify(previewStackAlert(run, "jsm").notification));
        const fields = parseSnsNotification(JSON.stringify(notification));
        const preview = previewJsmAlert([...actions.filter((a) => a !== untagged), loose], fields);
        assert.deepStrictEqual(preview.action, "ambiguous");
        assert.deepStrictEqual(preview.actionNames.sort(), [
            "Create a P1 alert for a firing alarm marked [P1]",
            "Create an alert for a firing alarm without a severity token",
        ]);
    });

    describe("real CloudWatch notifications, 2014-2023", () => {
        before(function () {
            skipWithoutShared(this, snsAlarmMessagesDir);
        });

        it("render to the same alert at Opsgenie and at JSM, description included, for every notification", () => {
            const files = fs
                .readdirSync(snsAlarmMessagesDir)
                .filter((f) => f.endsWith(".json") && f !== "index.json")
                .sort();
            assert.ok(files.length >= 8, `${files.length} notifications`);
            const opsgenie = recordedIntegrationActions(run)!;
            const jsm = recordedJsmActions(run)!;
            const seen = new Set<string>();
            for (const file of files) {
                const notification = parseSnsNotification(
                    fs.readFileSync(path.join(snsAlarmMessagesDir, file), "utf8"),
                );
                const atOpsgenie = previewOpsgenieAlert(opsgenie, notification);
                const atJsm = previewJsmAlert(jsm, notification);
                assert.deepStrictEqual(atJsm, atOpsgenie, file);
                assert.deepStrictEqual(destinationPreviewer(run, "jsm")!(notification), atJsm, file);
                seen.add(atJsm.action);
                if (atJsm.action === "create") assert.ok((atJsm.description ?? "").length > 0, file);
            }
            // The corpus has firing and recovered alarms, and a subscription confirmation that triggers nothing.
            assert.deepStrictEqual([...seen].sort(), ["close", "create", "none"]);
        });
    });
});
