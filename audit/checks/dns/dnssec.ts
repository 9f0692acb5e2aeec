/**
 * dnssec.chain and dnssec.sig_expiry on the live domain. The chain is validated here (I/O); the verdict is the
 * judge's in core/judges/dns, the same the plan rule uses, so "signed, DS not yet published" reads the same
 * before and after apply.
 */
import { cannotTell } from "../../../core/judge";
import { judgeDnssecChain } from "../../../core/judges/dns";
import { validateZone, zoneSignatures, type SignatureSeen } from "../../dnssec";
import type { AuditCheckModule, AuditContext, AuditTarget, CheckResult } from "../../types";
import { fromVerdict } from "../verdict";
import { result } from "./result";

/** Below this much time to expiry a signature is worth a warning (docs/CHECKS.md, dnssec.sig_expiry). */
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
  const evidence = { method: METHOD_AD };
  if (soa.kind === "error") return [fromVerdict("dnssec.chain", cannotTell(`SOA ${target.name}: ${soa.reason}`), evidence), noSigs];
  if (soa.kind === "absent") return [fromVerdict("dnssec.chain", cannotTell(`${target.display} has no SOA (${soa.reason})`), evidence), noSigs];
  return [fromVerdict("dnssec.chain", judgeDnssecChain({ kind: "resolver", zone: target.display, authenticated: soa.authenticated }), { ...evidence, authenticated: soa.authenticated }), noSigs];
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
    // The common half-done setup: the zone is signed but the DS never reached the registrar (RFC 4035 §5.2).
    let publishesDnskey: boolean | undefined;
    if (chain.status === "insecure") {
      const keys = await querySigned(target.name, "DNSKEY");
      publishesDnskey = keys.kind === "answer" && keys.records.some((r) => r.type === "DNSKEY");
    }
    const chainResult = fromVerdict(
      "dnssec.chain",
      judgeDnssecChain({ kind: "validated", zone: target.display, status: chain.status, reason: chain.reason, ...(publishesDnskey !== undefined ? { publishesDnskey } : {}) }),
      publishesDnskey === true ? { ...evidence, publishesDnskey } : evidence,
    );
    if (chain.status === "insecure") {
      return [
        chainResult,
        result("dnssec.sig_expiry", "skip", publishesDnskey === true ? `${target.display} is not validated by anyone until its DS is published (see dnssec.chain)` : `${target.display} is not signed (see dnssec.chain)`),
      ];
    }
    const sigs = await zoneSignatures(querySigned, target.name);
    if (!sigs.ok) return [chainResult, result("dnssec.sig_expiry", "error", `could not read the signatures: ${sigs.reason}`)];
    return [chainResult, judgeExpiry(target.name, sigs.signatures, now)];
  },
};
