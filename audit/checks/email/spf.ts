import { appliedPolicy } from "../../../core/email/dmarc";
import {
  SPF_LOOKUP_LIMIT,
  SPF_MX_ADDRESS_LIMIT,
  SPF_RECORD_SIZE_LIMIT,
  SPF_VOID_LOOKUP_LIMIT,
  evaluateSpf,
  isParkedSpf,
  parseSpf,
  type SpfEvaluation,
  type SpfTreeNode,
} from "../../../core/email/spf";
import type { CheckId } from "../../../checklist";
import type { AuditCheckModule, AuditContext, AuditTarget, CheckResult, Evidence, EvidenceValue } from "../../types";
import { discoverDmarc } from "./dmarc-discovery";
import { describeLookup, spfDnsOf } from "./dns";
import { describeParked, loadMailState } from "./mail-state";
import { result, undecided } from "./result";
import { fromVerdict } from "../verdict";
import { judgeSpfLookups, judgeSpfLoop, judgeSpfMxAddresses, judgeSpfSize, judgeSpfVoidLookups } from "../../../core/judges/email";

const IDS = ["spf.record", "spf.syntax", "spf.lookups", "spf.void_lookups", "spf.mx_addresses", "spf.all", "spf.loop", "spf.size", "spf.parked"] as const satisfies readonly CheckId[];
/** The IDs judged on the one SPF record; skipped when there is not exactly one. */
const RECORD_IDS = ["spf.syntax", "spf.lookups", "spf.void_lookups", "spf.mx_addresses", "spf.all", "spf.loop", "spf.size"] as const satisfies readonly CheckId[];

/** The include/redirect tree with counts, as evidence. */
export function treeEvidence(node: SpfTreeNode): EvidenceValue {
  return {
    domain: node.domain,
    via: node.via,
    status: node.status,
    records: [...node.records],
    lookups: node.lookups,
    totalLookups: node.totalLookups,
    ...(node.errors.length > 0 ? { errors: [...node.errors] } : {}),
    children: node.children.map(treeEvidence),
  };
}

function dnsErrors(ev: SpfEvaluation): EvidenceValue {
  return ev.errors.map((e) => `${e.type} ${e.name}: ${e.reason}`);
}

async function judgeAll(target: AuditTarget, ctx: AuditContext, ev: SpfEvaluation, evidence: Evidence): Promise<CheckResult> {
  const all = ev.all;
  if (!all) {
    const redirectFailed = ev.tree.children.some((c) => c.via === "redirect" && c.status === "error");
    if (redirectFailed) return undecided("spf.all", "the redirect target could not be looked up", { ...evidence, dnsErrors: dnsErrors(ev) });
    return result("spf.all", "warn", `SPF of ${target.display} has no "all": unlisted senders get "neutral", which protects nothing`, evidence);
  }
  const written = `${all.explicitQualifier ? all.qualifier : ""}all`;
  const where = all.domain === target.name ? "" : ` (through redirect to ${all.domain})`;
  const ev2 = { ...evidence, all: written, allFrom: all.domain };
  if (all.qualifier === "+") return result("spf.all", "fail", `SPF of ${target.display} ends in "${written}"${where}: anyone may send as the domain`, ev2);
  if (all.qualifier === "?") return result("spf.all", "warn", `SPF of ${target.display} ends in "?all"${where}: unlisted senders are neutral, not rejected`, ev2);
  if (all.qualifier === "-") return result("spf.all", "pass", `SPF of ${target.display} ends in "-all"${where}`, ev2);
  // ~all: acceptable only when DMARC enforces (then DMARC, not SPF's softfail, decides).
  const dmarc = await discoverDmarc(target, ctx);
  const ev3 = { ...ev2, dmarc: dmarc.evidence };
  if (dmarc.kind === "error") return undecided("spf.all", `"~all" is fine only with an enforcing DMARC policy, and DMARC could not be looked up (${dmarc.reason})`, ev3);
  if (dmarc.kind === "found" && dmarc.parsed.errors.length === 0) {
    // What receivers apply (RFC 7489 §6.6.3 step 6), not the tag's text.
    const applied = appliedPolicy(dmarc.parsed, dmarc.inherited);
    const policy = applied.kind === "policy" ? applied.policy : "none";
    if (policy !== "none") return result("spf.all", "pass", `SPF of ${target.display} ends in "~all"${where} and DMARC enforces (p=${policy})`, { ...ev3, dmarcPolicy: policy });
    return result("spf.all", "warn", `SPF of ${target.display} ends in "~all"${where} and DMARC does not enforce (p=none): spoofed mail is only marked`, { ...ev3, dmarcPolicy: policy });
  }
  return result("spf.all", "warn", `SPF of ${target.display} ends in "~all"${where} without a valid DMARC policy: spoofed mail is only marked`, ev3);
}

async function run(target: AuditTarget, ctx: AuditContext): Promise<CheckResult[]> {
  const state = await loadMailState(target, ctx);
  const txtEvidence = describeLookup("TXT", target.name, state.txt);
  const base: Evidence = { lookup: txtEvidence, mailMode: describeParked(state.parked) };
  if (state.txt.kind === "error") return IDS.map((id) => undecided(id, `the TXT lookup for ${target.display} failed (${state.txt.kind === "error" ? state.txt.reason : ""})`, base));

  const out: CheckResult[] = [];
  const records = state.spfRecords;
  const allTxt = state.txt.kind === "answer" ? state.txt.records : [];
  const lookalikes = allTxt.filter((r) => !records.includes(r) && /v=spf1/i.test(r));
  const parked = state.parked;
  const declaredParked = parked.kind === "declared" && parked.parked;

  // spf.record
  if (records.length === 1) {
    out.push(result("spf.record", "pass", `one SPF record at ${target.display}`, { ...base, record: records[0] ?? "" }));
  } else if (records.length > 1) {
    out.push(result("spf.record", "fail", `${records.length} SPF records at ${target.display}: receivers return permerror (RFC 7208 §4.5)`, { ...base, records: [...records] }, "Merge the SPF records into one TXT record starting `v=spf1`."));
  } else if (lookalikes.length > 0) {
    out.push(result("spf.record", "fail", `a TXT record at ${target.display} mentions v=spf1 but does not start with it, so receivers ignore it`, { ...base, records: lookalikes }, "Make the record start exactly with `v=spf1 ` (no leading text, space or quotes)."));
  } else if (declaredParked) {
    out.push(result("spf.record", "info", `no SPF record at ${target.display} (declared parked: see spf.parked)`, base));
  } else {
    out.push(result("spf.record", "fail", `no SPF record at ${target.display}, a sending domain`, base));
  }

  // spf.parked
  if (parked.kind === "unknown") out.push(undecided("spf.parked", parked.reason, base));
  else if (!parked.parked) out.push(result("spf.parked", "skip", `${target.display} is ${describeParked(parked)}`, base));
  else if (records.length === 1 && isParkedSpf(records[0] ?? "")) out.push(result("spf.parked", "pass", `${target.display} is parked and publishes exactly "v=spf1 -all"`, base));
  else out.push(result("spf.parked", "fail", `${target.display} is parked but its SPF is ${records.length === 0 ? "missing" : records.map((r) => `"${r}"`).join(" and ")}, not exactly "v=spf1 -all"`, base));

  const text = records.length === 1 ? records[0] : undefined;
  if (text === undefined) {
    for (const id of RECORD_IDS) out.push(result(id, "skip", `no single SPF record at ${target.display} to judge (see spf.record)`, base));
    return out;
  }

  const parsed = parseSpf(text);
  const ev = await evaluateSpf(target.name, spfDnsOf(ctx));
  const tree = treeEvidence(ev.tree);
  const evidence: Evidence = { ...base, record: text };

  // spf.syntax: the record's own errors, then permerrors anywhere below it (they fail evaluation just the same);
  // an unreadable include may hide one, so it outranks a mere warning.
  if (parsed.errors.length > 0) out.push(result("spf.syntax", "fail", `SPF of ${target.display} is invalid: ${parsed.errors[0] ?? ""}`, { ...evidence, errors: [...parsed.errors] }));
  else if (ev.permerrors.length > 0) out.push(result("spf.syntax", "fail", `SPF of ${target.display} fails through its includes: ${ev.permerrors[0] ?? ""}`, { ...evidence, errors: [...ev.permerrors], tree }, "Fix or remove the include named in the message (an include target must publish exactly one valid SPF record)."));
  else if (ev.errors.length > 0) out.push(undecided("spf.syntax", `${ev.errors.length} lookup(s) in the include tree failed`, { ...evidence, dnsErrors: dnsErrors(ev), tree }));
  else if (parsed.warnings.length > 0) out.push(result("spf.syntax", "warn", `SPF of ${target.display}: ${parsed.warnings[0] ?? ""}`, { ...evidence, warnings: [...parsed.warnings] }));
  else out.push(result("spf.syntax", "pass", `SPF of ${target.display} and its includes are valid`, { ...evidence, tree }));

  // spf.lookups, spf.void_lookups, spf.mx_addresses (RFC 7208 §4.6.4): the evaluator's counts, judged by the same
  // judges as the preview (core/judges/email/spf.ts). With failed lookups a count is a lower bound: above the limit
  // it is still a fail, below it cannot be told.
  const incomplete = ev.errors.length > 0 || ev.truncated;
  const lookupEvidence: Evidence = { ...evidence, lookups: ev.lookups, limit: SPF_LOOKUP_LIMIT, tree, ...(ev.macroTerms.length > 0 ? { notExpanded: [...ev.macroTerms] } : {}), ...(ev.truncated ? { truncated: true } : {}), ...(ev.errors.length > 0 ? { dnsErrors: dnsErrors(ev) } : {}) };
  const lookupSource = incomplete ? `counted live; ${ev.errors.length} lookup(s) failed, so the count is incomplete` : "counted live";
  out.push(fromVerdict("spf.lookups", judgeSpfLookups({ domain: target.display, record: text, lookups: ev.lookups, complete: !incomplete, source: lookupSource }), lookupEvidence));

  const voids: EvidenceValue = ev.voidLookups.map((v) => ({ term: v.term, in: v.domain, name: v.name, answer: v.reason }));
  const voidTerms = ev.voidLookups.map((v) => `${v.term} (${v.reason})`);
  out.push(
    fromVerdict(
      "spf.void_lookups",
      judgeSpfVoidLookups({ domain: target.display, record: text, voids: ev.errors.length > 0 && voidTerms.length <= SPF_VOID_LOOKUP_LIMIT ? undefined : voidTerms, unknownReason: `${ev.errors.length} lookup(s) failed, so void lookups cannot be counted` }),
      { ...evidence, voidLookups: voids, ...(ev.errors.length > 0 ? { dnsErrors: dnsErrors(ev) } : {}) },
    ),
  );

  const mxEvidence: EvidenceValue = ev.mxTerms.map((m) => ({ term: m.term, in: m.domain, name: m.name, exchanges: [...m.exchanges] }));
  const overMx = ev.mxTerms.some((m) => m.exchanges.length > SPF_MX_ADDRESS_LIMIT);
  // Any failed lookup may hide an mx term (in an include that could not be read), not only a failed MX lookup.
  const mxTerms = ev.errors.length > 0 && !overMx ? [{ term: `(${ev.errors[0]?.name ?? ""}: ${ev.errors[0]?.reason ?? ""})`, hosts: undefined }] : ev.mxTerms.map((m) => ({ term: m.term, hosts: m.exchanges.length }));
  out.push(fromVerdict("spf.mx_addresses", judgeSpfMxAddresses({ domain: target.display, record: text, mxTerms }), { ...evidence, mxTerms: mxEvidence, ...(ev.errors.length > 0 ? { dnsErrors: dnsErrors(ev) } : {}) }));

  out.push(await judgeAll(target, ctx, ev, evidence));

  // spf.loop: a cycle found fails even when part of the tree could not be read; otherwise failed lookups hide it.
  out.push(
    fromVerdict(
      "spf.loop",
      judgeSpfLoop({ domain: target.display, record: text, loops: ev.loops.length > 0 || ev.errors.length === 0 ? ev.loops : undefined, unknownReason: `${ev.errors.length} lookup(s) in the include tree failed, so part of it is unknown` }),
      { ...evidence, ...(ev.loops.length > 0 ? { loops: ev.loops.map((l) => [...l]) } : {}), ...(ev.errors.length > 0 ? { dnsErrors: dnsErrors(ev) } : {}), tree },
    ),
  );

  // spf.size (RFC 7208 §3.4). The client joins a record's strings, so a single string's length cannot be seen here;
  // the wire format itself caps a string at 255 bytes.
  const bytes = Buffer.byteLength(text, "utf8");
  out.push(fromVerdict("spf.size", judgeSpfSize({ domain: target.display, record: text }), { ...evidence, bytes, limit: SPF_RECORD_SIZE_LIMIT }));
  return out;
}

export const SPF_CHECKS: AuditCheckModule = { ids: IDS, run };
