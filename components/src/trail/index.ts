export * from "./auditTrail";
export * from "./auditTrailArgs";
export * from "./auditTrailDefaults";
export * from "./retention";
export * from "./trailLogGroupName";
export * from "./trailPolicies";
