import { ConfigKeyDoc, StackConfigReader } from "./stackConfigReader";

/**
 * What the Opsgenie and JSM readers share: each integration has an `<x>Enabled` key that switches its other keys
 * on, and a component validator whose problems name component arguments, which the stack reports under config keys.
 */

/**
 * Reads `enabledKey` (default false). When false, every other key of `keys` that is set is a problem: it would
 * create nothing, and a user who set it expects an integration (`product` names it in the message).
 */
export function readIntegrationEnabled(
    reader: StackConfigReader,
    enabledKey: string,
    keys: readonly ConfigKeyDoc[],
    product: string,
): boolean {
    const enabled = reader.boolean(enabledKey, false);
    if (!enabled) {
        for (const { key } of keys) {
            if (key === enabledKey || !reader.has(key)) continue;
            reader.fail(
                key,
                `is set but ${reader.fullKey(enabledKey)} is not true, so no ${product} integration is created; set ${reader.fullKey(enabledKey)}: true, or remove the key`,
            );
        }
    }
    return enabled;
}

/**
 * Reports a component validator's problems under the config key of each argument (`configKeyOfArg`; an argument
 * path such as `alertTags[1]` keeps its index), except those under a key of `skip`.
 */
export function reportArgProblems(
    reader: StackConfigReader,
    problems: readonly { arg: string; reason: string }[],
    configKeyOfArg: Readonly<Record<string, string>>,
    skip: ReadonlySet<string> = new Set(),
): void {
    for (const problem of problems) {
        const [arg, index] = problem.arg.split("[");
        const key = configKeyOfArg[arg] ?? arg;
        if (skip.has(key)) continue;
        reader.fail(`${key}${index === undefined ? "" : `[${index}`}`, problem.reason);
    }
}

/**
 * The first control character (C0 or DEL) in a credential, as `U+000A`; undefined when it has none. Shared by the
 * stack configuration (below) and `trailwatch drill`'s Opsgenie key, which both refuse one without quoting the value.
 */
export function credentialControlCharacter(value: string): string | undefined {
    // eslint-disable-next-line no-control-regex
    const control = /[\u0000-\u001f\u007f]/.exec(value);
    return control === null ? undefined : `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Reports a control character (a line break pasted with the value, a tab) in an on-call credential, without quoting
 * the value. The Opsgenie provider sends its key in the `Authorization: GenieKey <key>` header, and Go's `net/http`
 * refuses any request whose header value holds a control character other than a space or tab
 * (`golang.org/x/net/http/httpguts.ValidHeaderFieldValue`: `isCTL(b) && !isLWS(b)`), so every call of `pulumi up`
 * would fail after the AWS resources exist. The `atlassian-operations` provider sends its token inside HTTP basic
 * credentials, where such a character silently becomes part of the password. A tab is refused too: neither an
 * Opsgenie key nor an Atlassian API token is more than one word.
 */
export function reportCredentialControlCharacter(
    reader: StackConfigReader,
    key: string,
    value: string | undefined,
): void {
    const code = value === undefined || value.trim() === "" ? undefined : credentialControlCharacter(value);
    if (code === undefined) return;
    reader.fail(
        key,
        `has a control character (${code}), e.g. a line break pasted with it; set it again with \`pulumi config set --secret ${reader.fullKey(key)}\``,
    );
}
