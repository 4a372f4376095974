export * from "./auditTrail";
export * from "./auditTrailArgs";
export * from "./retention";
export * from "./trailLogGroupName";
export * from "./trailPolicies";
