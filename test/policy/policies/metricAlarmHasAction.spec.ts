import * as assert from "assert";
import { unknownValue } from "../../../policy/lib/knownValues";
import { metricAlarmHasAction } from "../../../policy/policies";
import { alarmFixture } from "../../fixtures/policyResources";
import { validateResource } from "../policyHarness";

const noAction =
    'Alarm "alarms-cis-cloudwatch-1-root-usage" has no alarm action, so nobody hears when it fires: set ' +
    "alarmActions to the alert topic's ARN.";

describe("policy metric-alarm-has-action", () => {
    it("accepts an alarm notifying the alert topic", async () => {
        assert.deepStrictEqual(await validateResource(metricAlarmHasAction, alarmFixture()), []);
    });

    it("accepts a topic ARN that is unknown until the topic exists (preview)", async () => {
        const alarm = alarmFixture();
        alarm.props.alarmActions = [unknownValue];
        assert.deepStrictEqual(await validateResource(metricAlarmHasAction, alarm), []);
        alarm.props.alarmActions = unknownValue;
        assert.deepStrictEqual(await validateResource(metricAlarmHasAction, alarm), []);
    });

    it("rejects an alarm without actions", async () => {
        const alarm = alarmFixture();
        alarm.props.alarmActions = [];
        assert.deepStrictEqual(await validateResource(metricAlarmHasAction, alarm), [noAction]);
        delete alarm.props.alarmActions;
        assert.deepStrictEqual(await validateResource(metricAlarmHasAction, alarm), [noAction]);
    });

    it("rejects an alarm whose only actions notify no SNS topic (an EC2 action, a Lambda function)", async () => {
        const alarm = alarmFixture();
        alarm.props.alarmActions = [
            "arn:aws:automate:eu-west-1:ec2:reboot",
            "arn:aws:lambda:eu-west-1:111122223333:function:noop",
        ];
        assert.deepStrictEqual(await validateResource(metricAlarmHasAction, alarm), [
            'Alarm "alarms-cis-cloudwatch-1-root-usage" notifies no SNS topic (its alarm actions are ' +
                '"arn:aws:automate:eu-west-1:ec2:reboot", "arn:aws:lambda:eu-west-1:111122223333:function:noop"), ' +
                "so nobody hears when it fires: add the alert topic's ARN to alarmActions.",
        ]);
        alarm.props.alarmActions = [
            "arn:aws:automate:eu-west-1:ec2:reboot",
            "arn:aws-cn:sns:cn-north-1:111122223333:t",
        ];
        assert.deepStrictEqual(await validateResource(metricAlarmHasAction, alarm), []);
    });

    it("rejects an alarm with its actions disabled", async () => {
        const alarm = alarmFixture();
        alarm.props.actionsEnabled = false;
        assert.deepStrictEqual(await validateResource(metricAlarmHasAction, alarm), [
            'Alarm "alarms-cis-cloudwatch-1-root-usage" has its actions disabled (actionsEnabled is false): set ' +
                "actionsEnabled to true so that the alarm notifies when it fires.",
        ]);
    });
});
