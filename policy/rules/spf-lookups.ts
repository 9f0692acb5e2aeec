import { cannotTell } from "../../core/judge";
import { SPF_COSTS_CHECKED } from "../../core/email/build/senders";
import { judgeSpfLookups } from "../../core/judges/email";
import { NO_EMAIL, plannedMail, spfOf } from "./support/email";
import { type JudgedRule, judgedRule } from "./support/setting-rule";

/** The planned SPF record needs at most 10 DNS lookups, counted from the planner's dated table of provider costs (RFC 7208 §4.6.4). */
export const spfLookups: JudgedRule = judgedRule(
  "spf.lookups",
  (resources) => plannedMail(resources).map((m) => {
    const spf = spfOf(m);
    const budget = m.spfBudget !== undefined && spf !== undefined && m.spfBudget.value === spf.value ? m.spfBudget : undefined;
    const verdict =
      spf !== undefined && budget === undefined
        ? cannotTell(`the SPF record planned at ${m.domain} is not the one the Email component built, so its lookup cost is not known before apply`)
        : judgeSpfLookups({ domain: m.domain, record: spf?.value, lookups: budget?.lookups ?? 0, complete: budget?.complete ?? false, source: `static budget, provider costs as of ${SPF_COSTS_CHECKED}` });
    return { verdict, urn: spf?.urn ?? m.urn };
  }),
  NO_EMAIL,
);
