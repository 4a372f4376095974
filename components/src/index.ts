export * from "./trail";
