export * from "./alarmDescription";
export * from "./securityAlarms";
export * from "./securityAlarmsArgs";
