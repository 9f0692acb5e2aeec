import { isIP } from "node:net";
import type { CheckId } from "../../../checklist";
import type { AuditCheckModule, AuditContext, AuditTarget, CheckResult, Evidence, EvidenceValue } from "../../types";
import { describeLookup, isNullMx, showMx } from "./dns";
import { describeParked, loadMailState } from "./mail-state";
import { judgeMxNull, judgeMxRecords } from "../../../core/judges/email";
import { fromJudge, result, undecided } from "./result";

const IDS = ["mx.records", "mx.null"] as const satisfies readonly CheckId[];

type TargetFacts = { host: string; kind: "address" | "cname" | "absent" | undefined; error?: string; evidence: EvidenceValue };

/** What an MX target is, from its CNAME/A/AAAA answers (RFC 2181 §10.3): the judge decides what that means. */
async function lookupTarget(host: string, ctx: AuditContext): Promise<TargetFacts> {
  const bare = host.replace(/^\[|\]$/g, "");
  if (isIP(bare) !== 0 || /^\d+(\.\d+){3}$/.test(host)) return { host, kind: "address", evidence: { host } };
  const [cname, a, aaaa] = await Promise.all([ctx.dns.query(host, "CNAME"), ctx.dns.query(host, "A"), ctx.dns.query(host, "AAAA")]);
  const evidence = { host, lookups: [describeLookup("CNAME", host, cname), describeLookup("A", host, a), describeLookup("AAAA", host, aaaa)] };
  if (cname.kind === "answer" && cname.records.length > 0) return { host, kind: "cname", evidence };
  const hasAddress = (a.kind === "answer" && a.records.length > 0) || (aaaa.kind === "answer" && aaaa.records.length > 0);
  // The client follows CNAMEs for A/AAAA, so only the CNAME query can tell an alias: unasked, it is not known.
  if (hasAddress && cname.kind !== "error") return { host, kind: "address", evidence };
  const failed = [cname, a, aaaa].find((l) => l.kind === "error");
  if (failed && failed.kind === "error") return { host, kind: undefined, error: `${host}: ${failed.reason}`, evidence };
  return { host, kind: "absent", evidence };
}

async function run(target: AuditTarget, ctx: AuditContext): Promise<CheckResult[]> {
  const state = await loadMailState(target, ctx);
  const mx = state.mx;
  const evidence: Evidence = { lookup: describeLookup("MX", target.name, mx, showMx), mailMode: describeParked(state.parked) };
  if (mx.kind === "error") return IDS.map((id) => undecided(id, `the MX lookup for ${target.display} failed (${mx.reason})`, evidence));
  const records = mx.kind === "answer" ? mx.records : [];
  const real = records.filter((r) => !isNullMx(r.exchange));
  const input = { domain: target.display, mx: records.map((r) => ({ preference: r.preference, exchange: isNullMx(r.exchange) ? "." : r.exchange })) };
  const out: CheckResult[] = [];

  // mx.records: the targets looked up here, judged by the judge the preview uses (core/judges/email/mx.ts).
  const facts = await Promise.all([...new Set(real.map((r) => r.exchange))].map((h) => lookupTarget(h, ctx)));
  const errs = facts.filter((f) => f.error !== undefined);
  const verdict = judgeMxRecords({ ...input, parked: false, targets: new Map(facts.map((f) => [f.host, f.kind])), ...(errs.length > 0 ? { unknownReason: `could not decide: the address lookup of ${errs[0]?.error ?? ""} failed` } : {}) });
  // With --stack, the MX the plan publishes must be live too (a missing one is a fail whatever the judge saw).
  const expected = ctx.expected?.mxHosts.map((h) => h.toLowerCase().replace(/\.$/, "")) ?? [];
  const missingExpected = expected.filter((h) => !real.some((r) => r.exchange === h));
  const ev = { ...evidence, ...(facts.length > 0 ? { targets: facts.map((f) => f.evidence) } : {}), ...(expected.length > 0 ? { expected } : {}) };
  if (missingExpected.length > 0 && verdict.status !== "fail") out.push(result("mx.records", "fail", `expected MX ${missingExpected.join(", ")} not published at ${target.display}`, ev, "Publish the MX records your mail provider gives (`email.senders`)."));
  else out.push(fromJudge("mx.records", verdict, ev, { none: "Publish MX records for the mailboxes of this domain, or a null MX if it takes no mail." }));

  // mx.null (RFC 7505): whether the domain sends comes from the stack, else from what DNS shows.
  const parked = state.parked;
  if (parked.kind === "unknown" && !(state.hasNullMx && real.length > 0)) out.push(undecided("mx.null", parked.reason, evidence));
  else {
    const v = judgeMxNull({ ...input, parked: parked.kind !== "unknown" && parked.parked, targets: new Map() });
    // The facts name where parked-ness comes from (declared in the stack, or seen in DNS).
    const said = "facts" in v && parked.kind !== "unknown" ? { ...v, facts: [...v.facts, `${target.display} is ${describeParked(parked)}`] } : v;
    out.push(fromJudge("mx.null", said, evidence, { mixed: "Parked: keep only `MX 0 .`. Sending: remove the null MX (RFC 7505 §3).", "parked-open": "Publish only `MX 0 .` (the toolkit does with `email.senders: []`).", "sending-null": "If the domain sends mail, publish real MX records; if it is parked, publish `v=spf1 -all` too (or declare it in the stack)." }));
  }
  return out;
}

export const MX_CHECKS: AuditCheckModule = { ids: IDS, run };
