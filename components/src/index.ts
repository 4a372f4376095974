export * from "./trail";
export * from "./filterPattern";
export * from "./rules";
export * from "./alarms";
export * from "./notifications";
export * from "./opsgenie";
export * from "./jsm";
export * from "./athena";
