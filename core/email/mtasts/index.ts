export * from "./record";
export * from "./policy";
export * from "./match";
