/** tlsrpt.record (RFC 8460 §3): the `_smtp._tls` TXT values in, verdict out. */
import { judged, notApplicable, type Verdict } from "../../judge";
import { isTlsRptRecord, parseTlsRpt } from "../../email/tlsrpt";

export interface TlsRptInput {
  readonly domain: string;
  readonly parked: boolean;
  readonly txt: readonly string[];
}

export function judgeTlsRptRecord(input: TlsRptInput): Verdict {
  if (input.parked) return notApplicable(`${input.domain} is parked: it receives no mail`);
  const records = input.txt.filter(isTlsRptRecord);
  if (records.length === 0) return judged("tlsrpt.record", "absent", [`no TLS-RPT record at _smtp._tls.${input.domain}`]);
  if (records.length > 1) return judged("tlsrpt.record", "invalid", [`${records.length} TLS-RPT records at _smtp._tls.${input.domain}: senders use none (RFC 8460 §3)`]);
  const p = parseTlsRpt(records[0] ?? "");
  if (p.errors.length > 0) return judged("tlsrpt.record", "invalid", [`the TLS-RPT record of ${input.domain} is invalid: ${p.errors[0] ?? ""}`]);
  return judged("tlsrpt.record", "valid", [`TLS reports for ${input.domain} go to ${p.rua.join(", ")}`]);
}
