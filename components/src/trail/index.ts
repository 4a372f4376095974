export * from "./auditTrail";
export * from "./retention";
