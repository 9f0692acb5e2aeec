import { appliedPolicy, appliedPolicyName, dmarcOrganizationalDomain, isDmarcRecord, type DmarcApplied, type DmarcParseResult, type DmarcUri } from "../../../core/email/dmarc";
import type { CheckId } from "../../../checklist";
import type { AuditCheckModule, AuditContext, AuditTarget, CheckResult, Evidence, EvidenceValue } from "../../types";
import { discoverDmarc } from "./dmarc-discovery";
import { describeLookup } from "./dns";
import { result, undecided } from "./result";

const IDS = ["dmarc.record", "dmarc.syntax", "dmarc.policy", "dmarc.subdomain_policy", "dmarc.pct", "dmarc.rua", "dmarc.rua_authorized"] as const satisfies readonly CheckId[];
const AFTER_RECORD = ["dmarc.syntax", "dmarc.subdomain_policy", "dmarc.pct", "dmarc.rua", "dmarc.rua_authorized"] as const satisfies readonly CheckId[];

function uriEvidence(u: DmarcUri): EvidenceValue {
  return { uri: u.raw, ...(u.domain ? { domain: u.domain } : {}), ...(u.problem ? { problem: u.problem } : {}) };
}

/** RFC 7489 §7.1: a report destination outside the organisational domain must publish `<domain>._report._dmarc.<dest>`. */
async function authorised(policyDomain: string, orgDomain: string, uris: readonly DmarcUri[], ctx: AuditContext): Promise<CheckResult> {
  const dests = [...new Set(uris.flatMap((u) => (u.domain && !u.problem ? [u.domain] : [])))];
  if (dests.length === 0) return result("dmarc.rua_authorized", "skip", "no usable mailto report destination to check (see dmarc.rua)");
  const checked: EvidenceValue[] = [];
  const missing: string[] = [];
  const failed: string[] = [];
  for (const dest of dests) {
    if (dmarcOrganizationalDomain(dest) === orgDomain) {
      checked.push({ destination: dest, sameOrganisation: true });
      continue;
    }
    const name = `${policyDomain}._report._dmarc.${dest}`;
    const lookup = await ctx.dns.query(name, "TXT");
    checked.push({ destination: dest, sameOrganisation: false, ...describeLookup("TXT", name, lookup) });
    if (lookup.kind === "error") failed.push(`${name} (${lookup.reason})`);
    else if (!(lookup.kind === "answer" && lookup.records.some(isDmarcRecord))) missing.push(name);
  }
  const evidence: Evidence = { destinations: checked };
  if (missing.length > 0) {
    return result("dmarc.rua_authorized", "fail", `report destination not authorised: ${missing[0] ?? ""} has no "v=DMARC1" record, so receivers drop the reports`, evidence);
  }
  if (failed.length > 0) return undecided("dmarc.rua_authorized", `the authorisation lookup failed: ${failed[0] ?? ""}`, evidence);
  return result("dmarc.rua_authorized", "pass", `every report destination is in ${orgDomain} or has authorised it`, evidence);
}

const NOT_DMARC_FIX = "Start the record with `v=DMARC1;` (the version is case-sensitive).";

/** RFC 7489 §6.6.3 step 6: an invalid `p=`/`sp=` makes the whole record `p=none` (valid rua) or no DMARC at all. */
function brokenPolicy(where: string, applied: Exclude<DmarcApplied, { kind: "policy" }>): string {
  return applied.kind === "fallback"
    ? `${applied.reason} in _dmarc.${where}, so receivers act as if p=none (RFC 7489 §6.6.3)`
    : `${applied.reason} in _dmarc.${where} and no valid rua=, so receivers apply no DMARC at all (RFC 7489 §6.6.3)`;
}

function policyVerdict(target: AuditTarget, domain: string, applied: DmarcApplied, evidence: Evidence): CheckResult {
  if (applied.kind !== "policy") return result("dmarc.policy", "fail", `no enforcing DMARC policy for ${target.display}: ${brokenPolicy(domain, applied)}`, evidence);
  const via = applied.tag === "sp" ? ` (sp= of _dmarc.${domain})` : "";
  if (applied.policy === "reject") return result("dmarc.policy", "pass", `DMARC policy for ${target.display} is reject${via}`, evidence);
  // Quarantine enforces (the checklist's bar, and the toolkit's default); reject is the next step, not a requirement.
  if (applied.policy === "quarantine") return result("dmarc.policy", "pass", `DMARC policy for ${target.display} is quarantine${via} (enforcing; move to reject once aggregate reports show only your own senders)`, evidence);
  return result("dmarc.policy", "fail", `DMARC policy for ${target.display} is none${via}: spoofed mail still reaches customers`, evidence);
}

/** What the record gives the subdomains of `domain` (RFC 7489 §6.3 sp, §6.6.3 step 6). */
function subdomainVerdict(domain: string, parsed: DmarcParseResult, evidence: Evidence): CheckResult {
  const sub = appliedPolicy(parsed, true);
  const ev = { ...evidence, subdomainPolicy: appliedPolicyName(sub) };
  if (sub.kind !== "policy") return result("dmarc.subdomain_policy", "fail", `subdomains of ${domain} get no enforcing policy: ${brokenPolicy(domain, sub)}`, ev);
  const p = parsed.record.p ?? "none";
  if (sub.tag === "p") return result("dmarc.subdomain_policy", "pass", `subdomains inherit p=${p}`, ev);
  if (sub.policy === "none" && p !== "none") return result("dmarc.subdomain_policy", "fail", `sp=none exempts every subdomain from p=${p}: attackers can spoof any subdomain`, ev);
  return result("dmarc.subdomain_policy", "pass", `subdomain policy sp=${sub.policy}${sub.policy === "none" ? " (as p=none; see dmarc.policy)" : ""}`, ev);
}

async function run(target: AuditTarget, ctx: AuditContext): Promise<CheckResult[]> {
  const found = await discoverDmarc(target, ctx);
  const base: Evidence = { lookups: found.evidence };
  if (found.kind === "error") return IDS.map((id) => undecided(id, `the DMARC lookup failed (${found.reason})`, base));
  if (found.kind !== "found") {
    const skip = (id: CheckId) => result(id, "skip", `no usable DMARC record for ${target.display} (see dmarc.record)`, base);
    const record =
      found.kind === "none"
        ? result("dmarc.record", "fail", `no DMARC record at _dmarc.${target.display}${found.orgDomain !== target.name ? ` nor at _dmarc.${found.orgDomain}` : ""}`, base)
        : found.kind === "several"
          ? result("dmarc.record", "fail", `${found.records.length} DMARC records at _dmarc.${found.domain}: receivers ignore them all (RFC 7489 §6.6.3)`, { ...base, records: [...found.records] }, "Keep exactly one `v=DMARC1` record at `_dmarc`.")
          : result("dmarc.record", "fail", `the record at _dmarc.${found.domain} does not start with "v=DMARC1" exactly, so receivers ignore it`, { ...base, records: [...found.records] }, NOT_DMARC_FIX);
    const policy = result("dmarc.policy", "fail", `no DMARC policy applies to ${target.display}`, base);
    return [record, policy, ...AFTER_RECORD.map(skip)];
  }

  const { parsed, inherited, domain, text, shadowed } = found;
  const rec = parsed.record;
  const evidence: Evidence = { ...base, domain: `_dmarc.${domain}`, record: text };
  const out: CheckResult[] = [];

  if (shadowed.length > 0) {
    out.push(result("dmarc.record", "fail", `the record at _dmarc.${target.name} does not start with "v=DMARC1" exactly, so receivers ignore it and apply _dmarc.${domain} instead`, { ...evidence, ignored: [...shadowed] }, NOT_DMARC_FIX));
  } else {
    out.push(
      inherited
        ? result("dmarc.record", "warn", `${target.display} has no DMARC record of its own; it inherits _dmarc.${domain}`, evidence, "Publish a DMARC record at `_dmarc` of this name if it sends mail, so its policy is explicit.")
        : result("dmarc.record", "pass", `one DMARC record at _dmarc.${domain}`, evidence),
    );
  }

  if (parsed.errors.length > 0) out.push(result("dmarc.syntax", "fail", `DMARC record at _dmarc.${domain} is invalid: ${parsed.errors[0] ?? ""}`, { ...evidence, errors: [...parsed.errors] }));
  else if (parsed.unknownTags.length > 0) out.push(result("dmarc.syntax", "warn", `DMARC record at _dmarc.${domain} has unknown tag(s) ${parsed.unknownTags.join(", ")} (receivers ignore them)`, { ...evidence, unknownTags: [...parsed.unknownTags] }, "Remove the unknown tags or correct their spelling."));
  else out.push(result("dmarc.syntax", "pass", `DMARC record at _dmarc.${domain} is valid`, evidence));

  // dmarc.policy: what receivers apply, not what the tag says (RFC 7489 §6.6.3 step 6); for an inherited record
  // the subdomain policy applies (§6.3 sp).
  const applied = appliedPolicy(parsed, inherited);
  const policyEvidence = { ...evidence, effectivePolicy: appliedPolicyName(applied), appliedAs: applied.kind, ...(applied.kind === "policy" ? { appliedTag: applied.tag } : { reason: applied.reason }) };
  // Invalid values outside p/sp (adkim=x, pct=abc): RFC 7489 §6.6.3 does not say what receivers do, and those that
  // discard an invalid record (OpenDMARC does) apply no policy at all: no enforcing verdict then.
  const otherErrors = applied.kind === "policy" ? parsed.errors : [];
  out.push(
    otherErrors.length > 0 && applied.kind === "policy" && applied.policy !== "none"
      ? result("dmarc.policy", "fail", `DMARC policy for ${target.display} reads ${applied.policy}, but the record has an invalid value (${otherErrors[0] ?? ""}): receivers that discard invalid records apply no policy`, { ...policyEvidence, errors: [...otherErrors] }, "Fix the invalid tag (see dmarc.syntax) so every receiver reads the policy.")
      : policyVerdict(target, domain, applied, policyEvidence),
  );
  out.push(subdomainVerdict(domain, parsed, policyEvidence));

  if (rec.pct === undefined || rec.pct === 100) out.push(result("dmarc.pct", "pass", `the DMARC policy applies to all mail${rec.pct === 100 ? " (pct=100)" : ""}`, evidence));
  else out.push(result("dmarc.pct", "warn", `pct=${rec.pct}: the policy applies to only ${rec.pct}% of failing mail`, evidence));

  const usable = rec.rua.filter((u) => !u.problem);
  const ruaEvidence = { ...evidence, rua: rec.rua.map(uriEvidence), ruf: rec.ruf.map(uriEvidence) };
  if (usable.length === 0) {
    out.push(result("dmarc.rua", "fail", rec.rua.length === 0 ? `no rua=: nobody receives DMARC aggregate reports for ${target.display}` : `no usable rua= URI: ${rec.rua[0]?.problem ?? ""}`, ruaEvidence));
  } else if (rec.rua.length > 2) {
    out.push(result("dmarc.rua", "warn", `${rec.rua.length} rua URIs: receivers may send to only the first two`, ruaEvidence, "Keep at most two aggregate report destinations."));
  } else if (rec.ruf.length > 0) {
    out.push(result("dmarc.rua", "warn", "ruf= (forensic reports) is set: few receivers send them and they can carry personal data", ruaEvidence, "Remove `ruf=` unless you process failure reports under a privacy review."));
  } else {
    out.push(result("dmarc.rua", "pass", `aggregate reports go to ${usable.map((u) => u.uri).join(", ")}`, ruaEvidence));
  }

  out.push(await authorised(domain, found.orgDomain, [...rec.rua, ...rec.ruf], ctx));
  return out;
}

export const DMARC_CHECKS: AuditCheckModule = { ids: IDS, run };
