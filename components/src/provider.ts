import * as path from "path";
import { componentProviderHost, getPulumiComponents } from "@pulumi/pulumi/provider/experimental";
import * as trailwatch from "./index";

/** The Pulumi package name: component type tokens are `trailwatch:index:<Class>`. */
export const packageName = "trailwatch";

/** Every component class the package exports, as offered to other languages. */
export const components = getPulumiComponents(trailwatch);

/** The package directory: its `tsconfig.json` and `src/index.ts` are what the schema is generated from. */
export const packageDir = path.resolve(__dirname, "..");

// `pulumi package add <path to components>` runs this file (PulumiPlugin.yaml `main`) as the provider plugin that
// serves the components to Python, Go, YAML, .NET and Java programs.
if (require.main === module) {
    void componentProviderHost({ components, name: packageName, dirname: packageDir });
}
