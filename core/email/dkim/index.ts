export * from "./parse";
