import * as assert from "assert";
import { unknownValue } from "../../../policy/lib/knownValues";
import { cloudtrailCloudWatchLogs } from "../../../policy/policies";
import { trailFixture } from "../../fixtures/policyResources";
import { validateResource } from "../policyHarness";

describe("policy cloudtrail-cloudwatch-logs-delivery", () => {
    it("accepts a trail delivering to a log group through a role", async () => {
        assert.deepStrictEqual(await validateResource(cloudtrailCloudWatchLogs, trailFixture()), []);
    });

    it("accepts ARNs that are unknown until the log group and role exist (preview)", async () => {
        const trail = trailFixture();
        trail.props.cloudWatchLogsGroupArn = unknownValue;
        trail.props.cloudWatchLogsRoleArn = unknownValue;
        assert.deepStrictEqual(await validateResource(cloudtrailCloudWatchLogs, trail), []);
    });

    it("rejects a trail that does not deliver to CloudWatch Logs", async () => {
        const trail = trailFixture();
        delete trail.props.cloudWatchLogsGroupArn;
        delete trail.props.cloudWatchLogsRoleArn;
        assert.deepStrictEqual(await validateResource(cloudtrailCloudWatchLogs, trail), [
            'Trail "audit-trail" does not deliver to CloudWatch Logs, so no metric filter or alarm sees its events: ' +
                'set cloudWatchLogsGroupArn (the log group\'s ARN followed by ":*") and cloudWatchLogsRoleArn (a role ' +
                "CloudTrail may assume to write there).",
        ]);
    });

    it("rejects a log group without a role", async () => {
        const trail = trailFixture();
        trail.props.cloudWatchLogsRoleArn = "";
        assert.deepStrictEqual(await validateResource(cloudtrailCloudWatchLogs, trail), [
            'Trail "audit-trail" sets cloudWatchLogsGroupArn without cloudWatchLogsRoleArn: set ' +
                "cloudWatchLogsRoleArn to a role CloudTrail may assume to write to the log group.",
        ]);
    });

    it("rejects a role without a log group", async () => {
        const trail = trailFixture();
        delete trail.props.cloudWatchLogsGroupArn;
        assert.deepStrictEqual(await validateResource(cloudtrailCloudWatchLogs, trail), [
            'Trail "audit-trail" sets cloudWatchLogsRoleArn without cloudWatchLogsGroupArn: set ' +
                'cloudWatchLogsGroupArn to the log group\'s ARN followed by ":*".',
        ]);
    });
});
