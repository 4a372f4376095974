import * as pulumi from "@pulumi/pulumi";

/** Name of the official Opsgenie resource plugin (`pulumi-resource-opsgenie`), the package of every type token here. */
export const pluginName = "opsgenie";

/**
 * The plugin version this binding is written against: its schema is `shared/reference/opsgenie-provider-schema.json`.
 * Every resource of the binding asks the engine for exactly this version, as a generated SDK asks for its own package
 * version; `pulumi up` then installs the plugin by itself. The components package also declares it in the `pulumi`
 * block of its package.json, so the language host reports it among the program's required plugins before it runs.
 */
export const pluginVersion = "1.4.1";

/**
 * Options every resource of the binding starts from, as `utilities.resourceOptsDefaults()` of a generated SDK. No
 * `pluginDownloadURL`: the official plugin is served from Pulumi's default plugin host, like `@pulumi/opsgenie`'s.
 */
export function resourceOptsDefaults(): pulumi.ResourceOptions {
    return { version: pluginVersion };
}

/** The first environment variable of `names` that is set, as generated SDKs read provider defaults. */
export function getEnv(...names: string[]): string | undefined {
    for (const name of names) {
        const value = process.env[name];
        if (value) return value;
    }
    return undefined;
}
