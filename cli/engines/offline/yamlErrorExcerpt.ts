import { stackConfigKeys } from "../../../program/stackConfig";

/**
 * The excerpt shown with a YAML syntax error in a stack file, with secrets masked. The `yaml`
 * library's own message quotes the offending line (and, for some errors, the one before) as it
 * is: a plain-text API key or a `secure:` ciphertext on that line would be printed in CI logs.
 */

/** Keys whose value is a secret: those the configuration reference marks secret, and any named like one. */
const documentedSecretKeys = new Set(stackConfigKeys.filter((k) => k.secret).map((k) => k.key.toLowerCase()));
const secretLikeName = /(api[-_]?key|secret|token|password|passphrase|private[-_]?key|credential)/i;

/** `key: value` or `- key: value` on one line; the key may be quoted and carry a namespace. */
const keyValueLine = /^(\s*(?:-\s+)?)(["']?)([^"'\s:#][^"':#]*(?::[^"'\s:#][^"':#]*)?)\2(\s*:)(\s*)(.*)$/;

export const maskedValue = "[masked]";

function isSecretKey(key: string): boolean {
    const name = key.includes(":") ? key.slice(key.lastIndexOf(":") + 1) : key;
    return key === "secure" || documentedSecretKeys.has(name.toLowerCase()) || secretLikeName.test(name);
}

/** `key: value` pairs anywhere on a line, as in a flow map `{ secure: v1:... }`. */
const flowPair = /(["']?)([A-Za-z0-9_.:-]+)\1(\s*:\s+)("[^"]*"?|'[^']*'?|[^\s,}\]]+)/g;

function maskFlowPairs(line: string): string {
    return line.replace(flowPair, (pair: string, quote: string, key: string, colon: string) =>
        isSecretKey(key) ? `${quote}${key}${quote}${colon}${maskedValue}` : pair,
    );
}

/**
 * Masks the values of secret keys (and of every `secure:`) line by line. Works on text that does
 * not parse: a secret key's value is masked, and so is every line of a block under it (more
 * indented), which covers `secure:` under a secret key and multi-line scalars.
 */
export function maskSecretLines(lines: readonly string[]): string[] {
    const masked: string[] = [];
    let blockIndent = -1; // lines indented more than this belong to a secret key's value
    for (const line of lines) {
        const indent = line.length - line.trimStart().length;
        if (blockIndent >= 0 && (line.trim() === "" || indent > blockIndent)) {
            const inner = keyValueLine.exec(line);
            if (line.trim() === "") masked.push(line);
            else if (inner === null) masked.push(`${line.slice(0, indent)}${maskedValue}`);
            else
                masked.push(
                    `${inner[1]}${inner[2]}${inner[3]}${inner[2]}${inner[4]}${inner[6] === "" ? "" : ` ${maskedValue}`}`,
                );
            continue;
        }
        blockIndent = -1;
        const m = keyValueLine.exec(line);
        if (m === null || !isSecretKey(m[3])) {
            masked.push(maskFlowPairs(line));
            continue;
        }
        const [, lead, quote, key, colon, space, value] = m;
        masked.push(`${lead}${quote}${key}${quote}${colon}${value === "" ? "" : `${space}${maskedValue}`}`);
        blockIndent = indent;
    }
    return masked;
}

/**
 * The first line of a `yaml` parse error ("Nested mappings are not allowed ... at line 3, column
 * 30") and an excerpt of its own: the line before, the offending line and a caret, secrets masked.
 */
export function describeYamlError(text: string, err: Error & { linePos?: { line: number; col: number }[] }): string {
    const reason = err.message.split("\n")[0].replace(/:$/, "");
    const pos = err.linePos?.[0];
    if (pos === undefined) return reason;
    const lines = text.split(/\r?\n/);
    const first = Math.max(0, pos.line - 2);
    // Mask with the lines above in view, so a block under a secret key is recognised as such.
    const masked = maskSecretLines(lines.slice(0, pos.line));
    const shown = masked.slice(first, pos.line);
    const target = shown[shown.length - 1] ?? "";
    const caret = " ".repeat(Math.min(pos.col - 1, target.length)) + "^";
    return `${reason}:\n\n${shown.map((l) => `  ${l}`).join("\n")}\n  ${caret}\n`;
}
