import { StackConfig, StackConfigError, readStackConfig } from "../../program";

/** Reads `values` as the `dev` stack's configuration, with the keys in `secretKeys` marked `secure:`. */
export function readDevStackConfig(values: Record<string, string>, secretKeys: string[] = []): StackConfig {
    return readStackConfig(values, new Set(secretKeys), "dev");
}

/**
 * The problems `readStackConfig` reports for `values` (the `dev` stack, `secretKeys` marked `secure:`), as
 * `key: message` lines in the order reported; `[]` when the configuration is accepted. Any other error is rethrown.
 */
export function stackConfigProblems(values: Record<string, string>, secretKeys: string[] = []): string[] {
    try {
        readDevStackConfig(values, secretKeys);
    } catch (err) {
        if (err instanceof StackConfigError) return err.problems.map((p) => `${p.key}: ${p.message}`);
        throw err;
    }
    return [];
}
