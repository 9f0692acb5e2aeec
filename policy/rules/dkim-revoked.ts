import { type Verdict } from "../../core/judge";
import { judgeDkimRevoked, type DkimInput } from "../../core/judges/email";
import { NO_EMAIL, type PlannedMail, dkimFacts, plannedMail } from "./support/email";
import { type JudgedRule, judgedRule } from "./support/setting-rule";

const dkim = (judge: (i: DkimInput) => Verdict) => (m: PlannedMail) => ({ verdict: judge({ domain: m.domain, parked: m.parked, selectors: dkimFacts(m) }), urn: m.urn });

/** No planned active selector is revoked. */
export const dkimRevoked: JudgedRule = judgedRule(
  "dkim.revoked",
  (resources) => plannedMail(resources).map(dkim(judgeDkimRevoked)),
  NO_EMAIL,
);
