import { StackFileConfig, readStackFile, secretPlaceholder } from "./stackFile";

/**
 * Secrets a stack needs once a destination is on, by the key that turns it on. A stack file may leave them unset:
 * each operator sets them with `pulumi config set --secret` in their own checkout or CI, never in the repository.
 */
const secretsRequiredWhenEnabled: Record<string, string> = {
    "trailwatch:jsmApiToken": "trailwatch:jsmEnabled",
    "trailwatch:opsgenieApiKey": "trailwatch:opsgenieEnabled",
};

/**
 * The offline check never decrypts or needs a secret's value, so a required secret that the stack file does not set
 * is stood in for (as a `secure:` value is: the placeholder, marked secret) and reported as a notice instead of
 * failing the check. Under the real `pulumi up`/`preview` there is no stand-in: the program's configuration check
 * rejects the stack with the key and the `pulumi config set --secret` command to run.
 */
export function standInForUnsetSecrets(
    config: StackFileConfig,
    stack: string,
): { config: StackFileConfig; notices: string[] } {
    const values = { ...config.values };
    const secretKeys = new Set(config.secretKeys);
    const notices: string[] = [];
    for (const [secret, enabledBy] of Object.entries(secretsRequiredWhenEnabled)) {
        if (values[enabledBy] !== "true" || secret in values) continue;
        values[secret] = secretPlaceholder;
        secretKeys.add(secret);
        notices.push(
            `${secret} is not set in stacks/Pulumi.${stack}.yaml: checked with a stand-in; before \`pulumi up\`, run \`pulumi config set --secret ${secret} <value> --stack ${stack}\``,
        );
    }
    return { config: { values, secretKeys }, notices };
}

/** A stack file as offline tools read it: `readStackFile`, then {@link standInForUnsetSecrets}. */
export function readStackFileOffline(projectDir: string, stack: string): StackFileConfig {
    return standInForUnsetSecrets(readStackFile(projectDir, stack), stack).config;
}
