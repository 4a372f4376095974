export * from "./cloudTrailTable";
export * from "./ruleCountQuery";
export * from "./sqlFunctions";
export * from "./translateFilterPattern";
