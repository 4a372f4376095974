import { drillLogStreamPrefix } from "./drillCalls";

/** Where the drill runs: the account and region of the stack, and its names. */
export interface DrillPolicyScope {
    partition?: string;
    region: string;
    accountId: string;
    logGroupName: string;
    alarmNamePrefix: string;
}

/** An IAM policy document. */
export interface PolicyDocument {
    Version: "2012-10-17";
    Statement: { Sid: string; Effect: "Allow"; Action: string[]; Resource: string | string[] }[];
}

/**
 * The least privilege `trailwatch drill` needs, from the Service Authorization Reference: `logs:TestMetricFilter` and
 * `cloudwatch:GetMetricData` take no resource (`*`); `logs:CreateLogStream` and `logs:PutLogEvents` act on a log
 * stream (`arn:…:log-group:<group>:log-stream:<stream>`), here only the drill's own streams of the trail's log group;
 * `cloudwatch:SetAlarmState` and `cloudwatch:DescribeAlarms` act on an alarm
 * (`arn:…:cloudwatch:<region>:<account>:alarm:<name>`), here only the stack's alarms (DescribeAlarms needs `*` only
 * for composite alarms, CloudWatch API Reference, DescribeAlarms; the stack's are metric alarms). The Opsgenie check
 * needs no AWS permission.
 */
export function drillIamPolicy(scope: DrillPolicyScope): PolicyDocument {
    const p = scope.partition ?? "aws";
    const at = `${scope.region}:${scope.accountId}`;
    return {
        Version: "2012-10-17",
        Statement: [
            { Sid: "JudgePatterns", Effect: "Allow", Action: ["logs:TestMetricFilter"], Resource: "*" },
            {
                Sid: "PutDrillEvents",
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                Resource: `arn:${p}:logs:${at}:log-group:${scope.logGroupName}:log-stream:${drillLogStreamPrefix}*`,
            },
            { Sid: "ReadRuleMetrics", Effect: "Allow", Action: ["cloudwatch:GetMetricData"], Resource: "*" },
            {
                Sid: "DrillAlarms",
                Effect: "Allow",
                Action: ["cloudwatch:DescribeAlarms", "cloudwatch:SetAlarmState"],
                Resource: `arn:${p}:cloudwatch:${at}:alarm:${scope.alarmNamePrefix}*`,
            },
        ],
    };
}
