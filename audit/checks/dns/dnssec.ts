/**
 * dnssec.chain and dnssec.sig_expiry on the live domain. The chain is validated here (I/O): the zone the audited
 * name belongs to (its apex, found by walking up: the name may be a subdomain), then every RRset the other checks
 * rely on (`relied-on.ts`), each with its own RRSIGs or, for an absence, its NSEC/NSEC3 proof. The verdict is the
 * judge's in core/judges/dns, the same the plan rule uses, so "signed, DS not yet published" reads the same before
 * and after apply.
 */
import { cannotTell } from "../../../core/judge";
import { judgeDnssecChain, type RrsetVerdicts } from "../../../core/judges/dns";
import { validateDomain, zoneSignatures, type RrsetCheck, type SignatureSeen } from "../../dnssec";
import { findZone } from "../../dns/zone";
import type { AuditCheckModule, AuditContext, AuditTarget, CheckResult, EvidenceValue } from "../../types";
import { fromVerdict } from "../verdict";
import { reliedOnRrsets, type ReliedOnRrset } from "./relied-on";
import { result } from "./result";

/** Below this much time to expiry a signature is worth a warning (docs/CHECKS.md, dnssec.sig_expiry). */
export const SIG_EXPIRY_WARN_DAYS = 7;

const METHOD_SELF = "validated by launch-ready: DS ↔ DNSKEY ↔ RRSIG, and NSEC/NSEC3 for absences, with dns-packet and node:crypto";
const METHOD_AD = "the AD bit of the resolver (this DNS client cannot fetch signatures)";

function judgeExpiry(zone: string, sigs: readonly SignatureSeen[], now: Date): CheckResult {
  const own = sigs.filter((s) => s.signer.replace(/\.$/, "") === zone);
  if (own.length === 0) return result("dnssec.sig_expiry", "skip", `no signatures by ${zone} to check`);
  const soonest = own.reduce((a, b) => (b.expiresAt < a.expiresAt ? b : a));
  const days = (soonest.expiresAt * 1000 - now.getTime()) / 86_400_000;
  const unique = [...new Set(own.map((s) => `${s.covers} ${s.owner} ${s.keyTag} ${s.inception}..${s.expiration}`))];
  const evidence = { zone, soonest: `RRSIG ${soonest.covers} ${soonest.owner} key ${soonest.keyTag} expires ${soonest.expiration}`, signatures: unique, daysLeft: Math.round(days * 10) / 10 };
  const what = `the RRSIG over ${soonest.covers} ${soonest.owner}`;
  if (days <= 0) return result("dnssec.sig_expiry", "fail", `${what} expired at ${soonest.expiration}`, evidence);
  if (days <= SIG_EXPIRY_WARN_DAYS) return result("dnssec.sig_expiry", "warn", `${what} expires in ${evidence.daysLeft} days (${soonest.expiration})`, evidence);
  return result("dnssec.sig_expiry", "pass", `signatures of ${zone} are valid for ${evidence.daysLeft} more days (soonest ${soonest.expiration}, ${soonest.covers} ${soonest.owner})`, evidence);
}

/** Without signatures: the resolver's AD bit on the zone's SOA and on every relied-on RRset that answered. */
async function byAdBit(target: AuditTarget, ctx: AuditContext): Promise<CheckResult[]> {
  const noSigs = result("dnssec.sig_expiry", "skip", "needs the signatures, which this DNS client cannot fetch");
  const zone = await findZone(ctx.dns, target.name);
  const evidence = { method: METHOD_AD, zone: zone.kind === "found" ? zone.zone : null };
  if (zone.kind === "error") return [fromVerdict("dnssec.chain", cannotTell(`the zone of ${target.display} could not be found: ${zone.reason}`), evidence), noSigs];
  const soa = await ctx.dns.query(zone.zone, "SOA");
  if (soa.kind === "error") return [fromVerdict("dnssec.chain", cannotTell(`SOA ${zone.zone}: ${soa.reason}`), evidence), noSigs];
  if (soa.kind === "absent") return [fromVerdict("dnssec.chain", cannotTell(`${zone.zone} has no SOA (${soa.reason})`), evidence), noSigs];
  let authenticated = soa.authenticated;
  const unauthenticated: string[] = [];
  if (authenticated) {
    for (const r of await reliedOnRrsets(target, ctx)) {
      const l = await ctx.dns.query(r.name, r.type);
      if (l.kind === "answer" && !l.authenticated) unauthenticated.push(`${r.type} ${r.name}`);
    }
    authenticated = unauthenticated.length === 0;
  }
  return [
    fromVerdict("dnssec.chain", judgeDnssecChain({ kind: "resolver", zone: zone.zone, authenticated }), { ...evidence, authenticated, ...(unauthenticated.length > 0 ? { unauthenticated } : {}) }),
    noSigs,
  ];
}

function describeRrset(r: RrsetCheck, by: string): EvidenceValue {
  return { rrset: `${r.type} ${r.name}`, status: r.status, zone: r.zone === "" ? "." : r.zone, usedBy: by, reason: r.reason };
}

export const dnssecModule: AuditCheckModule = {
  ids: ["dnssec.chain", "dnssec.sig_expiry"],
  async run(target, ctx) {
    const querySigned = ctx.dns.querySigned?.bind(ctx.dns);
    if (!querySigned) return byAdBit(target, ctx);
    const now = ctx.now();
    const relied: readonly ReliedOnRrset[] = await reliedOnRrsets(target, ctx);
    const v = await validateDomain(querySigned, target.name, relied, ctx.dnssecTrustAnchors ?? [], now);
    const zone = v.zone ?? target.name;
    const ad = await ctx.dns.query(zone, "SOA");
    const byOf = new Map(relied.map((r) => [`${r.type} ${r.name}`, r.by]));
    const rrsets: RrsetVerdicts = {
      checked: v.rrsets.length,
      bogus: v.rrsets.filter((r) => r.status === "bogus").map((r) => ({ rrset: `${r.type} ${r.name}`, reason: r.reason })),
      unreadable: v.rrsets.filter((r) => r.status === "error").map((r) => ({ rrset: `${r.type} ${r.name}`, reason: r.reason })),
    };
    const evidence = {
      method: METHOD_SELF,
      zone,
      ...(zone !== target.name ? { name: target.name } : {}),
      steps: [...new Set(v.chain.steps)],
      rrsets: v.rrsets.map((r) => describeRrset(r, byOf.get(`${r.type} ${r.name}`) ?? "")),
      resolverAuthenticated: ad.kind === "answer" ? ad.authenticated : null,
    };
    // The common half-done setup: the zone is signed but the DS never reached the registrar (RFC 4035 §5.2).
    let publishesDnskey: boolean | undefined;
    if (v.chain.status === "insecure") {
      const keys = await querySigned(zone, "DNSKEY");
      publishesDnskey = keys.kind === "answer" && keys.records.some((r) => r.type === "DNSKEY");
    }
    const chainResult = fromVerdict(
      "dnssec.chain",
      judgeDnssecChain({
        kind: "validated",
        zone,
        ...(zone !== target.name ? { name: target.display } : {}),
        status: v.chain.status,
        reason: v.chain.reason,
        rrsets,
        ...(publishesDnskey !== undefined ? { publishesDnskey } : {}),
      }),
      publishesDnskey === true ? { ...evidence, publishesDnskey } : evidence,
    );
    if (v.chain.status === "insecure") {
      return [
        chainResult,
        result("dnssec.sig_expiry", "skip", publishesDnskey === true ? `${zone} is not validated by anyone until its DS is published (see dnssec.chain)` : `${zone} is not signed (see dnssec.chain)`),
      ];
    }
    // Every RRSIG the zone made over what the audit read: the DNSKEY and SOA sets and each relied-on RRset.
    // zoneSignatures reads the DNSKEY and SOA RRSIGs whether or not they verify: an expired one is judged here too.
    const own = await zoneSignatures(querySigned, zone);
    if (!own.ok) return [chainResult, result("dnssec.sig_expiry", "error", `could not read the signatures: ${own.reason}`)];
    return [chainResult, judgeExpiry(zone, [...own.signatures, ...v.rrsets.flatMap((r) => r.signatures)], now)];
  },
};
