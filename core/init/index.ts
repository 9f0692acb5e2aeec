/** `launch-ready init`: from a live domain's observations to a starting stack file. Pure: no I/O. */
export * from "./observed";
export * from "./annotated";
export * from "./cloudflare-edge";
export * from "./senders";
export * from "./dkim";
export * from "./email";
export * from "./web";
export * from "./stack";
export * from "./document";
