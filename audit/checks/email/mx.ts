import { isIP } from "node:net";
import type { CheckId } from "../../../checklist";
import type { AuditCheckModule, AuditContext, AuditTarget, CheckResult, Evidence, EvidenceValue } from "../../types";
import { describeLookup, isNullMx, showMx } from "./dns";
import { describeParked, loadMailState } from "./mail-state";
import { result, undecided } from "./result";

const IDS = ["mx.records", "mx.null"] as const satisfies readonly CheckId[];

type TargetVerdict = { host: string; problem?: string; error?: string; evidence: EvidenceValue };

/** RFC 5321 §5.1 / RFC 2181 §10.3: an MX names a host with addresses, never a CNAME or an address literal. */
async function judgeTarget(host: string, ctx: AuditContext): Promise<TargetVerdict> {
  const bare = host.replace(/^\[|\]$/g, "");
  if (isIP(bare) !== 0 || /^\d+(\.\d+){3}$/.test(host)) return { host, problem: `${host} is an IP address, not a host name`, evidence: { host } };
  const [cname, a, aaaa] = await Promise.all([ctx.dns.query(host, "CNAME"), ctx.dns.query(host, "A"), ctx.dns.query(host, "AAAA")]);
  const evidence = { host, lookups: [describeLookup("CNAME", host, cname), describeLookup("A", host, a), describeLookup("AAAA", host, aaaa)] };
  if (cname.kind === "answer" && cname.records.length > 0) return { host, problem: `${host} is a CNAME (to ${cname.records[0] ?? ""})`, evidence };
  const hasAddress = (a.kind === "answer" && a.records.length > 0) || (aaaa.kind === "answer" && aaaa.records.length > 0);
  // The client follows CNAMEs for A/AAAA, so only the CNAME query can tell an alias: unasked, it is no pass.
  if (hasAddress && cname.kind !== "error") return { host, evidence };
  const failed = [cname, a, aaaa].find((l) => l.kind === "error");
  if (failed && failed.kind === "error") return { host, error: `${host}: ${failed.reason}`, evidence };
  return { host, problem: `${host} has no A or AAAA record`, evidence };
}

async function run(target: AuditTarget, ctx: AuditContext): Promise<CheckResult[]> {
  const state = await loadMailState(target, ctx);
  const mx = state.mx;
  const evidence: Evidence = { lookup: describeLookup("MX", target.name, mx, showMx), mailMode: describeParked(state.parked) };
  if (mx.kind === "error") return IDS.map((id) => undecided(id, `the MX lookup for ${target.display} failed (${mx.reason})`, evidence));
  const records = mx.kind === "answer" ? mx.records : [];
  const real = records.filter((r) => !isNullMx(r.exchange));
  const out: CheckResult[] = [];

  // mx.records
  const expected = ctx.expected?.mxHosts.map((h) => h.toLowerCase().replace(/\.$/, "")) ?? [];
  const missingExpected = expected.filter((h) => !real.some((r) => r.exchange === h));
  if (real.length === 0) {
    if (missingExpected.length > 0) out.push(result("mx.records", "fail", `expected MX ${missingExpected.join(", ")} not published at ${target.display}`, evidence, "Publish the MX records your mail provider gives (`email.senders`)."));
    else if (records.length > 0) out.push(result("mx.records", "skip", `${target.display} has only a null MX (see mx.null)`, evidence));
    else out.push(result("mx.records", "info", `${target.display} has no MX record: senders fall back to its A/AAAA record (RFC 5321 §5.1)`, evidence, "Publish MX records for the mailboxes of this domain, or a null MX if it takes no mail."));
  } else {
    const verdicts = await Promise.all([...new Set(real.map((r) => r.exchange))].map((h) => judgeTarget(h, ctx)));
    const ev = { ...evidence, targets: verdicts.map((v) => v.evidence), ...(expected.length > 0 ? { expected } : {}) };
    const bad = verdicts.filter((v) => v.problem !== undefined);
    const errs = verdicts.filter((v) => v.error !== undefined);
    const listed = bad.slice(0, 3).map((v) => v.problem).join("; ");
    if (bad.length > 0) out.push(result("mx.records", "fail", `MX target ${listed}${bad.length > 3 ? `; and ${bad.length - 3} more (see evidence)` : ""}`, ev));
    else if (missingExpected.length > 0) out.push(result("mx.records", "fail", `expected MX ${missingExpected.join(", ")} not published at ${target.display}`, ev, "Publish the MX records your mail provider gives (`email.senders`)."));
    else if (errs.length > 0) out.push(undecided("mx.records", `the address lookup of ${errs[0]?.error ?? ""} failed`, ev));
    else out.push(result("mx.records", "pass", `every MX target of ${target.display} is a host name with addresses (${verdicts.map((v) => v.host).join(", ")})`, ev));
  }

  // mx.null (RFC 7505)
  const parked = state.parked;
  if (state.hasNullMx && real.length > 0) {
    out.push(result("mx.null", "fail", `${target.display} publishes a null MX beside ${real.map(showMx).join(", ")}: senders may treat the domain as taking no mail`, evidence, "Parked: keep only `MX 0 .`. Sending: remove the null MX (RFC 7505 §3)."));
  } else if (parked.kind === "unknown") {
    out.push(undecided("mx.null", parked.reason, evidence));
  } else if (parked.parked) {
    if (state.hasNullMx) out.push(result("mx.null", "pass", `${target.display} is parked and publishes a null MX alone`, evidence));
    else out.push(result("mx.null", "fail", `${target.display} is declared parked but publishes ${real.length > 0 ? `MX ${real.map(showMx).join(", ")}` : "no null MX"}`, evidence, "Publish only `MX 0 .` (the toolkit does with `email.senders: []`)."));
  } else if (state.hasNullMx) {
    out.push(result("mx.null", "warn", `${target.display} publishes a null MX (takes no mail) but is ${describeParked(parked)}: replies and bounces to it are lost`, evidence, "If the domain sends mail, publish real MX records; if it is parked, publish `v=spf1 -all` too (or declare it in the stack)."));
  } else {
    out.push(result("mx.null", "pass", `${target.display} publishes no null MX (${describeParked(parked)})`, evidence));
  }
  return out;
}

export const MX_CHECKS: AuditCheckModule = { ids: IDS, run };
