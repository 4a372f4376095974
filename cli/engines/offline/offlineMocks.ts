import * as crypto from "crypto";
import * as pulumi from "@pulumi/pulumi";

/** The account the offline check pretends to deploy to (the AWS documentation's example account). */
export const offlineAccountId = "111122223333";

/**
 * The organization the offline check's account belongs to, as `organizations:DescribeOrganization` describes it:
 * another of the documentation's example accounts is its management account, so that an organization trail run
 * offline shows the trail ARN naming the management account, not the deploying (delegated administrator) one.
 */
export const offlineOrganization = { id: "o-exampleorgid1", managementAccountId: "444455556666" } as const;

/** Thrown when the program calls a provider function the offline check does not know: nothing passes silently. */
export class UnexpectedInvokeError extends Error {
    constructor(token: string) {
        super(
            `the offline check has no answer for the provider function ${token}; add it to cli/engines/offline/offlineMocks.ts`,
        );
        this.name = "UnexpectedInvokeError";
    }
}

/** A stable stand-in for a physical name that AWS or Pulumi auto-naming would generate. */
function autoName(name: string): string {
    return `${name}-${crypto.createHash("sha256").update(name).digest("hex").slice(0, 7)}`;
}

/**
 * Provider behaviour for running the program without a cloud: physical names, IDs and ARNs shaped like the real
 * ones (so policies and templates see realistic values), and the few provider functions the components call.
 * This does not prove AWS would accept the resources; the policy pack and the tests of exact inputs cover that.
 */
export function offlineMocks(region: string): pulumi.runtime.Mocks {
    const arn = (service: string, resource: string, scope: "regional" | "global" = "regional") =>
        `arn:aws:${service}:${scope === "regional" ? region : ""}:${scope === "regional" ? offlineAccountId : ""}:${resource}`;
    return {
        newResource(args: pulumi.runtime.MockResourceArgs): { id: string; state: Record<string, unknown> } {
            const inputs = args.inputs as Record<string, unknown>;
            const state: Record<string, unknown> = { ...inputs };
            switch (args.type) {
                case "aws:s3/bucket:Bucket": {
                    const bucket = (inputs.bucket as string | undefined) ?? autoName(args.name);
                    Object.assign(state, { bucket, arn: `arn:aws:s3:::${bucket}` });
                    return { id: bucket, state };
                }
                case "aws:cloudwatch/logGroup:LogGroup": {
                    const name = (inputs.name as string | undefined) ?? autoName(args.name);
                    Object.assign(state, { name, arn: arn("logs", `log-group:${name}`) });
                    return { id: name, state };
                }
                case "aws:iam/role:Role": {
                    const name = (inputs.name as string | undefined) ?? autoName(args.name);
                    const iamArn = `arn:aws:iam::${offlineAccountId}:role/${name}`;
                    Object.assign(state, { name, arn: iamArn, uniqueId: `AROA${name.length}EXAMPLE` });
                    return { id: name, state };
                }
                case "aws:cloudtrail/trail:Trail": {
                    const name = (inputs.name as string | undefined) ?? autoName(args.name);
                    // An organization trail belongs to the management account, whichever account created it.
                    const owner =
                        inputs.isOrganizationTrail === true
                            ? offlineOrganization.managementAccountId
                            : offlineAccountId;
                    Object.assign(state, { name, arn: `arn:aws:cloudtrail:${region}:${owner}:trail/${name}` });
                    return { id: name, state };
                }
                case "aws:sns/topic:Topic": {
                    const name = (inputs.name as string | undefined) ?? autoName(args.name);
                    const topicArn = arn("sns", name);
                    Object.assign(state, { name, arn: topicArn });
                    return { id: topicArn, state };
                }
                case "aws:kms/key:Key": {
                    const keyId = stableUuid(args.name);
                    Object.assign(state, { keyId, arn: arn("kms", `key/${keyId}`) });
                    return { id: keyId, state };
                }
                case "aws:kms/alias:Alias": {
                    Object.assign(state, { arn: arn("kms", String(inputs.name)) });
                    return { id: String(inputs.name), state };
                }
                case "aws:cloudwatch/metricAlarm:MetricAlarm": {
                    const name = (inputs.name as string | undefined) ?? autoName(args.name);
                    Object.assign(state, { name, arn: arn("cloudwatch", `alarm:${name}`) });
                    return { id: name, state };
                }
                case "aws:sns/topicSubscription:TopicSubscription": {
                    const subscriptionArn = `${String(inputs.topic)}:${stableUuid(args.name)}`;
                    Object.assign(state, { arn: subscriptionArn });
                    return { id: subscriptionArn, state };
                }
                // Providers and JSM's integration action: an opaque id, stable per resource name.
                case "pulumi:providers:opsgenie":
                case "pulumi:providers:atlassian-operations":
                case "atlassian-operations:index/integrationAction:IntegrationAction":
                    return { id: stableUuid(args.name), state };
                case "opsgenie:index/apiIntegration:ApiIntegration": {
                    // Opsgenie computes the integration's key; the stand-in lets tests prove it never leaks.
                    Object.assign(state, { apiKey: offlineOpsgenieIntegrationKey(args.name) });
                    return { id: stableUuid(args.name), state };
                }
                case "opsgenie:index/integrationAction:IntegrationAction":
                    return { id: String(inputs.integrationId), state };
                case "atlassian-operations:index/apiIntegration:ApiIntegration": {
                    // JSM computes the integration's key, as Opsgenie does; the stand-in lets tests prove it never leaks.
                    Object.assign(state, { apiKey: offlineJsmIntegrationKey(args.name) });
                    return { id: stableUuid(args.name), state };
                }
                default: {
                    const name = (inputs.name as string | undefined) ?? autoName(args.name);
                    if (state.name === undefined && args.custom) state.name = name;
                    return { id: args.custom ? `${name}-id` : "", state };
                }
            }
        },
        call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
            switch (args.token) {
                case "aws:index/getCallerIdentity:getCallerIdentity":
                    return {
                        accountId: offlineAccountId,
                        arn: `arn:aws:iam::${offlineAccountId}:user/trailwatch-offline-check`,
                        userId: "AIDAEXAMPLEOFFLINECHECK",
                        id: offlineAccountId,
                    };
                case "aws:index/getPartition:getPartition":
                    return {
                        partition: "aws",
                        dnsSuffix: "amazonaws.com",
                        reverseDnsPrefix: "com.amazonaws",
                        id: "aws",
                    };
                case "aws:organizations/getOrganization:getOrganization": {
                    const org = offlineOrganization;
                    return {
                        id: org.id,
                        arn: `arn:aws:organizations::${org.managementAccountId}:organization/${org.id}`,
                        featureSet: "ALL",
                        masterAccountId: org.managementAccountId,
                        masterAccountArn: `arn:aws:organizations::${org.managementAccountId}:account/${org.id}/${org.managementAccountId}`,
                        masterAccountEmail: "management@example.com",
                        masterAccountName: "management",
                        accounts: [],
                        nonMasterAccounts: [],
                        roots: [],
                        awsServiceAccessPrincipals: [],
                        enabledPolicyTypes: [],
                    };
                }
                case "aws:index/getRegions:getRegions":
                    // The regions enabled by default in a new account, and the stack's own.
                    return { names: [...new Set([...offlineEnabledRegions, region])].sort(), id: "aws" };
                case "aws:index/getRegion:getRegion":
                    return { region, name: region, endpoint: `ec2.${region}.amazonaws.com`, id: region };
                default:
                    throw new UnexpectedInvokeError(args.token);
            }
        },
    };
}

/** The regions `aws.getRegions` answers offline: those AWS enables by default in a new account (AWS General Reference, "AWS Regions"). */
export const offlineEnabledRegions = [
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-south-1",
    "ap-southeast-1",
    "ap-southeast-2",
    "ca-central-1",
    "eu-central-1",
    "eu-north-1",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "sa-east-1",
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
];

/**
 * The API key the offline check's Opsgenie stands in for an integration's computed key (UUID-shaped, like a real
 * one), derived from the integration resource's name. It is a secret in a real deployment: nothing the check prints
 * may contain it.
 */
export function offlineOpsgenieIntegrationKey(resourceName: string): string {
    return stableUuid(`opsgenie-integration-key:${resourceName}`);
}

/** The API key the offline check's JSM stands in for an integration's computed key (see the Opsgenie one). */
export function offlineJsmIntegrationKey(resourceName: string): string {
    return stableUuid(`jsm-integration-key:${resourceName}`);
}

/** A UUID-shaped identifier derived from a name, so repeated runs print the same values. */
function stableUuid(name: string): string {
    const h = crypto.createHash("sha256").update(name).digest("hex");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
