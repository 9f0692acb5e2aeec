import { appliedPolicy, appliedPolicyName, type DmarcUri } from "../../../core/email/dmarc";
import { externalReportDomains, judgeDmarcPct, judgeDmarcPolicy, judgeDmarcRecord, judgeDmarcRua, judgeDmarcRuaAuthorized, judgeDmarcSubdomainPolicy, judgeDmarcSyntax } from "../../../core/judges/email";
import type { CheckId } from "../../../checklist";
import type { AuditCheckModule, AuditContext, AuditTarget, CheckResult, Evidence, EvidenceValue } from "../../types";
import { discoverDmarc } from "./dmarc-discovery";
import { describeLookup } from "./dns";
import { fromJudge, result, undecided } from "./result";

const IDS = ["dmarc.record", "dmarc.syntax", "dmarc.policy", "dmarc.subdomain_policy", "dmarc.pct", "dmarc.rua", "dmarc.rua_authorized"] as const satisfies readonly CheckId[];

function uriEvidence(u: DmarcUri): EvidenceValue {
  return { uri: u.raw, ...(u.domain ? { domain: u.domain } : {}), ...(u.problem ? { problem: u.problem } : {}) };
}

/**
 * RFC 7489 §7.1: each report destination outside the organisational domain must publish
 * `<domain>._report._dmarc.<dest>`. The lookups here; the verdict is the judge's (core/judges/email/dmarc.ts).
 */
async function authorised(domain: string, txt: readonly string[], ctx: AuditContext, evidence: Evidence): Promise<CheckResult> {
  const authorisations = new Map<string, readonly string[] | undefined>();
  const checked: EvidenceValue[] = [];
  const failed: string[] = [];
  for (const dest of externalReportDomains(domain, txt) ?? []) {
    const name = `${domain}._report._dmarc.${dest}`;
    const lookup = await ctx.dns.query(name, "TXT");
    checked.push({ destination: dest, ...describeLookup("TXT", name, lookup) });
    if (lookup.kind === "error") failed.push(`${name} (${lookup.reason})`);
    authorisations.set(dest, lookup.kind === "error" ? undefined : lookup.kind === "answer" ? lookup.records : []);
  }
  const verdict = judgeDmarcRuaAuthorized({ domain, txt, authorisations, ...(failed.length > 0 ? { unknownReason: `could not decide: the authorisation lookup failed: ${failed[0] ?? ""}` } : {}) });
  return fromJudge("dmarc.rua_authorized", verdict, { ...evidence, destinations: checked });
}

const NOT_DMARC_FIX = "Start the record with `v=DMARC1;` (the version is case-sensitive).";

async function run(target: AuditTarget, ctx: AuditContext): Promise<CheckResult[]> {
  const found = await discoverDmarc(target, ctx);
  const base: Evidence = { lookups: found.evidence };
  if (found.kind === "error") return IDS.map((id) => undecided(id, `the DMARC lookup failed (${found.reason})`, base));

  // What receivers found (RFC 7489 §6.6.3): the TXT the judges read, and whose record it is.
  const txt: readonly string[] = found.kind === "found" ? [found.text] : found.kind === "several" ? found.records : [];
  const domain = found.kind === "found" || found.kind === "several" ? found.domain : target.name;
  const inherited = found.kind === "found" && found.inherited;
  const evidence: Evidence = found.kind === "found" ? { ...base, domain: `_dmarc.${domain}`, record: found.text } : { ...base, ...("records" in found ? { records: [...found.records] } : {}) };
  const input = { domain, txt, inherited };
  const out: CheckResult[] = [];

  // dmarc.record. Two cases the judge's outcomes do not name, both about where the record comes from:
  // a look-alike at the name's own _dmarc (receivers discard it and use the organisational record) and an inherited one.
  if (found.kind === "not-dmarc") out.push(result("dmarc.record", "fail", `the record at _dmarc.${found.domain} does not start with "v=DMARC1" exactly, so receivers ignore it`, evidence, NOT_DMARC_FIX));
  else if (found.kind === "found" && found.shadowed.length > 0) out.push(result("dmarc.record", "fail", `the record at _dmarc.${target.name} does not start with "v=DMARC1" exactly, so receivers ignore it and apply _dmarc.${domain} instead`, { ...evidence, ignored: [...found.shadowed] }, NOT_DMARC_FIX));
  else if (inherited) out.push(result("dmarc.record", "warn", `${target.display} has no DMARC record of its own; it inherits _dmarc.${domain}`, evidence, "Publish a DMARC record at `_dmarc` of this name if it sends mail, so its policy is explicit."));
  else {
    // With --stack, the record must be the one the stack plans for this name (never for an inherited one).
    const planned = domain === target.name ? ctx.expected?.plannedEmail?.dmarc : undefined;
    const v = judgeDmarcRecord({ ...input, ...(planned !== undefined ? { planned } : {}) });
    const none = found.kind === "none" && found.orgDomain !== target.name ? { ...v, facts: [`no DMARC record at _dmarc.${target.display} nor at _dmarc.${found.orgDomain}`] } : v;
    out.push(fromJudge("dmarc.record", "facts" in v ? none : v, { ...evidence, ...(planned !== undefined ? { planned } : {}) }, { several: "Keep exactly one `v=DMARC1` record at `_dmarc`.", "differs-from-plan": "Run `pulumi up` so the live record is the planned one, or change the stack's `email.dmarc` to what you want." }));
  }

  // The rest: the judges the preview uses, on the record receivers apply.
  const parsed = found.kind === "found" ? found.parsed : undefined;
  const applied = parsed !== undefined ? appliedPolicy(parsed, inherited) : undefined;
  const policyEvidence: Evidence = applied !== undefined ? { ...evidence, effectivePolicy: appliedPolicyName(applied), appliedAs: applied.kind, ...(applied.kind === "policy" ? { appliedTag: applied.tag } : { reason: applied.reason }) } : evidence;
  out.push(fromJudge("dmarc.syntax", judgeDmarcSyntax(input), { ...evidence, ...(parsed && parsed.errors.length > 0 ? { errors: [...parsed.errors] } : {}), ...(parsed && parsed.unknownTags.length > 0 ? { unknownTags: [...parsed.unknownTags] } : {}) }, { "unknown-tags": "Remove the unknown tags or correct their spelling." }));
  out.push(fromJudge("dmarc.policy", judgeDmarcPolicy(input), { ...policyEvidence, ...(parsed && parsed.errors.length > 0 ? { errors: [...parsed.errors] } : {}) }));
  out.push(fromJudge("dmarc.subdomain_policy", judgeDmarcSubdomainPolicy(input), parsed !== undefined ? { ...policyEvidence, subdomainPolicy: appliedPolicyName(appliedPolicy(parsed, true)) } : evidence));
  out.push(fromJudge("dmarc.pct", judgeDmarcPct(input), evidence));
  out.push(fromJudge("dmarc.rua", judgeDmarcRua(input), parsed !== undefined ? { ...evidence, rua: parsed.record.rua.map(uriEvidence), ruf: parsed.record.ruf.map(uriEvidence) } : evidence, { "too-many": "Keep at most two aggregate report destinations.", forensic: "Remove `ruf=` unless you process failure reports under a privacy review." }));
  out.push(await authorised(domain, txt, ctx, evidence));
  return out;
}

export const DMARC_CHECKS: AuditCheckModule = { ids: IDS, run };
