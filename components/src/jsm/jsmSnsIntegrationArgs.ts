import type * as pulumi from "@pulumi/pulumi";
import { alarmAlertArgProblems, resolveAlarmAlertArgs } from "../opsgenie/alarmAlert";
import { AlarmMessageField } from "../opsgenie/alarmMessageTemplates";
import { quoteArgValue } from "../opsgenie/quoteArgValue";

// The arguments of JsmSnsIntegration and their validation: no Pulumi resources here, so that configuration checks
// load without the provider SDKs.

/** Arguments of {@link JsmSnsIntegration}. */
export interface JsmSnsIntegrationArgs {
    /** ARN of the SNS topic the CloudWatch alarms publish to; it is subscribed to the integration over HTTPS. */
    topicArn: pulumi.Input<string>;
    /**
     * The Atlassian site's cloud ID (a UUID; `https://<site>.atlassian.net/_edge/tenant_info` shows it), which the
     * `atlassian-operations` provider manages the integration in.
     */
    cloudId: string;
    /** The site's domain, e.g. `example.atlassian.net` (no scheme, no path). */
    siteDomain: string;
    /** E-mail address of the Atlassian account (an Operations admin) the API token belongs to. */
    userEmail: string;
    /**
     * API token of that account (id.atlassian.com, Security, API tokens). Always handled as a secret; pass it from
     * `pulumi config set --secret`.
     */
    apiToken: pulumi.Input<string>;
    /**
     * Name of the JSM integration: 1-250 bytes in UTF-8.
     * @default the component's name
     */
    integrationName?: string;
    /**
     * ID (a UUID) of the JSM team that owns the integration; its alerts go to that team's responders. The provider
     * cannot change it after creation.
     * @default none: the integration belongs to the site
     */
    teamId?: string;
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
     * Tags of every alert the integration creates; fixed text (no `{{`).
     * @default ["trailwatch"]
     */
    alertTags?: string[];
}

/** A problem with one {@link JsmSnsIntegrationArgs} value, naming the argument. */
export class JsmSnsIntegrationArgsError extends Error {
    constructor(
        public readonly arg: string,
        public readonly reason: string,
    ) {
        super(`JsmSnsIntegration: ${arg}: ${reason}`);
        this.name = "JsmSnsIntegrationArgsError";
    }
}

/** The arguments with every default applied. @internal */
export interface JsmSnsIntegrationSettings {
    integrationName: string;
    enabled: boolean;
    descriptionFields: AlarmMessageField[];
    defaultPriority: string;
    alertTags: string[];
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A DNS name: labels of letters, digits and inner hyphens, at least two of them. */
const domainPattern = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/i;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The longest integration name the provider accepts, in UTF-8 bytes: `name` has `stringvalidator.LengthBetween(1,
 * 250)` (atlassian/terraform-provider-atlassian-operations@e85d0332
 * internal/provider/schemaAttributes/api_integration_resource_attributes.go), and that validator compares Go's
 * `len(s)`, the byte length (hashicorp/terraform-plugin-framework-validators stringvalidator/length_between.go; its
 * `UTF8LengthBetween` is the one that counts characters), so `é` counts twice.
 */
export const jsmIntegrationNameMaxBytes = 250;

/**
 * Every value of `args` JSM or its provider would reject, or that would make alerts unreadable, as errors naming the
 * argument. `name` stands in for `integrationName` when that is not set.
 */
export function validateJsmSnsIntegrationArgs(
    args: Omit<JsmSnsIntegrationArgs, "topicArn" | "apiToken">,
    name = "jsm",
): JsmSnsIntegrationArgsError[] {
    const problems: JsmSnsIntegrationArgsError[] = [];
    const fail = (arg: string, reason: string) => problems.push(new JsmSnsIntegrationArgsError(arg, reason));
    if (!uuidPattern.test(args.cloudId ?? "")) {
        fail("cloudId", `${quoteArgValue(args.cloudId ?? "")} is not an Atlassian cloud ID (a UUID)`);
    }
    if (!domainPattern.test(args.siteDomain ?? "")) {
        fail(
            "siteDomain",
            `${quoteArgValue(args.siteDomain ?? "")} is not a site domain; write it as example.atlassian.net, without https:// or a path`,
        );
    }
    if (!emailPattern.test(args.userEmail ?? "")) {
        fail("userEmail", `${quoteArgValue(args.userEmail ?? "")} is not an e-mail address`);
    }
    const integrationName = args.integrationName ?? name;
    if (integrationName.trim() === "") fail("integrationName", "must not be empty");
    else if (Buffer.byteLength(integrationName, "utf8") > jsmIntegrationNameMaxBytes) {
        fail(
            "integrationName",
            `is ${Buffer.byteLength(integrationName, "utf8")} bytes in UTF-8; the atlassian-operations provider accepts at most ${jsmIntegrationNameMaxBytes}`,
        );
    }
    if (args.teamId !== undefined && !uuidPattern.test(args.teamId)) {
        fail("teamId", `${quoteArgValue(args.teamId)} is not a JSM team ID (a UUID, shown in the team's URL)`);
    }
    for (const [arg, reason] of alarmAlertArgProblems(args, "a JSM")) fail(arg, reason);
    return problems;
}

/**
 * Applies the defaults and throws the first problem, before any child resource is created.
 * @internal
 */
export function resolveJsmSnsIntegrationArgs(name: string, args: JsmSnsIntegrationArgs): JsmSnsIntegrationSettings {
    const problems = validateJsmSnsIntegrationArgs(args, name);
    if (problems.length > 0) throw problems[0];
    return {
        integrationName: args.integrationName ?? name,
        enabled: args.enabled ?? true,
        ...resolveAlarmAlertArgs(args),
    };
}
