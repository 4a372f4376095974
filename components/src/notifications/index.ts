export * from "./alertTopic";
