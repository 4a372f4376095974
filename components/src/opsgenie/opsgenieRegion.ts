/**
 * The Opsgenie instances: an account lives in one, and both its API and the SNS endpoint are served from that host
 * ("If using the EU instance of Opsgenie, the URL needs to be https://api.eu.opsgenie.com").
 */
export const opsgenieApiHosts = {
    us: "api.opsgenie.com",
    eu: "api.eu.opsgenie.com",
} as const;

/** `us` or `eu`. */
export type OpsgenieRegion = keyof typeof opsgenieApiHosts;

/** The regions, for messages and validation. */
export const opsgenieRegions = Object.keys(opsgenieApiHosts) as OpsgenieRegion[];

/** True when `region` names an Opsgenie instance. */
export function isOpsgenieRegion(region: string): region is OpsgenieRegion {
    return (opsgenieRegions as string[]).includes(region);
}

/**
 * The HTTPS endpoint an SNS topic is subscribed to so that an Opsgenie "Amazon SNS" integration receives its
 * notifications. It carries the integration's API key: treat the whole URL as a secret.
 */
export function opsgenieSnsEndpoint(region: OpsgenieRegion, integrationApiKey: string): string {
    return `https://${opsgenieApiHosts[region]}/v1/json/amazonsns?apiKey=${encodeURIComponent(integrationApiKey)}`;
}
