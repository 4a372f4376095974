import * as pulumi from "@pulumi/pulumi";
import * as inputs from "./types/input";
import * as outputs from "./types/output";
import { resourceOptsDefaults } from "./plugin";

/**
 * Manages advanced actions of an Opsgenie integration (`opsgenie:index/integrationAction:IntegrationAction`): create,
 * close, acknowledge, add note and ignore. The Opsgenie API replaces all actions of an integration at once, so one
 * resource holds them all.
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
    public static readonly __pulumiType = "opsgenie:index/integrationAction:IntegrationAction";

    /**
     * Returns true if the given object is an instance of IntegrationAction. This is designed to work even when
     * multiple copies of the Pulumi SDK have been loaded into the same process.
     */
    public static isInstance(obj: unknown): obj is IntegrationAction {
        if (obj === undefined || obj === null) return false;
        return (obj as Record<string, unknown>)["__pulumiType"] === IntegrationAction.__pulumiType;
    }

    // Declared, not defined: the Resource constructor sets these, and an ES2022 class field would reset them.
    /** Actions that acknowledge an alert. */
    declare public readonly acknowledges: pulumi.Output<outputs.IntegrationActionAcknowledge[] | undefined>;
    /** Actions that add a note to an alert. */
    declare public readonly addNotes: pulumi.Output<outputs.IntegrationActionAddNote[] | undefined>;
    /** Actions that close an alert. */
    declare public readonly closes: pulumi.Output<outputs.IntegrationActionClose[] | undefined>;
    /** Actions that create an alert. */
    declare public readonly creates: pulumi.Output<outputs.IntegrationActionCreate[] | undefined>;
    /** Actions that drop a notification. */
    declare public readonly ignores: pulumi.Output<outputs.IntegrationActionIgnore[] | undefined>;
    /** ID of the parent integration resource to bind to. */
    declare public readonly integrationId: pulumi.Output<string>;

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
        if (opts.id) {
            const state: IntegrationActionState | undefined = argsOrState;
            resourceInputs["acknowledges"] = state?.acknowledges;
            resourceInputs["addNotes"] = state?.addNotes;
            resourceInputs["closes"] = state?.closes;
            resourceInputs["creates"] = state?.creates;
            resourceInputs["ignores"] = state?.ignores;
            resourceInputs["integrationId"] = state?.integrationId;
        } else {
            const args = argsOrState as IntegrationActionArgs | undefined;
            if ((!args || args.integrationId === undefined) && !opts.urn) {
                throw new Error("Missing required property 'integrationId'");
            }
            resourceInputs["acknowledges"] = args?.acknowledges;
            resourceInputs["addNotes"] = args?.addNotes;
            resourceInputs["closes"] = args?.closes;
            resourceInputs["creates"] = args?.creates;
            resourceInputs["ignores"] = args?.ignores;
            resourceInputs["integrationId"] = args?.integrationId;
        }
        opts = pulumi.mergeOptions(resourceOptsDefaults(), opts);
        super(IntegrationAction.__pulumiType, name, resourceInputs, opts);
    }
}

/** Input properties used for looking up and filtering IntegrationAction resources. */
export interface IntegrationActionState {
    /** Actions that acknowledge an alert. */
    acknowledges?: pulumi.Input<pulumi.Input<inputs.IntegrationActionAcknowledge>[]>;
    /** Actions that add a note to an alert. */
    addNotes?: pulumi.Input<pulumi.Input<inputs.IntegrationActionAddNote>[]>;
    /** Actions that close an alert. */
    closes?: pulumi.Input<pulumi.Input<inputs.IntegrationActionClose>[]>;
    /** Actions that create an alert. */
    creates?: pulumi.Input<pulumi.Input<inputs.IntegrationActionCreate>[]>;
    /** Actions that drop a notification. */
    ignores?: pulumi.Input<pulumi.Input<inputs.IntegrationActionIgnore>[]>;
    /** ID of the parent integration resource to bind to. */
    integrationId?: pulumi.Input<string>;
}

/** The set of arguments for constructing a IntegrationAction resource. */
export interface IntegrationActionArgs {
    /** Actions that acknowledge an alert. */
    acknowledges?: pulumi.Input<pulumi.Input<inputs.IntegrationActionAcknowledge>[]>;
    /** Actions that add a note to an alert. */
    addNotes?: pulumi.Input<pulumi.Input<inputs.IntegrationActionAddNote>[]>;
    /** Actions that close an alert. */
    closes?: pulumi.Input<pulumi.Input<inputs.IntegrationActionClose>[]>;
    /** Actions that create an alert. */
    creates?: pulumi.Input<pulumi.Input<inputs.IntegrationActionCreate>[]>;
    /** Actions that drop a notification. */
    ignores?: pulumi.Input<pulumi.Input<inputs.IntegrationActionIgnore>[]>;
    /** ID of the parent integration resource to bind to. */
    integrationId: pulumi.Input<string>;
}
