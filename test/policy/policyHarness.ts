import {
    PolicyResource,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationPolicy,
    unknownCheckingProxy,
} from "@pulumi/policy";
import { FixtureResource } from "../fixtures/policyResources";

/**
 * Runs one policy the way `@pulumi/policy`'s Analyzer server does (props behind its unknown-checking proxy,
 * config from `getConfig`), and returns what the policy reported. An exception from the policy propagates, so a
 * test proves a policy does not crash. The server adds the description in front of each message; the protocol
 * tests check that framing.
 */

/** One `reportViolation` call of a stack policy. */
export interface ReportedViolation {
    message: string;
    urn?: string;
}

function notApplicable(reason?: string): never {
    throw new Error(`policy reported not applicable: ${reason}`);
}

/** The messages a resource policy reports for `resource`. */
export async function validateResource(
    policy: ResourceValidationPolicy,
    resource: FixtureResource,
    config: Record<string, unknown> = {},
): Promise<string[]> {
    const messages: string[] = [];
    const report: ReportViolation = (message) => messages.push(message);
    const props = unknownCheckingProxy(resource.props);
    const args: ResourceValidationArgs = {
        type: resource.type,
        name: resource.name,
        urn: resource.urn,
        props,
        opts: defaultResourceOptions(),
        stackTags: new Map(),
        isType: () => false,
        asType: () => undefined,
        getConfig: <T extends object>() => config as T,
        notApplicable,
    };
    const validations = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
    for (const validate of validations) await validate?.(args, report);
    return messages;
}

/** The options of a resource registered with none (no protect, no aliases, no custom timeouts). */
function defaultResourceOptions() {
    return {
        protect: false,
        ignoreChanges: [],
        aliases: [],
        additionalSecretOutputs: [],
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
    };
}

/** The violations a stack policy reports for `resources`. */
export async function validateStack(
    policy: StackValidationPolicy,
    resources: FixtureResource[],
    config: Record<string, unknown> = {},
): Promise<ReportedViolation[]> {
    const reported: ReportedViolation[] = [];
    const report: ReportViolation = (message, urn) => reported.push(urn === undefined ? { message } : { message, urn });
    const byUrn = new Map<string, PolicyResource>();
    const policyResources = resources.map((r) => {
        const resource: PolicyResource = {
            type: r.type,
            name: r.name,
            urn: r.urn,
            props: unknownCheckingProxy(r.props),
            opts: defaultResourceOptions(),
            dependencies: [],
            propertyDependencies: {},
            isType: () => false,
            asType: () => undefined,
        };
        byUrn.set(r.urn, resource);
        return resource;
    });
    // As the server does: dependencies point at the resource objects, unknown URNs are dropped.
    resources.forEach((r, i) => {
        for (const [property, urns] of Object.entries(r.propertyDependencies)) {
            policyResources[i].propertyDependencies[property] = urns.flatMap((u) => byUrn.get(u) ?? []);
        }
    });
    await policy.validateStack(
        {
            resources: policyResources,
            stackTags: new Map(),
            getConfig: <T extends object>() => config as T,
            notApplicable,
        },
        report,
    );
    return reported;
}
