import { judgeTlsRptRecord } from "../../../core/judges/email";
import type { CheckId } from "../../../checklist";
import type { AuditCheckModule, AuditContext, AuditTarget, CheckResult, Evidence } from "../../types";
import { fromVerdict } from "../verdict";
import { describeLookup } from "./dns";
import { undecided } from "./result";

const IDS = ["tlsrpt.record"] as const satisfies readonly CheckId[];

/** tlsrpt.record: the lookups, then the one judge the preview uses too (core/judges/email/tlsrpt.ts). */
async function run(target: AuditTarget, ctx: AuditContext): Promise<CheckResult[]> {
  const name = `_smtp._tls.${target.name}`;
  const stsName = `_mta-sts.${target.name}`;
  const [txt, sts] = await Promise.all([ctx.dns.query(name, "TXT"), ctx.dns.query(stsName, "TXT")]);
  const evidence: Evidence = { lookup: describeLookup("TXT", name, txt), mtaSts: describeLookup("TXT", stsName, sts) };
  if (txt.kind === "error") return [undecided("tlsrpt.record", `the TXT lookup for ${name} failed (${txt.reason})`, evidence)];
  const records = txt.kind === "answer" ? txt.records : [];
  // Whether MTA-STS is on matters only when there is no record (then a missing TLS-RPT warns rather than informs).
  if (records.length === 0 && sts.kind === "error") return [undecided("tlsrpt.record", `no TLS-RPT record, and whether MTA-STS is on is unknown (${sts.reason})`, evidence)];
  const verdict = judgeTlsRptRecord({ domain: target.display, parked: false, txt: records, mtaStsTxt: sts.kind === "answer" ? sts.records : [] });
  return [fromVerdict("tlsrpt.record", verdict, records.length > 0 ? { ...evidence, records: [...records] } : evidence)];
}

export const TLSRPT_CHECKS: AuditCheckModule = { ids: IDS, run };
