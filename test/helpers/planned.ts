/** Builds planned resources for rule tests, the way both runners hand them over. */
import type { PlannedResource } from "../../policy/resource";

let counter = 0;

export function planned(type: string, inputs: Record<string, unknown>, extra: Partial<PlannedResource> = {}): PlannedResource {
  const name = extra.name ?? `r${++counter}`;
  return {
    type,
    name,
    urn: `urn:pulumi:test::launch-ready::${type}::${name}`,
    inputs,
    propertyDependencies: {},
    options: { protect: false, ignoreChanges: [] },
    ...extra,
  };
}

export const ZONE = "0123456789abcdef0123456789abcdef";

export function record(name: string, type: string, content: string, more: Record<string, unknown> = {}): PlannedResource {
  return planned("cloudflare:index/dnsRecord:DnsRecord", { zoneId: ZONE, name, type, content, ttl: 1, ...more });
}
