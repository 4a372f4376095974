export * from "./trail";
export * from "./filterPattern";
