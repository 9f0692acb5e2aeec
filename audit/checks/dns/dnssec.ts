import { validateZone, zoneSignatures, type SignatureSeen } from "../../dnssec";
import type { AuditCheckModule, AuditContext, AuditTarget, CheckResult } from "../../types";
import { result } from "./result";

/** Below this much time to expiry a signature is worth a warning (CHECKS.md dnssec.sig_expiry). */
export const SIG_EXPIRY_WARN_DAYS = 7;

const METHOD_SELF = "validated by launch-ready: DS ↔ DNSKEY ↔ RRSIG with dns-packet and node:crypto";
const METHOD_AD = "the AD bit of the resolver (this DNS client cannot fetch signatures)";

function judgeExpiry(zone: string, sigs: readonly SignatureSeen[], now: Date): CheckResult {
  const own = sigs.filter((s) => s.signer === zone);
  if (own.length === 0) return result("dnssec.sig_expiry", "skip", `no signatures by ${zone} to check`);
  const soonest = own.reduce((a, b) => (b.expiresAt < a.expiresAt ? b : a));
  const days = (soonest.expiresAt * 1000 - now.getTime()) / 86_400_000;
  const evidence = { zone, soonest: `RRSIG ${soonest.covers} key ${soonest.keyTag} expires ${soonest.expiration}`, signatures: own.map((s) => `${s.covers} ${s.keyTag} ${s.inception}..${s.expiration}`), daysLeft: Math.round(days * 10) / 10 };
  if (days <= 0) return result("dnssec.sig_expiry", "fail", `the RRSIG over ${zone} ${soonest.covers} expired at ${soonest.expiration}`, evidence);
  if (days <= SIG_EXPIRY_WARN_DAYS) return result("dnssec.sig_expiry", "warn", `the RRSIG over ${zone} ${soonest.covers} expires in ${evidence.daysLeft} days (${soonest.expiration})`, evidence);
  return result("dnssec.sig_expiry", "pass", `signatures of ${zone} are valid for ${evidence.daysLeft} more days (soonest ${soonest.expiration})`, evidence);
}

async function byAdBit(target: AuditTarget, ctx: AuditContext): Promise<CheckResult[]> {
  const soa = await ctx.dns.query(target.name, "SOA");
  const noSigs = result("dnssec.sig_expiry", "skip", "needs the signatures, which this DNS client cannot fetch");
  if (soa.kind === "error") return [result("dnssec.chain", "error", `SOA ${target.name}: ${soa.reason}`, { method: METHOD_AD }), noSigs];
  if (soa.kind === "absent") return [result("dnssec.chain", "error", `${target.display} has no SOA (${soa.reason})`, { method: METHOD_AD }), noSigs];
  return [
    soa.authenticated
      ? result("dnssec.chain", "pass", `the resolver validated ${target.display} (AD bit set)`, { method: METHOD_AD, authenticated: true })
      : result("dnssec.chain", "warn", `the resolver did not validate ${target.display} (no AD bit): unsigned, or the resolver does not validate`, { method: METHOD_AD, authenticated: false }),
    noSigs,
  ];
}

export const dnssecModule: AuditCheckModule = {
  ids: ["dnssec.chain", "dnssec.sig_expiry"],
  async run(target, ctx) {
    const querySigned = ctx.dns.querySigned?.bind(ctx.dns);
    if (!querySigned) return byAdBit(target, ctx);
    const now = ctx.now();
    const chain = await validateZone(querySigned, target.name, ctx.dnssecTrustAnchors ?? [], now);
    const ad = await ctx.dns.query(target.name, "SOA");
    const evidence = { method: METHOD_SELF, zone: target.name, steps: [...chain.steps], resolverAuthenticated: ad.kind === "answer" ? ad.authenticated : null };
    const chainResult =
      chain.status === "secure"
        ? result("dnssec.chain", "pass", `DNSSEC validates for ${target.display}: ${chain.reason}`, evidence)
        : chain.status === "insecure"
          ? result("dnssec.chain", "warn", `${target.display} is not protected by DNSSEC: ${chain.reason}`, evidence)
          : chain.status === "bogus"
            ? result("dnssec.chain", "fail", `DNSSEC is broken (bogus) for ${target.display}: ${chain.reason}`, evidence)
            : result("dnssec.chain", "error", `could not validate DNSSEC for ${target.display}: ${chain.reason}`, evidence);
    if (chain.status === "insecure") {
      // The common half-done setup: the zone is signed but the DS never reached the registrar (RFC 4035 §5.2).
      const keys = await querySigned(target.name, "DNSKEY");
      if (keys.kind === "answer" && keys.records.some((r) => r.type === "DNSKEY")) {
        return [
          result("dnssec.chain", "warn", `${target.display} is signed (it publishes DNSKEY) but its parent has no DS for it, so no resolver validates it: publish the DS at the registrar`, {
            ...evidence,
            publishesDnskey: true,
          }),
          result("dnssec.sig_expiry", "skip", `${target.display} is not validated by anyone until its DS is published (see dnssec.chain)`),
        ];
      }
      return [chainResult, result("dnssec.sig_expiry", "skip", `${target.display} is not signed (see dnssec.chain)`)];
    }
    const sigs = await zoneSignatures(querySigned, target.name);
    if (!sigs.ok) return [chainResult, result("dnssec.sig_expiry", "error", `could not read the signatures: ${sigs.reason}`)];
    return [chainResult, judgeExpiry(target.name, sigs.signatures, now)];
  },
};
