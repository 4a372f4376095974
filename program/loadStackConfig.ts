import * as pulumi from "@pulumi/pulumi";
import { StackConfig, readStackConfig } from "./stackConfig";

// Apart from the rest of program/, which tools load without the Pulumi SDK.

/** Reads the running stack's configuration from the Pulumi runtime (under the CLI or under mocks). */
export function loadStackConfig(): StackConfig {
    const values = pulumi.runtime.allConfig();
    // `isConfigSecret` is exported by the runtime but not declared in its typings.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const runtimeConfig = require("@pulumi/pulumi/runtime/config") as { isConfigSecret(key: string): boolean };
    const secretKeys = new Set(Object.keys(values).filter((k) => runtimeConfig.isConfigSecret(k)));
    return readStackConfig(values, secretKeys, pulumi.getStack());
}
