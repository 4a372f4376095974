export * from "./awsCallError";
export * from "./drillCalls";
export * from "./drillIamPolicy";
export * from "./drillPlan";
export * from "./drillReport";
export * from "./opsgenieAlerts";
export * from "./patternJudge";
export * from "./runDrill";
