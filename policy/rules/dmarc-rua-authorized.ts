import { externalReportDomains, judgeDmarcRuaAuthorized } from "../../core/judges/email";
import { NO_EMAIL, plannedMail, txtAt } from "./support/email";
import { type JudgedRule, judgedRule } from "./support/setting-rule";

/** Report destinations in other domains authorise the reports (RFC 7489 §7.1): planned when the stack manages them, else only the auditor can tell. */
export const dmarcRuaAuthorized: JudgedRule = judgedRule(
  "dmarc.rua_authorized",
  (resources) => plannedMail(resources).map((m) => {
    const txt = txtAt(m, `_dmarc.${m.domain}`);
    const authorisations = new Map<string, readonly string[] | undefined>();
    for (const dest of externalReportDomains(m.domain, txt) ?? []) {
      const managed = m.managed.some((d) => dest === d || dest.endsWith(`.${d}`));
      authorisations.set(dest, managed ? txtAt(m, `${m.domain}._report._dmarc.${dest}`) : undefined);
    }
    return { verdict: judgeDmarcRuaAuthorized({ domain: m.domain, txt, authorisations }), urn: m.at(`_dmarc.${m.domain}`).txt[0]?.urn ?? m.urn };
  }),
  NO_EMAIL,
);
