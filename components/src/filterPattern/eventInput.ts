/*
 * A log event reaches `matches` either as the message text or as an already-parsed JSON object (the
 * backtest has objects from CloudTrail files). Each form is converted to the other only when a
 * pattern needs it, and the last conversion is remembered: one event is usually tested against
 * many patterns in a row, so it is parsed or serialised once, not once per pattern.
 */

let lastText: string | undefined;
let lastTextAsJson: object | undefined;

/** The event as a JSON object, or undefined when its text is not a JSON object. */
export function eventAsJsonObject(event: string | object): object | undefined {
    if (typeof event !== "string") return isJsonObject(event) ? event : undefined;
    if (event === lastText) return lastTextAsJson;
    let parsed: object | undefined;
    if (startsLikeObject(event)) {
        try {
            const value: unknown = JSON.parse(event);
            parsed = isJsonObject(value) ? value : undefined;
        } catch {
            parsed = undefined;
        }
    }
    lastText = event;
    lastTextAsJson = parsed;
    return parsed;
}

let lastObject: object | undefined;
let lastObjectAsText = "";

/** The event's message text; an object is serialised as CloudTrail sends it to CloudWatch Logs, compact JSON. */
export function eventAsText(event: string | object): string {
    if (typeof event === "string") return event;
    if (event !== lastObject) {
        lastObjectAsText = JSON.stringify(event);
        lastObject = event;
    }
    return lastObjectAsText;
}

function isJsonObject(v: unknown): v is object {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Skips JSON.parse's exception path for the common case of a plain-text line. */
function startsLikeObject(s: string): boolean {
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c === 0x7b) return true; // {
        if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return false;
    }
    return false;
}
