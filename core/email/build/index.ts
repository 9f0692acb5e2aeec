export * from "./senders";
export * from "./plan";
