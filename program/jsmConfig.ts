import {
    JsmSnsIntegrationArgs,
    defaultDescriptionFields,
    validateJsmSnsIntegrationArgs,
} from "@trailwatch/components/catalogue";
import { readIntegrationEnabled, reportArgProblems, reportCredentialControlCharacter } from "./onCallConfig";
import { ConfigKeyDoc, StackConfigReader } from "./stackConfigReader";
import { stackResourceName } from "./stackResourceNames";

/**
 * The stack configuration keys of the Jira Service Management Operations integration (the `JsmSnsIntegration`
 * component's arguments), beside the Opsgenie ones: a stack may enable both while it moves from Opsgenie to JSM.
 */
export const jsmConfigKeys: ConfigKeyDoc[] = [
    {
        key: "jsmEnabled",
        type: "boolean",
        default: "false",
        description:
            'Create a Jira Service Management Operations "Amazon SNS" integration with its alert actions and subscribe the alert topic to it (with `opsgenieEnabled` too, the topic notifies both). When true, `jsmCloudId`, `jsmSiteDomain`, `jsmUserEmail` and `jsmApiToken` are required; when false, the other `jsm*` keys must not be set.',
    },
    {
        key: "jsmCloudId",
        type: "string",
        default: "none",
        description:
            "The Atlassian site's cloud ID (a UUID; `https://<site>.atlassian.net/_edge/tenant_info` shows it).",
    },
    {
        key: "jsmSiteDomain",
        type: "string",
        default: "none",
        description: "The Atlassian site's domain, e.g. `example.atlassian.net` (no `https://`, no path).",
    },
    {
        key: "jsmUserEmail",
        type: "string",
        default: "none",
        description: "E-mail address of the Atlassian account (an Operations admin) the API token belongs to.",
    },
    {
        key: "jsmApiToken",
        type: "string",
        default: "none",
        description:
            "API token of that account, which the `atlassian-operations` provider manages the integration with. Set it with `pulumi config set --secret`: a plain value is an error. `trailwatch check` runs without it (with a notice); `pulumi up` does not.",
        secret: true,
    },
    {
        key: "jsmIntegrationName",
        type: "string",
        default: stackResourceName("<stack>"),
        description: "Name of the JSM integration: 1-250 bytes in UTF-8 (the provider's limit).",
    },
    {
        key: "jsmTeamId",
        type: "string",
        default: "none",
        description:
            "ID (a UUID) of the JSM team that owns the integration and receives its alerts. It cannot be changed after the integration is created.",
    },
    {
        key: "jsmDescriptionFields",
        type: "string[]",
        default: defaultDescriptionFields.join(", "),
        description:
            "Fields of the alarm message the alert description lists, in order (the same choices as `opsgenieDescriptionFields`).",
    },
    {
        key: "jsmDefaultPriority",
        type: "string",
        default: "P3",
        description: "Priority (`P1`-`P5`) of an alert whose alarm description has no severity token.",
    },
    {
        key: "jsmAlertTags",
        type: "string[]",
        default: "trailwatch, <stack>",
        description: "Tags of every alert the integration creates; fixed text (no `{{`).",
    },
];

/** The JSM integration of a stack: the component's arguments except the topic, which the program supplies. */
export type JsmConfig = Omit<JsmSnsIntegrationArgs, "topicArn">;

/** The config key of each component argument. */
const configKeyOfArg: Record<string, string> = {
    cloudId: "jsmCloudId",
    siteDomain: "jsmSiteDomain",
    userEmail: "jsmUserEmail",
    integrationName: "jsmIntegrationName",
    teamId: "jsmTeamId",
    descriptionFields: "jsmDescriptionFields",
    defaultPriority: "jsmDefaultPriority",
    alertTags: "jsmAlertTags",
};

/**
 * Reads the JSM keys, reporting every problem against its config key. Undefined when the stack does not use JSM.
 * The API token is never quoted in a message.
 */
export function readJsmConfig(reader: StackConfigReader, stack: string): JsmConfig | undefined {
    if (!readIntegrationEnabled(reader, "jsmEnabled", jsmConfigKeys, "JSM")) return undefined;

    const apiToken = reader.requiredSecret(
        "jsmApiToken",
        "when trailwatch:jsmEnabled is true",
        "revoke the token at id.atlassian.com",
    );
    reportCredentialControlCharacter(reader, "jsmApiToken", apiToken);
    const required = (key: string): string => {
        const value = reader.string(key);
        if (value === undefined) reader.fail(key, "is required when trailwatch:jsmEnabled is true");
        return value ?? "";
    };

    const config: JsmConfig = {
        cloudId: required("jsmCloudId"),
        siteDomain: required("jsmSiteDomain"),
        userEmail: required("jsmUserEmail"),
        apiToken: apiToken ?? "",
        integrationName: reader.string("jsmIntegrationName", stackResourceName(stack)),
        teamId: reader.string("jsmTeamId"),
        descriptionFields: reader.stringList("jsmDescriptionFields") ?? [...defaultDescriptionFields],
        defaultPriority: reader.string("jsmDefaultPriority", "P3"),
        alertTags: reader.stringList("jsmAlertTags") ?? ["trailwatch", stack],
    };
    const missing = new Set(["jsmCloudId", "jsmSiteDomain", "jsmUserEmail"].filter((k) => !reader.has(k)));
    // A missing required key is reported once, as missing.
    reportArgProblems(reader, validateJsmSnsIntegrationArgs(config), configKeyOfArg, missing);
    return config;
}
