import { ResourceValidationPolicy } from "@pulumi/policy";
import { isUnknown, knownString, plainProps } from "../lib/knownValues";
import { resourceTypes } from "../lib/resourceTypes";

/** `alias/aws/sns`, `alias/aws/…` or the ARN of such an alias: a key AWS manages and whose policy nobody can edit. */
const awsManagedKey = /^(arn:[^:]+:kms:[^:]*:[^:]*:)?alias\/aws\//;

const useCustomerManagedKey =
    "set kmsMasterKeyId to a customer-managed KMS key whose key policy lets cloudwatch.amazonaws.com use " +
    "kms:Decrypt and kms:GenerateDataKey* (AlertTopic creates one).";

/**
 * CloudWatch alarms cannot publish to a topic encrypted with the AWS managed key `alias/aws/sns` (its key policy
 * cannot grant cloudwatch.amazonaws.com), and the notifications are dropped without an error anywhere.
 */
export const snsTopicCustomerManagedKey: ResourceValidationPolicy = {
    name: "sns-topic-customer-managed-key",
    description: "SNS topics must be encrypted with a customer-managed KMS key, not the AWS managed alias/aws/sns.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: ["sns", "kms"],
    validateResource: (args, reportViolation) => {
        if (args.type !== resourceTypes.snsTopic) return;
        const keyId = plainProps(args.props).kmsMasterKeyId;
        if (isUnknown(keyId)) return;
        const key = knownString(keyId) ?? "";
        if (key === "") {
            reportViolation(`Topic "${args.name}" is not encrypted: ${useCustomerManagedKey}`);
        } else if (awsManagedKey.test(key)) {
            reportViolation(
                `Topic "${args.name}" is encrypted with the AWS managed key ${key}, which CloudWatch alarms cannot ` +
                    `use, so their notifications are silently dropped: ${useCustomerManagedKey}`,
            );
        }
    },
};
