import { type Verdict } from "../../core/judge";
import { judgeDmarcPct, type DmarcInput } from "../../core/judges/email";
import { NO_EMAIL, type PlannedMail, plannedMail, txtAt } from "./support/email";
import { type JudgedRule, judgedRule } from "./support/setting-rule";

const dmarc = (judge: (i: DmarcInput) => Verdict) => (m: PlannedMail) => ({ verdict: judge({ domain: m.domain, txt: txtAt(m, `_dmarc.${m.domain}`) }), urn: m.at(`_dmarc.${m.domain}`).txt[0]?.urn ?? m.urn });

/** The planned DMARC record applies to all mail. */
export const dmarcPct: JudgedRule = judgedRule(
  "dmarc.pct",
  (resources) => plannedMail(resources).map(dmarc(judgeDmarcPct)),
  NO_EMAIL,
);
