import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import {
    serializeProperties,
    specialResourceSig,
    specialSecretSig,
    specialSigKey,
    unknownValue,
} from "@pulumi/pulumi/runtime/rpc";
import { StackConfigError } from "../../../program";
import { UsageError } from "../io";
import { awsRegionProblem } from "./awsRegion";
import { offlineMocks } from "./offlineMocks";
import { StackFileConfig, projectName, readStackFile, secretPlaceholder, unknownPlaceholder } from "./stackFile";

/** One resource the program registered, as the Pulumi engine would have received it. */
export interface RecordedResource {
    /** The resource's URN, built as the engine builds it (parent types chained with `$`). */
    urn: string;
    /** Type token, e.g. `aws:cloudtrail/trail:Trail` or `trailwatch:index:AuditTrail`. */
    type: string;
    /** Logical name. */
    name: string;
    /** True for provider-backed (custom) resources, false for components. */
    custom: boolean;
    /** URN of the parent, if any (the stack resource is the root). */
    parent?: string;
    /**
     * Input properties as sent to the engine. Secret values are replaced by `[secret]`, so recorded resources can
     * be printed and handed to the policy pack without ever revealing a secret.
     */
    inputs: Record<string, unknown>;
    /** Top-level input property names whose value is (or contains) a secret. */
    secretInputs: string[];
    /** URNs of explicit and implicit dependencies. */
    dependencies: string[];
    /** Per-property dependencies (property name to URNs). */
    propertyDependencies: Record<string, string[]>;
    /** Provider reference (`<provider urn>::<id>`), when an explicit provider was given. */
    provider?: string;
    /** Resource options that matter for review. */
    options: {
        protect: boolean;
        retainOnDelete: boolean;
        deleteBeforeReplace: boolean;
        ignoreChanges: string[];
        additionalSecretOutputs: string[];
        /** The ID of an existing resource to adopt (the `import` resource option), if any. */
        importId?: string;
    };
    /** Provider plugin version and download URL requested by the resource's SDK, if any. */
    version?: string;
    pluginDownloadURL?: string;
    /** The package reference of a parameterized package (`registerPackage`'s answer), if the SDK passed one. */
    packageRef?: string;
}

/** A parameterized package the program registered (`pulumi.runtime.registerPackage`), as the engine receives it. */
export interface RegisteredPackage {
    /** The base plugin, e.g. `terraform-provider`, and its version and download URL. */
    baseProviderName: string;
    baseProviderVersion: string;
    baseProviderDownloadUrl: string;
    /** The parameterized package's name and version, e.g. `atlassian-operations` 1.1.9. */
    packageName: string;
    packageVersion: string;
    /** The parameter value, decoded as UTF-8 text. */
    parameter: string;
}

/** What running the program produced: the resources, the stack outputs, or the error that stopped it. */
export interface ProgramRun {
    stack: string;
    resources: RecordedResource[];
    /** Stack outputs (secret outputs as `[secret]`). Empty when the program failed. */
    outputs: Record<string, unknown>;
    /** The error that stopped the program (for example a `StackConfigError`), if any. */
    error?: Error;
    /** Parameterized packages the program registered. */
    packages?: RegisteredPackage[];
}

/** Options of {@link runProgram}. */
export interface RunProgramOptions {
    /** The Pulumi project directory (holds `Pulumi.yaml`, `stacks/` and the compiled `dist/index.js`). */
    projectDir: string;
    /** Stack name; its configuration is read from `stacks/Pulumi.<stack>.yaml` unless `config` is given. */
    stack: string;
    /** Configuration to use instead of the stack file (tests pass variants). */
    config?: StackFileConfig;
    /** Compiled program to run. @default `<projectDir>/dist/index.js` */
    programPath?: string;
    /** Run as a preview (`pulumi preview`) rather than an update. @default false */
    preview?: boolean;
}

/** Turns a wire-format value into plain data, with secrets replaced; reports whether it held a secret. */
function plainValue(value: unknown, found: { secret: boolean }): unknown {
    if (value === unknownValue) return unknownPlaceholder;
    if (Array.isArray(value)) return value.map((v) => plainValue(v, found));
    if (typeof value === "object" && value !== null) {
        const obj = value as Record<string, unknown>;
        if (obj[specialSigKey] === specialSecretSig) {
            found.secret = true;
            return secretPlaceholder;
        }
        if (obj[specialSigKey] === specialResourceSig) return obj.urn;
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(obj)) out[k] = plainValue(v, found);
        return out;
    }
    return value;
}

interface RegisterResourceRequestLike {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom(): boolean;
    getObject(): { toJavaScript(): Record<string, unknown> } | undefined;
    getDependenciesList(): string[];
    getPropertydependenciesMap(): { forEach(cb: (v: { getUrnsList(): string[] }, k: string) => void): void };
    getProvider(): string;
    getProtect(): boolean;
    getRetainondelete(): boolean;
    getDeletebeforereplace(): boolean;
    getIgnorechangesList(): string[];
    getAdditionalsecretoutputsList(): string[];
    getImportid(): string;
    getVersion(): string;
    getPlugindownloadurl(): string;
    getPackageref(): string;
}

interface RegisterPackageRequestLike {
    getName(): string;
    getVersion(): string;
    getDownloadUrl(): string;
    getParameterization(): { getName(): string; getVersion(): string; getValue_asU8(): Uint8Array } | undefined;
}

/**
 * The URN as the engine writes it. Under mocks, parent URNs come from the mock monitor, which (unlike the engine)
 * keeps the root stack's type in the type chain; dependency URNs come from the SDK, which leaves it out.
 */
function canonicalUrn(urn: string): string {
    return urn.replace("::pulumi:pulumi:Stack$", "::");
}

function newUrn(stack: string, project: string, parent: string, type: string, name: string): string {
    // As the engine builds URNs: the parent's type chain, except that the root stack's type is left out.
    const parentType = parent === "" ? "" : parent.split("::")[2];
    const qualified = parentType === "" || parentType === "pulumi:pulumi:Stack" ? type : `${parentType}$${type}`;
    return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

function record(req: RegisterResourceRequestLike, stack: string, project: string): RecordedResource {
    const raw = req.getObject()?.toJavaScript() ?? {};
    const inputs: Record<string, unknown> = {};
    const secretInputs: string[] = [];
    for (const [k, v] of Object.entries(raw)) {
        const found = { secret: false };
        inputs[k] = plainValue(v, found);
        if (found.secret) secretInputs.push(k);
    }
    const propertyDependencies: Record<string, string[]> = {};
    req.getPropertydependenciesMap().forEach((v, k) => {
        propertyDependencies[k] = v.getUrnsList().map(canonicalUrn);
    });
    const parent = canonicalUrn(req.getParent());
    return {
        urn: newUrn(stack, project, parent, req.getType(), req.getName()),
        type: req.getType(),
        name: req.getName(),
        custom: req.getCustom(),
        parent: parent === "" ? undefined : parent,
        inputs,
        secretInputs,
        dependencies: req.getDependenciesList().map(canonicalUrn),
        propertyDependencies,
        provider: req.getProvider() === "" ? undefined : req.getProvider(),
        options: {
            protect: req.getProtect(),
            retainOnDelete: req.getRetainondelete(),
            deleteBeforeReplace: req.getDeletebeforereplace(),
            ignoreChanges: req.getIgnorechangesList(),
            additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
            ...(req.getImportid() === "" ? {} : { importId: req.getImportid() }),
        },
        version: req.getVersion() === "" ? undefined : req.getVersion(),
        pluginDownloadURL: req.getPlugindownloadurl() === "" ? undefined : req.getPlugindownloadurl(),
        packageRef: req.getPackageref() === "" ? undefined : req.getPackageref(),
    };
}

export { projectName, unknownPlaceholder };

/**
 * Runs the compiled Pulumi program for a stack under `pulumi.runtime.setMocks`, as `pulumi preview` would run it
 * inside the stack resource, and records every resource registration the engine would receive.
 *
 * Runs are queued: one program runs at a time per process (the Pulumi runtime's state is global).
 */
export async function runProgram(options: RunProgramOptions): Promise<ProgramRun> {
    const { projectDir, stack } = options;
    const config = options.config ?? readStackFile(projectDir, stack);
    const programPath = options.programPath ?? path.join(projectDir, "dist", "index.js");
    if (!fs.existsSync(programPath)) {
        // Another project's Pulumi.yaml (or this one's, unbuilt): its compiled program is not there to run.
        throw new UsageError(
            `no compiled program at ${programPath}: the offline run loads the project's compiled program, so build the project first (npm run build)`,
        );
    }
    // The provider refuses a Region it does not know before it creates anything: so does the offline run.
    const regionProblem = awsRegionProblem(config.values);
    if (regionProblem !== undefined) {
        return { stack, resources: [], outputs: {}, error: new StackConfigError([regionProblem]) };
    }
    const run = await runUnderMocks({ stack, config, preview: options.preview }, async () => {
        delete require.cache[require.resolve(programPath)];
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the program is loaded like the CLI loads it
        return require(programPath) as unknown;
    });
    return run;
}

/** Options of {@link runUnderMocks}. */
export interface RunUnderMocksOptions {
    /** Stack name. @default "test" */
    stack?: string;
    /** Stack configuration. @default none */
    config?: StackFileConfig;
    /** Run as a preview. @default false */
    preview?: boolean;
}

/**
 * Runs `body` (a program, or code that constructs components) inside a stack resource under the offline mocks and
 * records every resource registration. Tests of single components use this directly.
 */
export function runUnderMocks(options: RunUnderMocksOptions, body: () => Promise<unknown>): Promise<ProgramRun> {
    // The Pulumi runtime's state is global to the process: concurrent runs would mix their resources.
    const run = lastRun.then(() => runUnderMocksAlone(options, body));
    lastRun = run.catch(() => undefined);
    return run;
}

let lastRun: Promise<unknown> = Promise.resolve();

async function runUnderMocksAlone(options: RunUnderMocksOptions, body: () => Promise<unknown>): Promise<ProgramRun> {
    const stack = options.stack ?? "test";
    const config = options.config ?? { values: {}, secretKeys: new Set<string>() };
    const region = config.values["aws:region"] ?? "us-east-1";

    pulumi.runtime.setAllConfig(config.values, [...config.secretKeys]);
    await pulumi.runtime.setMocks(offlineMocks(region), projectName, stack, options.preview ?? false);
    // The mock monitor only passes type, name and inputs to the mocks; the engine also sees parents,
    // dependencies and options, which the policy pack and the resource tree need.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- internal API, not in the typings
    const { getStore } = require("@pulumi/pulumi/runtime/state") as {
        getStore: () => { settings: { monitor: { registerResource: (req: unknown, cb: unknown) => unknown } } };
    };
    const monitor = getStore().settings.monitor;
    const registerResource = monitor.registerResource.bind(monitor);
    const resources: RecordedResource[] = [];
    monitor.registerResource = (req: unknown, cb: unknown) => {
        resources.push(record(req as RegisterResourceRequestLike, stack, projectName));
        return registerResource(req, cb);
    };
    // The mock monitor answers a package registration with a fixed reference and keeps nothing of the request.
    const packages: RegisteredPackage[] = [];
    const mockMonitor = monitor as unknown as { registerPackage(req: unknown, cb: unknown): unknown };
    const registerPackage = mockMonitor.registerPackage.bind(mockMonitor);
    mockMonitor.registerPackage = (req: unknown, cb: unknown) => {
        const r = req as RegisterPackageRequestLike;
        const parameterization = r.getParameterization();
        packages.push({
            baseProviderName: r.getName(),
            baseProviderVersion: r.getVersion(),
            baseProviderDownloadUrl: r.getDownloadUrl(),
            packageName: parameterization?.getName() ?? "",
            packageVersion: parameterization?.getVersion() ?? "",
            parameter: Buffer.from(parameterization?.getValue_asU8() ?? []).toString("utf8"),
        });
        return registerPackage(req, cb);
    };

    const errors: Error[] = [];
    const onRejection = (reason: unknown) => errors.push(reason instanceof Error ? reason : new Error(String(reason)));
    process.on("unhandledRejection", onRejection);
    let outputs: Record<string, unknown> = {};
    try {
        const stackOutputs = await pulumi.runtime.runInPulumiStack(body);
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- internal API, not in the typings
        const { waitForRPCs } = require("@pulumi/pulumi/runtime/settings") as { waitForRPCs: () => Promise<void> };
        await waitForRPCs();
        const found = { secret: false };
        outputs = (plainValue(await serializeOutputs(stackOutputs ?? {}), found) ?? {}) as Record<string, unknown>;
    } catch (err) {
        errors.push(err instanceof Error ? err : new Error(String(err)));
    } finally {
        // The runtime rejects the program's promise once more after it settles; catch that too before letting go.
        await new Promise((resolve) => setTimeout(resolve, 0));
        process.off("unhandledRejection", onRejection);
    }
    return { stack, resources, outputs: errors.length > 0 ? {} : outputs, error: errors[0], packages };
}

/** Stack outputs in wire format, so secrets are recognisable and can be masked. */
async function serializeOutputs(outputs: Record<string, unknown>): Promise<unknown> {
    return serializeProperties("outputs", outputs, { keepOutputValues: false });
}
