import { readStackFile, StackFileConfig } from "../../cli/engines/offline/stackFile";
import { projectDir } from "./repositoryPaths";

/** Keys of the on-call integrations (Opsgenie, JSM): no policy or Athena resource depends on them, and their secrets are not needed offline. */
const onCallKey = /^trailwatch:(opsgenie|jsm)/i;

/** A repository stack's own configuration, without the on-call integration, plus `overrides`. */
export function stackConfigWithoutOnCall(stack: string, overrides: Record<string, string> = {}): StackFileConfig {
    const file = readStackFile(projectDir, stack);
    const values = Object.fromEntries(Object.entries(file.values).filter(([key]) => !onCallKey.test(key)));
    const secretKeys = new Set([...file.secretKeys].filter((key) => !onCallKey.test(key)));
    return { values: { ...values, ...overrides }, secretKeys };
}
