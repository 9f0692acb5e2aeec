import { judgeTlsRptRecord } from "../../core/judges/email";
import { NO_EMAIL, plannedMail, txtAt } from "./support/email";
import { type JudgedRule, judgedRule } from "./support/setting-rule";

/** TLS-RPT is requested at `_smtp._tls` (RFC 8460 §3). */
export const tlsrptRecord: JudgedRule = judgedRule(
  "tlsrpt.record",
  (resources) => plannedMail(resources).map((m) => ({ verdict: judgeTlsRptRecord({ domain: m.domain, parked: m.parked, txt: txtAt(m, `_smtp._tls.${m.domain}`), mtaStsTxt: txtAt(m, `_mta-sts.${m.domain}`) }), urn: m.at(`_smtp._tls.${m.domain}`).txt[0]?.urn ?? m.urn })),
  NO_EMAIL,
);
