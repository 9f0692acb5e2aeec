/**
 * caa.present, caa.syntax, caa.issuer_match on the live domain: this module only looks things up (the relevant CAA
 * set, the served certificate) and hands them to the judges in core/judges/dns, the same the plan rules use.
 */
import { type CaaSet, judgeCaaIssuerMatch, judgeCaaPresent, judgeCaaSyntax, type LiveCertificate, caaText } from "../../../core/judges/dns";
import type { AuditCheckModule, AuditContext, AuditTarget, CaaRecord, Evidence } from "../../types";
import { fromVerdict } from "../verdict";

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

/** The certificate served on 443: its issuer, and whether it is a wildcard (then `issuewild` governs it too). */
async function liveCertificate(target: AuditTarget, ctx: AuditContext): Promise<LiveCertificate> {
  const h = await ctx.tls.handshake(target.name, 443);
  if (h.kind !== "connected") return { kind: "unreadable", reason: `${target.name}:443: ${h.reason}` };
  const leaf = h.chain[0];
  if (!leaf) return { kind: "unreadable", reason: `${target.name}:443 sent no certificate` };
  return { kind: "read", issuer: leaf.issuer, wildcard: leaf.subjectAltNames.some((n) => n.replace(/^DNS:/i, "").startsWith("*.")) };
}

export const caaModule: AuditCheckModule = {
  ids: ["caa.present", "caa.syntax", "caa.issuer_match"],
  async run(target, ctx) {
    const found = await relevantCaaSet(target.name, ctx);
    if (found.kind === "error") {
      const why = `CAA lookup failed: ${found.reason}`;
      return [
        fromVerdict("caa.present", { status: "cannot-tell", reason: why }, { climbed: found.climbed }),
        fromVerdict("caa.syntax", { status: "cannot-tell", reason: why }),
        fromVerdict("caa.issuer_match", { status: "cannot-tell", reason: why }),
      ];
    }
    const set: CaaSet | undefined = found.kind === "found" ? { at: found.at, entries: found.records.map((record) => ({ record })) } : undefined;
    const evidence: Evidence = found.kind === "found" ? { at: found.at, records: found.records.map(caaText), climbed: found.climbed } : { climbed: found.climbed };
    // Without --stack the platform's CAs are not known: only the served certificate's CA is checked.
    const required = ctx.expected?.caaIssuers ?? [];
    const live = set === undefined ? undefined : await liveCertificate(target, ctx);
    return [
      fromVerdict("caa.present", judgeCaaPresent({ name: target.name, set }), evidence),
      fromVerdict("caa.syntax", set === undefined ? { status: "not-applicable", reason: `no CAA records at ${target.name} or above to check` } : judgeCaaSyntax(set), evidence),
      fromVerdict("caa.issuer_match", judgeCaaIssuerMatch({ names: [target.name], set, required, ...(live !== undefined ? { live } : {}) }), {
        ...evidence,
        required: [...required],
        requiredFrom: ctx.expected ? "the stack's record plan (--stack)" : "none: no --stack, so only the live certificate's CA is checked",
        liveIssuer: live?.kind === "read" ? live.issuer : null,
        liveIssuerError: live?.kind === "unreadable" ? live.reason : null,
      }),
    ];
  },
};
