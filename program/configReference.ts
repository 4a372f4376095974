import { ConfigKeyDoc } from "./stackConfigReader";

/**
 * The configuration reference of docs/configuration.md (its `config-reference` section, written by `npm run docs`):
 * one table row per key, in the order the code declares them.
 */
export function configReferenceTable(namespace: string, keys: ConfigKeyDoc[]): string {
    const escape = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
    return [
        "| key | type | default | what it decides |",
        "| --- | --- | --- | --- |",
        ...keys.map(
            (k) =>
                `| \`${namespace}:${k.key}\`${k.secret ? " (secret)" : ""} | ${escape(k.type)} | ${escape(k.default)} | ${escape(k.description)} |`,
        ),
    ].join("\n");
}
