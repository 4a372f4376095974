export * from "./ast";
export * from "./filterPatternError";
export * from "./formatFilterPattern";
export * from "./limits";
export * from "./parseFilterPattern";
export * from "./validateFilterPattern";
export { splitSpaceDelimitedEvent } from "./evaluateSpaceDelimitedPattern";
// The evaluator's reading of a wildcard value, which the CLI's SQL translator must agree with.
export { WildcardText, compileWildcardString, parseWildcardText } from "./valueTests";
