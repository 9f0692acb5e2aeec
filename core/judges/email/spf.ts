/**
 * The SPF judges (spf.*): record text and counted facts in, verdict out. The preview feeds them the planned records
 * and the planner's static lookup budget; the same record texts give the same verdicts whoever reads them.
 */
import { cannotTell, judged, notApplicable, type Verdict } from "../../judge";
import { findAll, isParkedSpf, parseSpf, SPF_LOOKUP_LIMIT, SPF_RECORD_SIZE_LIMIT } from "../../email/spf";
import type { DmarcPolicy } from "../../email/dmarc";

export interface SpfRecordInput {
  readonly domain: string;
  /** Every TXT value at the domain (joined strings). */
  readonly txt: readonly string[];
  readonly parked: boolean;
  /** The record the stack plans (`audit --stack`): the one live record must be it. */
  readonly planned?: string;
}

/**
 * Two TXT values that say the same thing: joined strings, runs of spaces collapsed, case folded (SPF mechanisms and
 * domain names compare case-insensitively, RFC 7208 §4.6.1 and §12; DMARC tags likewise, RFC 7489 §6.4), and a
 * trailing `;` ignored (DMARC's final separator is optional).
 */
export function sameTxt(a: string, b: string): boolean {
  const norm = (v: string) => v.trim().replace(/\s+/g, " ").replace(/\s*;\s*/g, ";").replace(/;$/, "").toLowerCase();
  return norm(a) === norm(b);
}

/** RFC 7208 §4.5: records start exactly `v=spf1` followed by a space or the end. */
function spfRecords(txt: readonly string[]): string[] {
  return txt.filter((t) => /^v=spf1(?: |$)/i.test(t));
}

export function judgeSpfRecord(input: SpfRecordInput): Verdict {
  const records = spfRecords(input.txt);
  const lookalikes = input.txt.filter((t) => !records.includes(t) && /v=spf1/i.test(t));
  const one = records[0];
  if (records.length === 1 && one !== undefined && input.planned !== undefined && !sameTxt(one, input.planned)) {
    return judged("spf.record", "differs-from-plan", [`the SPF record at ${input.domain} is "${one}", but the stack plans "${input.planned}": run \`pulumi up\`, or find who changed it outside Pulumi`]);
  }
  if (records.length === 1) return judged("spf.record", "one", [`one SPF record at ${input.domain}`]);
  if (records.length > 1) return judged("spf.record", "several", [`${records.length} SPF records at ${input.domain}: receivers return permerror (RFC 7208 §4.5)`]);
  if (lookalikes.length > 0) return judged("spf.record", "lookalike", [`a TXT record at ${input.domain} mentions v=spf1 but does not start with it, so receivers ignore it`]);
  if (input.parked) return judged("spf.record", "none-parked", [`no SPF record at ${input.domain} (parked: see spf.parked)`]);
  return judged("spf.record", "none", [`no SPF record at ${input.domain}, a sending domain`]);
}

export interface SpfTextInput {
  readonly domain: string;
  /** The one SPF record; undefined when there is not exactly one (spf.record says why). */
  readonly record: string | undefined;
}

export interface SpfSyntaxInput extends SpfTextInput {
  /**
   * What evaluating the include/redirect tree found, when it was walked (after apply): permerrors below the record
   * fail evaluation just as the record's own errors do (RFC 7208 §5.2, §6.1); `unknown` says why part of the tree
   * could not be read (then a clean record is no pass). Absent before apply: the planned record alone is judged.
   */
  readonly tree?: { readonly permerrors: readonly string[]; readonly unknown?: string };
}

export function judgeSpfSyntax(input: SpfSyntaxInput): Verdict {
  if (input.record === undefined) return notApplicable(`no single SPF record at ${input.domain} to judge (see spf.record)`);
  const parsed = parseSpf(input.record);
  if (parsed.errors.length > 0) return judged("spf.syntax", "invalid", [`SPF of ${input.domain} is invalid: ${parsed.errors[0] ?? ""}`]);
  const below = input.tree?.permerrors ?? [];
  if (below.length > 0) return judged("spf.syntax", "invalid", [`SPF of ${input.domain} fails through its includes: ${below[0] ?? ""}`]);
  // An unreadable include may hide a permerror, so it outranks a mere warning.
  if (input.tree?.unknown !== undefined) return cannotTell(input.tree.unknown);
  if (parsed.warnings.length > 0) return judged("spf.syntax", "dubious", [`SPF of ${input.domain}: ${parsed.warnings[0] ?? ""}`]);
  return judged("spf.syntax", "valid", [`SPF of ${input.domain}${input.tree !== undefined ? " and its includes are" : " is"} valid: ${input.record}`]);
}

export interface SpfLookupsInput {
  readonly domain: string;
  readonly record: string | undefined;
  /** DNS lookups counted (before apply: the planner's static budget; live: the evaluator's count). */
  readonly lookups: number;
  /** Every term's cost is known; false when an include's nested cost is not (then the count is a lower bound). */
  readonly complete: boolean;
  /** Where the count comes from, for the facts. */
  readonly source: string;
}

export function judgeSpfLookups(input: SpfLookupsInput): Verdict {
  if (input.record === undefined) return notApplicable(`no single SPF record at ${input.domain} to judge (see spf.record)`);
  if (input.lookups > SPF_LOOKUP_LIMIT) return judged("spf.lookups", "over-limit", [`SPF of ${input.domain} needs ${input.complete ? "" : "at least "}${input.lookups} DNS lookups (limit ${SPF_LOOKUP_LIMIT}, ${input.source}): permerror at receivers`]);
  if (!input.complete) return cannotTell(`SPF of ${input.domain} needs at least ${input.lookups} DNS lookups, but what some includes need below themselves is not known (${input.source})`);
  if (input.lookups >= 8) return judged("spf.lookups", "little-headroom", [`SPF of ${input.domain} needs ${input.lookups} DNS lookups (${input.source}): within the limit of ${SPF_LOOKUP_LIMIT} but little headroom`]);
  return judged("spf.lookups", "within-limit", [`SPF of ${input.domain} needs ${input.lookups} DNS lookup(s) (limit ${SPF_LOOKUP_LIMIT}, ${input.source})`]);
}

export interface SpfVoidInput {
  readonly domain: string;
  readonly record: string | undefined;
  /** Terms whose target has no records; undefined when the targets' existence is not known. */
  readonly voids: readonly string[] | undefined;
  /** Why the voids are not known, for "cannot tell". */
  readonly unknownReason?: string;
}

export function judgeSpfVoidLookups(input: SpfVoidInput): Verdict {
  if (input.record === undefined) return notApplicable(`no single SPF record at ${input.domain} to judge (see spf.record)`);
  if (input.voids === undefined) return cannotTell(input.unknownReason ?? `whether the SPF terms of ${input.domain} resolve is not known`);
  if (input.voids.length > 2) return judged("spf.void_lookups", "over-limit", [`SPF of ${input.domain} has ${input.voids.length} void lookups (limit 2): ${input.voids.join(", ")}`]);
  if (input.voids.length > 0) return judged("spf.void_lookups", "some", [`SPF of ${input.domain} has ${input.voids.length} void lookup(s): ${input.voids.join(", ")}`]);
  return judged("spf.void_lookups", "none", [`every SPF term of ${input.domain} points at a name that exists`]);
}

export interface SpfMxInput {
  readonly domain: string;
  readonly record: string | undefined;
  /** For each `mx` term (of the record and its includes), how many MX hosts it names; undefined when not known. */
  readonly mxTerms: readonly { readonly term: string; readonly hosts: number | undefined }[];
}

export function judgeSpfMxAddresses(input: SpfMxInput): Verdict {
  if (input.record === undefined) return notApplicable(`no single SPF record at ${input.domain} to judge (see spf.record)`);
  const over = input.mxTerms.find((m) => m.hosts !== undefined && m.hosts > 10);
  if (over !== undefined) return judged("spf.mx_addresses", "over-limit", [`SPF term "${over.term}" of ${input.domain} has ${over.hosts ?? 0} MX hosts to look up (limit 10)`]);
  if (input.mxTerms.some((m) => m.hosts === undefined)) return cannotTell(`how many MX hosts the SPF mx terms of ${input.domain} name is not known`);
  return judged("spf.mx_addresses", "within-limit", [input.mxTerms.length === 0 ? `SPF of ${input.domain} has no mx terms` : `every SPF mx term of ${input.domain} has at most 10 MX hosts`]);
}

export interface SpfAllInput {
  readonly domain: string;
  readonly record: string | undefined;
  /** The DMARC policy receivers apply to the domain; undefined when there is no valid DMARC record. */
  readonly dmarcPolicy: DmarcPolicy | undefined;
  /** Why the DMARC policy is not known (a failed lookup): "~all" then cannot be judged. */
  readonly dmarcUnknown?: string;
  /**
   * The effective `all` when the tree was walked (after apply): the record's own, or the one reached through
   * `redirect=` (RFC 7208 §6.1); `{ unknown }` when the redirect target could not be read. Absent: the record's own.
   */
  readonly effectiveAll?: { readonly qualifier: "+" | "-" | "~" | "?"; readonly explicitQualifier: boolean; readonly domain: string } | { readonly unknown: string } | null;
}

export function judgeSpfAll(input: SpfAllInput): Verdict {
  if (input.record === undefined) return notApplicable(`no single SPF record at ${input.domain} to judge (see spf.record)`);
  const eff = input.effectiveAll;
  if (eff !== undefined && eff !== null && "unknown" in eff) return cannotTell(eff.unknown);
  const all = eff === undefined ? findAll(parseSpf(input.record).record.terms) : eff ?? undefined;
  if (all === undefined) return judged("spf.all", "missing", [`SPF of ${input.domain} has no "all": unlisted senders get "neutral", which protects nothing`]);
  const written = `${all.explicitQualifier ? all.qualifier : ""}all`;
  const where = eff !== undefined && eff !== null && eff.domain !== input.domain ? ` (through redirect to ${eff.domain})` : "";
  if (all.qualifier === "+") return judged("spf.all", "pass-all", [`SPF of ${input.domain} ends in "${written}"${where}: anyone may send as the domain`]);
  if (all.qualifier === "?") return judged("spf.all", "neutral", [`SPF of ${input.domain} ends in "?all"${where}: unlisted senders are neutral, not rejected`]);
  if (all.qualifier === "-") return judged("spf.all", "fail-all", [`SPF of ${input.domain} ends in "-all"${where}`]);
  // ~all: acceptable only when DMARC enforces (then DMARC, not SPF's softfail, decides).
  if (input.dmarcUnknown !== undefined) return cannotTell(`"~all" is fine only with an enforcing DMARC policy, and DMARC could not be looked up (${input.dmarcUnknown})`);
  if (input.dmarcPolicy !== undefined && input.dmarcPolicy !== "none") return judged("spf.all", "softfail-enforced", [`SPF of ${input.domain} ends in "~all"${where} and DMARC enforces (p=${input.dmarcPolicy})`]);
  return judged("spf.all", "softfail-unenforced", [`SPF of ${input.domain} ends in "~all"${where} ${input.dmarcPolicy === "none" ? "and DMARC does not enforce (p=none)" : "without a valid DMARC policy"}: spoofed mail is only marked`]);
}

export interface SpfLoopInput {
  readonly domain: string;
  readonly record: string | undefined;
  /** Include/redirect cycles found; undefined when the tree is not known in full. */
  readonly loops: readonly (readonly string[])[] | undefined;
  readonly unknownReason?: string;
}

export function judgeSpfLoop(input: SpfLoopInput): Verdict {
  if (input.record === undefined) return notApplicable(`no single SPF record at ${input.domain} to judge (see spf.record)`);
  if (input.loops === undefined) return cannotTell(input.unknownReason ?? `the include tree of ${input.domain} is not known in full`);
  if (input.loops.length > 0) return judged("spf.loop", "loop", [`SPF of ${input.domain} loops: ${input.loops[0]?.join(" → ") ?? ""}`]);
  return judged("spf.loop", "no-loop", [`the SPF include/redirect tree of ${input.domain} has no cycle`]);
}

export interface SpfSizeInput {
  readonly domain: string;
  readonly record: string | undefined;
  /** The record's character-strings as published, when known (before apply: the planned split). */
  readonly strings?: readonly string[];
}

export function judgeSpfSize(input: SpfSizeInput): Verdict {
  if (input.record === undefined) return notApplicable(`no single SPF record at ${input.domain} to judge (see spf.record)`);
  const bytes = Buffer.byteLength(input.record, "utf8");
  const long = (input.strings ?? []).find((s) => Buffer.byteLength(s, "utf8") > 255);
  if (long !== undefined) return judged("spf.size", "oversized", [`an SPF string of ${input.domain} is ${Buffer.byteLength(long, "utf8")} bytes: a DNS string holds at most 255 (RFC 7208 §3.3)`]);
  if (bytes > SPF_RECORD_SIZE_LIMIT) return judged("spf.size", "oversized", [`SPF of ${input.domain} is ${bytes} bytes (over ${SPF_RECORD_SIZE_LIMIT}): the answer may not fit a UDP response`]);
  return judged("spf.size", "within-limit", [`SPF of ${input.domain} is ${bytes} bytes${input.strings !== undefined ? ` in ${input.strings.length} string(s)` : ""}`]);
}

export function judgeSpfParked(input: SpfRecordInput): Verdict {
  if (!input.parked) return notApplicable(`${input.domain} sends mail`);
  const records = spfRecords(input.txt);
  if (records.length === 1 && isParkedSpf(records[0] ?? "")) return judged("spf.parked", "locked", [`${input.domain} is parked and publishes exactly "v=spf1 -all"`]);
  return judged("spf.parked", "open", [`${input.domain} is parked but its SPF is ${records.length === 0 ? "missing" : records.map((r) => `"${r}"`).join(" and ")}, not exactly "v=spf1 -all"`]);
}
