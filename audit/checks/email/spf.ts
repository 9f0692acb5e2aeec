import { appliedPolicy, type DmarcPolicy } from "../../../core/email/dmarc";
import {
  SPF_LOOKUP_LIMIT,
  SPF_MX_ADDRESS_LIMIT,
  SPF_RECORD_SIZE_LIMIT,
  SPF_VOID_LOOKUP_LIMIT,
  evaluateSpf,
  parseSpf,
  type SpfEvaluation,
  type SpfTreeNode,
} from "../../../core/email/spf";
import type { CheckId } from "../../../checklist";
import type { AuditCheckModule, AuditContext, AuditTarget, CheckResult, Evidence, EvidenceValue } from "../../types";
import { discoverDmarc } from "./dmarc-discovery";
import { describeLookup, spfDnsOf } from "./dns";
import { describeParked, loadMailState } from "./mail-state";
import { fromJudge, result, undecided } from "./result";
import { fromVerdict } from "../verdict";
import { judgeSpfAll, judgeSpfLookups, judgeSpfLoop, judgeSpfMxAddresses, judgeSpfParked, judgeSpfRecord, judgeSpfSize, judgeSpfSyntax, judgeSpfVoidLookups } from "../../../core/judges/email";

const RECORD_FIXES = {
  several: "Merge the SPF records into one TXT record starting `v=spf1`.",
  lookalike: "Make the record start exactly with `v=spf1 ` (no leading text, space or quotes).",
  "differs-from-plan": "Run `pulumi up` so the live record is the planned one, or change the stack's `email.senders` to what you want.",
} as const;

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

/** The DMARC policy receivers apply, as spf.all needs it ("~all" is fine only under an enforcing policy). */
async function dmarcForSpf(target: AuditTarget, ctx: AuditContext): Promise<{ policy: DmarcPolicy | undefined; unknown?: string; evidence: EvidenceValue }> {
  const dmarc = await discoverDmarc(target, ctx);
  if (dmarc.kind === "error") return { policy: undefined, unknown: dmarc.reason, evidence: dmarc.evidence };
  if (dmarc.kind !== "found" || dmarc.parsed.errors.length > 0) return { policy: undefined, evidence: dmarc.evidence };
  // What receivers apply (RFC 7489 §6.6.3 step 6), not the tag's text.
  const applied = appliedPolicy(dmarc.parsed, dmarc.inherited);
  return { policy: applied.kind === "policy" ? applied.policy : "none", evidence: dmarc.evidence };
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

  // spf.record and spf.parked: the judges the preview uses (core/judges/email/spf.ts), on the TXT answer.
  const recordEvidence: Evidence = records.length === 1 ? { ...base, record: records[0] ?? "" } : records.length > 1 ? { ...base, records: [...records] } : lookalikes.length > 0 ? { ...base, records: lookalikes } : base;
  out.push(fromJudge("spf.record", judgeSpfRecord({ domain: target.display, txt: allTxt, parked: declaredParked, ...(ctx.expected?.plannedEmail?.spf !== undefined ? { planned: ctx.expected.plannedEmail.spf } : {}) }), recordEvidence, RECORD_FIXES));
  if (parked.kind === "unknown") out.push(undecided("spf.parked", parked.reason, base));
  else {
    const v = judgeSpfParked({ domain: target.display, txt: allTxt, parked: parked.parked });
    // Not applicable: say where "sending" comes from (the stack, or what DNS shows).
    out.push(fromJudge("spf.parked", v.status === "not-applicable" ? { ...v, reason: `${v.reason}: ${target.display} is ${describeParked(parked)}` } : v, base));
  }

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
  // an unreadable include may hide one, so it outranks a mere warning. The judge weighs them.
  const syntax = judgeSpfSyntax({ domain: target.display, record: text, tree: { permerrors: ev.permerrors, ...(ev.errors.length > 0 ? { unknown: `could not decide: ${ev.errors.length} lookup(s) in the include tree failed` } : {}) } });
  out.push(fromJudge("spf.syntax", syntax, { ...evidence, ...(parsed.errors.length > 0 ? { errors: [...parsed.errors] } : ev.permerrors.length > 0 ? { errors: [...ev.permerrors] } : {}), ...(parsed.warnings.length > 0 ? { warnings: [...parsed.warnings] } : {}), ...(ev.errors.length > 0 ? { dnsErrors: dnsErrors(ev) } : {}), tree }, parsed.errors.length === 0 && ev.permerrors.length > 0 ? { invalid: "Fix or remove the include named in the message (an include target must publish exactly one valid SPF record)." } : {}));

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

  // spf.all: the effective all (own, or through redirect), and the DMARC policy receivers apply.
  const redirectFailed = ev.all === undefined && ev.tree.children.some((c) => c.via === "redirect" && c.status === "error");
  const dmarc = ev.all?.qualifier === "~" ? await dmarcForSpf(target, ctx) : undefined;
  const allVerdict = judgeSpfAll({
    domain: target.name,
    record: text,
    dmarcPolicy: dmarc?.policy,
    ...(dmarc?.unknown !== undefined ? { dmarcUnknown: dmarc.unknown } : {}),
    effectiveAll: redirectFailed ? { unknown: "could not decide: the redirect target could not be looked up" } : ev.all ?? null,
  });
  out.push(fromJudge("spf.all", allVerdict, { ...evidence, ...(ev.all ? { all: `${ev.all.explicitQualifier ? ev.all.qualifier : ""}all`, allFrom: ev.all.domain } : {}), ...(dmarc ? { dmarc: dmarc.evidence, ...(dmarc.policy !== undefined ? { dmarcPolicy: dmarc.policy } : {}) } : {}), ...(redirectFailed ? { dnsErrors: dnsErrors(ev) } : {}) }));

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
