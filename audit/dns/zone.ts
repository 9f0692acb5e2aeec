/**
 * The zone a name belongs to: the nearest of the name and its ancestors whose SOA is at itself (RFC 1034 §4.2: a
 * zone's apex holds its SOA). An audited name need not be an apex: `app.acme.example` audited on its own belongs to
 * `acme.example`.
 */
import type { DnsClient } from "../types";
import { normaliseName } from "./records";

export type ZoneLookup =
  | { readonly kind: "found"; readonly zone: string; readonly walked: readonly string[] }
  | { readonly kind: "error"; readonly reason: string; readonly walked: readonly string[] };

export async function findZone(dns: DnsClient, name: string): Promise<ZoneLookup> {
  const labels = normaliseName(name).split(".");
  const walked: string[] = [];
  for (let i = 0; i < labels.length; i++) {
    const candidate = labels.slice(i).join(".");
    walked.push(candidate);
    if (dns.querySigned) {
      // Signed answers carry owner names: a CNAME's target's SOA is not the candidate's own.
      const soa = await dns.querySigned(candidate, "SOA");
      if (soa.kind === "error") return { kind: "error", reason: soa.reason, walked };
      if (soa.kind === "answer" && soa.records.some((r) => r.type === "SOA" && r.name === candidate)) return { kind: "found", zone: candidate, walked };
      continue;
    }
    const soa = await dns.query(candidate, "SOA");
    if (soa.kind === "error") return { kind: "error", reason: soa.reason, walked };
    if (soa.kind === "answer" && soa.records.length > 0) return { kind: "found", zone: candidate, walked };
  }
  return { kind: "error", reason: `no SOA at ${name} or any of its parents`, walked };
}
