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
            "a key pasted with its line break (Go's net/http refuses it in the Authorization header), without quoting it",
            { ...enabled, "trailwatch:opsgenieApiKey": `${key}\n` },
            secret,
            [
                "trailwatch:opsgenieApiKey: has a control character (U+000A), e.g. a line break pasted with it; set it again with `pulumi config set --secret trailwatch:opsgenieApiKey`",
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
            // 126 characters, 252 bytes: the provider counts bytes (StringLenBetween(1, 250) on Go's len).
            "an integration name over the provider's 250 bytes, though under 250 characters",
            { ...enabled, "trailwatch:opsgenieIntegrationName": "é".repeat(126) },
            secret,
            ["trailwatch:opsgenieIntegrationName: is 252 bytes in UTF-8; the Opsgenie provider accepts at most 250"],
        ],
        [
            "tags Opsgenie would not keep: 21 of them, one of 51 characters, one with template syntax",
            {
                ...enabled,
                "trailwatch:opsgenieAlertTags": JSON.stringify([
                    "{{Message}}",
                    "t".repeat(51),
                    ...Array.from({ length: 19 }, (_, i) => `t${i}`),
                ]),
            },
            secret,
            [
                'trailwatch:opsgenieAlertTags[0]: has template syntax ("{{"), which Opsgenie would replace with data of each notification; a tag is fixed text',
                "trailwatch:opsgenieAlertTags: has 21 tags; an Opsgenie alert has at most 20",
                "trailwatch:opsgenieAlertTags[1]: is 51 characters; an Opsgenie tag is at most 50",
            ],
        ],
        [
            "a long value, cut in the value and never inside an escape (\\n) or a character outside the BMP",
            {
                ...enabled,
                "trailwatch:opsgenieRegion": "\n".repeat(100),
                "trailwatch:opsgenieOwnerTeamId": "🔥".repeat(50),
            },
            secret,
            [
                `trailwatch:opsgenieRegion: "${"\\n".repeat(39)}…" (100 characters) is not an Opsgenie instance; use us or eu`,
                `trailwatch:opsgenieOwnerTeamId: "${"🔥".repeat(39)}…" (100 characters) is not an Opsgenie team ID (a UUID, shown in the team's URL)`,
            ],
        ],
        [
            "a line break in a value (quoted as \\n, so it cannot forge another error line) and a 100,000-character value (cut)",
            {
                ...enabled,
                "trailwatch:opsgenieRegion": "us\ntrailwatch:opsgenieApiKey: fine",
                "trailwatch:opsgenieOwnerTeamId": "x".repeat(100_000),
                "trailwatch:opsgenieDescriptionFields": JSON.stringify(["Region\u2028"]),
            },
            secret,
            [
                'trailwatch:opsgenieRegion: "us\\ntrailwatch:opsgenieApiKey: fine" is not an Opsgenie instance; use us or eu',
                `trailwatch:opsgenieOwnerTeamId: "${"x".repeat(39)}…" (100000 characters) is not an Opsgenie team ID (a UUID, shown in the team's URL)`,
                'trailwatch:opsgenieDescriptionFields: "Region\\u2028" is not a field of a CloudWatch alarm message; use AlarmName, AlarmDescription, AWSAccountId, Region, NewStateValue, OldStateValue, NewStateReason, StateChangeTime, AlarmArn',
            ],
        ],
        [
            "description fields that are not a list of strings",
            { ...enabled, "trailwatch:opsgenieDescriptionFields": JSON.stringify(["Region", 3]) },
            secret,
            ["trailwatch:opsgenieDescriptionFields[1]: 3 is not a string"],
        ],
    ];
    it("accepts values at the limits: a 250-byte name, 20 tags of 50 characters", () => {
        const values = {
            ...enabled,
            "trailwatch:opsgenieIntegrationName": "é".repeat(125),
            "trailwatch:opsgenieAlertTags": JSON.stringify(
                Array.from({ length: 20 }, (_, i) => `${i}`.padEnd(50, "x")),
            ),
        };
        assert.deepStrictEqual(stackConfigProblems({ ...region, ...values }, secret), []);
    });
    for (const [what, values, secretKeys, expected] of cases) {
        it(`rejects ${what}`, () => {
            const problems = stackConfigProblems({ ...region, ...values }, secretKeys);
            assert.deepStrictEqual(problems, expected);
            assert.ok(!problems.join("\n").includes(key), "the key is never quoted");
        });
    }
});
