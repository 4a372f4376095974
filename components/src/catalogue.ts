// `@trailwatch/components/catalogue`: the rule catalogue and what a stack's configuration is checked against,
// without the Pulumi and AWS SDKs (tens of milliseconds instead of most of a second), for tools that start often:
// the CLI, the policy pack, the backtest's worker threads.
//
// What belongs here, and only this:
// - the rule catalogue and its selection (`resolveAlertRules`, rule ids, defaults, limits);
// - the filter-pattern language the rules are written in (parse, validate, evaluate, format);
// - the alarm description a rule's alarm carries, and its severity marker (`[P1] ` … `[P5] `);
// - the components' arguments as plain data: their types, defaults (`auditTrailDefaults`), validation, and the
//   names derived from them (alarm names, the trail's log group) — what the program validates a stack against.
// Creating resources is `@trailwatch/components`; rendering the alert an alarm becomes (Opsgenie/JSM templates,
// CloudWatch's notification) is `@trailwatch/components/preview`. Nothing here may import a Pulumi resource.
export * from "./filterPattern";
export * from "./rules";
export * from "./alarms/alarmDescription";
export * from "./alarms/securityAlarmsArgs";
export * from "./trail/auditTrailArgs";
export * from "./trail/auditTrailDefaults";
export * from "./trail/retention";
export * from "./trail/trailLogGroupName";
export * from "./opsgenie/alarmMessageTemplates";
export * from "./opsgenie/opsgenieRegion";
export * from "./opsgenie/opsgenieSnsIntegrationArgs";
export * from "./opsgenie/quoteArgValue";
export * from "./jsm/jsmSnsIntegrationArgs";
