import { judgeSpfAll } from "../../core/judges/email";
import { NO_EMAIL, dmarcPolicyOf, plannedMail, spfOf } from "./support/email";
import { type JudgedRule, judgedRule } from "./support/setting-rule";

/** The planned SPF record ends in `-all`, or `~all` with an enforcing planned DMARC policy. */
export const spfAll: JudgedRule = judgedRule(
  "spf.all",
  (resources) => plannedMail(resources).map((m) => ({ verdict: judgeSpfAll({ domain: m.domain, record: spfOf(m)?.value, dmarcPolicy: dmarcPolicyOf(m) }), urn: spfOf(m)?.urn ?? m.urn })),
  NO_EMAIL,
);
