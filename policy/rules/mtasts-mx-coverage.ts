import { cannotTell } from "../../core/judge";
import { judgeMtaStsMxCoverage } from "../../core/judges/email";
import { NO_EMAIL, plannedMail, servedPolicy } from "./support/email";
import { type JudgedRule, judgedRule } from "./support/setting-rule";

/** Every planned MX host matches the served policy (RFC 8461 §4.1). */
export const mtastsMxCoverage: JudgedRule = judgedRule(
  "mtasts.mx_coverage",
  (resources) => plannedMail(resources).map((m) => {
    const served = servedPolicy(resources, m);
    if (m.mtaStsHost !== undefined && served === undefined) return { verdict: cannotTell(`no planned Worker recognisably serves the MTA-STS policy of ${m.domain}: only \`launch-ready audit\` can read it`), urn: m.urn };
    return { verdict: judgeMtaStsMxCoverage({ domain: m.domain, policy: served?.policy, mx: m.at(m.domain).mx.map((x) => x.exchange) }), urn: served?.worker.urn ?? m.urn };
  }),
  NO_EMAIL,
);
