import { parseDmarc, isDmarcRecord, type DmarcParseResult } from "../../../core/email/dmarc";
import type { AuditContext, AuditTarget, EvidenceValue } from "../../types";
import { describeLookup } from "./dns";

/** Where the DMARC policy for the domain comes from (RFC 7489 §6.6.3: own record, else the organisational one). */
export type DmarcDiscovery =
  | { readonly kind: "found"; readonly inherited: boolean; readonly domain: string; readonly text: string; readonly parsed: DmarcParseResult; readonly evidence: EvidenceValue[] }
  | { readonly kind: "several"; readonly domain: string; readonly records: readonly string[]; readonly evidence: EvidenceValue[] }
  | { readonly kind: "not-dmarc"; readonly domain: string; readonly records: readonly string[]; readonly evidence: EvidenceValue[] }
  | { readonly kind: "none"; readonly evidence: EvidenceValue[] }
  | { readonly kind: "error"; readonly reason: string; readonly evidence: EvidenceValue[] };

async function at(domain: string, ctx: AuditContext) {
  const name = `_dmarc.${domain}`;
  const lookup = await ctx.dns.query(name, "TXT");
  return { name, lookup, evidence: describeLookup("TXT", name, lookup) };
}

export async function discoverDmarc(target: AuditTarget, ctx: AuditContext): Promise<DmarcDiscovery> {
  const evidence: EvidenceValue[] = [];
  const candidates = target.orgDomain !== target.name ? [target.name, target.orgDomain] : [target.name];
  for (const domain of candidates) {
    const { lookup, evidence: e } = await at(domain, ctx);
    evidence.push(e);
    if (lookup.kind === "error") return { kind: "error", reason: `TXT _dmarc.${domain}: ${lookup.reason}`, evidence };
    const all = lookup.kind === "answer" ? lookup.records : [];
    const dmarc = all.filter(isDmarcRecord);
    const inherited = domain !== target.name;
    if (dmarc.length > 1) return { kind: "several", domain, records: dmarc, evidence };
    const first = dmarc[0];
    if (first !== undefined) return { kind: "found", inherited, domain, text: first, parsed: parseDmarc(first), evidence };
    // Records at _dmarc that are not DMARC (e.g. "v=dmarc1" or text before v=): the owner meant DMARC.
    const lookalike = all.filter((r) => /v\s*=\s*dmarc1/i.test(r));
    if (lookalike.length > 0 && !inherited) return { kind: "not-dmarc", domain, records: lookalike, evidence };
  }
  return { kind: "none", evidence };
}
