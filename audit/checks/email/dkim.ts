import { dkimKeyStrength, dkimKeyUnusable, parseDkimKey, type DkimParseResult } from "../../../core/email/dkim";
import { judgeDkimKeyStrength, judgeDkimRevoked, judgeDkimSelector, judgeDkimSyntax, type DkimInput, type DkimSelectorFacts } from "../../../core/judges/email";
import type { CheckId } from "../../../checklist";
import type { AuditCheckModule, AuditContext, AuditTarget, CheckResult, Evidence, EvidenceValue } from "../../types";
import { describeLookup, txtFollowingCname } from "./dns";
import { fromJudge } from "./result";

const SYNTAX_FIXES = {
  several: "Keep exactly one key record per selector.",
  testing: "Remove `t=y` once DKIM signing is verified.",
} as const;

const REVOKED_FIXES = { "revoked-unused": "Remove the revoked selector once nothing signs with it, or give --stack so active selectors are known." } as const;

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
  const out: CheckResult[] = [];

  // The judges the preview uses (core/judges/email/dkim.ts), on what the lookups found. A failed lookup is an
  // "unknown" selector: the judges turn it into cannot-tell, never into a pass or a missing record.
  const input: DkimInput = {
    domain: target.name,
    parked: false,
    selectorsKnown: exact,
    selectors: looked.map((l): DkimSelectorFacts => (l.state === "error" ? { selector: l.selector, kind: "unknown", reason: l.reason ?? "lookup failed" } : l.state === "absent" ? { selector: l.selector, kind: "missing" } : { selector: l.selector, kind: "txt", txt: l.records })),
  };
  out.push(fromJudge("dkim.selector", judgeDkimSelector(input), evidence));

  // dkim.syntax
  const invalid = present.flatMap((l) => l.parsed.flatMap((p) => (p.errors.length > 0 ? [`${l.name}: ${p.errors[0] ?? ""}`] : [])));
  const unusable = present.flatMap((l) => l.parsed.flatMap((p) => (p.record ? dkimKeyUnusable(p.record).map((why) => `${l.name}: ${why}`) : [])));
  const strict = present.filter((l) => l.parsed.some((p) => p.record?.strict === true)).map((l) => l.name);
  const syntaxEvidence: Evidence = { ...evidence, ...(invalid.length > 0 ? { errors: invalid } : {}), ...(unusable.length > 0 ? { unusable } : {}), ...(strict.length > 0 ? { strictIdentity: strict } : {}) };
  out.push(fromJudge("dkim.syntax", judgeDkimSyntax(input), syntaxEvidence, SYNTAX_FIXES));

  // dkim.key_strength: every published, unrevoked key (evidence: what each one is).
  const strengths: EvidenceValue[] = present.flatMap((l) =>
    l.parsed.flatMap((p) => {
      if (!p.record || p.record.revoked) return [];
      const k = dkimKeyStrength(p.record);
      return [{ selector: l.selector, key: k.kind === "rsa" ? `RSA ${k.bits}` : k.kind === "ed25519" ? "ed25519" : k.reason }];
    }),
  );
  out.push(fromJudge("dkim.key_strength", judgeDkimKeyStrength(input), { ...evidence, keys: strengths }));

  // dkim.revoked: a configured selector is in use, so a revoked key there fails every signature; a discovered one may be unused.
  out.push(fromJudge("dkim.revoked", judgeDkimRevoked(input), evidence, REVOKED_FIXES));
  return out;
}

export const DKIM_CHECKS: AuditCheckModule = { ids: IDS, run };
