import { type Verdict } from "../../core/judge";
import { judgeDkimSelector, type DkimInput } from "../../core/judges/email";
import { NO_EMAIL, type PlannedMail, dkimFacts, plannedMail } from "./support/email";
import { type JudgedRule, judgedRule } from "./support/setting-rule";

const dkim = (judge: (i: DkimInput) => Verdict) => (m: PlannedMail) => ({ verdict: judge({ domain: m.domain, parked: m.parked, selectors: dkimFacts(m) }), urn: m.urn });

/** Every DKIM selector the senders sign with is planned (SES: three Easy DKIM CNAMEs). */
export const dkimSelector: JudgedRule = judgedRule(
  "dkim.selector",
  (resources) => plannedMail(resources).map(dkim(judgeDkimSelector)),
  NO_EMAIL,
);
