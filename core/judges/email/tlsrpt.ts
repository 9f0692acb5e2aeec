/** tlsrpt.record (RFC 8460 §3): the `_smtp._tls` TXT values in, verdict out. */
import { judged, type Verdict } from "../../judge";
import { isMtaStsRecord } from "../../email/mtasts";
import { isTlsRptRecord, parseTlsRpt } from "../../email/tlsrpt";

export interface TlsRptInput {
  readonly domain: string;
  readonly parked: boolean;
  readonly txt: readonly string[];
  /** The TXT values at `_mta-sts.<domain>` (without MTA-STS a missing TLS-RPT is only a fact). */
  readonly mtaStsTxt: readonly string[];
}

export function judgeTlsRptRecord(input: TlsRptInput): Verdict {
  const records = input.txt.filter(isTlsRptRecord);
  const lookalike = input.txt.filter((r) => !isTlsRptRecord(r) && /v\s*=\s*tlsrptv1/i.test(r));
  if (records.length === 0 && lookalike.length > 0) return judged("tlsrpt.record", "invalid", [`the record at _smtp._tls.${input.domain} does not begin with "v=TLSRPTv1;" exactly, so senders ignore it`]);
  if (records.length === 0) {
    if (!input.mtaStsTxt.some(isMtaStsRecord)) return judged("tlsrpt.record", "absent-no-mtasts", [`no TLS-RPT record at _smtp._tls.${input.domain} (MTA-STS is off too${input.parked ? ": the domain is parked" : ""})`]);
    return judged("tlsrpt.record", "absent", [`no TLS-RPT record at _smtp._tls.${input.domain} while MTA-STS is on: failed deliveries go unreported`]);
  }
  if (records.length > 1) return judged("tlsrpt.record", "invalid", [`${records.length} TLS-RPT records at _smtp._tls.${input.domain}: senders use none (RFC 8460 §3)`]);
  const p = parseTlsRpt(records[0] ?? "");
  if (p.errors.length > 0) return judged("tlsrpt.record", "invalid", [`the TLS-RPT record of ${input.domain} is invalid: ${p.errors[0] ?? ""}`]);
  return judged("tlsrpt.record", "valid", [`TLS reports go to ${p.rua.join(", ")}`]);
}
