import { ResourceValidationPolicy } from "@pulumi/policy";
import { isUnknown, plainProps } from "../lib/knownValues";
import { resourceTypes } from "../lib/resourceTypes";

/** An alarm without an action changes colour in the console and tells nobody (Security Hub CloudWatch.15). */
export const metricAlarmHasAction: ResourceValidationPolicy = {
    name: "metric-alarm-has-action",
    description: "CloudWatch metric alarms must have actions enabled and at least one alarm action.",
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
        }
    },
};
