export * from "./jsmAlertPreview";
export * from "./jsmEndpoint";
export * from "./jsmIntegrationActions";
export * from "./jsmSnsIntegration";
export * from "./jsmSnsIntegrationArgs";
export * as jsm from "./sdk";
