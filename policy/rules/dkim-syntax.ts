import { type Verdict } from "../../core/judge";
import { judgeDkimSyntax, type DkimInput } from "../../core/judges/email";
import { NO_EMAIL, type PlannedMail, dkimFacts, plannedMail } from "./support/email";
import { type JudgedRule, judgedRule } from "./support/setting-rule";

const dkim = (judge: (i: DkimInput) => Verdict) => (m: PlannedMail) => ({ verdict: judge({ domain: m.domain, parked: m.parked, selectors: dkimFacts(m) }), urn: m.urn });

/** Planned DKIM key records are valid for email signatures. */
export const dkimSyntax: JudgedRule = judgedRule(
  "dkim.syntax",
  (resources) => plannedMail(resources).map(dkim(judgeDkimSyntax)),
  NO_EMAIL,
);
