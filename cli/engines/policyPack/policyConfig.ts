import { AnalyzerInfo, ConfigPropertySchema, EnforcementLevel, PolicyConfig } from "./analyzerClient";

/**
 * Policy pack configuration in the format of `pulumi preview --policy-pack-config <file>`: per policy name either
 * an enforcement level or an object with `enforcementLevel` and the policy's settings; the key `all` sets the
 * enforcement level of every policy.
 */
export type PolicyPackConfigFile = Record<string, unknown>;

/** A configuration key that names no policy or setting, or has a value the policy's schema rejects. */
export class PolicyConfigError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "PolicyConfigError";
    }
}

const levels: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

function checkLevel(key: string, value: unknown): EnforcementLevel {
    if (typeof value === "string" && (levels as string[]).includes(value)) return value as EnforcementLevel;
    throw new PolicyConfigError(`${key}: ${JSON.stringify(value)} is not an enforcement level (${levels.join(", ")})`);
}

/** Checks a setting against the (small) part of JSON schema the pack's settings use. */
function checkValue(key: string, value: unknown, schema: ConfigPropertySchema): void {
    const fail = (what: string) => {
        throw new PolicyConfigError(`${key}: ${JSON.stringify(value)} ${what}`);
    };
    switch (schema.type) {
        case "integer":
            if (!Number.isInteger(value)) fail("is not a whole number");
            break;
        case "number":
            if (typeof value !== "number") fail("is not a number");
            break;
        case "string":
        case "boolean":
            if (typeof value !== schema.type) fail(`is not a ${schema.type}`);
            break;
        case "array":
            if (!Array.isArray(value)) fail("is not a list");
            (value as unknown[]).forEach((item, i) => schema.items && checkValue(`${key}[${i}]`, item, schema.items));
            break;
    }
    if (schema.enum !== undefined && !schema.enum.includes(value)) {
        fail(`is not one of ${schema.enum.map((e) => JSON.stringify(e)).join(", ")}`);
    }
    if (schema.minimum !== undefined && typeof value === "number" && value < schema.minimum) {
        fail(`is less than ${schema.minimum}`);
    }
    if (schema.maximum !== undefined && typeof value === "number" && value > schema.maximum) {
        fail(`is more than ${schema.maximum}`);
    }
}

/**
 * The configuration to send with `Configure`, worked out as the Pulumi CLI does: every policy gets its own
 * enforcement level unless the file overrides it (`all` first, then the policy's entry), and its settings are the
 * schema defaults overlaid with the file's values. Unknown policies and settings, and values the schema rejects,
 * are errors naming the key, so a typo cannot silently leave a policy at its default.
 */
export function reconcilePolicyConfig(
    info: AnalyzerInfo,
    file: PolicyPackConfigFile = {},
): Record<string, PolicyConfig> {
    const policies = new Map(info.policies.map((p) => [p.name, p]));
    for (const key of Object.keys(file)) {
        if (key !== "all" && !policies.has(key)) {
            throw new PolicyConfigError(
                `${key}: not a policy of pack ${info.name} (policies: ${[...policies.keys()].join(", ")})`,
            );
        }
    }
    const all = file.all === undefined ? undefined : checkLevel("all", file.all);
    const config: Record<string, PolicyConfig> = {};
    for (const policy of info.policies) {
        const entry = file[policy.name];
        if (
            entry !== undefined &&
            typeof entry !== "string" &&
            (typeof entry !== "object" || entry === null || Array.isArray(entry))
        ) {
            throw new PolicyConfigError(`${policy.name}: expected an enforcement level or an object of settings`);
        }
        const settings: Record<string, unknown> =
            entry === undefined || typeof entry === "string" ? {} : { ...(entry as Record<string, unknown>) };
        let enforcementLevel = all ?? policy.enforcementLevel;
        if (typeof entry === "string") enforcementLevel = checkLevel(policy.name, entry);
        if (settings.enforcementLevel !== undefined) {
            enforcementLevel = checkLevel(`${policy.name}.enforcementLevel`, settings.enforcementLevel);
        }
        delete settings.enforcementLevel;
        const schema = policy.configSchema.properties;
        const properties: Record<string, unknown> = {};
        for (const [name, property] of Object.entries(schema)) {
            if (property.default !== undefined) properties[name] = property.default;
        }
        for (const [name, value] of Object.entries(settings)) {
            const property = schema[name];
            if (property === undefined) {
                const known = Object.keys(schema);
                throw new PolicyConfigError(
                    `${policy.name}.${name}: not a setting of this policy (${known.length === 0 ? "it has none besides enforcementLevel" : `settings: ${known.join(", ")}`})`,
                );
            }
            checkValue(`${policy.name}.${name}`, value, property);
            properties[name] = value;
        }
        for (const name of policy.configSchema.required) {
            if (properties[name] === undefined) throw new PolicyConfigError(`${policy.name}.${name}: is required`);
        }
        config[policy.name] = { enforcementLevel, properties };
    }
    return config;
}
