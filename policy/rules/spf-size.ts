import { judgeSpfSize } from "../../core/judges/email";
import { NO_EMAIL, plannedMail, spfOf } from "./support/email";
import { type JudgedRule, judgedRule } from "./support/setting-rule";

/** The planned SPF strings are at most 255 bytes and the record at most 450 (RFC 7208 §3.3–3.4). */
export const spfSize: JudgedRule = judgedRule(
  "spf.size",
  (resources) => plannedMail(resources).map((m) => { const spf = spfOf(m); return { verdict: judgeSpfSize({ domain: m.domain, record: spf?.value, ...(spf !== undefined ? { strings: spf.strings } : {}) }), urn: spf?.urn ?? m.urn }; }),
  NO_EMAIL,
);
