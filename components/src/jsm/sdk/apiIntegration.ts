import * as pulumi from "@pulumi/pulumi";
import * as outputs from "./types/output";
import { getPackage, resourceOptsDefaults } from "./plugin";

/**
 * An API-based integration of Jira Service Management Operations
 * (`atlassian-operations:index/apiIntegration:ApiIntegration`, Terraform `atlassian-operations_api_integration`).
 * Its `apiKey` is computed by JSM, returned only when the integration is created, and always a secret output.
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
        return new ApiIntegration(name, state as ApiIntegrationArgs, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = "atlassian-operations:index/apiIntegration:ApiIntegration";

    /**
     * Returns true if the given object is an instance of ApiIntegration. This is designed to work even when multiple
     * copies of the Pulumi SDK have been loaded into the same process.
     */
    public static isInstance(obj: unknown): obj is ApiIntegration {
        if (obj === undefined || obj === null) return false;
        return (obj as Record<string, unknown>)["__pulumiType"] === ApiIntegration.__pulumiType;
    }

    // Declared, not defined: the Resource constructor sets these, and an ES2022 class field would reset them.
    /** Whether this is an advanced integration with additional configuration options. */
    declare public readonly advanced: pulumi.Output<boolean>;
    /** (Computed) API key of the integration; only known after it is created. Secret. */
    declare public readonly apiKey: pulumi.Output<string>;
    /** Whether JSM's default actions of a new integration are removed. Default: `false`. */
    declare public readonly deleteDefaultActions: pulumi.Output<boolean>;
    /** Supported communication directions (`incoming`, `outgoing`). */
    declare public readonly directions: pulumi.Output<string[]>;
    /** Domains of the integration. */
    declare public readonly domains: pulumi.Output<string[]>;
    /** Whether the integration processes requests. Default: `false`. */
    declare public readonly enabled: pulumi.Output<boolean>;
    /** Maintenance windows of the integration. */
    declare public readonly maintenanceSources: pulumi.Output<outputs.ApiIntegrationMaintenanceSource[]>;
    /** Name of the integration (1-250 characters). */
    declare public readonly name: pulumi.Output<string>;
    /** ID of the owning team; cannot be changed after creation. */
    declare public readonly teamId: pulumi.Output<string>;
    /** Type of the integration (`AmazonSns`, `API`, …). */
    declare public readonly type: pulumi.Output<string>;
    /** Integration-specific properties (JSON text). */
    declare public readonly typeSpecificProperties: pulumi.Output<string>;

    /**
     * Create a ApiIntegration resource with the given unique name, arguments, and options.
     *
     * @param name The _unique_ name of the resource.
     * @param args The arguments to use to populate this resource's properties.
     * @param opts A bag of options that control this resource's behavior.
     */
    constructor(name: string, args: ApiIntegrationArgs, opts?: pulumi.CustomResourceOptions);
    constructor(
        name: string,
        argsOrState?: ApiIntegrationArgs | ApiIntegrationState,
        opts?: pulumi.CustomResourceOptions,
    ) {
        const resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (opts.id) {
            const state: ApiIntegrationState | undefined = argsOrState;
            resourceInputs["advanced"] = state?.advanced;
            resourceInputs["apiKey"] = state?.apiKey;
            resourceInputs["deleteDefaultActions"] = state?.deleteDefaultActions;
            resourceInputs["directions"] = state?.directions;
            resourceInputs["domains"] = state?.domains;
            resourceInputs["enabled"] = state?.enabled;
            resourceInputs["maintenanceSources"] = state?.maintenanceSources;
            resourceInputs["name"] = state?.name;
            resourceInputs["teamId"] = state?.teamId;
            resourceInputs["type"] = state?.type;
            resourceInputs["typeSpecificProperties"] = state?.typeSpecificProperties;
        } else {
            const args = argsOrState as ApiIntegrationArgs | undefined;
            if ((!args || args.type === undefined) && !opts.urn) {
                throw new Error("Missing required property 'type'");
            }
            resourceInputs["deleteDefaultActions"] = args?.deleteDefaultActions;
            resourceInputs["enabled"] = args?.enabled;
            resourceInputs["name"] = args?.name;
            resourceInputs["teamId"] = args?.teamId;
            resourceInputs["type"] = args?.type;
            resourceInputs["typeSpecificProperties"] = args?.typeSpecificProperties;
            resourceInputs["advanced"] = undefined; /*out*/
            resourceInputs["apiKey"] = undefined; /*out*/
            resourceInputs["directions"] = undefined; /*out*/
            resourceInputs["domains"] = undefined; /*out*/
            resourceInputs["maintenanceSources"] = undefined; /*out*/
        }
        opts = pulumi.mergeOptions(resourceOptsDefaults(), opts);
        // Sensitive in the provider's schema: the key lets anyone post alerts to the integration.
        opts = pulumi.mergeOptions(opts, { additionalSecretOutputs: ["apiKey"] });
        super(ApiIntegration.__pulumiType, name, resourceInputs, opts, false /*dependency*/, getPackage());
    }
}

/** Input properties used for looking up and filtering ApiIntegration resources. */
export interface ApiIntegrationState {
    /** Whether this is an advanced integration. */
    advanced?: pulumi.Input<boolean>;
    /** API key of the integration. */
    apiKey?: pulumi.Input<string>;
    /** Whether JSM's default actions of a new integration are removed. */
    deleteDefaultActions?: pulumi.Input<boolean>;
    /** Supported communication directions. */
    directions?: pulumi.Input<pulumi.Input<string>[]>;
    /** Domains of the integration. */
    domains?: pulumi.Input<pulumi.Input<string>[]>;
    /** Whether the integration processes requests. */
    enabled?: pulumi.Input<boolean>;
    /** Maintenance windows of the integration. */
    maintenanceSources?: pulumi.Input<pulumi.Input<outputs.ApiIntegrationMaintenanceSource>[]>;
    /** Name of the integration. */
    name?: pulumi.Input<string>;
    /** ID of the owning team. */
    teamId?: pulumi.Input<string>;
    /** Type of the integration. */
    type?: pulumi.Input<string>;
    /** Integration-specific properties (JSON text). */
    typeSpecificProperties?: pulumi.Input<string>;
}

/** The set of arguments for constructing a ApiIntegration resource. */
export interface ApiIntegrationArgs {
    /** Whether JSM's default actions of a new integration are removed. Default: `false`. */
    deleteDefaultActions?: pulumi.Input<boolean>;
    /** Whether the integration processes requests. Default: `false`. */
    enabled?: pulumi.Input<boolean>;
    /** Name of the integration (1-250 characters). Required by the provider; the generated SDK auto-names it when absent. */
    name?: pulumi.Input<string>;
    /** ID of the owning team; cannot be changed after creation. */
    teamId?: pulumi.Input<string>;
    /** Type of the integration (`AmazonSns`, `API`, …). */
    type: pulumi.Input<string>;
    /** Integration-specific properties (JSON text). */
    typeSpecificProperties?: pulumi.Input<string>;
}
