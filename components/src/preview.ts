// `@trailwatch/components/preview`: what an alarm becomes before any is sent — the notification CloudWatch sends
// through SNS, the Opsgenie/JSM actions the integrations configure, the `{{…}}` template renderer, and the alert
// those actions make of a notification. Without the Pulumi and AWS SDKs, for `trailwatch check` and `render`.
//
// What belongs here, and only this: generating and reading alarm notifications, the integration actions as
// data, the template language, and the alert preview. The rule catalogue and the components' arguments are
// `@trailwatch/components/catalogue`; creating resources is `@trailwatch/components`.
export * from "./opsgenie/alarmIntegrationActions";
export * from "./opsgenie/alertPreview";
export * from "./opsgenie/cloudWatchAlarmNotification";
export * from "./opsgenie/javaDateFormat";
export * from "./opsgenie/renderTemplate";
export * from "./opsgenie/snsNotification";
export * from "./opsgenie/templateError";
export * from "./opsgenie/templateParser";
export * from "./opsgenie/templateRegex";
export * from "./opsgenie/templateSyntax";
export * from "./jsm/jsmAlertPreview";
export * from "./jsm/jsmIntegrationActions";
