export * from "./alarmDescription";
export * from "./securityAlarms";
