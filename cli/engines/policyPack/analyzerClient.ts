import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import * as analyzerRpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { JavaScriptValue, Struct } from "google-protobuf/google/protobuf/struct_pb";

/**
 * A client for a Pulumi policy pack, speaking to it the way the Pulumi CLI does during `pulumi preview
 * --policy-pack <dir>`: the pack is started with `@pulumi/pulumi/cmd/run-policy-pack` in its own directory, prints
 * the port of its gRPC Analyzer server as the first line of stdout, and is then asked `GetAnalyzerInfo`,
 * `Configure`, `Analyze` (once per resource) and `AnalyzeStack` (once, with every resource).
 *
 * No Pulumi CLI is involved: this is how `trailwatch check` and the tests run the real pack over the resources
 * the program registers under mocks.
 */

/** What a policy does when violated. */
export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";

/** A resource as the engine describes it to an analyzer. */
export interface AnalyzedResource {
    /** Type token, e.g. `aws:cloudtrail/trail:Trail`. */
    type: string;
    /** Logical name. */
    name: string;
    urn: string;
    /**
     * Input properties as plain data, in the engine's wire format: an unknown value is its placeholder string
     * (`unknownValue` of `@pulumi/pulumi/runtime/rpc`), a secret an object marked with `specialSecretSig`.
     */
    properties: Record<string, unknown>;
    /** URN of the parent resource. */
    parent?: string;
    /** URNs of the resources this one depends on. */
    dependencies?: string[];
    /** Property name to the URNs its value was computed from. */
    propertyDependencies?: Record<string, string[]>;
    /** The provider resource that manages this one, when known. */
    provider?: { type: string; name: string; urn: string; properties: Record<string, unknown> };
    /** Resource options the engine passes along. */
    options?: {
        protect?: boolean;
        ignoreChanges?: string[];
        deleteBeforeReplace?: boolean;
        additionalSecretOutputs?: string[];
        aliases?: string[];
    };
}

/** One policy violation, as the pack reports it. */
export interface PolicyDiagnostic {
    policyName: string;
    policyPackName: string;
    policyPackVersion: string;
    /** The policy's description. */
    description: string;
    /** The policy's description, a newline, then what the policy reported. */
    message: string;
    enforcementLevel: EnforcementLevel;
    /** The resource the violation is about; absent for a violation of the stack as a whole. */
    urn?: string;
    severity?: "low" | "medium" | "high" | "critical";
}

/** One policy of the pack, as `GetAnalyzerInfo` describes it. */
export interface PolicyInfo {
    name: string;
    displayName: string;
    description: string;
    enforcementLevel: EnforcementLevel;
    kind: "resource" | "stack" | "unknown";
    /** JSON schema of the policy's settings (besides `enforcementLevel`). */
    configSchema: { properties: Record<string, ConfigPropertySchema>; required: string[] };
}

/** The subset of JSON schema the pack's settings use. */
export interface ConfigPropertySchema {
    type?: string;
    enum?: unknown[];
    items?: ConfigPropertySchema;
    minimum?: number;
    maximum?: number;
    default?: unknown;
    description?: string;
}

/** The pack, as `GetAnalyzerInfo` describes it. */
export interface AnalyzerInfo {
    name: string;
    version: string;
    supportsConfig: boolean;
    policies: PolicyInfo[];
}

/** A policy's effective configuration, as sent with `Configure`. */
export interface PolicyConfig {
    enforcementLevel: EnforcementLevel;
    properties: Record<string, unknown>;
}

/** Options of {@link PolicyPackProcess.start}. */
export interface StartOptions {
    /**
     * How long to wait for the pack to print its port. Started from its TypeScript source, the pack is
     * type-checked by ts-node first: 5 to 15 seconds on a busy machine.
     * @default 120000
     */
    timeoutMs?: number;
    /**
     * The program the runner loads. The CLI passes the pack directory, so Node loads package.json's `main`
     * (here the TypeScript source, type-checked by ts-node on every start). `trailwatch check` passes the
     * compiled `dist/index.js` when it is up to date (see {@link compiledPackEntry}).
     * @default packDir
     */
    entry?: string;
    /** Stack, project and preview flag, passed in the environment as the CLI does (`PULUMI_NODEJS_STACK`, …). */
    stack?: string;
    project?: string;
    dryRun?: boolean;
}

/** The pack could not be started, or an Analyzer call failed. */
export class PolicyPackError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "PolicyPackError";
    }
}

const enforcementLevels: Record<analyzerProto.EnforcementLevel, EnforcementLevel> = {
    [analyzerProto.EnforcementLevel.ADVISORY]: "advisory",
    [analyzerProto.EnforcementLevel.MANDATORY]: "mandatory",
    [analyzerProto.EnforcementLevel.DISABLED]: "disabled",
    [analyzerProto.EnforcementLevel.REMEDIATE]: "remediate",
};

function enforcementLevelEnum(level: EnforcementLevel): analyzerProto.EnforcementLevel {
    const entry = Object.entries(enforcementLevels).find(([, name]) => name === level);
    if (entry === undefined) throw new PolicyPackError(`unknown enforcement level "${level}"`);
    return Number(entry[0]);
}

const severities: Record<analyzerProto.PolicySeverity, PolicyDiagnostic["severity"]> = {
    [analyzerProto.PolicySeverity.POLICY_SEVERITY_UNSPECIFIED]: undefined,
    [analyzerProto.PolicySeverity.POLICY_SEVERITY_LOW]: "low",
    [analyzerProto.PolicySeverity.POLICY_SEVERITY_MEDIUM]: "medium",
    [analyzerProto.PolicySeverity.POLICY_SEVERITY_HIGH]: "high",
    [analyzerProto.PolicySeverity.POLICY_SEVERITY_CRITICAL]: "critical",
};

/** Plain data for a protobuf Struct: `undefined` members are dropped, as the engine never sends them. */
function toStruct(properties: Record<string, unknown>): Struct {
    const plain = JSON.parse(JSON.stringify(properties)) as Record<string, JavaScriptValue>;
    return Struct.fromJavaScript(plain);
}

function resourceOptions(resource: AnalyzedResource): analyzerProto.AnalyzerResourceOptions {
    // The pack refuses a request without options ("A more recent version of the Pulumi CLI is required").
    const options = new analyzerProto.AnalyzerResourceOptions();
    const o = resource.options ?? {};
    options.setProtect(o.protect ?? false);
    options.setIgnorechangesList(o.ignoreChanges ?? []);
    if (o.deleteBeforeReplace !== undefined) {
        options.setDeletebeforereplacedefined(true);
        options.setDeletebeforereplace(o.deleteBeforeReplace);
    }
    options.setAdditionalsecretoutputsList(o.additionalSecretOutputs ?? []);
    options.setAliasesList(o.aliases ?? []);
    options.setParent(resource.parent ?? "");
    return options;
}

function providerResource(resource: AnalyzedResource): analyzerProto.AnalyzerProviderResource | undefined {
    if (resource.provider === undefined) return undefined;
    const provider = new analyzerProto.AnalyzerProviderResource();
    provider.setType(resource.provider.type);
    provider.setName(resource.provider.name);
    provider.setUrn(resource.provider.urn);
    provider.setProperties(toStruct(resource.provider.properties));
    return provider;
}

/** The fields `AnalyzeRequest` and `AnalyzerResource` share: type, name, URN, properties, options, provider. */
function setResourceFields(
    message: analyzerProto.AnalyzeRequest | analyzerProto.AnalyzerResource,
    resource: AnalyzedResource,
): void {
    message.setType(resource.type);
    message.setName(resource.name);
    message.setUrn(resource.urn);
    message.setProperties(toStruct(resource.properties));
    message.setOptions(resourceOptions(resource));
    const provider = providerResource(resource);
    if (provider !== undefined) message.setProvider(provider);
}

/** The `Analyze` request for one resource: its inputs, options and provider, as the engine's step generator sends. */
export function toAnalyzeRequest(resource: AnalyzedResource): analyzerProto.AnalyzeRequest {
    const request = new analyzerProto.AnalyzeRequest();
    setResourceFields(request, resource);
    return request;
}

/** The `AnalyzeStack` entry for one resource: also its parent and dependencies. */
export function toAnalyzerResource(resource: AnalyzedResource): analyzerProto.AnalyzerResource {
    const entry = new analyzerProto.AnalyzerResource();
    setResourceFields(entry, resource);
    entry.setParent(resource.parent ?? "");
    entry.setDependenciesList(resource.dependencies ?? []);
    const propertyDependencies = entry.getPropertydependenciesMap();
    for (const [property, urns] of Object.entries(resource.propertyDependencies ?? {})) {
        const deps = new analyzerProto.AnalyzerPropertyDependencies();
        deps.setUrnsList(urns);
        propertyDependencies.set(property, deps);
    }
    return entry;
}

function toDiagnostic(d: analyzerProto.AnalyzeDiagnostic): PolicyDiagnostic {
    const diagnostic: PolicyDiagnostic = {
        policyName: d.getPolicyname(),
        policyPackName: d.getPolicypackname(),
        policyPackVersion: d.getPolicypackversion(),
        description: d.getDescription(),
        message: d.getMessage(),
        enforcementLevel: enforcementLevels[d.getEnforcementlevel()],
    };
    if (d.getUrn() !== "") diagnostic.urn = d.getUrn();
    const severity = severities[d.getSeverity()];
    if (severity !== undefined) diagnostic.severity = severity;
    return diagnostic;
}

function toPolicyInfo(p: analyzerProto.PolicyInfo): PolicyInfo {
    const schema = p.getConfigschema();
    const kinds: Record<analyzerProto.PolicyType, PolicyInfo["kind"]> = {
        [analyzerProto.PolicyType.POLICY_TYPE_UNKNOWN]: "unknown",
        [analyzerProto.PolicyType.POLICY_TYPE_RESOURCE]: "resource",
        [analyzerProto.PolicyType.POLICY_TYPE_STACK]: "stack",
    };
    return {
        name: p.getName(),
        displayName: p.getDisplayname(),
        description: p.getDescription(),
        enforcementLevel: enforcementLevels[p.getEnforcementlevel()],
        kind: kinds[p.getPolicyType()],
        configSchema: {
            properties: (schema?.getProperties()?.toJavaScript() ?? {}) as Record<string, ConfigPropertySchema>,
            required: schema?.getRequiredList() ?? [],
        },
    };
}

/** A policy pack running in its own process, with a gRPC client connected to it. */
export class PolicyPackProcess {
    private exited = false;
    private readonly exitPromise: Promise<void>;

    private constructor(
        private readonly child: ChildProcess,
        private readonly client: analyzerRpc.AnalyzerClient,
        /** The port the pack's Analyzer server listens on (127.0.0.1). */
        readonly port: number,
        /** Everything the pack wrote to stdout after the port, and to stderr. */
        readonly output: { stdout: string; stderr: string },
    ) {
        this.exitPromise = new Promise((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) resolve();
            child.once("exit", () => resolve());
        });
        child.once("exit", () => (this.exited = true));
    }

    /**
     * Starts the pack in `packDir` as the Pulumi CLI does: `node <@pulumi/pulumi/cmd/run-policy-pack> <engine
     * address> <packDir>` with the pack directory as working directory, the runner resolved from the pack's own
     * dependencies. The pack never calls the engine, so the address is a placeholder. One addition: a preload that
     * ends the pack with this process (exitWithParent.ts), which the CLI's plugin host does its own way.
     */
    static async start(packDir: string, options: StartOptions = {}): Promise<PolicyPackProcess> {
        let runner: string;
        try {
            runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [packDir] });
        } catch {
            throw new PolicyPackError(
                `cannot find @pulumi/pulumi/cmd/run-policy-pack from ${packDir}: run npm ci at the repository root`,
            );
        }
        const env: NodeJS.ProcessEnv = { ...process.env };
        if (options.stack !== undefined) env.PULUMI_NODEJS_STACK = options.stack;
        if (options.project !== undefined) env.PULUMI_NODEJS_PROJECT = options.project;
        if (options.dryRun !== undefined) env.PULUMI_NODEJS_DRY_RUN = String(options.dryRun);
        // Its stdin is a pipe nobody writes to: the pack ends when this process does (see exitWithParent.ts).
        const exitWithParent = path.join(__dirname, "exitWithParent.js");
        const child = spawn(
            process.execPath,
            ["--require", exitWithParent, runner, "127.0.0.1:0", options.entry ?? packDir],
            { cwd: packDir, env, stdio: ["pipe", "pipe", "pipe"] },
        );
        child.stdin.on("error", () => undefined); // the pack may already have ended: nothing is ever written
        const output = { stdout: "", stderr: "" };
        child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output.stderr += chunk));
        const port = await new Promise<number>((resolve, reject) => {
            let pending = "";
            let settled = false;
            const settle = (fn: () => void) => {
                if (settled) return;
                settled = true;
                clearTimeout(timer);
                fn();
            };
            const timeoutMs = options.timeoutMs ?? 120_000;
            const timer = setTimeout(() => {
                child.kill();
                settle(() => reject(startError(`printed no port within ${timeoutMs} ms`, output.stderr)));
            }, timeoutMs);
            child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
                if (settled) {
                    output.stdout += chunk;
                    return;
                }
                pending += chunk;
                const newline = pending.indexOf("\n");
                if (newline < 0) return;
                const first = pending.slice(0, newline).trim();
                output.stdout += pending.slice(newline + 1);
                const parsed = Number(first);
                if (Number.isInteger(parsed) && parsed > 0) settle(() => resolve(parsed));
                else {
                    child.kill();
                    settle(() => reject(startError(`printed "${first}" instead of its port`, output.stderr)));
                }
            });
            child.once("error", (err) => settle(() => reject(startError(err.message, output.stderr))));
            child.once("exit", (code, signal) =>
                settle(() =>
                    reject(startError(`exited (${signal ?? `code ${code}`}) before printing its port`, output.stderr)),
                ),
            );
        });
        const client = new analyzerRpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
        return new PolicyPackProcess(child, client, port, output);
    }

    private call<Req, Res>(
        method: string,
        invoke: (request: Req, callback: (err: grpc.ServiceError | null, response: Res) => void) => unknown,
        request: Req,
    ): Promise<Res> {
        return new Promise((resolve, reject) => {
            invoke.call(this.client, request, (err, response) => {
                if (err) reject(new PolicyPackError(`${method} failed: ${err.details || err.message}`));
                else resolve(response);
            });
        });
    }

    /** The pack's name, version and policies. */
    async getAnalyzerInfo(): Promise<AnalyzerInfo> {
        const info = await this.call<Empty, analyzerProto.AnalyzerInfo>(
            "GetAnalyzerInfo",
            this.client.getAnalyzerInfo.bind(this.client),
            new Empty(),
        );
        return {
            name: info.getName(),
            version: info.getVersion(),
            supportsConfig: info.getSupportsconfig(),
            policies: info.getPoliciesList().map(toPolicyInfo),
        };
    }

    /** Sends the effective configuration of every policy (see {@link reconcilePolicyConfig}). */
    async configure(config: Record<string, PolicyConfig>): Promise<void> {
        const request = new analyzerProto.ConfigureAnalyzerRequest();
        const map = request.getPolicyconfigMap();
        for (const [policy, { enforcementLevel, properties }] of Object.entries(config)) {
            const entry = new analyzerProto.PolicyConfig();
            entry.setEnforcementlevel(enforcementLevelEnum(enforcementLevel));
            entry.setProperties(toStruct(properties));
            map.set(policy, entry);
        }
        await this.call<analyzerProto.ConfigureAnalyzerRequest, Empty>(
            "Configure",
            this.client.configure.bind(this.client),
            request,
        );
    }

    /** Runs the resource policies on one resource. */
    async analyze(resource: AnalyzedResource): Promise<PolicyDiagnostic[]> {
        const response = await this.call<analyzerProto.AnalyzeRequest, analyzerProto.AnalyzeResponse>(
            "Analyze",
            this.client.analyze.bind(this.client),
            toAnalyzeRequest(resource),
        );
        return response.getDiagnosticsList().map(toDiagnostic);
    }

    /** Runs the stack policies on every resource of the stack. */
    async analyzeStack(resources: AnalyzedResource[]): Promise<PolicyDiagnostic[]> {
        const request = new analyzerProto.AnalyzeStackRequest();
        request.setResourcesList(resources.map(toAnalyzerResource));
        const response = await this.call<analyzerProto.AnalyzeStackRequest, analyzerProto.AnalyzeResponse>(
            "AnalyzeStack",
            this.client.analyzeStack.bind(this.client),
            request,
        );
        return response.getDiagnosticsList().map(toDiagnostic);
    }

    /**
     * Runs the whole pack over a stack as a preview does: `Analyze` for every resource (a violation is about that
     * resource, whatever URN the pack put on it), then `AnalyzeStack` once.
     */
    async analyzeResources(resources: AnalyzedResource[]): Promise<PolicyDiagnostic[]> {
        // The engine analyzes resources as the program registers them, many at a time; the order of the
        // answers is kept stable here by resource.
        const perResource = await Promise.all(
            resources.map(async (resource) => (await this.analyze(resource)).map((d) => ({ ...d, urn: resource.urn }))),
        );
        return [...perResource.flat(), ...(await this.analyzeStack(resources))];
    }

    /** Closes the connection and ends the pack's process. */
    async stop(): Promise<void> {
        this.client.close();
        if (!this.exited) this.child.kill();
        await this.exitPromise;
    }
}

function startError(what: string, stderr: string): PolicyPackError {
    const detail = stderr.trim();
    return new PolicyPackError(`the policy pack ${what}${detail === "" ? "" : `:\n${detail}`}`);
}
