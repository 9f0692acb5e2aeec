import { parseSpf } from "../../core/email/spf";
import { judgeSpfMxAddresses } from "../../core/judges/email";
import { NO_EMAIL, plannedMail, spfOf } from "./support/email";
import { type JudgedRule, judgedRule } from "./support/setting-rule";

/** Each planned SPF `mx` term names at most 10 MX hosts. */
export const spfMxAddresses: JudgedRule = judgedRule(
  "spf.mx_addresses",
  (resources) => plannedMail(resources).map((m) => {
    const spf = spfOf(m);
    const terms = spf === undefined ? [] : parseSpf(spf.value).record.terms.flatMap((t) => (t.type === "directive" && t.mechanism.kind === "mx" ? [t] : []));
    const mxTerms = terms.map((t) => ({ term: t.raw, hosts: t.mechanism.kind === "mx" && t.mechanism.domain === undefined ? m.at(m.domain).mx.length : undefined }));
    return { verdict: judgeSpfMxAddresses({ domain: m.domain, record: spf?.value, mxTerms }), urn: spf?.urn ?? m.urn };
  }),
  NO_EMAIL,
);
