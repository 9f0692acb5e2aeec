import { dmarcOrganizationalDomain, isDmarcRecord, parseDmarc, type DmarcParseResult } from "../../../core/email/dmarc";
import type { AuditContext, AuditTarget, EvidenceValue } from "../../types";
import { describeLookup } from "./dns";

/**
 * Where the DMARC policy for the domain comes from (RFC 7489 §6.6.3): the record at `_dmarc.<name>`, else the one at
 * `_dmarc.<organisational domain>` (§3.2, public suffix list); no name in between is asked (that tree walk is
 * DMARCbis's, RFC 9989). `shadowed` lists records at the name's own `_dmarc` that look like DMARC but are not
 * (`v=dmarc1`, text before `v=`): receivers discard them (step 2) and fall back to the organisational record.
 */
export type DmarcDiscovery =
  | {
      readonly kind: "found";
      readonly inherited: boolean;
      readonly domain: string;
      readonly orgDomain: string;
      readonly text: string;
      readonly parsed: DmarcParseResult;
      readonly shadowed: readonly string[];
      readonly evidence: EvidenceValue[];
    }
  | { readonly kind: "several"; readonly domain: string; readonly records: readonly string[]; readonly evidence: EvidenceValue[] }
  | { readonly kind: "not-dmarc"; readonly domain: string; readonly records: readonly string[]; readonly evidence: EvidenceValue[] }
  | { readonly kind: "none"; readonly orgDomain: string; readonly evidence: EvidenceValue[] }
  | { readonly kind: "error"; readonly reason: string; readonly evidence: EvidenceValue[] };

async function at(domain: string, ctx: AuditContext) {
  const name = `_dmarc.${domain}`;
  const lookup = await ctx.dns.query(name, "TXT");
  return { name, lookup, evidence: describeLookup("TXT", name, lookup) };
}

export async function discoverDmarc(target: AuditTarget, ctx: AuditContext): Promise<DmarcDiscovery> {
  const evidence: EvidenceValue[] = [];
  const orgDomain = dmarcOrganizationalDomain(target.name) ?? target.orgDomain;
  const candidates = orgDomain !== target.name ? [target.name, orgDomain] : [target.name];
  let shadowed: string[] = [];
  for (const domain of candidates) {
    const { lookup, evidence: e } = await at(domain, ctx);
    evidence.push(e);
    if (lookup.kind === "error") return { kind: "error", reason: `TXT _dmarc.${domain}: ${lookup.reason}`, evidence };
    const all = lookup.kind === "answer" ? lookup.records : [];
    const dmarc = all.filter(isDmarcRecord);
    const inherited = domain !== target.name;
    // Step 4: several records end discovery (no fallback to the organisational domain).
    if (dmarc.length > 1) return { kind: "several", domain, records: dmarc, evidence };
    const first = dmarc[0];
    if (first !== undefined) return { kind: "found", inherited, domain, orgDomain, text: first, parsed: parseDmarc(first), shadowed, evidence };
    // Records at _dmarc that are not DMARC (e.g. "v=dmarc1" or text before v=): the owner meant DMARC.
    const lookalike = all.filter((r) => /v\s*=\s*dmarc1/i.test(r));
    if (!inherited) shadowed = lookalike;
  }
  if (shadowed.length > 0) return { kind: "not-dmarc", domain: target.name, records: shadowed, evidence };
  return { kind: "none", orgDomain, evidence };
}
