import type { DmarcParseResult, DmarcPolicy } from "./parse";
import { isSyntacticUri } from "./parse";

/**
 * The policy a receiver applies, as opposed to what the record's tags say (RFC 7489 §6.6.3):
 * - `policy`: `p=` (or `sp=` for a subdomain that inherits the organisational record, §6.3) is valid and applies;
 * - `fallback`: the record has no valid `p=`, or an `sp=` that is not valid, but a valid `rua=`: receivers "act as if
 *   a record containing p=none was retrieved" (step 6.1), for the domain and its subdomains alike;
 * - `ignored`: the same without a valid `rua=`: no DMARC processing at all (step 6.2).
 * A tag given twice makes the whole tag-list invalid (RFC 6376 §3.2, whose syntax DMARC uses, RFC 7489 §6.4), so a
 * repeated `p=`/`sp=` is no valid policy either. DMARCbis (RFC 9989) treats a missing `p=` as `none` even without
 * `rua=`: for our verdicts that is the same failure.
 */
export type DmarcApplied =
  | { readonly kind: "policy"; readonly policy: DmarcPolicy; readonly tag: "p" | "sp" }
  | { readonly kind: "fallback"; readonly policy: "none"; readonly reason: string }
  | { readonly kind: "ignored"; readonly reason: string };

/** Why the record's `p=`/`sp=` cannot be used as written, or undefined when both are usable. */
export function policyTagProblem(parsed: DmarcParseResult): string | undefined {
  const { record } = parsed;
  const values = (name: string): string[] => record.tags.filter((t) => t.name.toLowerCase() === name).map((t) => t.value);
  const problems: string[] = [];
  const p = values("p");
  if (p.length === 0) problems.push("p= is missing");
  else if (p.length > 1) problems.push(`p= appears ${p.length} times`);
  else if (record.p === undefined) problems.push(`p=${p[0] ?? ""} is not a valid policy`);
  const sp = values("sp");
  if (sp.length > 1) problems.push(`sp= appears ${sp.length} times`);
  else if (sp.length === 1 && record.sp === undefined) problems.push(`sp=${sp[0] ?? ""} is not a valid policy`);
  return problems.length > 0 ? problems.join(" and ") : undefined;
}

/** What receivers apply to mail from the domain the record was found for, or from its subdomains (`toSubdomain`). */
export function appliedPolicy(parsed: DmarcParseResult, toSubdomain: boolean): DmarcApplied {
  const problem = policyTagProblem(parsed);
  const { record } = parsed;
  if (problem !== undefined || record.p === undefined) {
    const reason = problem ?? "p= is not valid";
    return record.rua.some(isSyntacticUri) ? { kind: "fallback", policy: "none", reason } : { kind: "ignored", reason };
  }
  if (toSubdomain && record.sp !== undefined) return { kind: "policy", policy: record.sp, tag: "sp" };
  return { kind: "policy", policy: record.p, tag: "p" };
}

/** The policy as one word for evidence and summaries: `none` when receivers apply none or skip DMARC. */
export function appliedPolicyName(applied: DmarcApplied): DmarcPolicy {
  return applied.kind === "ignored" ? "none" : applied.policy;
}
