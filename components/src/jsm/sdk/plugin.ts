import * as pulumi from "@pulumi/pulumi";

// How the SDK that `pulumi package add terraform-provider atlassian/atlassian-operations` generates names and
// registers its package, reproduced so that state is identical and the swap to the generated SDK is an import
// change. Sources (read, not copied):
// - pulumi/pulumi-terraform-bridge `dynamic/info.go` (commit 59de6c661df1e7561e6ece7ad7f1c835c63010c4): the package
//   is named after the Terraform provider (`atlassian-operations`), versioned as the Terraform provider, tokens are
//   `<package>:index/<camelName>:<PascalName>`, and the schema's parameterization names the base provider
//   `terraform-provider` with the parameter `parameterize.Value` marshalled as JSON
//   (`dynamic/parameterize/value.go`: `{"remote":{"url":…,"version":…}}`, the URL as the OpenTofu registry
//   address, e.g. `registry.opentofu.org/hashicorp/random` in `dynamic/testdata/TestSchemaGeneration`).
// - pulumi/pulumi `pkg/codegen/nodejs/gen.go` (commit 1b5949891b3cefcb9974752b24a5ecef0acc86c8): a parameterized
//   package's `utilities.getPackage()` returns `runtime.registerPackage({ baseProviderName, baseProviderVersion,
//   baseProviderDownloadUrl, packageName, packageVersion, base64Parameter })`, and every resource passes it to the
//   `CustomResource` constructor as the package reference (after `dependency = false`).

/** The Pulumi package name: the Terraform provider's type name (`resp.TypeName` in the provider's `Metadata`). */
export const packageName = "atlassian-operations";

/**
 * The version of Atlassian's provider this binding is written against (registry release v1.1.9, repository
 * atlassian/terraform-provider-atlassian-operations at e85d0332f05635855941db2add370561458c1f5a). The generated
 * package carries the Terraform provider's version as its own.
 */
export const packageVersion = "1.1.9";

/** The registry address the `terraform-provider` plugin downloads the Terraform provider from. */
export const terraformProviderAddress = "registry.opentofu.org/atlassian/atlassian-operations";

/** The plugin that runs any Terraform provider: `pulumi-resource-terraform-provider`. */
export const baseProviderName = "terraform-provider";

/** The `terraform-provider` release that generates and serves the package (pulumi/pulumi-terraform-provider v1.1.3). */
export const baseProviderVersion = "1.1.3";

/** The parameterization value, as `parameterize.Value.Marshal()` writes it: which Terraform provider, which version. */
export const parameterValue = JSON.stringify({
    remote: { url: terraformProviderAddress, version: packageVersion },
});

/** The parameter as the generated SDK embeds it: base64 of the JSON value. */
export const base64Parameter = Buffer.from(parameterValue, "utf8").toString("base64");

/**
 * Registers the parameterized package with the engine and returns its reference, as the generated SDK's
 * `utilities.getPackage()`. The runtime caches the reference per deployment, so every resource shares one.
 */
export function getPackage(): Promise<string | undefined> {
    return pulumi.runtime.registerPackage({
        baseProviderName,
        baseProviderVersion,
        baseProviderDownloadUrl: "",
        packageName,
        packageVersion,
        base64Parameter,
    });
}

/**
 * Options every resource of the binding starts from, as `utilities.resourceOptsDefaults()`: the generated SDK's own
 * version. With a package reference the runtime sends the reference instead of a version.
 */
export function resourceOptsDefaults(): pulumi.ResourceOptions {
    return { version: packageVersion };
}
