import * as assert from "assert";
import { readDevStackConfig, stackConfigProblems } from "../support/stackConfigProblems";

const key = "3f1c9a52-7d4e-4b1a-9c2e-5a6b7c8d9e0f";
const region = { "aws:region": "eu-west-1" };

const read = (values: Record<string, string>, secretKeys: string[] = []) =>
    readDevStackConfig({ ...region, ...values }, secretKeys);

const enabled = { "trailwatch:opsgenieEnabled": "true", "trailwatch:opsgenieApiKey": key };
const secret = ["trailwatch:opsgenieApiKey"];

describe("stack configuration: the Opsgenie keys", () => {
    it("leaves Opsgenie off unless the stack enables it", () => {
        assert.strictEqual(read({}).opsgenie, undefined);
    });

    it("gives the defaults once enabled with a secret key", () => {
        assert.deepStrictEqual(read(enabled, secret).opsgenie, {
            apiKey: key,
            region: "us",
            integrationName: "trailwatch-dev",
            ownerTeamId: undefined,
            descriptionFields: ["AlarmDescription", "AWSAccountId", "Region"],
            defaultPriority: "P3",
            alertTags: ["trailwatch", "dev"],
        });
    });

    it("reads every key in its type", () => {
        const opsgenie = read(
            {
                ...enabled,
                "trailwatch:opsgenieRegion": "eu",
                "trailwatch:opsgenieIntegrationName": "security-alarms",
                "trailwatch:opsgenieOwnerTeamId": "4d1e7a2b-9c3f-4e8a-b6d5-0f2c1a3e5b7d",
                "trailwatch:opsgenieDescriptionFields": JSON.stringify(["AlarmName", "NewStateReason"]),
                "trailwatch:opsgenieDefaultPriority": "P2",
                "trailwatch:opsgenieAlertTags": JSON.stringify(["aws", "security"]),
            },
            secret,
        ).opsgenie;
        assert.deepStrictEqual(opsgenie, {
            apiKey: key,
            region: "eu",
            integrationName: "security-alarms",
            ownerTeamId: "4d1e7a2b-9c3f-4e8a-b6d5-0f2c1a3e5b7d",
            descriptionFields: ["AlarmName", "NewStateReason"],
            defaultPriority: "P2",
            alertTags: ["aws", "security"],
        });
    });

    const cases: [string, Record<string, string>, string[], string[]][] = [
        [
            "a key in plain text (and the key is never quoted back)",
            enabled,
            [],
            [
                "trailwatch:opsgenieApiKey: is in plain text in the stack configuration; set it with `pulumi config set --secret trailwatch:opsgenieApiKey`, and replace the key in Opsgenie: it has been exposed",
            ],
        ],
        [
            "no key",
            { "trailwatch:opsgenieEnabled": "true" },
            [],
            [
                "trailwatch:opsgenieApiKey: is required when trailwatch:opsgenieEnabled is true; set it with `pulumi config set --secret trailwatch:opsgenieApiKey`",
            ],
        ],
        [
            "opsgenie keys without opsgenieEnabled (nothing would be created)",
            { "trailwatch:opsgenieApiKey": key, "trailwatch:opsgenieRegion": "eu" },
            secret,
            [
                "trailwatch:opsgenieApiKey: is set but trailwatch:opsgenieEnabled is not true, so no Opsgenie integration is created; set trailwatch:opsgenieEnabled: true, or remove the key",
                "trailwatch:opsgenieRegion: is set but trailwatch:opsgenieEnabled is not true, so no Opsgenie integration is created; set trailwatch:opsgenieEnabled: true, or remove the key",
            ],
        ],
        [
            "an enabled flag that is not a boolean",
            { "trailwatch:opsgenieEnabled": "yes" },
            [],
            ['trailwatch:opsgenieEnabled: "yes" is not a boolean; use true or false'],
        ],
        [
            "bad values of an enabled integration, each under its own key",
            {
                ...enabled,
                "trailwatch:opsgenieRegion": "apac",
                "trailwatch:opsgenieOwnerTeamId": "security",
                "trailwatch:opsgenieDescriptionFields": JSON.stringify(["AlarmDescription", "Account"]),
                "trailwatch:opsgenieDefaultPriority": "high",
                "trailwatch:opsgenieAlertTags": JSON.stringify(["aws", ""]),
            },
            secret,
            [
                'trailwatch:opsgenieRegion: "apac" is not an Opsgenie instance; use us or eu',
                'trailwatch:opsgenieOwnerTeamId: "security" is not an Opsgenie team ID (a UUID, shown in the team\'s URL)',
                'trailwatch:opsgenieDescriptionFields: "Account" is not a field of a CloudWatch alarm message; use AlarmName, AlarmDescription, AWSAccountId, Region, NewStateValue, OldStateValue, NewStateReason, StateChangeTime, AlarmArn',
                'trailwatch:opsgenieDefaultPriority: "high" is not an Opsgenie priority; use P1, P2, P3, P4, P5',
                "trailwatch:opsgenieAlertTags[1]: must not be empty",
            ],
        ],
        [
            "description fields that are not a list of strings",
            { ...enabled, "trailwatch:opsgenieDescriptionFields": JSON.stringify(["Region", 3]) },
            secret,
            ["trailwatch:opsgenieDescriptionFields[1]: 3 is not a string"],
        ],
    ];
    for (const [what, values, secretKeys, expected] of cases) {
        it(`rejects ${what}`, () => {
            const problems = stackConfigProblems({ ...region, ...values }, secretKeys);
            assert.deepStrictEqual(problems, expected);
            assert.ok(!problems.join("\n").includes(key), "the key is never quoted");
        });
    }
});
