import {
    AlertTopic,
    AuditTrail,
    CloudTrailAthena,
    JsmSnsIntegration,
    OpsgenieSnsIntegration,
    SecurityAlarms,
} from "@trailwatch/components";
import { loadStackConfig } from "./program/loadStackConfig";
import { stackAlarmNamePrefix, stackAlertKeyAlias, stackAlertTopicName } from "./program/stackResourceNames";
import * as aws from "@pulumi/aws";

// Validated as a whole before anything is registered: a bad key fails the program with every problem named.
const config = loadStackConfig();
const tags = config.trail.tags;

const audit = new AuditTrail("audit", config.trail);

const alerts = new AlertTopic("alerts", {
    topicName: stackAlertTopicName(config.stack),
    keyAlias: stackAlertKeyAlias(config.stack),
    tags,
});

// Alarms reach people through Opsgenie and/or its successor, Jira Service Management Operations (and from there
// Slack), as the stack enables them; with both on, the topic notifies both (how a team moves from one to the other).
if (config.opsgenie !== undefined) {
    new OpsgenieSnsIntegration("opsgenie", { ...config.opsgenie, topicArn: alerts.topicArn });
}
if (config.jsm !== undefined) {
    new JsmSnsIntegration("jsm", { ...config.jsm, topicArn: alerts.topicArn });
}

const alarms = new SecurityAlarms("alarms", {
    logGroupName: audit.logGroupName,
    rules: config.rules.enabledRules,
    alarmTopicArn: alerts.topicArn,
    // OK notifications go to the same topic, so that Opsgenie or JSM closes the alert when the alarm recovers.
    okActionArns: [alerts.topicArn],
    metricNamespace: config.rules.metricNamespace,
    namePrefix: stackAlarmNamePrefix(config.stack),
    tags,
});

// What `trailwatch backtest --engine athena` queries, when the stack opts in (`athenaEnabled`), named as the
// stack configuration names it so that the CLI finds it without reading stack outputs.
const athena =
    config.athena?.create === undefined
        ? undefined
        : new CloudTrailAthena("athena", {
              trailBucketName: audit.bucketName,
              accountId: aws.getCallerIdentityOutput({}).accountId,
              organizationId: config.trail.isOrganizationTrail ? config.trail.organizationId : undefined,
              accountIds: config.athena.create.accountIds,
              regions: config.athena.create.regions,
              databaseName: config.athena.database,
              tableName: config.athena.table,
              workgroupName: config.athena.workGroup,
              tags,
          });

export const trailArn = audit.trailArn;
export const bucketName = audit.bucketName;
export const bucketArn = audit.bucketArn;
export const logGroupName = audit.logGroupName;
export const logGroupArn = audit.logGroupArn;
export const cloudWatchLogsRoleArn = audit.roleArn;
export const alertTopicArn = alerts.topicArn;
export const alertKeyArn = alerts.keyArn;
export const alarmArns = alarms.alarmArns;
// What `backtest --engine athena` queries, with athenaEnabled; null otherwise (Pulumi warns about an undefined output).
export const athenaBacktest =
    athena === undefined
        ? null
        : {
              workgroup: athena.workgroupName,
              database: athena.databaseName,
              table: athena.tableName,
              outputLocation: athena.outputLocation,
          };
