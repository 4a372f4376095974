import * as path from "path";
import { runSimulation } from "@cloud-copilot/iam-simulate";

// The IAM engine the policy tests ask: @cloud-copilot/iam-simulate (AGPL, a devDependency: tests only). Nobody here
// wrote it; it evaluates identity and resource policies, service principals, same- and cross-account requests and
// explains which statement decided.

/** A named policy document, as the simulation reports it in its explanation. */
export interface NamedPolicy {
    name: string;
    document: unknown;
}

/** One request an AWS service (or a person) makes, with the request context AWS documents for it. */
export interface SimulatedRequest {
    /** `cloudtrail.amazonaws.com`, an IAM role ARN, ... */
    principal: string;
    action: string;
    resource: string;
    /** The account that owns the resource. */
    resourceAccount: string;
    context: Record<string, string | string[]>;
    /** The resource-based policy (bucket, topic, key, trust policy), if any. */
    resourcePolicy?: NamedPolicy;
    /** The principal's own IAM policies, if any. */
    identityPolicies?: NamedPolicy[];
}

/** What the engine decided, and the statements (`policy: Sid`) that decided it. */
export interface SimulatedDecision {
    result: "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied";
    decidedBy: string[];
    /** Every statement the engine looked at, with why it did or did not apply (iam-simulate's explain). */
    explain: string;
}

interface StatementAnalysisLike {
    explain: { identifier: string; matches: boolean } & Record<string, unknown>;
}
interface PolicyAnalysisLike {
    allowStatements: StatementAnalysisLike[];
    denyStatements: StatementAnalysisLike[];
    unmatchedStatements: StatementAnalysisLike[];
}
interface EvaluationLike {
    result: string;
    identityAnalysis?: PolicyAnalysisLike;
    resourceAnalysis?: PolicyAnalysisLike;
}

// iam-simulate 0.1.x matches request context keys with a variable part (`kms:EncryptionContext:${Key}`) only when
// the variable follows a '/', so it drops `kms:EncryptionContext:aws:logs:arn` and the like from the request (it
// reports them as ignored) and a condition on them can never match. Such requests are evaluated by the engine's own
// core (`authorize`, what runSimulation calls after validating) with the full context. runUnsafeSimulation, the
// package's exported way to do that, cannot take a resource policy (it loads it without the metadata it then reads).
const simulateDir = path.dirname(require.resolve("@cloud-copilot/iam-simulate"));
function simulateModule<T>(file: string): T {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the engine's core, not in its exports map
    return require(path.join(simulateDir, file)) as T;
}

const variableContextKey = /^kms:EncryptionContext:.+/i;

/**
 * An identity policy allowing every action on every resource: the caller's own account lets it do anything, so the
 * resource policy alone decides (an administrator, or another account's attacker with full rights at home).
 */
export function allowEverything(name: string): NamedPolicy {
    return { name, document: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] } };
}

/** Asks iam-simulate for the decision on one request; any validation error of the engine fails the calling test. */
export async function simulate(request: SimulatedRequest): Promise<SimulatedDecision> {
    const simulation = {
        request: {
            principal: request.principal,
            action: request.action,
            resource: { resource: request.resource, accountId: request.resourceAccount },
            contextVariables: request.context,
        },
        identityPolicies: (request.identityPolicies ?? []).map((p) => ({ name: p.name, policy: p.document })),
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        resourcePolicy: request.resourcePolicy?.document,
    };
    const response = await runSimulation(simulation, {});
    if (response.resultType === "error") {
        throw new Error(`iam-simulate rejected the simulation: ${JSON.stringify(response.errors)}`);
    }
    if (response.resultType !== "single") throw new Error(`expected one resource, got ${response.resultType}`);
    const ignored = response.result.ignoredContextKeys ?? [];
    const unexpected = ignored.filter((key) => !variableContextKey.test(key));
    if (unexpected.length > 0) {
        throw new Error(`${request.action} has no request context key ${unexpected.join(", ")}: fix the request`);
    }
    const analysis = (
        ignored.length === 0 ? response.result.analysis : evaluateWithFullContext(request)
    ) as EvaluationLike;
    return decisionOf(analysis, request);
}

function evaluateWithFullContext(request: SimulatedRequest): unknown {
    // iam-simulate's own copy of its policy parser (a dependency of it, not of this project).
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- resolved from iam-simulate's location
    const { loadPolicy } = require(require.resolve("@cloud-copilot/iam-policy", { paths: [simulateDir] })) as {
        loadPolicy: (document: unknown, metadata: { name: string }) => unknown;
    };
    const { authorize } = simulateModule<{ authorize: (request: unknown) => unknown }>(
        "core_engine/CoreSimulatorEngine.js",
    );
    const { AwsRequestImpl } = simulateModule<{ AwsRequestImpl: new (...args: unknown[]) => unknown }>(
        "request/request.js",
    );
    const { RequestContextImpl } = simulateModule<{ RequestContextImpl: new (values: unknown) => unknown }>(
        "requestContext.js",
    );
    const { DiscoveryContextKeyConstraints } = simulateModule<{
        DiscoveryContextKeyConstraints: new (constraints: unknown[]) => unknown;
    }>("context_keys/discoveryContextKeyConstraints.js");
    return authorize({
        request: new AwsRequestImpl(
            request.principal,
            { resource: request.resource, accountId: request.resourceAccount },
            request.action,
            new RequestContextImpl(request.context),
        ),
        sessionPolicy: undefined,
        identityPolicies: (request.identityPolicies ?? []).map((p) => loadPolicy(p.document, { name: p.name })),
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        resourcePolicy:
            request.resourcePolicy === undefined
                ? undefined
                : loadPolicy(request.resourcePolicy.document, { name: request.resourcePolicy.name }),
        permissionBoundaries: undefined,
        vpcEndpointPolicies: undefined,
        simulationParameters: {
            simulationMode: "Strict",
            discoveryContextKeyConstraints: new DiscoveryContextKeyConstraints([]),
        },
        serviceSettings: { s3: { blockPublicAccess: undefined } },
    });
}

function decisionOf(analysis: EvaluationLike, request: SimulatedRequest): SimulatedDecision {
    const result = analysis.result as SimulatedDecision["result"];
    const identityName = (request.identityPolicies ?? []).map((p) => p.name).join(" + ");
    const parts: [string, PolicyAnalysisLike | undefined][] = [
        [request.resourcePolicy?.name ?? "resource policy", analysis.resourceAnalysis],
        [identityName || "identity policy", analysis.identityAnalysis],
    ];
    const deciding = (kind: "allowStatements" | "denyStatements") =>
        parts.flatMap(([name, a]) => (a?.[kind] ?? []).map((s) => `${name}: ${s.explain.identifier}`));
    const decidedBy =
        result === "Allowed"
            ? deciding("allowStatements")
            : result === "ExplicitlyDenied"
              ? deciding("denyStatements")
              : [];
    const explain = parts
        .flatMap(([name, a]) =>
            [...(a?.allowStatements ?? []), ...(a?.denyStatements ?? []), ...(a?.unmatchedStatements ?? [])].map(
                (s) => `${name}: ${JSON.stringify(s.explain)}`,
            ),
        )
        .join("\n      ");
    return { result, decidedBy: decidedBy.sort(), explain };
}
