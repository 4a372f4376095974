import * as pulumi from "@pulumi/pulumi";
import { getEnv, pluginName, resourceOptsDefaults } from "./plugin";

/**
 * The provider type for the opsgenie package (`pulumi:providers:opsgenie`). An explicit instance carries the API
 * key and the instance (US or EU) that the resources created with it are managed through.
 */
export class Provider extends pulumi.ProviderResource {
    /** @internal */
    public static readonly __pulumiType = pluginName;

    /**
     * Returns true if the given object is an instance of Provider. This is designed to work even when multiple
     * copies of the Pulumi SDK have been loaded into the same process.
     */
    public static isInstance(obj: unknown): obj is Provider {
        if (obj === undefined || obj === null) return false;
        return (obj as Record<string, unknown>)["__pulumiType"] === `pulumi:providers:${Provider.__pulumiType}`;
    }

    // Declared, not defined: the Resource constructor sets these, and an ES2022 class field would reset them.
    /** The API key for Opsgenie (secret). Only string properties are readable on a provider. */
    declare public readonly apiKey: pulumi.Output<string | undefined>;
    /** The API host: `api.opsgenie.com` (US instance) or `api.eu.opsgenie.com` (EU instance). */
    declare public readonly apiUrl: pulumi.Output<string | undefined>;

    /**
     * Create a Provider resource with the given unique name, arguments, and options.
     *
     * @param name The _unique_ name of the resource.
     * @param args The arguments to use to populate this resource's properties.
     * @param opts A bag of options that control this resource's behavior.
     */
    constructor(name: string, args?: ProviderArgs, opts?: pulumi.ResourceOptions) {
        const resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        // The key is always a secret, whatever the caller passed: it lets its holder change the Opsgenie account.
        resourceInputs["apiKey"] = args?.apiKey ? pulumi.secret(args.apiKey) : undefined;
        // Provider configuration travels as text: non-string values are JSON-encoded, as generated SDKs do.
        resourceInputs["apiRetryCount"] = jsonEncoded(args?.apiRetryCount);
        resourceInputs["apiRetryWaitMax"] = jsonEncoded(args?.apiRetryWaitMax);
        resourceInputs["apiRetryWaitMin"] = jsonEncoded(args?.apiRetryWaitMin);
        resourceInputs["apiUrl"] = args?.apiUrl ?? getEnv("OPSGENIE_API_URL");
        opts = pulumi.mergeOptions(resourceOptsDefaults(), opts);
        opts = pulumi.mergeOptions(opts, { additionalSecretOutputs: ["apiKey"] });
        super(Provider.__pulumiType, name, resourceInputs, opts);
    }
}

function jsonEncoded(value: pulumi.Input<number> | undefined): pulumi.Output<string | undefined> {
    return pulumi.output(value).apply((v) => (v === undefined ? undefined : JSON.stringify(v)));
}

/** The set of arguments for constructing a Provider resource. */
export interface ProviderArgs {
    /** The API key of an Opsgenie API integration with configuration access. Always stored as a secret. */
    apiKey?: pulumi.Input<string>;
    /** Number of retries of a failed API request. */
    apiRetryCount?: pulumi.Input<number>;
    /** Longest wait between retries, in seconds. */
    apiRetryWaitMax?: pulumi.Input<number>;
    /** Shortest wait between retries, in seconds. */
    apiRetryWaitMin?: pulumi.Input<number>;
    /**
     * The API host: `api.opsgenie.com` for the US instance, `api.eu.opsgenie.com` for the EU instance.
     * @default `OPSGENIE_API_URL`, else the provider's own default (`api.opsgenie.com`)
     */
    apiUrl?: pulumi.Input<string>;
}
