import * as assert from "assert";
import { unknownValue } from "../../../policy/lib/knownValues";
import { snsTopicCustomerManagedKey } from "../../../policy/policies";
import { topicFixture } from "../../fixtures/policyResources";
import { validateResource } from "../policyHarness";

const fix =
    "set kmsMasterKeyId to a customer-managed KMS key whose key policy lets cloudwatch.amazonaws.com use " +
    "kms:Decrypt and kms:GenerateDataKey* (AlertTopic creates one).";

function withKey(key: unknown) {
    const topic = topicFixture();
    topic.props.kmsMasterKeyId = key;
    return topic;
}

describe("policy sns-topic-customer-managed-key", () => {
    it("accepts a topic encrypted with a customer-managed key, by ARN or alias", async () => {
        assert.deepStrictEqual(await validateResource(snsTopicCustomerManagedKey, topicFixture()), []);
        assert.deepStrictEqual(
            await validateResource(snsTopicCustomerManagedKey, withKey("alias/trailwatch-alerts")),
            [],
        );
    });

    it("accepts a key that is unknown until it is created (preview)", async () => {
        assert.deepStrictEqual(await validateResource(snsTopicCustomerManagedKey, withKey(unknownValue)), []);
    });

    it("rejects the AWS managed key alias/aws/sns", async () => {
        assert.deepStrictEqual(await validateResource(snsTopicCustomerManagedKey, withKey("alias/aws/sns")), [
            'Topic "alerts-topic" is encrypted with the AWS managed key alias/aws/sns, which CloudWatch alarms cannot ' +
                `use, so their notifications are silently dropped: ${fix}`,
        ]);
    });

    it("rejects the AWS managed key given as an alias ARN", async () => {
        const key = "arn:aws:kms:eu-west-1:111122223333:alias/aws/sns";
        assert.deepStrictEqual(await validateResource(snsTopicCustomerManagedKey, withKey(key)), [
            `Topic "alerts-topic" is encrypted with the AWS managed key ${key}, which CloudWatch alarms cannot use, ` +
                `so their notifications are silently dropped: ${fix}`,
        ]);
    });

    it("rejects an unencrypted topic", async () => {
        const topic = topicFixture();
        delete topic.props.kmsMasterKeyId;
        assert.deepStrictEqual(await validateResource(snsTopicCustomerManagedKey, topic), [
            `Topic "alerts-topic" is not encrypted: ${fix}`,
        ]);
    });
});
