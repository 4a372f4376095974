import * as pulumi from "@pulumi/pulumi";
import * as inputs from "./types/input";
import * as outputs from "./types/output";
import { resourceOptsDefaults } from "./plugin";

/**
 * Manages an API Integration within Opsgenie (`opsgenie:index/apiIntegration:ApiIntegration`). Its `apiKey` is
 * computed by Opsgenie and always a secret output.
 */
export class ApiIntegration extends pulumi.CustomResource {
    /**
     * Get an existing ApiIntegration resource's state with the given name, ID, and optional extra properties used to
     * qualify the lookup.
     *
     * @param name The _unique_ name of the resulting resource.
     * @param id The _unique_ provider ID of the resource to lookup.
     * @param state Any extra arguments used during the lookup.
     * @param opts Optional settings to control the behavior of the CustomResource.
     */
    public static get(
        name: string,
        id: pulumi.Input<pulumi.ID>,
        state?: ApiIntegrationState,
        opts?: pulumi.CustomResourceOptions,
    ): ApiIntegration {
        return new ApiIntegration(name, state, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = "opsgenie:index/apiIntegration:ApiIntegration";

    /**
     * Returns true if the given object is an instance of ApiIntegration. This is designed to work even when multiple
     * copies of the Pulumi SDK have been loaded into the same process.
     */
    public static isInstance(obj: unknown): obj is ApiIntegration {
        if (obj === undefined || obj === null) return false;
        return (obj as Record<string, unknown>)["__pulumiType"] === ApiIntegration.__pulumiType;
    }

    // Declared, not defined: the Resource constructor sets these, and an ES2022 class field would reset them.
    /** Whether the integration may read the Opsgenie configuration. */
    declare public readonly allowConfigurationAccess: pulumi.Output<boolean | undefined>;
    /** Whether the integration may write within any domain. Default: `true`. */
    declare public readonly allowWriteAccess: pulumi.Output<boolean | undefined>;
    /** (Computed) API key of the created integration. Secret. */
    declare public readonly apiKey: pulumi.Output<string>;
    /** Whether the integration is enabled. Default: `true`. */
    declare public readonly enabled: pulumi.Output<boolean | undefined>;
    /** Headers Opsgenie sends with webhook requests (`Webhook` integrations). */
    declare public readonly headers: pulumi.Output<{ [key: string]: string } | undefined>;
    /** Whether recipients sent in request payloads are ignored. Default: `false`. */
    declare public readonly ignoreRespondersFromPayload: pulumi.Output<boolean | undefined>;
    /** Name of the integration; unique per Opsgenie account. */
    declare public readonly name: pulumi.Output<string>;
    /** Owner team id of the integration. Changing it recreates the integration, with a new API key. */
    declare public readonly ownerTeamId: pulumi.Output<string | undefined>;
    /** Users, schedules, teams or escalations that receive the notifications of the integration's alerts. */
    declare public readonly responders: pulumi.Output<outputs.ApiIntegrationResponder[] | undefined>;
    /** Whether notifications of the integration's alerts are suppressed. Default: `false`. */
    declare public readonly suppressNotifications: pulumi.Output<boolean | undefined>;
    /** Type of the integration (`API`, `AmazonSns`, `Webhook`, …). Changing it recreates the integration. */
    declare public readonly type: pulumi.Output<string | undefined>;
    /** The URL Opsgenie sends requests to; required for `Webhook` integrations. */
    declare public readonly webhookUrl: pulumi.Output<string | undefined>;

    /**
     * Create a ApiIntegration resource with the given unique name, arguments, and options.
     *
     * @param name The _unique_ name of the resource.
     * @param args The arguments to use to populate this resource's properties.
     * @param opts A bag of options that control this resource's behavior.
     */
    constructor(name: string, args?: ApiIntegrationArgs, opts?: pulumi.CustomResourceOptions);
    constructor(
        name: string,
        argsOrState?: ApiIntegrationArgs | ApiIntegrationState,
        opts?: pulumi.CustomResourceOptions,
    ) {
        const resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (opts.id) {
            const state: ApiIntegrationState | undefined = argsOrState;
            resourceInputs["allowConfigurationAccess"] = state?.allowConfigurationAccess;
            resourceInputs["allowWriteAccess"] = state?.allowWriteAccess;
            resourceInputs["apiKey"] = state?.apiKey;
            resourceInputs["enabled"] = state?.enabled;
            resourceInputs["headers"] = state?.headers;
            resourceInputs["ignoreRespondersFromPayload"] = state?.ignoreRespondersFromPayload;
            resourceInputs["name"] = state?.name;
            resourceInputs["ownerTeamId"] = state?.ownerTeamId;
            resourceInputs["responders"] = state?.responders;
            resourceInputs["suppressNotifications"] = state?.suppressNotifications;
            resourceInputs["type"] = state?.type;
            resourceInputs["webhookUrl"] = state?.webhookUrl;
        } else {
            const args: ApiIntegrationArgs | undefined = argsOrState;
            resourceInputs["allowConfigurationAccess"] = args?.allowConfigurationAccess;
            resourceInputs["allowWriteAccess"] = args?.allowWriteAccess;
            resourceInputs["enabled"] = args?.enabled;
            resourceInputs["headers"] = args?.headers;
            resourceInputs["ignoreRespondersFromPayload"] = args?.ignoreRespondersFromPayload;
            resourceInputs["name"] = args?.name;
            resourceInputs["ownerTeamId"] = args?.ownerTeamId;
            resourceInputs["responders"] = args?.responders;
            resourceInputs["suppressNotifications"] = args?.suppressNotifications;
            resourceInputs["type"] = args?.type;
            resourceInputs["webhookUrl"] = args?.webhookUrl;
            resourceInputs["apiKey"] = undefined; /*out*/
        }
        opts = pulumi.mergeOptions(resourceOptsDefaults(), opts);
        // The integration's key lets anyone post alerts to it: it never reaches state or logs in plain text.
        opts = pulumi.mergeOptions(opts, { additionalSecretOutputs: ["apiKey"] });
        super(ApiIntegration.__pulumiType, name, resourceInputs, opts);
    }
}

/** Input properties used for looking up and filtering ApiIntegration resources. */
export interface ApiIntegrationState {
    /** Whether the integration may read the Opsgenie configuration. */
    allowConfigurationAccess?: pulumi.Input<boolean>;
    /** Whether the integration may write within any domain. Default: `true`. */
    allowWriteAccess?: pulumi.Input<boolean>;
    /** (Computed) API key of the created integration. */
    apiKey?: pulumi.Input<string>;
    /** Whether the integration is enabled. Default: `true`. */
    enabled?: pulumi.Input<boolean>;
    /** Headers Opsgenie sends with webhook requests (`Webhook` integrations). */
    headers?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
    /** Whether recipients sent in request payloads are ignored. Default: `false`. */
    ignoreRespondersFromPayload?: pulumi.Input<boolean>;
    /** Name of the integration; unique per Opsgenie account. */
    name?: pulumi.Input<string>;
    /** Owner team id of the integration. Changing it recreates the integration, with a new API key. */
    ownerTeamId?: pulumi.Input<string>;
    /** Users, schedules, teams or escalations that receive the notifications of the integration's alerts. */
    responders?: pulumi.Input<pulumi.Input<inputs.ApiIntegrationResponder>[]>;
    /** Whether notifications of the integration's alerts are suppressed. Default: `false`. */
    suppressNotifications?: pulumi.Input<boolean>;
    /** Type of the integration (`API`, `AmazonSns`, `Webhook`, …). Changing it recreates the integration. */
    type?: pulumi.Input<string>;
    /** The URL Opsgenie sends requests to; required for `Webhook` integrations. */
    webhookUrl?: pulumi.Input<string>;
}

/** The set of arguments for constructing a ApiIntegration resource. */
export interface ApiIntegrationArgs {
    /** Whether the integration may read the Opsgenie configuration. */
    allowConfigurationAccess?: pulumi.Input<boolean>;
    /** Whether the integration may write within any domain. Default: `true`. */
    allowWriteAccess?: pulumi.Input<boolean>;
    /** Whether the integration is enabled. Default: `true`. */
    enabled?: pulumi.Input<boolean>;
    /** Headers Opsgenie sends with webhook requests (`Webhook` integrations). */
    headers?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
    /** Whether recipients sent in request payloads are ignored. Default: `false`. */
    ignoreRespondersFromPayload?: pulumi.Input<boolean>;
    /** Name of the integration; unique per Opsgenie account. */
    name?: pulumi.Input<string>;
    /** Owner team id of the integration. Changing it recreates the integration, with a new API key. */
    ownerTeamId?: pulumi.Input<string>;
    /** Users, schedules, teams or escalations that receive the notifications of the integration's alerts. */
    responders?: pulumi.Input<pulumi.Input<inputs.ApiIntegrationResponder>[]>;
    /** Whether notifications of the integration's alerts are suppressed. Default: `false`. */
    suppressNotifications?: pulumi.Input<boolean>;
    /** Type of the integration (`API`, `AmazonSns`, `Webhook`, …). Changing it recreates the integration. */
    type?: pulumi.Input<string>;
    /** The URL Opsgenie sends requests to; required for `Webhook` integrations. */
    webhookUrl?: pulumi.Input<string>;
}
