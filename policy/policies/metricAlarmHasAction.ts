import { ResourceValidationPolicy } from "@pulumi/policy";
import { isUnknown, plainProps } from "../lib/knownValues";
import { resourceTypes } from "../lib/resourceTypes";

/** `arn:<partition>:sns:<region>:<account>:<topic>`. */
const snsTopicArn = /^arn:[^:]+:sns:[^:]*:[^:]*:[^:]+$/;

/** An alarm without an action changes colour in the console and tells nobody (Security Hub CloudWatch.15). */
export const metricAlarmHasAction: ResourceValidationPolicy = {
    name: "metric-alarm-has-action",
    description: "CloudWatch metric alarms must have actions enabled and an alarm action that notifies an SNS topic.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: ["cloudwatch", "securityhub:CloudWatch.15"],
    validateResource: (args, reportViolation) => {
        if (args.type !== resourceTypes.metricAlarm) return;
        const props = plainProps(args.props);
        if (props.actionsEnabled === false) {
            reportViolation(
                `Alarm "${args.name}" has its actions disabled (actionsEnabled is false): set actionsEnabled to true ` +
                    "so that the alarm notifies when it fires.",
            );
        }
        const actions = props.alarmActions;
        if (isUnknown(actions)) return;
        if (!Array.isArray(actions) || actions.length === 0) {
            reportViolation(
                `Alarm "${args.name}" has no alarm action, so nobody hears when it fires: set alarmActions to the ` +
                    "alert topic's ARN.",
            );
            return;
        }
        // Alarm actions are "EC2 actions", an "Autoscaling action", "Lambda actions", an "SNS notification action"
        // (arn:aws:sns:region:account-id:sns-topic-name) or Systems Manager actions (Amazon CloudWatch API Reference,
        // PutMetricAlarm, AlarmActions: "Valid values"). trailwatch's alert path to the on-call tool is the SNS topic
        // (DESIGN: alarm -> SNS topic -> Opsgenie/JSM); an alarm that only reboots an instance or runs a function
        // fires without anyone being told.
        if (!actions.some((a) => isUnknown(a) || (typeof a === "string" && snsTopicArn.test(a)))) {
            reportViolation(
                `Alarm "${args.name}" notifies no SNS topic (its alarm actions are ${actions.map((a) => JSON.stringify(a)).join(", ")}), ` +
                    "so nobody hears when it fires: add the alert topic's ARN to alarmActions.",
            );
        }
    },
};
