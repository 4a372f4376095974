export * from "./cloudTrailAthena";
