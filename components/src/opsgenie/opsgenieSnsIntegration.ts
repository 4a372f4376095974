import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { integrationSubscription } from "../notifications/integrationSubscription";
import { alarmIntegrationActions } from "./alarmIntegrationActions";
import { opsgenieApiHosts, opsgenieSnsEndpoint } from "./opsgenieRegion";
import { OpsgenieSnsIntegrationArgs, resolveOpsgenieSnsIntegrationArgs } from "./opsgenieSnsIntegrationArgs";
import * as opsgenie from "./sdk";

/**
 * Alarms to Opsgenie, as code: an Opsgenie "Amazon SNS" API integration, its actions, and the HTTPS subscription of
 * the alarm topic to it.
 *
 * - The create actions turn a firing alarm into an alert whose message (title) is the alarm's name, whose
 *   description is generated from a field list (by default the alarm's description, account and region, instead
 *   of raw JSON in Slack), whose priority is the severity token the alarm description starts with (`[P1]` …
 *   `[P5]`, else `defaultPriority`), and whose alias is the alarm name (repeated notifications add to one alert).
 *   A close action closes the alert when the alarm is back to OK. Every extraction anchors on its own JSON key and
 *   stops at the end of the value (see `alarmFieldPattern`), so it does not break when CloudWatch adds keys.
 * - The subscription endpoint carries the integration's API key: it is a secret in inputs and in state.
 * - The integration is managed through its own explicit provider (`apiKey`, `region`), so one program can serve
 *   several Opsgenie accounts and no ambient `opsgenie:apiKey` configuration is needed.
 */
export class OpsgenieSnsIntegration extends pulumi.ComponentResource {
    /** The HTTPS subscription of the topic to the integration. Its endpoint is a secret. */
    public readonly subscription: aws.sns.TopicSubscription;

    /** ID of the Opsgenie integration. */
    public readonly integrationId: pulumi.Output<string>;
    /** Name of the Opsgenie integration. */
    public readonly integrationName: pulumi.Output<string>;
    /** ARN of the topic subscription. */
    public readonly subscriptionArn: pulumi.Output<string>;

    constructor(name: string, args: OpsgenieSnsIntegrationArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validated before the component registers: bad arguments leave nothing half-created.
        const settings = resolveOpsgenieSnsIntegrationArgs(name, args);
        // A component's arguments are recorded in state as its inputs: the key goes in as a secret, even if the
        // caller passed plain text.
        const apiKey = pulumi.secret(args.apiKey);
        super("trailwatch:index:OpsgenieSnsIntegration", name, { ...args, apiKey }, opts);

        const provider = new opsgenie.Provider(
            `${name}-provider`,
            { apiKey, apiUrl: opsgenieApiHosts[settings.region] },
            { parent: this },
        );
        const viaProvider = { parent: this, provider };

        const integration = new opsgenie.ApiIntegration(
            `${name}-integration`,
            {
                name: settings.integrationName,
                type: "AmazonSns",
                ownerTeamId: args.ownerTeamId,
                enabled: settings.enabled,
            },
            viaProvider,
        );

        const actions = alarmIntegrationActions(settings);
        const integrationActions = new opsgenie.IntegrationAction(
            `${name}-actions`,
            { integrationId: integration.id, creates: actions.creates, closes: actions.closes },
            viaProvider,
        );

        const endpoint = integration.apiKey.apply((key) => opsgenieSnsEndpoint(settings.region, key));
        this.subscription = integrationSubscription(name, args.topicArn, endpoint, this, [integrationActions]);

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
