/**
 * Which DNS records a domain needs, as plain data: the web hosts (proxied, so the edge applies HTTPS, HSTS and
 * redirects) and the extra records from config. Pure, so the component, the tests and the scorecard agree.
 */
import type { DnsRecordType, DomainSpec, Origin } from "../../config/spec";
import { relativeName } from "./names";

export interface PlannedRecord {
  /** Stable key for the Pulumi resource name, unique within the domain: `www-cname`, `apex-a`, `mail-mx-2`. */
  readonly key: string;
  /** FQDN, A-labels. */
  readonly name: string;
  readonly type: DnsRecordType;
  readonly content: string;
  /** 1 = automatic (required for proxied records). */
  readonly ttl: number;
  readonly proxied: boolean;
  readonly priority?: number;
  /** Why the record exists, for the plan output. */
  readonly purpose: string;
}

export function planDomainRecords(domain: DomainSpec): PlannedRecord[] {
  const out: Omit<PlannedRecord, "key">[] = [];
  for (const host of domain.web?.hosts ?? []) {
    const isCanonical = host.name === domain.web?.canonicalHost;
    out.push({
      name: host.name,
      ...originRecord(host.origin),
      ttl: 1,
      proxied: true,
      purpose: isCanonical ? "canonical web host" : domain.web?.aliases.includes(host.name) ? "alias: redirects to the canonical host" : "web host",
    });
  }
  for (const r of domain.dnsRecords) {
    out.push({
      name: r.name,
      type: r.type,
      content: r.content,
      ttl: r.proxied ? 1 : r.ttl,
      proxied: r.proxied,
      ...(r.priority !== undefined ? { priority: r.priority } : {}),
      purpose: "declared in dns.records",
    });
  }
  return withKeys(domain.name, out);
}

function originRecord(origin: Origin): { type: DnsRecordType; content: string } {
  switch (origin.kind) {
    case "ipv4":
      return { type: "A", content: origin.value };
    case "ipv6":
      return { type: "AAAA", content: origin.value };
    case "hostname":
      // Cloudflare flattens a CNAME at the apex (RFC 1034 forbids it on the wire; the edge answers with A/AAAA).
      return { type: "CNAME", content: origin.value };
  }
}

function withKeys(zone: string, records: Omit<PlannedRecord, "key">[]): PlannedRecord[] {
  const counts = new Map<string, number>();
  return records.map((r) => {
    const rel = relativeName(r.name, zone);
    const base = `${rel === "@" ? "apex" : rel.replace(/\./g, "-")}-${r.type.toLowerCase()}`;
    const n = (counts.get(base) ?? 0) + 1;
    counts.set(base, n);
    return { key: n === 1 ? base : `${base}-${n}`, ...r };
  });
}
