// `@trailwatch/components/catalogue`: everything of the package that creates no Pulumi resource — the
// filter-pattern language, the rule catalogue, the alarm description format, the Opsgenie templates and alert
// preview, and the components' argument validation. It loads without the Pulumi and AWS SDKs (tens of
// milliseconds instead of most of a second), for tools that start often: the CLI, the policy pack, the backtest.
export * from "./filterPattern";
export * from "./rules";
export * from "./alarms/alarmDescription";
export * from "./alarms/securityAlarmsArgs";
export * from "./trail/auditTrailArgs";
export * from "./trail/retention";
export * from "./trail/trailLogGroupName";
export * from "./trail/trailPolicies";
export * from "./opsgenie/alarmIntegrationActions";
export * from "./opsgenie/alarmMessageTemplates";
export * from "./opsgenie/alertPreview";
export * from "./opsgenie/cloudWatchAlarmNotification";
export * from "./opsgenie/javaDateFormat";
export * from "./opsgenie/opsgenieRegion";
export * from "./opsgenie/opsgenieSnsIntegrationArgs";
export * from "./opsgenie/renderTemplate";
export * from "./opsgenie/snsNotification";
export * from "./opsgenie/templateError";
export * from "./opsgenie/templateParser";
export * from "./opsgenie/templateRegex";
export * from "./opsgenie/templateSyntax";
export * from "./jsm/jsmAlertPreview";
export * from "./jsm/jsmEndpoint";
export * from "./jsm/jsmIntegrationActions";
export * from "./jsm/jsmSnsIntegrationArgs";
