import * as assert from "assert";
import { readDevStackConfig, stackConfigProblems } from "../support/stackConfigProblems";

const token = "ATATT3xFfGF0-example-token-value";
const region = { "aws:region": "eu-west-1" };
const read = (values: Record<string, string>, secretKeys: string[] = []) =>
    readDevStackConfig({ ...region, ...values }, secretKeys);

const site = {
    "trailwatch:jsmCloudId": "0e3b5c1a-8f2d-4a6b-9c7e-1d2f3a4b5c6d",
    "trailwatch:jsmSiteDomain": "example.atlassian.net",
    "trailwatch:jsmUserEmail": "platform-security@example.com",
};
const enabled = { "trailwatch:jsmEnabled": "true", ...site, "trailwatch:jsmApiToken": token };
const secret = ["trailwatch:jsmApiToken"];
const hint = "`pulumi config set --secret trailwatch:jsmApiToken`";

describe("stack configuration: the JSM keys", () => {
    it("leaves JSM off unless the stack enables it", () => {
        assert.strictEqual(read({}).jsm, undefined);
    });

    it("gives the defaults once enabled with the site and a secret token", () => {
        assert.deepStrictEqual(read(enabled, secret).jsm, {
            cloudId: "0e3b5c1a-8f2d-4a6b-9c7e-1d2f3a4b5c6d",
            siteDomain: "example.atlassian.net",
            userEmail: "platform-security@example.com",
            apiToken: token,
            integrationName: "trailwatch-dev",
            teamId: undefined,
            descriptionFields: ["AlarmDescription", "AWSAccountId", "Region"],
            defaultPriority: "P3",
            alertTags: ["trailwatch", "dev"],
        });
    });

    it("enables both destinations at once: the way a team moves from Opsgenie to JSM", () => {
        const config = read({ ...enabled, "trailwatch:opsgenieEnabled": "true", "trailwatch:opsgenieApiKey": "k" }, [
            ...secret,
            "trailwatch:opsgenieApiKey",
        ]);
        assert.deepStrictEqual(
            [config.opsgenie?.integrationName, config.jsm?.integrationName],
            ["trailwatch-dev", "trailwatch-dev"],
        );
    });

    const cases: [string, Record<string, string>, string[], string[]][] = [
        [
            "a token in plain text (and the token is never quoted back)",
            enabled,
            [],
            [
                `trailwatch:jsmApiToken: is in plain text in the stack configuration; set it with ${hint}, and revoke the token at id.atlassian.com: it has been exposed`,
            ],
        ],
        [
            "no token, no site: every missing key named once",
            { "trailwatch:jsmEnabled": "true" },
            [],
            [
                `trailwatch:jsmApiToken: is required when trailwatch:jsmEnabled is true; set it with ${hint}`,
                "trailwatch:jsmCloudId: is required when trailwatch:jsmEnabled is true",
                "trailwatch:jsmSiteDomain: is required when trailwatch:jsmEnabled is true",
                "trailwatch:jsmUserEmail: is required when trailwatch:jsmEnabled is true",
            ],
        ],
        [
            "a token pasted with a tab and its line break, without quoting it",
            { ...enabled, "trailwatch:jsmApiToken": `${token}\t\r\n` },
            secret,
            [
                `trailwatch:jsmApiToken: has a control character (U+0009), e.g. a line break pasted with it; set it again with ${hint}`,
            ],
        ],
        [
            "jsm keys without jsmEnabled (nothing would be created)",
            { "trailwatch:jsmApiToken": token, "trailwatch:jsmTeamId": "7a9c2e4f-1b3d-4e5f-8a6b-0c1d2e3f4a5b" },
            secret,
            [
                "trailwatch:jsmApiToken: is set but trailwatch:jsmEnabled is not true, so no JSM integration is created; set trailwatch:jsmEnabled: true, or remove the key",
                "trailwatch:jsmTeamId: is set but trailwatch:jsmEnabled is not true, so no JSM integration is created; set trailwatch:jsmEnabled: true, or remove the key",
            ],
        ],
        [
            "bad values of an enabled integration, each under its own key",
            {
                ...enabled,
                "trailwatch:jsmCloudId": "example",
                "trailwatch:jsmSiteDomain": "https://example.atlassian.net/",
                "trailwatch:jsmUserEmail": "security team",
                "trailwatch:jsmTeamId": "security",
                "trailwatch:jsmDescriptionFields": JSON.stringify(["AlarmDescription", "Account"]),
                "trailwatch:jsmDefaultPriority": "high",
                "trailwatch:jsmAlertTags": JSON.stringify(["aws", ""]),
            },
            secret,
            [
                'trailwatch:jsmCloudId: "example" is not an Atlassian cloud ID (a UUID)',
                'trailwatch:jsmSiteDomain: "https://example.atlassian.net/" is not a site domain; write it as example.atlassian.net, without https:// or a path',
                'trailwatch:jsmUserEmail: "security team" is not an e-mail address',
                'trailwatch:jsmTeamId: "security" is not a JSM team ID (a UUID, shown in the team\'s URL)',
                'trailwatch:jsmDescriptionFields: "Account" is not a field of a CloudWatch alarm message; use AlarmName, AlarmDescription, AWSAccountId, Region, NewStateValue, OldStateValue, NewStateReason, StateChangeTime, AlarmArn',
                'trailwatch:jsmDefaultPriority: "high" is not a JSM priority; use P1, P2, P3, P4, P5',
                "trailwatch:jsmAlertTags[1]: must not be empty",
            ],
        ],
        [
            // 126 characters, 252 bytes: stringvalidator.LengthBetween(1, 250) compares Go's len, the byte length.
            "an integration name over the provider's 250 bytes, though under 250 characters",
            { ...enabled, "trailwatch:jsmIntegrationName": "é".repeat(126) },
            secret,
            [
                "trailwatch:jsmIntegrationName: is 252 bytes in UTF-8; the atlassian-operations provider accepts at most 250",
            ],
        ],
        [
            "a tag with template syntax, which JSM would fill from the notification",
            { ...enabled, "trailwatch:jsmAlertTags": JSON.stringify(["aws", "{{alert.message}}"]) },
            secret,
            [
                'trailwatch:jsmAlertTags[1]: has template syntax ("{{"), which JSM would replace with data of each notification; a tag is fixed text',
            ],
        ],
        [
            "a line break in a value (quoted as \\n, so it cannot forge another error line) and a 5,000-character value (cut)",
            {
                ...enabled,
                "trailwatch:jsmUserEmail": "a@example.com\njsmApiToken: fine",
                "trailwatch:jsmDefaultPriority": "é".repeat(5000),
            },
            secret,
            [
                'trailwatch:jsmUserEmail: "a@example.com\\njsmApiToken: fine" is not an e-mail address',
                `trailwatch:jsmDefaultPriority: "${"é".repeat(39)}…" (5000 characters) is not a JSM priority; use P1, P2, P3, P4, P5`,
            ],
        ],
        [
            "a misspelt key, named with the known ones",
            { ...enabled, "trailwatch:jsmTeamID": "x" },
            secret,
            ["trailwatch:jsmTeamID: unknown key; known keys: "],
        ],
    ];
    for (const [what, values, secretKeys, expected] of cases) {
        it(`rejects ${what}`, () => {
            const problems = stackConfigProblems({ ...region, ...values }, secretKeys);
            // An unknown key's message lists every known key: compared up to the list.
            assert.deepStrictEqual(
                problems.map((p) => p.replace(/(known keys: ).*/, "$1")),
                expected,
            );
            assert.ok(!problems.join("\n").includes(token), "the token is never quoted");
        });
    }
});
