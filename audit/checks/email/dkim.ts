import { dkimKeyStrength, dkimKeyUnusable, parseDkimKey, type DkimParseResult } from "../../../core/email/dkim";
import type { CheckId } from "../../../checklist";
import type { AuditCheckModule, AuditContext, AuditTarget, CheckResult, Evidence, EvidenceValue } from "../../types";
import { describeLookup, txtFollowingCname } from "./dns";
import { result, undecided } from "./result";

const IDS = ["dkim.selector", "dkim.syntax", "dkim.key_strength", "dkim.revoked"] as const satisfies readonly CheckId[];

/** Selectors tried when the stack does not say which ones are in use (Google, Microsoft 365, common defaults). */
export const COMMON_DKIM_SELECTORS = ["google", "selector1", "selector2", "default", "k1", "s1", "s2", "mail", "dkim"] as const;

interface SelectorLookup {
  readonly selector: string;
  readonly name: string;
  readonly state: "present" | "absent" | "error";
  readonly records: readonly string[];
  readonly parsed: readonly DkimParseResult[];
  readonly evidence: EvidenceValue;
  readonly reason?: string;
}

async function lookupSelector(selector: string, target: AuditTarget, ctx: AuditContext): Promise<SelectorLookup> {
  const name = `${selector}._domainkey.${target.name}`;
  const { lookup, chain } = await txtFollowingCname(ctx, name);
  const evidence = { selector, ...describeLookup("TXT", chain[chain.length - 1] ?? name, lookup), ...(chain.length > 1 ? { cnameChain: chain } : {}) };
  if (lookup.kind === "error") return { selector, name, state: "error", records: [], parsed: [], evidence, reason: lookup.reason };
  const records = lookup.kind === "answer" ? lookup.records : [];
  if (records.length === 0) return { selector, name, state: "absent", records, parsed: [], evidence };
  return { selector, name, state: "present", records, parsed: records.map(parseDkimKey), evidence };
}

async function run(target: AuditTarget, ctx: AuditContext): Promise<CheckResult[]> {
  const configured = ctx.expected?.dkimSelectors ?? [];
  const exact = configured.length > 0;
  const selectors = exact ? configured : COMMON_DKIM_SELECTORS;
  const looked = await Promise.all(selectors.map((s) => lookupSelector(s, target, ctx)));
  const evidence: Evidence = { mode: exact ? "configured selectors (--stack)" : "discovery of common selectors", selectors: looked.map((l) => l.evidence) };
  const present = looked.filter((l) => l.state === "present");
  const absent = looked.filter((l) => l.state === "absent");
  const failed = looked.filter((l) => l.state === "error");
  const out: CheckResult[] = [];

  // dkim.selector
  if (exact) {
    if (absent.length > 0) out.push(result("dkim.selector", "fail", `configured DKIM selector ${absent.map((l) => l.name).join(", ")} is not published`, evidence));
    else if (failed.length > 0) out.push(undecided("dkim.selector", `the lookup of ${failed[0]?.name ?? ""} failed (${failed[0]?.reason ?? ""})`, evidence));
    else out.push(result("dkim.selector", "pass", `every configured DKIM selector is published (${present.map((l) => l.selector).join(", ")})`, evidence));
  } else if (present.length > 0) {
    out.push(result("dkim.selector", "pass", `DKIM selector(s) found: ${present.map((l) => l.selector).join(", ")} (discovered; give --stack to check the selectors you use)`, evidence));
  } else if (failed.length > 0) {
    out.push(undecided("dkim.selector", `no common DKIM selector found, and ${failed.length} lookup(s) failed (${failed[0]?.reason ?? ""})`, evidence));
  } else {
    out.push(result("dkim.selector", "info", `no DKIM selector configured and none of the common ones (${COMMON_DKIM_SELECTORS.join(", ")}) found at ${target.display}; give --stack to check yours`, evidence));
  }

  if (present.length === 0) {
    for (const id of ["dkim.syntax", "dkim.key_strength", "dkim.revoked"] as const) {
      out.push(failed.length > 0 ? undecided(id, `no DKIM key record could be read: the lookup of ${failed[0]?.name ?? ""} failed (${failed[0]?.reason ?? ""})`, evidence) : result(id, "skip", `no DKIM key record found at ${target.display} to judge`, evidence));
    }
    return out;
  }
  // A configured selector whose lookup failed may hold an invalid, weak or revoked key: no pass over the others.
  const unlessFailed = (r: CheckResult): CheckResult =>
    exact && failed.length > 0 && r.status === "pass" ? undecided(r.id, `the lookup of configured selector ${failed[0]?.name ?? ""} failed (${failed[0]?.reason ?? ""}), so its key is unjudged`, r.evidence) : r;

  // dkim.syntax
  const several = present.filter((l) => l.records.length > 1);
  const invalid = present.flatMap((l) => l.parsed.flatMap((p) => (p.errors.length > 0 ? [`${l.name}: ${p.errors[0] ?? ""}`] : [])));
  // Tags that change what a verifier does (RFC 6376 §3.6.1 h=, s=, k=; RFC 8463): a key they rule out for email
  // fails every signature as surely as a syntax error.
  const unusable = present.flatMap((l) => l.parsed.flatMap((p) => (p.record ? dkimKeyUnusable(p.record).map((why) => `${l.name}: ${why}`) : [])));
  const testing = present.filter((l) => l.parsed.some((p) => p.record?.testing === true));
  // t=s: the signature's i= must be in d= exactly, not a subdomain (RFC 6376 §3.6.1); a fact, not a defect.
  const strict = present.filter((l) => l.parsed.some((p) => p.record?.strict === true)).map((l) => l.name);
  if (several.length > 0) out.push(result("dkim.syntax", "fail", `${several[0]?.name ?? ""} has ${several[0]?.records.length ?? 0} TXT records: receivers cannot tell which key to use`, evidence, "Keep exactly one key record per selector."));
  else if (invalid.length > 0 || unusable.length > 0) {
    const first = invalid.length > 0 ? `DKIM key record invalid: ${invalid[0] ?? ""}` : `DKIM key cannot verify email signatures: ${unusable[0] ?? ""}`;
    const more = invalid.length + unusable.length - 1;
    out.push(result("dkim.syntax", "fail", `${first}${more > 0 ? ` (and ${more} more)` : ""}`, { ...evidence, ...(invalid.length > 0 ? { errors: invalid } : {}), ...(unusable.length > 0 ? { unusable } : {}) }));
  }
  else if (testing.length > 0) out.push(result("dkim.syntax", "warn", `${testing.map((l) => l.name).join(", ")} has t=y (testing): some receivers treat its signatures as unsigned`, evidence, "Remove `t=y` once DKIM signing is verified."));
  else out.push(unlessFailed(result("dkim.syntax", "pass", `DKIM key records are valid (${present.map((l) => l.selector).join(", ")})${strict.length > 0 ? `; t=s at ${strict.join(", ")}: signatures must use i= in d= itself` : ""}`, strict.length > 0 ? { ...evidence, strictIdentity: strict } : evidence)));

  // dkim.key_strength: every published, unrevoked key.
  const strengths: EvidenceValue[] = [];
  let worst: { status: "pass" | "warn" | "fail"; summary: string } = { status: "pass", summary: "" };
  const rank = { pass: 0, warn: 1, fail: 2 } as const;
  for (const l of present) {
    for (const p of l.parsed) {
      if (!p.record || p.record.revoked) continue;
      const s = dkimKeyStrength(p.record);
      const entry =
        s.kind === "rsa"
          ? { status: s.bits < 1024 ? "fail" : s.bits < 2048 ? "warn" : "pass", summary: `${l.name}: RSA ${s.bits} bits` }
          : s.kind === "ed25519"
            ? { status: "pass", summary: `${l.name}: ed25519` }
            : { status: "fail", summary: `${l.name}: key unreadable (${s.reason})` };
      const status = entry.status === "fail" ? "fail" : entry.status === "warn" ? "warn" : "pass";
      strengths.push({ selector: l.selector, key: s.kind === "rsa" ? `RSA ${s.bits}` : s.kind === "ed25519" ? "ed25519" : s.reason });
      if (rank[status] > rank[worst.status] || worst.summary === "") worst = { status, summary: entry.summary };
    }
  }
  const strengthEvidence = { ...evidence, keys: strengths };
  if (strengths.length === 0) out.push(result("dkim.key_strength", "skip", "every DKIM key found is revoked or unparsable (see dkim.revoked, dkim.syntax)", strengthEvidence));
  else if (worst.status === "fail") out.push(result("dkim.key_strength", "fail", `weak DKIM key: ${worst.summary} (RFC 8301 requires at least 1024, 2048 recommended)`, strengthEvidence));
  else if (worst.status === "warn") out.push(result("dkim.key_strength", "warn", `DKIM key below 2048 bits: ${worst.summary}`, strengthEvidence));
  else out.push(unlessFailed(result("dkim.key_strength", "pass", `DKIM keys are RSA ≥ 2048 or ed25519 (${strengths.length} key(s))`, strengthEvidence)));

  // dkim.revoked: a configured selector is in use, so a revoked key there fails every signature.
  const revoked = present.filter((l) => l.parsed.some((p) => p.record?.revoked === true));
  if (revoked.length === 0) out.push(unlessFailed(result("dkim.revoked", "pass", "no published DKIM selector is revoked", evidence)));
  else if (exact) out.push(result("dkim.revoked", "fail", `configured DKIM selector ${revoked.map((l) => l.name).join(", ")} is revoked (empty p=): every message signed with it fails DKIM`, evidence));
  else out.push(result("dkim.revoked", "warn", `DKIM selector ${revoked.map((l) => l.name).join(", ")} is revoked (empty p=) but still published`, evidence, "Remove the revoked selector once nothing signs with it, or give --stack so active selectors are known."));
  return out;
}

export const DKIM_CHECKS: AuditCheckModule = { ids: IDS, run };
