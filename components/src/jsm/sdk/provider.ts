import * as pulumi from "@pulumi/pulumi";
import { getPackage, packageName, resourceOptsDefaults } from "./plugin";

/**
 * The provider type for the atlassian-operations package (`pulumi:providers:atlassian-operations`). An explicit
 * instance carries the Atlassian site and the credentials the resources created with it are managed through.
 * The Terraform provider's own environment fallbacks (`ATLASSIAN_OPS_CLOUD_ID`, `ATLASSIAN_OPS_API_TOKEN`, …) still
 * apply in the plugin; the generated SDK reads none itself.
 */
export class Provider extends pulumi.ProviderResource {
    /** @internal */
    public static readonly __pulumiType = packageName;

    /**
     * Returns true if the given object is an instance of Provider. This is designed to work even when multiple
     * copies of the Pulumi SDK have been loaded into the same process.
     */
    public static isInstance(obj: unknown): obj is Provider {
        if (obj === undefined || obj === null) return false;
        return (obj as Record<string, unknown>)["__pulumiType"] === `pulumi:providers:${Provider.__pulumiType}`;
    }

    // Declared, not defined: the Resource constructor sets these, and an ES2022 class field would reset them.
    /** The unique identifier of the Atlassian Cloud site. Only string properties are readable on a provider. */
    declare public readonly cloudId: pulumi.Output<string | undefined>;
    /** The site's domain name, e.g. `your-domain.atlassian.net`. */
    declare public readonly domainName: pulumi.Output<string | undefined>;
    /** The e-mail address of the (admin) Atlassian account the token belongs to. */
    declare public readonly emailAddress: pulumi.Output<string | undefined>;
    /** The organization admin's API token (Compass only). Secret. */
    declare public readonly orgAdminToken: pulumi.Output<string | undefined>;
    /** `jira-service-desk` (the default) or `compass`. */
    declare public readonly productType: pulumi.Output<string | undefined>;
    /** The Atlassian API token. Secret. */
    declare public readonly token: pulumi.Output<string | undefined>;

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
        // Provider configuration travels as text: non-string values are JSON-encoded, as generated SDKs do.
        resourceInputs["apiRetryCount"] = jsonEncoded(args?.apiRetryCount);
        resourceInputs["apiRetryWait"] = jsonEncoded(args?.apiRetryWait);
        resourceInputs["apiRetryWaitMax"] = jsonEncoded(args?.apiRetryWaitMax);
        resourceInputs["cloudId"] = args?.cloudId;
        resourceInputs["domainName"] = args?.domainName;
        resourceInputs["emailAddress"] = args?.emailAddress;
        // Sensitive in the provider's schema: secrets whatever the caller passed, as the generated SDK wraps them.
        resourceInputs["orgAdminToken"] = args?.orgAdminToken ? pulumi.secret(args.orgAdminToken) : undefined;
        resourceInputs["productType"] = args?.productType;
        resourceInputs["token"] = args?.token ? pulumi.secret(args.token) : undefined;
        opts = pulumi.mergeOptions(resourceOptsDefaults(), opts);
        opts = pulumi.mergeOptions(opts, { additionalSecretOutputs: ["orgAdminToken", "token"] });
        super(Provider.__pulumiType, name, resourceInputs, opts, false /*dependency*/, getPackage());
    }
}

function jsonEncoded(value: pulumi.Input<number> | undefined): pulumi.Output<string | undefined> {
    return pulumi.output(value).apply((v) => (v === undefined ? undefined : JSON.stringify(v)));
}

/** The set of arguments for constructing a Provider resource. */
export interface ProviderArgs {
    /** The number of times to retry failed API requests. Default: 3. */
    apiRetryCount?: pulumi.Input<number>;
    /** The initial wait in seconds between retries, doubled for each retry. Default: 1. */
    apiRetryWait?: pulumi.Input<number>;
    /** The longest wait in seconds between retries. Default: 30. */
    apiRetryWaitMax?: pulumi.Input<number>;
    /** The unique identifier of the Atlassian Cloud site. */
    cloudId?: pulumi.Input<string>;
    /** The site's domain name, e.g. `your-domain.atlassian.net`. */
    domainName?: pulumi.Input<string>;
    /** The e-mail address of the Atlassian account (an admin) the token belongs to. */
    emailAddress?: pulumi.Input<string>;
    /** The organization admin's API token, for the User APIs (Compass only). Always stored as a secret. */
    orgAdminToken?: pulumi.Input<string>;
    /** `jira-service-desk` (the default) or `compass`. */
    productType?: pulumi.Input<string>;
    /** The Atlassian API token. Always stored as a secret. */
    token?: pulumi.Input<string>;
}
