/** The DMARC judges (dmarc.*): the `_dmarc` TXT values in, verdict out (RFC 7489). */
import { cannotTell, judged, notApplicable, type Verdict } from "../../judge";
import { appliedPolicy, dmarcOrganizationalDomain, type DmarcApplied, isDmarcRecord, parseDmarc, type DmarcParseResult } from "../../email/dmarc";
import { normalizeName } from "../../email/lookup";
import { sameTxt } from "./spf";

export interface DmarcInput {
  readonly domain: string;
  /** Every TXT value at `_dmarc.<domain>` (or at the organisational domain's `_dmarc`, when `inherited`). */
  readonly txt: readonly string[];
  /**
   * The record is the organisational domain's, found because the name has none of its own (RFC 7489 §6.6.3): its
   * subdomain policy (`sp`, else `p`) is what receivers apply to the name (§6.3). The auditor finds this; a plan
   * publishes each domain's own record.
   */
  readonly inherited?: boolean;
}

/** The one DMARC record, parsed; undefined when there is not exactly one. */
export function oneDmarc(txt: readonly string[]): DmarcParseResult | undefined {
  const records = txt.filter(isDmarcRecord);
  return records.length === 1 ? parseDmarc(records[0] ?? "") : undefined;
}

export function judgeDmarcRecord(input: DmarcInput & { readonly planned?: string }): Verdict {
  const records = input.txt.filter(isDmarcRecord);
  const one = records[0];
  if (records.length === 1 && one !== undefined && input.planned !== undefined && !sameTxt(one, input.planned)) {
    return judged("dmarc.record", "differs-from-plan", [`the DMARC record at _dmarc.${input.domain} is "${one}", but the stack plans "${input.planned}": run \`pulumi up\`, or find who changed it outside Pulumi`]);
  }
  if (records.length === 1) return judged("dmarc.record", "one", [`one DMARC record at _dmarc.${input.domain}: ${records[0] ?? ""}`]);
  if (records.length > 1) return judged("dmarc.record", "several", [`${records.length} DMARC records at _dmarc.${input.domain}: receivers ignore them all (RFC 7489 §6.6.3)`]);
  return judged("dmarc.record", "none", [`no DMARC record at _dmarc.${input.domain}`]);
}

const none = (d: string): Verdict => notApplicable(`no single DMARC record at _dmarc.${d} to judge (see dmarc.record)`);

export function judgeDmarcSyntax(input: DmarcInput): Verdict {
  const p = oneDmarc(input.txt);
  if (p === undefined) return none(input.domain);
  if (p.errors.length > 0) return judged("dmarc.syntax", "invalid", [`DMARC of ${input.domain} is invalid: ${p.errors[0] ?? ""}`]);
  if (p.unknownTags.length > 0) return judged("dmarc.syntax", "unknown-tags", [`DMARC of ${input.domain} has tags receivers ignore: ${p.unknownTags.join(", ")}`]);
  return judged("dmarc.syntax", "valid", [`DMARC of ${input.domain} is valid`]);
}

/** RFC 7489 §6.6.3 step 6: an invalid `p=`/`sp=` makes the whole record `p=none` (valid rua) or no DMARC at all. */
function brokenPolicy(domain: string, applied: Exclude<DmarcApplied, { kind: "policy" }>): string {
  return applied.kind === "fallback"
    ? `${applied.reason} in _dmarc.${domain}, so receivers act as if p=none (RFC 7489 §6.6.3)`
    : `${applied.reason} in _dmarc.${domain} and no valid rua=, so receivers apply no DMARC at all (RFC 7489 §6.6.3)`;
}

/** What receivers apply (RFC 7489 §6.6.3 step 6), not the tag's text: an invalid p= falls back to none. */
export function judgeDmarcPolicy(input: DmarcInput): Verdict {
  const p = oneDmarc(input.txt);
  // RFC 7489 §6.6.3: no record (or several, step 4) ends policy discovery: receivers apply no DMARC policy at all.
  if (p === undefined) return judged("dmarc.policy", "monitoring", [`no DMARC policy applies to ${input.domain}: there is no single DMARC record (see dmarc.record), so receivers apply none (RFC 7489 §6.6.3)`]);
  const applied = appliedPolicy(p, input.inherited === true);
  if (applied.kind !== "policy") return judged("dmarc.policy", "monitoring", [`no enforcing DMARC policy for ${input.domain}: ${brokenPolicy(input.domain, applied)}`]);
  if (p.errors.length > 0 && applied.policy !== "none") return judged("dmarc.policy", "monitoring", [`DMARC policy for ${input.domain} reads ${applied.policy}, but the record has an invalid value (${p.errors[0] ?? ""}): receivers that discard invalid records apply no policy`]);
  if (applied.policy === "quarantine" || applied.policy === "reject") return judged("dmarc.policy", "enforcing", [`DMARC of ${input.domain} enforces: ${applied.tag}=${applied.policy}${input.inherited === true ? " (inherited from the organisational domain)" : ""}`]);
  return judged("dmarc.policy", "monitoring", [`DMARC of ${input.domain} is p=none: spoofed mail in its name still reaches inboxes`]);
}

/** What subdomains get (RFC 7489 §6.3 sp, §6.6.3 step 6). */
export function judgeDmarcSubdomainPolicy(input: DmarcInput): Verdict {
  const p = oneDmarc(input.txt);
  if (p === undefined) return none(input.domain);
  const sub = appliedPolicy(p, true);
  if (sub.kind !== "policy") return judged("dmarc.subdomain_policy", "exempted", [`subdomains of ${input.domain} get no enforcing policy: ${brokenPolicy(input.domain, sub)}`]);
  const main = p.record.p ?? "none";
  if (sub.policy === "none" && main !== "none") return judged("dmarc.subdomain_policy", "exempted", [`sp=none exempts every subdomain of ${input.domain} from p=${main}: attackers can spoof any subdomain`]);
  return judged("dmarc.subdomain_policy", "covered", [sub.tag === "p" ? `subdomains of ${input.domain} inherit p=${main}` : `subdomains of ${input.domain} get sp=${sub.policy}`]);
}

// pct and rua are read even from a record with an invalid tag elsewhere: receivers that keep it read them too.
export function judgeDmarcPct(input: DmarcInput): Verdict {
  const p = oneDmarc(input.txt);
  if (p === undefined) return none(input.domain);
  const pct = p.record.pct ?? 100;
  if (pct === 100) return judged("dmarc.pct", "full", [`DMARC of ${input.domain} applies to all mail (pct ${p.record.pct === undefined ? "absent" : "100"})`]);
  return judged("dmarc.pct", "partial", [`DMARC of ${input.domain} applies to ${pct}% of mail`]);
}

export function judgeDmarcRua(input: DmarcInput): Verdict {
  const p = oneDmarc(input.txt);
  if (p === undefined) return none(input.domain);
  const usable = p.record.rua.filter((u) => u.problem === undefined);
  if (usable.length === 0) return judged("dmarc.rua", "missing", [p.record.rua.length === 0 ? `no rua=: nobody receives DMARC aggregate reports for ${input.domain}` : `no usable rua= URI: ${p.record.rua[0]?.problem ?? ""}`]);
  if (p.record.rua.length > 2) return judged("dmarc.rua", "too-many", [`${p.record.rua.length} rua URIs for ${input.domain}: receivers may send to only the first two`]);
  if (p.record.ruf.length > 0) return judged("dmarc.rua", "forensic", ["ruf= (forensic reports) is set: few receivers send them and they can carry personal data"]);
  return judged("dmarc.rua", "present", [`aggregate reports for ${input.domain} go to ${usable.map((u) => u.uri).join(", ")}`]);
}

export interface DmarcRuaAuthorizedInput extends DmarcInput {
  /**
   * For each external destination domain, its TXT at `<domain>._report._dmarc.<dest>`; undefined when not known
   * (before apply, a domain the stack does not manage).
   */
  readonly authorisations: ReadonlyMap<string, readonly string[] | undefined>;
  /** Why the undefined authorisations are not known (a failed lookup); default: the stack does not manage them. */
  readonly unknownReason?: string;
}

function isUnder(name: string, domain: string): boolean {
  return name === domain || name.endsWith(`.${domain}`);
}

/** RFC 7489 §7.1: authorisation is needed only when the destination's organisational domain differs. */
function sameOrganisation(dest: string, domain: string): boolean {
  const a = dmarcOrganizationalDomain(dest);
  const b = dmarcOrganizationalDomain(domain);
  return a !== undefined && b !== undefined ? a === b : isUnder(dest, domain);
}

/** The report destinations (rua and ruf, mailto with a usable domain) outside the domain's organisation. */
export function externalReportDomains(domain: string, txt: readonly string[]): string[] | undefined {
  const p = oneDmarc(txt);
  if (p === undefined) return undefined;
  const d = normalizeName(domain);
  return [...new Set([...p.record.rua, ...p.record.ruf].flatMap((u) => (u.domain !== undefined && u.problem === undefined ? [normalizeName(u.domain)] : [])))].filter((x) => !sameOrganisation(x, d));
}

/** RFC 7489 §7.1: every rua destination outside the domain's organisational domain publishes `v=DMARC1` there. */
export function judgeDmarcRuaAuthorized(input: DmarcRuaAuthorizedInput): Verdict {
  const p = oneDmarc(input.txt);
  // Judged even when another tag is invalid, as dmarc.rua is: receivers that keep the record send reports by it.
  if (p === undefined) return none(input.domain);
  const domain = normalizeName(input.domain);
  const dests = [...p.record.rua, ...p.record.ruf].filter((u) => u.domain !== undefined && u.problem === undefined);
  if (dests.length === 0) return notApplicable("no usable mailto report destination to check (see dmarc.rua)");
  const external = externalReportDomains(domain, input.txt) ?? [];
  if (external.length === 0) return judged("dmarc.rua_authorized", "authorized", [`every report destination of ${input.domain} is in its own organisational domain`]);
  const missing: string[] = [];
  const unknown: string[] = [];
  for (const dest of external) {
    const txt = input.authorisations.get(dest);
    if (txt === undefined) unknown.push(dest);
    else if (!txt.some((t) => /^v=DMARC1(?:;|\s|$)/.test(t))) missing.push(dest);
  }
  if (missing.length > 0) return judged("dmarc.rua_authorized", "unauthorized", [`${missing.map((d) => `${domain}._report._dmarc.${d}`).join(", ")} ${missing.length === 1 ? "is" : "are"} not published: receivers drop reports to ${missing.join(", ")}`]);
  if (unknown.length > 0 && input.unknownReason !== undefined) return cannotTell(`the authorisation of ${unknown.join(", ")} could not be read: ${input.unknownReason}`);
  if (unknown.length > 0) return cannotTell(`${unknown.join(", ")} must publish ${unknown.map((d) => `\`${domain}._report._dmarc.${d}\``).join(", ")} = \`v=DMARC1\` (RFC 7489 §7.1); this stack does not manage ${unknown.length === 1 ? "it" : "them"}, so only \`launch-ready audit\` can see it`);
  return judged("dmarc.rua_authorized", "authorized", [`${external.join(", ")} authorise reports for ${domain} (RFC 7489 §7.1)`]);
}
