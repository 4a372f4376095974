import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/**
 * The HTTPS subscription of an alarm topic to an on-call integration's endpoint (Opsgenie's or JSM's "Amazon SNS"
 * integration), created as `${name}-subscription` under `parent`. The one place its settings live, so that the two
 * destinations cannot drift apart on the secret endpoint or the delivery format.
 *
 * `dependsOn` holds the integration's actions: notifications start flowing when the subscription is confirmed, and
 * the actions must be in place by then, or the first alarms meet no action (JSM) or the integration's default
 * actions (Opsgenie: raw JSON, no priority).
 */
export function integrationSubscription(
    name: string,
    topicArn: pulumi.Input<string>,
    endpoint: pulumi.Input<string>,
    parent: pulumi.Resource,
    dependsOn: pulumi.Resource[],
): aws.sns.TopicSubscription {
    return new aws.sns.TopicSubscription(
        `${name}-subscription`,
        {
            topic: topicArn,
            protocol: "https",
            // Secret whatever the engine does with the integration's outputs: the URL holds the integration's key.
            endpoint: pulumi.secret(endpoint),
            // The integration confirms the subscription itself, and Pulumi waits for that instead of leaving it
            // pending: "Whether the endpoint is capable of auto confirming subscription (e.g., PagerDuty)" (Pulumi AWS
            // provider, aws.sns.TopicSubscription, `endpointAutoConfirms`).
            endpointAutoConfirms: true,
            // The integration reads the SNS envelope (its Message field, which the actions' filters test); raw delivery
            // would drop it: for HTTP/S endpoints "the message has been published without JSON formatting" and only
            // "the message body, client IP, and the required headers are delivered" ("Amazon SNS raw message delivery",
            // https://docs.aws.amazon.com/sns/latest/dg/sns-large-payload-raw-message-delivery.html). That the
            // integrations read `Message` is inferred from their filters, not from a page of Opsgenie's or JSM's.
            rawMessageDelivery: false,
        },
        { parent, additionalSecretOutputs: ["endpoint"], dependsOn },
    );
}
