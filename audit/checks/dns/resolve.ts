import { findZone } from "../../dns/zone";
import type { AuditCheckModule, AuditContext, AuditTarget, CheckResult, DnsLookup, Evidence } from "../../types";
import { result } from "./result";

/** Above this an apex answer counts as slow (docs/CHECKS.md, dns.resolve). */
export const SLOW_RESOLVE_MS = 1000;

type Lookups = { ns: DnsLookup<string>; soa: DnsLookup<{ mname: string; rname: string; serial: number }> };

function describe(queried: string, { ns, soa }: Lookups): Evidence {
  return {
    queried,
    ns: ns.kind === "answer" ? [...ns.records] : ns.reason,
    soa: soa.kind === "answer" ? soa.records.map((s) => `${s.mname} ${s.rname} ${s.serial}`) : soa.reason,
    elapsedMs: Math.max(ns.elapsedMs, soa.elapsedMs),
  };
}

async function nsAndSoa(name: string, ctx: AuditContext): Promise<Lookups> {
  const [ns, soa] = await Promise.all([ctx.dns.query(name, "NS"), ctx.dns.query(name, "SOA")]);
  return { ns, soa };
}

/** Both answered: pass, or warn when slow. `zone` differs from the name for a subdomain audited on its own. */
function answered(target: AuditTarget, zone: string, l: Lookups, evidence: Evidence): CheckResult {
  const ns = l.ns.kind === "answer" ? l.ns.records.join(", ") : "";
  const elapsed = Math.max(l.ns.elapsedMs, l.soa.elapsedMs);
  const subject = zone === target.name ? target.display : `${target.display} is in zone ${zone}, whose apex`;
  if (elapsed > SLOW_RESOLVE_MS) return result("dns.resolve", "warn", `${subject} answers NS and SOA, but slowly (${elapsed} ms > ${SLOW_RESOLVE_MS} ms)`, evidence);
  return result("dns.resolve", "pass", `${subject} answers NS (${ns}) and SOA in ${elapsed} ms`, evidence);
}

/**
 * `dns.resolve`: the name exists and its zone's apex answers NS and SOA. The name may be the apex or any name in the
 * zone (a subdomain audited on its own): its zone is found by walking up to the nearest SOA, and said. An NXDOMAIN
 * here gates every other check (see audit/run).
 */
export const resolveModule: AuditCheckModule = {
  ids: ["dns.resolve"],
  async run(target, ctx) {
    const own = await nsAndSoa(target.name, ctx);
    const evidence = { ...describe(target.name, own), zone: target.name };
    const { ns, soa } = own;
    if (ns.kind === "error" || soa.kind === "error") {
      const reasons = [ns, soa].flatMap((r) => (r.kind === "error" ? [r.reason] : []));
      // A validating resolver answers SERVFAIL for bogus DNSSEC; asked again with checking disabled (CD), an answer
      // (records, or a plain "no such type") proves the name is there and validation is what breaks it: for users
      // of validating resolvers it is down.
      if (reasons.some((r) => r.includes("SERVFAIL")) && ctx.dns.querySigned) {
        const unchecked = await ctx.dns.querySigned(target.name, "SOA");
        if (unchecked.kind === "answer" || (unchecked.kind === "absent" && unchecked.reason === "NODATA")) {
          return [
            result("dns.resolve", "fail", `${target.display} fails DNSSEC validation: validating resolvers answer SERVFAIL (it resolves only with checking disabled; see dnssec.chain)`, {
              ...evidence,
              validationFailure: true,
            }),
          ];
        }
      }
      return [result("dns.resolve", "error", `could not resolve ${target.display}: ${reasons.join("; ")}`, evidence)];
    }
    if ((ns.kind === "absent" && ns.reason === "NXDOMAIN") || (soa.kind === "absent" && soa.reason === "NXDOMAIN")) {
      return [result("dns.resolve", "fail", `${target.display} does not exist (NXDOMAIN)`, { ...evidence, nxdomain: true })];
    }
    if (ns.kind === "answer" && soa.kind === "answer") return [answered(target, target.name, own, evidence)];
    if (soa.kind === "answer") {
      // An apex (it holds the SOA) that answers no NS: a broken zone.
      return [result("dns.resolve", "fail", `${target.display} is a zone apex but answers no NS`, evidence)];
    }
    // Not an apex: the name exists (NODATA); find the zone it belongs to.
    const found = await findZone(ctx.dns, target.name);
    if (found.kind === "error") return [result("dns.resolve", "error", `${target.display} exists, but its zone could not be found: ${found.reason}`, { ...evidence, zone: null, walked: [...found.walked] })];
    const apex = await nsAndSoa(found.zone, ctx);
    const zoneEvidence: Evidence = { ...describe(target.name, own), zone: found.zone, walked: [...found.walked], apex: describe(found.zone, apex) };
    if (apex.ns.kind === "error" || apex.soa.kind === "error") {
      const reasons = [apex.ns, apex.soa].flatMap((r) => (r.kind === "error" ? [r.reason] : []));
      return [result("dns.resolve", "error", `${target.display} is in zone ${found.zone}, whose apex could not be resolved: ${reasons.join("; ")}`, zoneEvidence)];
    }
    if (apex.ns.kind === "answer" && apex.soa.kind === "answer") return [answered(target, found.zone, apex, zoneEvidence)];
    return [result("dns.resolve", "fail", `${target.display} is in zone ${found.zone}, whose apex answers no ${apex.ns.kind !== "answer" ? "NS" : "SOA"}`, zoneEvidence)];
  },
};
