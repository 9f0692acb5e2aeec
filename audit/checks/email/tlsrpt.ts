import { isMtaStsRecord } from "../../../core/email/mtasts";
import { isTlsRptRecord, parseTlsRpt } from "../../../core/email/tlsrpt";
import type { CheckId } from "../../../checklist";
import type { AuditCheckModule, AuditContext, AuditTarget, CheckResult, Evidence } from "../../types";
import { describeLookup } from "./dns";
import { result, undecided } from "./result";

const IDS = ["tlsrpt.record"] as const satisfies readonly CheckId[];

async function run(target: AuditTarget, ctx: AuditContext): Promise<CheckResult[]> {
  const name = `_smtp._tls.${target.name}`;
  const txt = await ctx.dns.query(name, "TXT");
  const evidence: Evidence = { lookup: describeLookup("TXT", name, txt) };
  if (txt.kind === "error") return [undecided("tlsrpt.record", `the TXT lookup for ${name} failed (${txt.reason})`, evidence)];
  const all = txt.kind === "answer" ? txt.records : [];
  // RFC 8460 §3: records not beginning "v=TLSRPTv1" are discarded; more than one left means no TLS-RPT.
  const records = all.filter(isTlsRptRecord);
  const lookalike = all.filter((r) => !isTlsRptRecord(r) && /v\s*=\s*tlsrptv1/i.test(r));
  if (records.length > 1) return [result("tlsrpt.record", "fail", `${records.length} TLS-RPT records at ${name}: senders then send no reports`, { ...evidence, records }, "Keep exactly one `v=TLSRPTv1; rua=…` record.")];
  const text = records[0];
  if (text === undefined && lookalike.length > 0) {
    return [result("tlsrpt.record", "fail", `the record at ${name} does not begin with "v=TLSRPTv1;" exactly, so senders ignore it`, { ...evidence, records: lookalike }, "Publish `v=TLSRPTv1; rua=mailto:…` (the version is case-sensitive).")];
  }
  if (text === undefined) {
    const stsName = `_mta-sts.${target.name}`;
    const sts = await ctx.dns.query(stsName, "TXT");
    const ev = { ...evidence, mtaSts: describeLookup("TXT", stsName, sts) };
    if (sts.kind === "error") return [undecided("tlsrpt.record", `no TLS-RPT record, and whether MTA-STS is on is unknown (${sts.reason})`, ev)];
    if (sts.kind === "answer" && sts.records.some(isMtaStsRecord)) {
      return [result("tlsrpt.record", "warn", `no TLS-RPT record at ${name} while MTA-STS is on: failed deliveries go unreported`, ev)];
    }
    return [result("tlsrpt.record", "info", `no TLS-RPT record at ${name} (MTA-STS is off too)`, ev, "Publish `v=TLSRPTv1; rua=mailto:…` along with MTA-STS.")];
  }
  const parsed = parseTlsRpt(text);
  if (parsed.errors.length > 0) return [result("tlsrpt.record", "fail", `the TLS-RPT record at ${name} is invalid: ${parsed.errors[0] ?? ""}`, { ...evidence, record: text, errors: [...parsed.errors] })];
  return [result("tlsrpt.record", "pass", `TLS reports go to ${parsed.rua.join(", ")}`, { ...evidence, record: text })];
}

export const TLSRPT_CHECKS: AuditCheckModule = { ids: IDS, run };
