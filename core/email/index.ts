/** Email authentication logic: parsers, evaluators and builders. Pure: DNS is injected, nothing else is touched. */
export * from "./lookup";
export * from "./tag-list";
export * from "./spf";
export * from "./dmarc";
export * from "./dkim";
export * from "./mtasts";
export * from "./tlsrpt";
export * from "./build";
