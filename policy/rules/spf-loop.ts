import { judgeSpfLoop } from "../../core/judges/email";
import { NO_EMAIL, plannedMail, spfOf, unknownIncludes } from "./support/email";
import { type JudgedRule, judgedRule } from "./support/setting-rule";

/** The planned SPF includes form no cycle: known providers include nothing of the stack's. */
export const spfLoop: JudgedRule = judgedRule(
  "spf.loop",
  (resources) => plannedMail(resources).map((m) => {
    const spf = spfOf(m);
    const unknown = spf !== undefined ? unknownIncludes(spf.value) : [];
    return { verdict: judgeSpfLoop({ domain: m.domain, record: spf?.value, loops: unknown.length === 0 ? [] : undefined, unknownReason: `${unknown.join(", ")} ${unknown.length === 1 ? "is" : "are"} not a known provider's include, so what ${unknown.length === 1 ? "it includes" : "they include"} is not known before apply` }), urn: spf?.urn ?? m.urn };
  }),
  NO_EMAIL,
);
