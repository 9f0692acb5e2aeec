import { judgeSpfParked } from "../../core/judges/email";
import { NO_EMAIL, plannedMail, spfOf, txtAt } from "./support/email";
import { type JudgedRule, judgedRule } from "./support/setting-rule";

/** A parked domain plans exactly `v=spf1 -all`. */
export const spfParked: JudgedRule = judgedRule(
  "spf.parked",
  (resources) => plannedMail(resources).map((m) => ({ verdict: judgeSpfParked({ domain: m.domain, txt: txtAt(m, m.domain), parked: m.parked }), urn: spfOf(m)?.urn ?? m.urn })),
  NO_EMAIL,
);
