import { getDomain } from "tldts";
import { effectivePolicy, isDmarcRecord, type DmarcUri } from "../../../core/email/dmarc";
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
    if (getDomain(dest) === orgDomain) {
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

async function run(target: AuditTarget, ctx: AuditContext): Promise<CheckResult[]> {
  const found = await discoverDmarc(target, ctx);
  const base: Evidence = { lookups: found.evidence };
  if (found.kind === "error") return IDS.map((id) => undecided(id, `the DMARC lookup failed (${found.reason})`, base));
  if (found.kind !== "found") {
    const skip = (id: CheckId) => result(id, "skip", `no usable DMARC record for ${target.display} (see dmarc.record)`, base);
    const record =
      found.kind === "none"
        ? result("dmarc.record", "fail", `no DMARC record at _dmarc.${target.display}${target.orgDomain !== target.name ? ` nor at _dmarc.${target.orgDomain}` : ""}`, base)
        : found.kind === "several"
          ? result("dmarc.record", "fail", `${found.records.length} DMARC records at _dmarc.${found.domain}: receivers ignore them all (RFC 7489 §6.6.3)`, { ...base, records: [...found.records] }, "Keep exactly one `v=DMARC1` record at `_dmarc`.")
          : result("dmarc.record", "fail", `the record at _dmarc.${found.domain} does not start with "v=DMARC1" exactly, so receivers ignore it`, { ...base, records: [...found.records] }, "Start the record with `v=DMARC1;` (the version is case-sensitive).");
    const policy = result("dmarc.policy", "fail", `no DMARC policy applies to ${target.display}`, base);
    return [record, policy, ...AFTER_RECORD.map(skip)];
  }

  const { parsed, inherited, domain, text } = found;
  const rec = parsed.record;
  const evidence: Evidence = { ...base, domain: `_dmarc.${domain}`, record: text };
  const out: CheckResult[] = [];

  out.push(
    inherited
      ? result("dmarc.record", "warn", `${target.display} has no DMARC record of its own; it inherits _dmarc.${domain}`, evidence, "Publish a DMARC record at `_dmarc` of this name if it sends mail, so its policy is explicit.")
      : result("dmarc.record", "pass", `one DMARC record at _dmarc.${domain}`, evidence),
  );

  if (parsed.errors.length > 0) out.push(result("dmarc.syntax", "fail", `DMARC record at _dmarc.${domain} is invalid: ${parsed.errors[0] ?? ""}`, { ...evidence, errors: [...parsed.errors] }));
  else if (parsed.unknownTags.length > 0) out.push(result("dmarc.syntax", "warn", `DMARC record at _dmarc.${domain} has unknown tag(s) ${parsed.unknownTags.join(", ")} (receivers ignore them)`, { ...evidence, unknownTags: [...parsed.unknownTags] }, "Remove the unknown tags or correct their spelling."));
  else out.push(result("dmarc.syntax", "pass", `DMARC record at _dmarc.${domain} is valid`, evidence));

  // dmarc.policy: for an inherited record the subdomain policy applies (RFC 7489 §6.6.3).
  const explicitP = rec.p !== undefined;
  const policy = effectivePolicy(rec, inherited);
  const policyEvidence = { ...evidence, effectivePolicy: policy, ...(inherited ? { appliedTag: rec.sp !== undefined ? "sp" : "p" } : {}) };
  if (!explicitP && !(inherited && rec.sp !== undefined)) out.push(result("dmarc.policy", "fail", `DMARC record at _dmarc.${domain} has no valid p= (receivers apply none)`, policyEvidence));
  else if (policy === "reject") out.push(result("dmarc.policy", "pass", `DMARC policy for ${target.display} is reject`, policyEvidence));
  else if (policy === "quarantine") out.push(result("dmarc.policy", "warn", `DMARC policy for ${target.display} is quarantine (reject is stronger)`, policyEvidence, "Move to `email.dmarc.policy: reject` once aggregate reports show only your own senders."));
  else out.push(result("dmarc.policy", "fail", `DMARC policy for ${target.display} is none: spoofed mail still reaches customers`, policyEvidence));

  const p = rec.p ?? "none";
  if (rec.sp === undefined) out.push(result("dmarc.subdomain_policy", "pass", `subdomains inherit p=${p}`, evidence));
  else if (rec.sp === "none" && p !== "none") out.push(result("dmarc.subdomain_policy", "fail", `sp=none exempts every subdomain from p=${p}: attackers can spoof any subdomain`, evidence));
  else out.push(result("dmarc.subdomain_policy", "pass", `subdomain policy sp=${rec.sp}${rec.sp === "none" ? " (as p=none; see dmarc.policy)" : ""}`, evidence));

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

  out.push(await authorised(domain, target.orgDomain, [...rec.rua, ...rec.ruf], ctx));
  return out;
}

export const DMARC_CHECKS: AuditCheckModule = { ids: IDS, run };
