import * as fs from "fs";
import * as path from "path";
import { getPulumiComponents } from "@pulumi/pulumi/provider/experimental";
import * as trailwatch from "./index";

/**
 * The directory `pulumi package add` is pointed at (`components/pulumi-package`): Pulumi's Node.js plugin runner
 * (`@pulumi/pulumi/cmd/run-plugin`) loads it and names the package after its package.json `name`.
 */
export const packageDir = path.resolve(__dirname, "..", "pulumi-package");

/**
 * The Pulumi package name, `trailwatch` (type tokens `trailwatch:index:<Class>`), derived from the plugin directory's
 * package.json as the runner derives it: the `name` without an npm scope, other characters than letters, digits, `-`
 * and `_` replaced by `-` (sdk/nodejs/cmd/run-plugin/run.ts in pulumi/pulumi).
 */
export const packageName = (
    JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8")) as { name: string }
).name
    .replace(/^@[^/]*\//, "")
    .replace(/[^-a-zA-Z0-9_]/g, "-");

/** Every component class the package exports, as offered to other languages. */
export const components = getPulumiComponents(trailwatch);
