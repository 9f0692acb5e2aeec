export * from "./spec";
export * from "./vocabulary";
