import { opsgenieGetAlertUrl } from "./drillCalls";

/**
 * What the drill reads of an Opsgenie alert (Opsgenie "Alert API", Get Alert: the response's `data` carries `id`,
 * `alias`, `status` — `open` or `closed` —, `createdAt`, `lastOccurredAt`, `updatedAt`, among others).
 */
export interface OpsgenieAlert {
    id: string;
    alias?: string;
    status: string;
    createdAt?: string;
    lastOccurredAt?: string;
    updatedAt?: string;
}

/** Opsgenie answered something other than an alert or "no such alert"; the message never holds the key. */
export class OpsgenieApiError extends Error {
    constructor(
        message: string,
        readonly status?: number,
    ) {
        super(message);
        this.name = "OpsgenieApiError";
    }
}

/** Where and how to reach the Opsgenie Alert API. */
export interface OpsgenieClientOptions {
    /** `https://api.opsgenie.com`, `https://api.eu.opsgenie.com`, or a test server. */
    baseUrl: string;
    /** The API key of an Opsgenie API integration with read access; sent only in the Authorization header. */
    apiKey: string;
    signal?: AbortSignal;
}

/**
 * Gets an alert by alias or id (Opsgenie "Alert API", Get Alert: `GET /v2/alerts/:identifier?identifierType=...`,
 * header `Authorization: GenieKey <key>`). Resolves to undefined when Opsgenie has no such alert (HTTP 404). An alias
 * identifies the one open alert that has it ("there can be only one alert with open status with the same alias"), so
 * a closed alert is looked up by its id.
 */
export async function getOpsgenieAlert(
    options: OpsgenieClientOptions,
    identifier: string,
    identifierType: "alias" | "id",
): Promise<OpsgenieAlert | undefined> {
    const url = opsgenieGetAlertUrl(options.baseUrl, identifier, identifierType);
    let response: Response;
    try {
        response = await fetch(url, {
            headers: { Authorization: `GenieKey ${options.apiKey}`, Accept: "application/json" },
            signal: options.signal,
        });
    } catch (err) {
        if ((err as Error).name === "AbortError") throw err;
        // fetch quotes a header value it refuses (Node's undici: `Headers.append: "GenieKey <key>" is an invalid header
        // value.`, for a key with a line break or a NUL inside it): the key never reaches the message.
        throw new OpsgenieApiError(
            `cannot reach ${new URL(url).origin}: ${withoutKey((err as Error).message, options.apiKey)}`,
        );
    }
    if (response.status === 404) {
        await response.body?.cancel();
        return undefined;
    }
    const text = await response.text();
    if (response.status === 401 || response.status === 403) {
        throw new OpsgenieApiError(
            `Opsgenie refused the API key (HTTP ${response.status}): it must be the key of an API integration with read access, in the stack's Opsgenie instance`,
            response.status,
        );
    }
    if (response.status === 429) {
        // Opsgenie "Rate Limiting": a request over the rate limit of its domain (Alert, per minute and per second) is
        // "rejected with the HTTP status 429 - Too Many Requests"; the caller asks again at its next poll.
        throw new OpsgenieApiError(
            `Opsgenie answered HTTP 429 Too Many Requests to Get Alert (its rate limit): ${text.slice(0, 200)}`,
            429,
        );
    }
    if (!response.ok) {
        throw new OpsgenieApiError(
            `Opsgenie answered HTTP ${response.status} to Get Alert: ${text.slice(0, 200)}`,
            response.status,
        );
    }
    let data: unknown;
    try {
        data = (JSON.parse(text) as { data?: unknown }).data;
    } catch {
        throw new OpsgenieApiError(`Opsgenie's Get Alert answer is not JSON: ${text.slice(0, 200)}`);
    }
    const alert = data as Partial<OpsgenieAlert> | undefined;
    if (typeof alert?.id !== "string" || typeof alert.status !== "string") {
        throw new OpsgenieApiError(`Opsgenie's Get Alert answer has no alert id and status: ${text.slice(0, 200)}`);
    }
    return alert as OpsgenieAlert;
}

/** `text` with every occurrence of `key` (as given, and as fetch trims it) replaced by `[secret]`. */
function withoutKey(text: string, key: string): string {
    let masked = text;
    for (const form of [key, key.trim()]) if (form !== "") masked = masked.split(form).join("[secret]");
    return masked;
}
