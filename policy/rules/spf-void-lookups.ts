import { judgeSpfVoidLookups } from "../../core/judges/email";
import { NO_EMAIL, plannedMail, spfOf, unknownIncludes } from "./support/email";
import { type JudgedRule, judgedRule } from "./support/setting-rule";

/** The planned SPF terms point at names that exist: known providers' includes do; others only the auditor can see. */
export const spfVoidLookups: JudgedRule = judgedRule(
  "spf.void_lookups",
  (resources) => plannedMail(resources).map((m) => {
    const spf = spfOf(m);
    const unknown = spf !== undefined ? unknownIncludes(spf.value) : [];
    const verdict = judgeSpfVoidLookups({ domain: m.domain, record: spf?.value, voids: unknown.length === 0 ? [] : undefined, unknownReason: `whether ${unknown.join(", ")} publish SPF records is not known before apply: \`launch-ready audit\` looks them up` });
    return { verdict, urn: spf?.urn ?? m.urn };
  }),
  NO_EMAIL,
);
