import { type Verdict } from "../../core/judge";
import { judgeMxRecords, type MxInput } from "../../core/judges/email";
import { NO_EMAIL, type PlannedMail, mxTargets, plannedMail } from "./support/email";
import { type JudgedRule, judgedRule } from "./support/setting-rule";

const mx = (judge: (i: MxInput) => Verdict) => (m: PlannedMail) => ({ verdict: judge({ domain: m.domain, parked: m.parked, mx: m.at(m.domain).mx, targets: mxTargets(m) }), urn: m.at(m.domain).mx[0]?.urn ?? m.urn });

/** Planned MX targets are host names with addresses (RFC 5321, RFC 2181 §10.3). */
export const mxRecords: JudgedRule = judgedRule(
  "mx.records",
  (resources) => plannedMail(resources).map(mx(judgeMxRecords)),
  NO_EMAIL,
);
