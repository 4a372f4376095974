export * from "./apiIntegration";
export * from "./integrationAction";
export * from "./provider";
export {
    packageName,
    packageVersion,
    baseProviderName,
    baseProviderVersion,
    terraformProviderAddress,
    parameterValue,
    base64Parameter,
} from "./plugin";
export * as types from "./types";
