import {
    OpsgenieSnsIntegrationArgs,
    defaultDescriptionFields,
    validateOpsgenieSnsIntegrationArgs,
} from "@trailwatch/components/catalogue";
import { readIntegrationEnabled, reportArgProblems, reportCredentialControlCharacter } from "./onCallConfig";
import { ConfigKeyDoc, StackConfigReader } from "./stackConfigReader";
import { stackResourceName } from "./stackResourceNames";

/** The stack configuration keys of the Opsgenie integration (the `OpsgenieSnsIntegration` component's arguments). */
export const opsgenieConfigKeys: ConfigKeyDoc[] = [
    {
        key: "opsgenieEnabled",
        type: "boolean",
        default: "false",
        description:
            'Create an Opsgenie "Amazon SNS" integration with its alert actions and subscribe the alert topic to it. When true, `opsgenieApiKey` is required; when false, the other `opsgenie*` keys must not be set.',
    },
    {
        key: "opsgenieApiKey",
        type: "string",
        default: "none",
        description:
            "API key of an Opsgenie API integration with configuration access, which the Opsgenie provider manages the SNS integration with. Set it with `pulumi config set --secret`: a plain value is an error.",
        secret: true,
    },
    {
        key: "opsgenieRegion",
        type: "string",
        default: "us",
        description: "The Opsgenie instance of the account: `us` (api.opsgenie.com) or `eu` (api.eu.opsgenie.com).",
    },
    {
        key: "opsgenieIntegrationName",
        type: "string",
        default: stackResourceName("<stack>"),
        description:
            "Name of the Opsgenie integration; unique within the Opsgenie account, at most 250 bytes in UTF-8 (the provider's limit).",
    },
    {
        key: "opsgenieOwnerTeamId",
        type: "string",
        default: "none",
        description:
            "ID (a UUID) of the Opsgenie team that owns the integration and receives its alerts. Changing it recreates the integration.",
    },
    {
        key: "opsgenieDescriptionFields",
        type: "string[]",
        default: defaultDescriptionFields.join(", "),
        description:
            "Fields of the alarm message the alert description (what Slack shows) lists, in order: AlarmName, AlarmDescription, AWSAccountId, Region, NewStateValue, OldStateValue, NewStateReason, StateChangeTime, AlarmArn.",
    },
    {
        key: "opsgenieDefaultPriority",
        type: "string",
        default: "P3",
        description:
            "Priority (`P1`-`P5`) of an alert whose alarm description has no severity token; trailwatch's own alarms always carry one.",
    },
    {
        key: "opsgenieAlertTags",
        type: "string[]",
        default: "trailwatch, <stack>",
        description:
            "Tags of every alert the integration creates: at most 20, each at most 50 characters (Opsgenie's limits), fixed text (no `{{`).",
    },
];

/** The Opsgenie integration of a stack: the component's arguments except the topic, which the program supplies. */
export type OpsgenieConfig = Omit<OpsgenieSnsIntegrationArgs, "topicArn">;

/** The config key of each component argument. */
const configKeyOfArg: Record<string, string> = {
    region: "opsgenieRegion",
    integrationName: "opsgenieIntegrationName",
    ownerTeamId: "opsgenieOwnerTeamId",
    descriptionFields: "opsgenieDescriptionFields",
    defaultPriority: "opsgenieDefaultPriority",
    alertTags: "opsgenieAlertTags",
};

/**
 * Reads the Opsgenie keys, reporting every problem against its config key. Undefined when the stack does not use
 * Opsgenie. The API key is never quoted in a message.
 */
export function readOpsgenieConfig(reader: StackConfigReader, stack: string): OpsgenieConfig | undefined {
    if (!readIntegrationEnabled(reader, "opsgenieEnabled", opsgenieConfigKeys, "Opsgenie")) return undefined;

    const apiKey = reader.requiredSecret(
        "opsgenieApiKey",
        "when trailwatch:opsgenieEnabled is true",
        "replace the key in Opsgenie",
    );
    reportCredentialControlCharacter(reader, "opsgenieApiKey", apiKey);

    const config: OpsgenieConfig = {
        apiKey: apiKey ?? "",
        region: reader.string("opsgenieRegion", "us"),
        integrationName: reader.string("opsgenieIntegrationName", stackResourceName(stack)),
        ownerTeamId: reader.string("opsgenieOwnerTeamId"),
        descriptionFields: reader.stringList("opsgenieDescriptionFields") ?? [...defaultDescriptionFields],
        defaultPriority: reader.string("opsgenieDefaultPriority", "P3"),
        alertTags: reader.stringList("opsgenieAlertTags") ?? ["trailwatch", stack],
    };
    reportArgProblems(reader, validateOpsgenieSnsIntegrationArgs(config), configKeyOfArg);
    return config;
}
