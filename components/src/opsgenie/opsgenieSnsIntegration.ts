import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { alarmIntegrationActions, opsgenieDefaultPriority, opsgeniePriorities } from "./alarmIntegrationActions";
import { AlarmMessageField, defaultDescriptionFields, descriptionFieldProblems } from "./alarmMessageTemplates";
import {
    isOpsgenieRegion,
    opsgenieApiHosts,
    OpsgenieRegion,
    opsgenieRegions,
    opsgenieSnsEndpoint,
} from "./opsgenieRegion";
import * as opsgenie from "./sdk";

/** Arguments of {@link OpsgenieSnsIntegration}. */
export interface OpsgenieSnsIntegrationArgs {
    /** ARN of the SNS topic the CloudWatch alarms publish to; it is subscribed to the integration over HTTPS. */
    topicArn: pulumi.Input<string>;
    /**
     * API key of an Opsgenie API integration with configuration access, which the Opsgenie provider uses to create
     * and update this integration. Always handled as a secret; pass it from `pulumi config set --secret`.
     */
    apiKey: pulumi.Input<string>;
    /**
     * The Opsgenie instance the account lives in: `us` (api.opsgenie.com) or `eu` (api.eu.opsgenie.com).
     * @default "us"
     */
    region?: string;
    /**
     * Name of the Opsgenie integration; unique within the Opsgenie account.
     * @default the component's name
     */
    integrationName?: string;
    /**
     * ID of the Opsgenie team that owns the integration; its alerts go to that team's responders. Changing it
     * recreates the integration (with a new key; the subscription follows).
     * @default none: the integration belongs to the account
     */
    ownerTeamId?: pulumi.Input<string>;
    /**
     * Whether the integration accepts notifications. A disabled integration keeps its configuration and drops alarms.
     * @default true
     */
    enabled?: boolean;
    /**
     * Fields of the CloudWatch alarm message the alert description shows, in order: `AlarmDescription` without a
     * label, the others after one. Any of AlarmName, AlarmDescription, AWSAccountId, Region, NewStateValue,
     * OldStateValue, NewStateReason, StateChangeTime, AlarmArn.
     * @default ["AlarmDescription", "AWSAccountId", "Region"]
     */
    descriptionFields?: string[];
    /**
     * Priority (P1 … P5) of an alert whose alarm description does not start with a severity token such as `[P1]`.
     * @default "P3"
     */
    defaultPriority?: string;
    /**
     * Tags of every alert the integration creates.
     * @default ["trailwatch"]
     */
    alertTags?: string[];
}

/** A problem with one {@link OpsgenieSnsIntegrationArgs} value, naming the argument. */
export class OpsgenieSnsIntegrationArgsError extends Error {
    constructor(
        public readonly arg: string,
        public readonly reason: string,
    ) {
        super(`OpsgenieSnsIntegration: ${arg}: ${reason}`);
        this.name = "OpsgenieSnsIntegrationArgsError";
    }
}

interface OpsgenieSnsIntegrationSettings {
    region: OpsgenieRegion;
    integrationName: string;
    enabled: boolean;
    descriptionFields: AlarmMessageField[];
    defaultPriority: string;
    alertTags: string[];
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every value of `args` Opsgenie would reject, or that would make alerts unreadable, as errors naming the argument.
 * `name` stands in for `integrationName` when that is not set.
 */
export function validateOpsgenieSnsIntegrationArgs(
    args: Omit<OpsgenieSnsIntegrationArgs, "topicArn" | "apiKey">,
    name = "opsgenie",
): OpsgenieSnsIntegrationArgsError[] {
    const problems: OpsgenieSnsIntegrationArgsError[] = [];
    const fail = (arg: string, reason: string) => problems.push(new OpsgenieSnsIntegrationArgsError(arg, reason));
    if (args.region !== undefined && !isOpsgenieRegion(args.region)) {
        fail("region", `"${args.region}" is not an Opsgenie instance; use ${opsgenieRegions.join(" or ")}`);
    }
    const integrationName = args.integrationName ?? name;
    if (integrationName.trim() === "") fail("integrationName", "must not be empty");
    if (typeof args.ownerTeamId === "string" && !uuidPattern.test(args.ownerTeamId)) {
        fail("ownerTeamId", `"${args.ownerTeamId}" is not an Opsgenie team ID (a UUID, shown in the team's URL)`);
    }
    for (const problem of descriptionFieldProblems(args.descriptionFields ?? [...defaultDescriptionFields])) {
        fail("descriptionFields", problem);
    }
    if (
        args.defaultPriority !== undefined &&
        !(opsgeniePriorities as readonly string[]).includes(args.defaultPriority)
    ) {
        fail(
            "defaultPriority",
            `"${args.defaultPriority}" is not an Opsgenie priority; use ${opsgeniePriorities.join(", ")}`,
        );
    }
    (args.alertTags ?? []).forEach((tag, i) => {
        if (tag.trim() === "") fail(`alertTags[${i}]`, "must not be empty");
    });
    return problems;
}

/** Applies the defaults and throws the first problem, before any child resource is created. */
function resolveOpsgenieSnsIntegrationArgs(
    name: string,
    args: OpsgenieSnsIntegrationArgs,
): OpsgenieSnsIntegrationSettings {
    const problems = validateOpsgenieSnsIntegrationArgs(args, name);
    if (problems.length > 0) throw problems[0];
    return {
        region: (args.region ?? "us") as OpsgenieRegion,
        integrationName: args.integrationName ?? name,
        enabled: args.enabled ?? true,
        descriptionFields: (args.descriptionFields ?? [...defaultDescriptionFields]) as AlarmMessageField[],
        defaultPriority: args.defaultPriority ?? opsgenieDefaultPriority,
        alertTags: args.alertTags ?? ["trailwatch"],
    };
}

/**
 * Alarms to Opsgenie, as code: an Opsgenie "Amazon SNS" API integration, its actions, and the HTTPS subscription of
 * the alarm topic to it.
 *
 * - The create actions turn a firing alarm into an alert whose message (title) is the alarm's name, whose
 *   description is generated from a field list (by default the alarm's description, account and region, instead
 *   of raw JSON in Slack), whose priority is the severity token the alarm description starts with (`[P1]` …
 *   `[P5]`, else `defaultPriority`), and whose alias is the alarm name (repeated notifications add to one alert).
 *   A close action closes the alert when the alarm is back to OK. Every extraction anchors on its own JSON key and
 *   stops at the end of the value (see `alarmFieldPattern`), so it does not break when CloudWatch adds keys.
 * - The subscription endpoint carries the integration's API key: it is a secret in inputs and in state.
 * - The integration is managed through its own explicit provider (`apiKey`, `region`), so one program can serve
 *   several Opsgenie accounts and no ambient `opsgenie:apiKey` configuration is needed.
 */
export class OpsgenieSnsIntegration extends pulumi.ComponentResource {
    /** The HTTPS subscription of the topic to the integration. Its endpoint is a secret. */
    public readonly subscription: aws.sns.TopicSubscription;

    /** ID of the Opsgenie integration. */
    public readonly integrationId: pulumi.Output<string>;
    /** Name of the Opsgenie integration. */
    public readonly integrationName: pulumi.Output<string>;
    /** ARN of the topic subscription. */
    public readonly subscriptionArn: pulumi.Output<string>;

    constructor(name: string, args: OpsgenieSnsIntegrationArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validated before the component registers: bad arguments leave nothing half-created.
        const settings = resolveOpsgenieSnsIntegrationArgs(name, args);
        // A component's arguments are recorded in state as its inputs: the key goes in as a secret, even if the
        // caller passed plain text.
        const apiKey = pulumi.secret(args.apiKey);
        super("trailwatch:index:OpsgenieSnsIntegration", name, { ...args, apiKey }, opts);

        const provider = new opsgenie.Provider(
            `${name}-provider`,
            { apiKey, apiUrl: opsgenieApiHosts[settings.region] },
            { parent: this },
        );
        const viaProvider = { parent: this, provider };

        const integration = new opsgenie.ApiIntegration(
            `${name}-integration`,
            {
                name: settings.integrationName,
                type: "AmazonSns",
                ownerTeamId: args.ownerTeamId,
                enabled: settings.enabled,
            },
            viaProvider,
        );

        const actions = alarmIntegrationActions(settings);
        const integrationActions = new opsgenie.IntegrationAction(
            `${name}-actions`,
            { integrationId: integration.id, creates: actions.creates, closes: actions.closes },
            viaProvider,
        );

        const endpoint = integration.apiKey.apply((key) => opsgenieSnsEndpoint(settings.region, key));
        this.subscription = new aws.sns.TopicSubscription(
            `${name}-subscription`,
            {
                topic: args.topicArn,
                protocol: "https",
                // Secret whatever the engine does with the integration's outputs: the URL holds the key.
                endpoint: pulumi.secret(endpoint),
                // Opsgenie confirms the subscription itself; the provider waits for that.
                endpointAutoConfirms: true,
                // Opsgenie reads the SNS envelope (its Message field); raw delivery would drop it.
                rawMessageDelivery: false,
            },
            {
                parent: this,
                additionalSecretOutputs: ["endpoint"],
                // Notifications start flowing when the subscription is confirmed: the actions must be in place by
                // then, or the first alarms meet Opsgenie's default actions (raw JSON, no priority).
                dependsOn: [integrationActions],
            },
        );

        this.integrationId = integration.id;
        this.integrationName = integration.name;
        this.subscriptionArn = this.subscription.arn;
        this.registerOutputs({
            integrationId: this.integrationId,
            integrationName: this.integrationName,
            subscriptionArn: this.subscriptionArn,
        });
    }
}
