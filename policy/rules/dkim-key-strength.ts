import { type Verdict } from "../../core/judge";
import { judgeDkimKeyStrength, type DkimInput } from "../../core/judges/email";
import { NO_EMAIL, type PlannedMail, dkimFacts, plannedMail } from "./support/email";
import { type JudgedRule, judgedRule } from "./support/setting-rule";

const dkim = (judge: (i: DkimInput) => Verdict) => (m: PlannedMail) => ({ verdict: judge({ domain: m.domain, parked: m.parked, selectors: dkimFacts(m) }), urn: m.urn });

/** Planned DKIM keys are RSA ≥ 2048 or ed25519 (SES Easy DKIM asks for RSA_2048_BIT). */
export const dkimKeyStrength: JudgedRule = judgedRule(
  "dkim.key_strength",
  (resources) => plannedMail(resources).map(dkim(judgeDkimKeyStrength)),
  NO_EMAIL,
);
