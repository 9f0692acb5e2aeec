import { ACM_CAA_ISSUER, CLOUDFLARE_CAA_ISSUERS } from "../../expected/platform";
import type { AuditCheckModule, AuditContext, AuditTarget, CaaRecord, CheckResult } from "../../types";
import { KNOWN_TAGS, caaProblems, caaText, issuerDomain } from "./caa-syntax";
import { caaDomainsForIssuer } from "./issuer";
import { result } from "./result";

type RelevantSet =
  | { readonly kind: "found"; readonly at: string; readonly records: readonly CaaRecord[]; readonly climbed: readonly string[] }
  | { readonly kind: "none"; readonly climbed: readonly string[] }
  | { readonly kind: "error"; readonly reason: string; readonly climbed: readonly string[] };

/**
 * RFC 8659 §3: the relevant RRset is the CAA RRset at the name, else at its parent, and so on up to (not
 * including) the root. A lookup that fails part-way leaves the answer unknown: an error, never "absent".
 */
export async function relevantCaaSet(name: string, ctx: AuditContext): Promise<RelevantSet> {
  const labels = name.split(".");
  const climbed: string[] = [];
  for (let i = 0; i < labels.length; i++) {
    const at = labels.slice(i).join(".");
    climbed.push(at);
    const r = await ctx.dns.query(at, "CAA");
    if (r.kind === "error") return { kind: "error", reason: r.reason, climbed };
    if (r.kind === "answer" && r.records.length > 0) return { kind: "found", at, records: r.records, climbed };
  }
  return { kind: "none", climbed };
}

async function liveIssuer(target: AuditTarget, ctx: AuditContext): Promise<{ issuer: string } | { error: string }> {
  const h = await ctx.tls.handshake(target.name, 443);
  if (h.kind !== "connected") return { error: `${target.name}:443: ${h.reason}` };
  const leaf = h.chain[0];
  return leaf ? { issuer: leaf.issuer } : { error: `${target.name}:443 sent no certificate` };
}

export const caaModule: AuditCheckModule = {
  ids: ["caa.present", "caa.syntax", "caa.issuer_match"],
  async run(target, ctx) {
    const set = await relevantCaaSet(target.name, ctx);
    if (set.kind === "error") {
      const why = `CAA lookup failed: ${set.reason}`;
      return [
        result("caa.present", "error", why, { climbed: set.climbed }),
        result("caa.syntax", "error", why),
        result("caa.issuer_match", "error", why),
      ];
    }
    if (set.kind === "none") {
      return [
        result("caa.present", "warn", `no CAA record at ${target.display} or any parent: any CA may issue for it`, { climbed: set.climbed }),
        result("caa.syntax", "skip", "no CAA records to check"),
        result("caa.issuer_match", "skip", "no CAA records: every CA may issue (see caa.present)"),
      ];
    }
    const records = set.records.map(caaText);
    const out: CheckResult[] = [
      result("caa.present", "pass", `CAA at ${set.at}: ${records.join(", ")}`, { at: set.at, records, climbed: set.climbed }),
    ];
    const problems = caaProblems(set.records);
    const worst = problems.some((p) => p.severity === "fail") ? "fail" : problems.length > 0 ? "warn" : "pass";
    out.push(
      result("caa.syntax", worst, worst === "pass" ? `${records.length} CAA record(s) at ${set.at} are well formed` : problems.map((p) => p.message).join("; "), {
        at: set.at,
        records,
        problems: problems.map((p) => `${p.severity}: ${p.message}`),
      }),
    );
    out.push(await issuerMatch(target, ctx, set.at, set.records));
    return out;
  },
};

async function issuerMatch(target: AuditTarget, ctx: AuditContext, at: string, records: readonly CaaRecord[]): Promise<CheckResult> {
  // RFC 8659 §4.2: a relevant set with no property that restricts issuance (only iodef, say) restricts no CA. An
  // unknown critical tag still forbids every CA (§4.1), so it falls through to the "not allowed" verdict below.
  const restricts = records.some((r) => r.tag.toLowerCase() === "issue" || ((r.flags & 0x80) !== 0 && !KNOWN_TAGS.has(r.tag.toLowerCase())));
  if (!restricts) {
    return result("caa.issuer_match", "pass", `CAA at ${at} has no issue property, so it restricts no CA for ${target.display} (RFC 8659 §4.2)`, { at, records: records.map(caaText), restricts: false });
  }
  // Only `issue` governs non-wildcard certificates; an empty value forbids every CA (RFC 8659 §4.2-4.3).
  const allowed = [...new Set(records.filter((r) => r.tag.toLowerCase() === "issue").map((r) => issuerDomain(r.value)).filter((d) => d !== ""))];
  const platform = ctx.expected ? [...ctx.expected.caaIssuers] : [...CLOUDFLARE_CAA_ISSUERS, ACM_CAA_ISSUER];
  const cloudflareCas: readonly string[] = CLOUDFLARE_CAA_ISSUERS;
  const cloudflare = platform.filter((p) => cloudflareCas.includes(p));
  const others = platform.filter((p) => !cloudflare.includes(p));
  const problems: string[] = [];
  // Cloudflare picks among its CAs, so one allowed is enough; every other platform CA must be allowed itself.
  if (cloudflare.length > 0 && !cloudflare.some((c) => allowed.includes(c))) problems.push(`none of Cloudflare's CAs (${cloudflare.join(", ")}) is allowed`);
  for (const o of others) if (!allowed.includes(o)) problems.push(`${o} is not allowed`);
  const live = await liveIssuer(target, ctx);
  const evidence = { at, allowed, platform, liveIssuer: "issuer" in live ? live.issuer : null, liveIssuerError: "error" in live ? live.error : null };
  if ("issuer" in live) {
    const domains = caaDomainsForIssuer(live.issuer);
    if (domains.length > 0 && !domains.some((d) => allowed.includes(d))) {
      problems.unshift(`the live certificate's CA (${live.issuer}; CAA ${domains.join(" or ")}) is not allowed, so it cannot renew`);
    }
    if (problems.length > 0) return result("caa.issuer_match", "fail", `CAA at ${at}: ${problems.join("; ")}`, evidence);
    const liveNote = domains.length > 0 ? `the live CA (${domains[0]}) and` : `the live CA (${live.issuer}) is not one we can map to a CAA domain; check it by hand;`;
    return result("caa.issuer_match", "pass", `CAA at ${at} allows ${liveNote} the platform CAs`, evidence);
  }
  if (problems.length > 0) return result("caa.issuer_match", "fail", `CAA at ${at}: ${problems.join("; ")}`, evidence);
  return result("caa.issuer_match", "error", `CAA allows the platform CAs, but the live certificate could not be read (${live.error})`, evidence);
}
