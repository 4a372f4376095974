export * from "./ast";
export * from "./filterPatternError";
export * from "./formatFilterPattern";
export * from "./limits";
export * from "./parseFilterPattern";
export * from "./validateFilterPattern";
export { splitSpaceDelimitedEvent } from "./evaluateSpaceDelimitedPattern";
