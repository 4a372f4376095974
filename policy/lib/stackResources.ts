import { PolicyResource } from "@pulumi/policy";
import { Props, knownString, plainProps } from "./knownValues";

/** A resource of the stack as the stack policies read it: plain properties, dependencies as URNs. */
export interface StackResource {
    type: string;
    name: string;
    urn: string;
    props: Props;
    /** Property name to the URNs of the resources its value came from. */
    propertyDependencies: Record<string, string[]>;
}

/** The stack's resources with their properties read past the framework's unknown-checking proxy. */
export function stackResources(resources: PolicyResource[]): StackResource[] {
    return resources.map((r) => ({
        type: r.type,
        name: r.name,
        urn: r.urn,
        props: plainProps(r.props),
        propertyDependencies: Object.fromEntries(
            Object.entries(r.propertyDependencies ?? {}).map(([property, deps]) => [property, deps.map((d) => d.urn)]),
        ),
    }));
}

/**
 * True when `resource.props[property]` names `target`: either the value was computed from `target` (the engine's
 * property dependencies, which hold even while the value is unknown during preview) or it equals the target's
 * physical name or ID.
 */
export function refersTo(resource: StackResource, property: string, target: StackResource, nameProperty: string) {
    if ((resource.propertyDependencies[property] ?? []).includes(target.urn)) return true;
    const value = knownString(resource.props[property]);
    if (value === undefined) return false;
    return value === knownString(target.props[nameProperty]) || value === knownString(target.props.id);
}
