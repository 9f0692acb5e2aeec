import { judgeSpfRecord } from "../../core/judges/email";
import { NO_EMAIL, plannedMail, spfOf, txtAt } from "./support/email";
import { type JudgedRule, judgedRule } from "./support/setting-rule";

/** One SPF record at each domain the stack plans mail for (RFC 7208 §4.5). */
export const spfRecord: JudgedRule = judgedRule(
  "spf.record",
  (resources) => plannedMail(resources).map((m) => ({ verdict: judgeSpfRecord({ domain: m.domain, txt: txtAt(m, m.domain), parked: m.parked }), urn: spfOf(m)?.urn ?? m.urn })),
  NO_EMAIL,
);
