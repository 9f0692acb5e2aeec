import type { AuditCheckModule } from "../../types";
import { result } from "./result";

/** Above this an apex answer counts as slow (docs/CHECKS.md, dns.resolve). */
export const SLOW_RESOLVE_MS = 1000;

/** `dns.resolve`: the apex answers NS and SOA. An NXDOMAIN here gates every other check (see audit/run). */
export const resolveModule: AuditCheckModule = {
  ids: ["dns.resolve"],
  async run(target, ctx) {
    const [ns, soa] = await Promise.all([ctx.dns.query(target.name, "NS"), ctx.dns.query(target.name, "SOA")]);
    const evidence = {
      queried: target.name,
      ns: ns.kind === "answer" ? [...ns.records] : ns.reason,
      soa: soa.kind === "answer" ? soa.records.map((s) => `${s.mname} ${s.rname} ${s.serial}`) : soa.reason,
      elapsedMs: Math.max(ns.elapsedMs, soa.elapsedMs),
    };
    if (ns.kind === "error" || soa.kind === "error") {
      const reasons = [ns, soa].flatMap((r) => (r.kind === "error" ? [r.reason] : []));
      // A validating resolver answers SERVFAIL for bogus DNSSEC; asked again with checking disabled (CD), an answer
      // proves the zone is there and validation is what breaks it: for users of validating resolvers it is down.
      if (reasons.some((r) => r.includes("SERVFAIL")) && ctx.dns.querySigned) {
        const unchecked = await ctx.dns.querySigned(target.name, "SOA");
        if (unchecked.kind === "answer") {
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
    if (ns.kind === "absent" || soa.kind === "absent") {
      const missing = [ns.kind === "absent" ? "NS" : "", soa.kind === "absent" ? "SOA" : ""].filter(Boolean).join(" and ");
      return [result("dns.resolve", "fail", `${target.display} exists but answers no ${missing}: it is not a zone apex (audit the registered domain)`, evidence)];
    }
    if (evidence.elapsedMs > SLOW_RESOLVE_MS) {
      return [result("dns.resolve", "warn", `${target.display} answers NS and SOA, but slowly (${evidence.elapsedMs} ms > ${SLOW_RESOLVE_MS} ms)`, evidence)];
    }
    return [result("dns.resolve", "pass", `${target.display} answers NS (${ns.records.join(", ")}) and SOA in ${evidence.elapsedMs} ms`, evidence)];
  },
};
