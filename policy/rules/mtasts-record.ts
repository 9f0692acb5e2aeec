import { judgeMtaStsRecord } from "../../core/judges/email";
import { NO_EMAIL, plannedMail, txtAt } from "./support/email";
import { type JudgedRule, judgedRule } from "./support/setting-rule";

/** MTA-STS is announced at `_mta-sts` (RFC 8461 §3.1). */
export const mtastsRecord: JudgedRule = judgedRule(
  "mtasts.record",
  (resources) => plannedMail(resources).map((m) => ({ verdict: judgeMtaStsRecord({ domain: m.domain, parked: m.parked, txt: txtAt(m, `_mta-sts.${m.domain}`) }), urn: m.at(`_mta-sts.${m.domain}`).txt[0]?.urn ?? m.urn })),
  NO_EMAIL,
);
