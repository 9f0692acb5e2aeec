export * from "./types";
export * from "./parse";
export * from "./macro";
export * from "./evaluate";
export * from "./build";
