/**
 * A configuration value as it is quoted in an argument error: JSON (so a line break or a quote inside the value shows
 * as `\n` or `\"`, and cannot start what looks like another error line), cut after 39 characters (so a pasted
 * document is not repeated whole in the message). The cut is made in the value, before quoting, so it never splits an
 * escape (`\n`) or a character outside the Basic Multilingual Plane.
 */
export function quoteArgValue(value: unknown): string {
    const text = escapeLineSeparators(JSON.stringify(value) ?? String(value));
    if (text.length <= 42) return text;
    if (typeof value !== "string") return `${text.slice(0, 40)}… (${text.length} characters)`;
    const kept = escapeLineSeparators(JSON.stringify([...value].slice(0, 39).join("")));
    return `${kept.slice(0, -1)}…" (${value.length} characters)`;
}

/** JSON leaves U+2028, U+2029 (and U+0085) as they are, and terminals break lines at them: escaped too. */
function escapeLineSeparators(json: string): string {
    return json.replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
