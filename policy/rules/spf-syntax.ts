import { judgeSpfSyntax } from "../../core/judges/email";
import { NO_EMAIL, plannedMail, spfOf } from "./support/email";
import { type JudgedRule, judgedRule } from "./support/setting-rule";

/** The planned SPF record parses (RFC 7208 §12). */
export const spfSyntax: JudgedRule = judgedRule(
  "spf.syntax",
  (resources) => plannedMail(resources).map((m) => ({ verdict: judgeSpfSyntax({ domain: m.domain, record: spfOf(m)?.value }), urn: spfOf(m)?.urn ?? m.urn })),
  NO_EMAIL,
);
