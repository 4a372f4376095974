export * from "./alertRule";
export * from "./cisRules";
export * from "./ruleCatalogue";
export * from "./ruleParameters";
export * from "./teamRules";
export * from "./validateAlertRule";
