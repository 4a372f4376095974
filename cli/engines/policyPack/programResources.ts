import type { RecordedResource } from "../offline/runProgram";
import { unknownPlaceholder } from "../offline/stackFile";
import { secretPlaceholder } from "../offline/stackFile";
import { AnalyzedResource } from "./analyzerClient";

// The wire format's constants from the SDK that defines them. The SDK is loaded by then (these run over a program's
// recorded resources), but `check` imports this module only when it gets there, so that a stack it rejects before
// running the program never loads the SDK.
import { specialSecretSig, specialSigKey, unknownValue } from "@pulumi/pulumi/runtime/rpc";

/** Wraps a property value so that it reaches the pack marked secret, as the engine sends secrets. */
export function secretValue(value: unknown): Record<string, unknown> {
    return { [specialSigKey]: specialSecretSig, value };
}

/**
 * Back to the wire format the engine sends the pack: the offline runner shows unknown values and secrets as
 * readable placeholders; the pack must see an unknown as unknown (or it would judge the text "[unknown]") and a
 * secret as a secret.
 */
function wireValue(value: unknown): unknown {
    if (value === unknownPlaceholder) return unknownValue;
    if (value === secretPlaceholder) return secretValue(secretPlaceholder);
    if (Array.isArray(value)) return value.map(wireValue);
    if (typeof value === "object" && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wireValue(v)]));
    }
    return value;
}

/**
 * The resources a program run registered, as the engine describes them to a policy pack: every registration
 * (the stack, components, providers and custom resources, as the engine analyzes each), with its provider
 * resource when one was given explicitly.
 */
export function analyzedResources(recorded: RecordedResource[]): AnalyzedResource[] {
    const byUrn = new Map(recorded.map((r) => [r.urn, r]));
    return recorded.map((r) => {
        const resource: AnalyzedResource = {
            type: r.type,
            name: r.name,
            urn: r.urn,
            properties: wireValue(r.inputs) as Record<string, unknown>,
            parent: r.parent,
            dependencies: r.dependencies,
            propertyDependencies: r.propertyDependencies,
            options: {
                protect: r.options.protect,
                ignoreChanges: r.options.ignoreChanges,
                deleteBeforeReplace: r.options.deleteBeforeReplace,
                additionalSecretOutputs: r.options.additionalSecretOutputs,
            },
        };
        // A provider reference is "<provider URN>::<provider ID>".
        const providerUrn = r.provider?.slice(0, r.provider.lastIndexOf("::"));
        const provider = providerUrn === undefined ? undefined : byUrn.get(providerUrn);
        if (provider !== undefined) {
            resource.provider = {
                type: provider.type,
                name: provider.name,
                urn: provider.urn,
                properties: wireValue(provider.inputs) as Record<string, unknown>,
            };
        }
        return resource;
    });
}
