import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { integrationSubscription } from "../notifications/integrationSubscription";
import { jsmIntegrationActions } from "./jsmIntegrationActions";
import { jsmSnsEndpoint, jsmSnsIntegrationType } from "./jsmEndpoint";
import { JsmSnsIntegrationArgs, resolveJsmSnsIntegrationArgs } from "./jsmSnsIntegrationArgs";
import * as jsm from "./sdk";

/** The logical-name suffix of each action, stable so that changing one action never renames another. */
function actionSuffix(type: string, name: string): string {
    const priority = /\[(P[1-5])\]$/.exec(name)?.[1];
    if (type === "create") return priority === undefined ? "create-untagged" : `create-${priority.toLowerCase()}`;
    return type;
}

/**
 * Alarms to Jira Service Management (JSM) Operations, as code: a JSM "Amazon SNS" API integration, its actions, and
 * the HTTPS subscription of the alarm topic to it. The successor of {@link OpsgenieSnsIntegration} (Opsgenie shuts
 * down on 2027-04-05): the alert is the same, from the same shared description (`alarmAlertActions`): the alarm's
 * name as message and alias, the description generated from a field list, the priority from the severity token,
 * a create on ALARM and a close on OK. Only the binding (Atlassian's `atlassian-operations` Terraform provider,
 * bridged by Pulumi's `terraform-provider` plugin) and the endpoint differ.
 *
 * - JSM adds default actions to a new integration; they are deleted (`deleteDefaultActions`), so that no default
 *   create (raw JSON, no priority) competes with these actions, which the provider cannot order.
 * - The subscription endpoint carries the integration's API key: it is a secret in inputs and in state. The
 *   Atlassian API token is a secret in the component's and the provider's inputs.
 * - The integration is managed through its own explicit provider (site, account, token), so one program can serve
 *   several sites and no ambient `atlassian-operations:` configuration is needed.
 */
export class JsmSnsIntegration extends pulumi.ComponentResource {
    /** The HTTPS subscription of the topic to the integration. Its endpoint is a secret. */
    public readonly subscription: aws.sns.TopicSubscription;

    /** ID of the JSM integration. */
    public readonly integrationId: pulumi.Output<string>;
    /** Name of the JSM integration. */
    public readonly integrationName: pulumi.Output<string>;
    /** ARN of the topic subscription. */
    public readonly subscriptionArn: pulumi.Output<string>;

    constructor(name: string, args: JsmSnsIntegrationArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validated before the component registers: bad arguments leave nothing half-created.
        const settings = resolveJsmSnsIntegrationArgs(name, args);
        // A component's arguments are recorded in state as its inputs: the token goes in as a secret, even if the
        // caller passed plain text.
        const apiToken = pulumi.secret(args.apiToken);
        super("trailwatch:index:JsmSnsIntegration", name, { ...args, apiToken }, opts);

        const provider = new jsm.Provider(
            `${name}-provider`,
            { cloudId: args.cloudId, domainName: args.siteDomain, emailAddress: args.userEmail, token: apiToken },
            { parent: this },
        );
        const viaProvider = { parent: this, provider };

        const integration = new jsm.ApiIntegration(
            `${name}-integration`,
            {
                name: settings.integrationName,
                type: jsmSnsIntegrationType,
                teamId: args.teamId,
                // The provider's default is false (a disabled integration): always say which.
                enabled: settings.enabled,
                deleteDefaultActions: true,
            },
            viaProvider,
        );

        const actions = jsmIntegrationActions(settings).map(
            (action) =>
                new jsm.IntegrationAction(
                    `${name}-${actionSuffix(action.type, action.name)}`,
                    { ...action, integrationId: integration.id },
                    viaProvider,
                ),
        );

        const endpoint = integration.apiKey.apply((key) => jsmSnsEndpoint(key));
        this.subscription = integrationSubscription(name, args.topicArn, endpoint, this, actions);

        this.integrationId = integration.id;
        this.integrationName = integration.name;
        this.subscriptionArn = this.subscription.arn;
        this.registerOutputs({
            integrationId: this.integrationId,
            integrationName: this.integrationName,
            subscriptionArn: this.subscriptionArn,
        });
    }
}
