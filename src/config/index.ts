export * from "./stackConfig";
export * from "./stackConfigReader";
export * from "./trailConfig";
export * from "./configReference";
export * from "./opsgenieConfig";
export * from "./athenaConfig";
