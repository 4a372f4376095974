export * from "./stackConfig";
export * from "./stackConfigReader";
export * from "./trailConfig";
export * from "./configReference";
export * from "./opsgenieConfig";
export * from "./stackResourceNames";
export * from "./jsmConfig";
export { credentialControlCharacter } from "./onCallConfig";
export * from "./athenaConfig";
