export * from "./apiIntegration";
export * from "./integrationAction";
export * from "./provider";
export { pluginName, pluginVersion } from "./plugin";
export * as types from "./types";
