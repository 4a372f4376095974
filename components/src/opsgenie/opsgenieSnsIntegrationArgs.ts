import type * as pulumi from "@pulumi/pulumi";
import { alarmAlertArgProblems, resolveAlarmAlertArgs } from "./alarmAlert";
import { AlarmMessageField } from "./alarmMessageTemplates";
import { quoteArgValue } from "./quoteArgValue";
import { isOpsgenieRegion, OpsgenieRegion, opsgenieRegions } from "./opsgenieRegion";

// The arguments of OpsgenieSnsIntegration and their validation: no Pulumi resources here, so that configuration
// checks load without the provider SDKs.

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
     * Name of the Opsgenie integration; unique within the Opsgenie account, at most 250 bytes in UTF-8.
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
     * Tags of every alert the integration creates: at most 20, each at most 50 characters, fixed text (no `{{`).
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

/** The arguments with every default applied. @internal */
export interface OpsgenieSnsIntegrationSettings {
    region: OpsgenieRegion;
    integrationName: string;
    enabled: boolean;
    descriptionFields: AlarmMessageField[];
    defaultPriority: string;
    alertTags: string[];
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The longest integration name the provider accepts, in UTF-8 bytes: `name` has
 * `ValidateFunc: validation.StringLenBetween(1, 250)` (opsgenie/terraform-provider-opsgenie@0e7ce6d
 * opsgenie/resource_opsgenie_api_integration.go), and terraform-plugin-sdk's `StringLenBetween` compares Go's
 * `len(v)`, the byte length, so `é` counts twice.
 */
export const opsgenieIntegrationNameMaxBytes = 250;

/**
 * Opsgenie's limits on an alert's tags ("Get started with Opsgenie as a user",
 * https://docs.opsgenie.com/docs/alerts-and-alert-fields): "At most 20 tags can be specified for a single alert where
 * each tag is limited to at most 50 characters."
 */
export const opsgenieAlertTagLimits = { count: 20, characters: 50 } as const;

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
        fail(
            "region",
            `${quoteArgValue(args.region)} is not an Opsgenie instance; use ${opsgenieRegions.join(" or ")}`,
        );
    }
    const integrationName = args.integrationName ?? name;
    const nameBytes = Buffer.byteLength(integrationName, "utf8");
    if (integrationName.trim() === "") fail("integrationName", "must not be empty");
    else if (nameBytes > opsgenieIntegrationNameMaxBytes) {
        fail(
            "integrationName",
            `is ${nameBytes} bytes in UTF-8; the Opsgenie provider accepts at most ${opsgenieIntegrationNameMaxBytes}`,
        );
    }
    if (typeof args.ownerTeamId === "string" && !uuidPattern.test(args.ownerTeamId)) {
        fail(
            "ownerTeamId",
            `${quoteArgValue(args.ownerTeamId)} is not an Opsgenie team ID (a UUID, shown in the team's URL)`,
        );
    }
    for (const [arg, reason] of alarmAlertArgProblems(args, "an Opsgenie")) fail(arg, reason);
    const tags = args.alertTags ?? [];
    if (tags.length > opsgenieAlertTagLimits.count) {
        fail("alertTags", `has ${tags.length} tags; an Opsgenie alert has at most ${opsgenieAlertTagLimits.count}`);
    }
    tags.forEach((tag, i) => {
        if (typeof tag === "string" && tag.length > opsgenieAlertTagLimits.characters) {
            fail(
                `alertTags[${i}]`,
                `is ${tag.length} characters; an Opsgenie tag is at most ${opsgenieAlertTagLimits.characters}`,
            );
        }
    });
    return problems;
}

/**
 * Applies the defaults and throws the first problem, before any child resource is created.
 * @internal
 */
export function resolveOpsgenieSnsIntegrationArgs(
    name: string,
    args: OpsgenieSnsIntegrationArgs,
): OpsgenieSnsIntegrationSettings {
    const problems = validateOpsgenieSnsIntegrationArgs(args, name);
    if (problems.length > 0) throw problems[0];
    return {
        region: (args.region ?? "us") as OpsgenieRegion,
        integrationName: args.integrationName ?? name,
        enabled: args.enabled ?? true,
        ...resolveAlarmAlertArgs(args),
    };
}
