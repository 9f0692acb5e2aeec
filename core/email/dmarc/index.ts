export * from "./parse";
export * from "./build";
export * from "./applied";
export * from "./org-domain";
