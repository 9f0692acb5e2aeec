export { createDnsClient, type AuditDnsClient, type DnsClientOptions } from "./client";
export { formatResolver, parseResolverAddress, parseResolvConf, readSystemResolvers, type ResolverAddress } from "./resolver-address";
export { createLimiter, type Limiter } from "./limiter";
export { normaliseName } from "./records";
export { findZone, type ZoneLookup } from "./zone";
