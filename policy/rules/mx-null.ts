import { type Verdict } from "../../core/judge";
import { judgeMxNull, type MxInput } from "../../core/judges/email";
import { NO_EMAIL, type PlannedMail, mxTargets, plannedMail } from "./support/email";
import { type JudgedRule, judgedRule } from "./support/setting-rule";

const mx = (judge: (i: MxInput) => Verdict) => (m: PlannedMail) => ({ verdict: judge({ domain: m.domain, parked: m.parked, mx: m.at(m.domain).mx, targets: mxTargets(m) }), urn: m.at(m.domain).mx[0]?.urn ?? m.urn });

/** A parked domain plans a null MX alone; a sending domain none (RFC 7505). */
export const mxNull: JudgedRule = judgedRule(
  "mx.null",
  (resources) => plannedMail(resources).map(mx(judgeMxNull)),
  NO_EMAIL,
);
