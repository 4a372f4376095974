import * as pulumi from "@pulumi/pulumi";
import * as inputs from "./types/input";
import * as outputs from "./types/output";
import { getPackage, resourceOptsDefaults } from "./plugin";

/**
 * One action of a Jira Service Management Operations integration
 * (`atlassian-operations:index/integrationAction:IntegrationAction`, Terraform
 * `atlassian-operations_integration_action`): unlike Opsgenie's provider, one resource per action. The alert fields
 * it sets travel as JSON text in `fieldMappings`.
 */
export class IntegrationAction extends pulumi.CustomResource {
    /**
     * Get an existing IntegrationAction resource's state with the given name, ID, and optional extra properties used
     * to qualify the lookup.
     *
     * @param name The _unique_ name of the resulting resource.
     * @param id The _unique_ provider ID of the resource to lookup.
     * @param state Any extra arguments used during the lookup.
     * @param opts Optional settings to control the behavior of the CustomResource.
     */
    public static get(
        name: string,
        id: pulumi.Input<pulumi.ID>,
        state?: IntegrationActionState,
        opts?: pulumi.CustomResourceOptions,
    ): IntegrationAction {
        // The state bag stands in for the arguments when `opts.id` is set (a read, not a create).
        return new IntegrationAction(name, state as IntegrationActionArgs, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = "atlassian-operations:index/integrationAction:IntegrationAction";

    /**
     * Returns true if the given object is an instance of IntegrationAction. This is designed to work even when
     * multiple copies of the Pulumi SDK have been loaded into the same process.
     */
    public static isInstance(obj: unknown): obj is IntegrationAction {
        if (obj === undefined || obj === null) return false;
        return (obj as Record<string, unknown>)["__pulumiType"] === IntegrationAction.__pulumiType;
    }

    // Declared, not defined: the Resource constructor sets these, and an ES2022 class field would reset them.
    /** The action mapping configuration. */
    declare public readonly actionMapping: pulumi.Output<outputs.IntegrationActionActionMapping>;
    /** `incoming` or `outgoing`. */
    declare public readonly direction: pulumi.Output<string>;
    /** The domain of the action: `alert`. */
    declare public readonly domain: pulumi.Output<string>;
    /** Whether the action is enabled. Default: `true`. */
    declare public readonly enabled: pulumi.Output<boolean>;
    /** The alert fields the action sets (JSON text). */
    declare public readonly fieldMappings: pulumi.Output<string>;
    /** Which notifications the action takes. */
    declare public readonly filter: pulumi.Output<outputs.IntegrationActionFilter>;
    /** `forwarding`, `updating` or `checkbox`. */
    declare public readonly groupType: pulumi.Output<string>;
    /** ID of the integration the action belongs to. */
    declare public readonly integrationId: pulumi.Output<string>;
    /** Name of the action (1-250 characters). */
    declare public readonly name: pulumi.Output<string>;
    /** The type of the action: `create`, `close`, `acknowledge`, … */
    declare public readonly type: pulumi.Output<string>;
    /** Type-specific properties (JSON text). */
    declare public readonly typeSpecificProperties: pulumi.Output<string>;

    /**
     * Create a IntegrationAction resource with the given unique name, arguments, and options.
     *
     * @param name The _unique_ name of the resource.
     * @param args The arguments to use to populate this resource's properties.
     * @param opts A bag of options that control this resource's behavior.
     */
    constructor(name: string, args: IntegrationActionArgs, opts?: pulumi.CustomResourceOptions);
    constructor(
        name: string,
        argsOrState?: IntegrationActionArgs | IntegrationActionState,
        opts?: pulumi.CustomResourceOptions,
    ) {
        const resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        const fields = [
            "actionMapping",
            "direction",
            "domain",
            "enabled",
            "fieldMappings",
            "filter",
            "groupType",
            "integrationId",
            "name",
            "type",
            "typeSpecificProperties",
        ] as const;
        if (opts.id) {
            const state: IntegrationActionState | undefined = argsOrState;
            for (const field of fields) resourceInputs[field] = state?.[field];
        } else {
            const args = argsOrState as IntegrationActionArgs | undefined;
            for (const required of ["direction", "domain", "integrationId", "type"] as const) {
                if ((!args || args[required] === undefined) && !opts.urn) {
                    throw new Error(`Missing required property '${required}'`);
                }
            }
            for (const field of fields) resourceInputs[field] = args?.[field];
        }
        opts = pulumi.mergeOptions(resourceOptsDefaults(), opts);
        super(IntegrationAction.__pulumiType, name, resourceInputs, opts, false /*dependency*/, getPackage());
    }
}

/** Input properties used for looking up and filtering IntegrationAction resources. */
export interface IntegrationActionState {
    /** The action mapping configuration. */
    actionMapping?: pulumi.Input<inputs.IntegrationActionActionMapping>;
    /** `incoming` or `outgoing`. */
    direction?: pulumi.Input<string>;
    /** The domain of the action: `alert`. */
    domain?: pulumi.Input<string>;
    /** Whether the action is enabled. */
    enabled?: pulumi.Input<boolean>;
    /** The alert fields the action sets (JSON text). */
    fieldMappings?: pulumi.Input<string>;
    /** Which notifications the action takes. */
    filter?: pulumi.Input<inputs.IntegrationActionFilter>;
    /** `forwarding`, `updating` or `checkbox`. */
    groupType?: pulumi.Input<string>;
    /** ID of the integration the action belongs to. */
    integrationId?: pulumi.Input<string>;
    /** Name of the action. */
    name?: pulumi.Input<string>;
    /** The type of the action. */
    type?: pulumi.Input<string>;
    /** Type-specific properties (JSON text). */
    typeSpecificProperties?: pulumi.Input<string>;
}

/** The set of arguments for constructing a IntegrationAction resource. */
export interface IntegrationActionArgs {
    /** The action mapping configuration. */
    actionMapping?: pulumi.Input<inputs.IntegrationActionActionMapping>;
    /** `incoming` or `outgoing`. */
    direction: pulumi.Input<string>;
    /** The domain of the action: `alert`. */
    domain: pulumi.Input<string>;
    /** Whether the action is enabled. Default: `true`. */
    enabled?: pulumi.Input<boolean>;
    /** The alert fields the action sets (JSON text). */
    fieldMappings?: pulumi.Input<string>;
    /** Which notifications the action takes. */
    filter?: pulumi.Input<inputs.IntegrationActionFilter>;
    /** `forwarding`, `updating` or `checkbox`. */
    groupType?: pulumi.Input<string>;
    /** ID of the integration the action belongs to. */
    integrationId: pulumi.Input<string>;
    /** Name of the action (1-250 characters). Required by the provider; the generated SDK auto-names it when absent. */
    name?: pulumi.Input<string>;
    /** The type of the action: `create`, `close`, `acknowledge`, … */
    type: pulumi.Input<string>;
    /** Type-specific properties (JSON text). */
    typeSpecificProperties?: pulumi.Input<string>;
}
