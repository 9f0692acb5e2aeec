export * from "./plan-facts";
export * from "./planner";
export * from "./presets";
export * from "./request";
export * from "./fit";
export * from "./match";
