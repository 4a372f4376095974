import { ResourceValidationPolicy } from "@pulumi/policy";
import { appliesToAction, asList, statementsOf } from "../lib/bucketPolicies";
import { Props, containsUnknown, knownObject, knownString, plainProps } from "../lib/knownValues";
import { resourceTypes } from "../lib/resourceTypes";

/** `"*"` or `{ AWS: "*" }`: the statement applies to every principal of every account. */
function appliesToEveryone(principal: unknown): boolean {
    if (principal === "*") return true;
    return asList(knownObject(principal)?.AWS).includes("*");
}

/** Global condition keys that bind who may call, or from which resource (IAM User Guide, "AWS global condition
 * context keys"); `aws:SecureTransport` and the like restrict how, not who, and leave the topic public. */
const callerKeys = [
    "aws:sourcearn",
    "aws:sourceaccount",
    "aws:sourceowner",
    "aws:principalaccount",
    "aws:principalorgid",
    "aws:principalarn",
];

/** True when some condition of the statement names one of {@link callerKeys}. */
function scopesCaller(statement: Props): boolean {
    return Object.values(knownObject(statement.Condition) ?? {}).some((keys) =>
        Object.keys(knownObject(keys) ?? {}).some((key) => callerKeys.includes(key.toLowerCase())),
    );
}

/**
 * The alert topic's policy lets CloudWatch alarms of this account publish and nobody else (DESIGN: "topic policy
 * lets only CloudWatch alarms of this account publish"). A statement allowing everyone (`Principal: "*"`) to
 * publish without a condition on the caller lets any AWS account send fake alerts to the on-call tool. Amazon SNS
 * Developer Guide, "Amazon SNS security best practices", "Ensure topics aren't publicly accessible": unless anyone
 * on the internet must be able to read or write the topic, it should not be accessible by everyone or by any
 * authenticated AWS user; avoid policies with the principal "*" and wildcards, name specific users instead.
 */
export const snsTopicNotPublic: ResourceValidationPolicy = {
    name: "sns-topic-not-public",
    description: "SNS topic policies must not let everyone publish without a condition on the caller.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: ["sns"],
    validateResource: (args, reportViolation) => {
        if (args.type !== resourceTypes.snsTopic && args.type !== resourceTypes.snsTopicPolicy) return;
        const policy = plainProps(args.props).policy;
        if (policy === undefined || policy === "" || containsUnknown(policy)) return;
        for (const [index, statement] of (statementsOf(policy) ?? []).entries()) {
            if (
                statement.Effect !== "Allow" ||
                !appliesToEveryone(statement.Principal) ||
                !appliesToAction(statement, "sns:Publish")
            ) {
                continue;
            }
            if (scopesCaller(statement)) continue;
            reportViolation(
                `${args.type === resourceTypes.snsTopic ? "Topic" : "Topic policy"} "${args.name}" lets everyone ` +
                    `publish (statement ${knownString(statement.Sid) ?? index + 1}: Principal "*" without a ` +
                    "condition on the caller), so anyone can send fake alerts: allow cloudwatch.amazonaws.com with an aws:SourceArn " +
                    "condition on this account's alarms instead (AlertTopic's topic policy does).",
            );
        }
    },
};
