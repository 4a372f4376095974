/**
 * A configuration value as it is quoted in an argument error: JSON (so a line break or a quote inside the value shows
 * as `\n` or `\"`, and cannot start what looks like another error line), cut after 40 characters (so a pasted
 * document is not repeated whole in the message).
 */
export function quoteArgValue(value: unknown): string {
    // JSON leaves U+2028, U+2029 (and U+0085) as they are, and terminals break lines at them: escaped too.
    const text = (JSON.stringify(value) ?? String(value)).replace(
        /[\u0085\u2028\u2029]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
    if (text.length <= 42) return text;
    const characters = typeof value === "string" ? value.length : text.length;
    return `${text.slice(0, 40)}…" (${characters} characters)`;
}
