/**
 * The integration type of JSM Operations' "Amazon SNS" integration, as the API and the Terraform provider's `type`
 * attribute name it. JSM Operations kept Opsgenie's integration type names (the provider's own example uses
 * `AmazonSecurityHub`, Opsgenie's name for that integration); Opsgenie's Amazon SNS integration is `AmazonSns`.
 */
export const jsmSnsIntegrationType = "AmazonSns";

/**
 * The host of JSM Operations' integration endpoints, the same for every site and region: Atlassian's "Jira Service
 * Management ops REST API, Integration events" reference (developer.atlassian.com/cloud/jira/service-desk-ops/rest/v1/
 * api-group-integration-events) posts alerts to `https://api.atlassian.com/jsm/ops/integration/v2/alerts` with an
 * integration's API key.
 */
export const jsmIntegrationApiHost = "api.atlassian.com";

/**
 * The HTTPS endpoint an SNS topic is subscribed to so that a JSM Operations "Amazon SNS" integration receives its
 * notifications. It carries the integration's API key: treat the whole URL as a secret.
 *
 * JSM Operations serves the integrations Opsgenie served at `https://api.opsgenie.com/v1/json/<integration>` under
 * `https://api.atlassian.com/jsm/ops/integration/v1/json/<integration>?apiKey=<key>`: published integration code and
 * guides use that form for JSM's Azure, Google Stackdriver, PRTG, Zabbix, Zenoss and Splunk integrations (GitHub
 * code index, e.g. Terraform `service_uri = "https://api.atlassian.com/jsm/ops/integration/v1/json/azure?apiKey=…"`,
 * and `https://api.atlassian.com/jsm/ops/integration/v1/json/googlestackdriver?apiKey=<YOUR_API_KEY>`); the Amazon
 * SNS integration's path segment is `amazonsns`, as at Opsgenie. JSM's own "Integrate with Amazon SNS" page (which
 * shows the integration's URL after it is saved) was not available to cite here; compare the URL it shows with this
 * one before the first `pulumi up` (docs/on-call.md, "The endpoint").
 */
export function jsmSnsEndpoint(integrationApiKey: string): string {
    return `https://${jsmIntegrationApiHost}/jsm/ops/integration/v1/json/amazonsns?apiKey=${encodeURIComponent(integrationApiKey)}`;
}
