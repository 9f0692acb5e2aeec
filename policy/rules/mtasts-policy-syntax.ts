import { cannotTell } from "../../core/judge";
import { judgeMtaStsPolicySyntax } from "../../core/judges/email";
import { NO_EMAIL, plannedMail, servedPolicy } from "./support/email";
import { type JudgedRule, judgedRule } from "./support/setting-rule";

/** The policy the planned Worker serves is valid with max_age ≥ 1 week (RFC 8461 §3.2). */
export const mtastsPolicySyntax: JudgedRule = judgedRule(
  "mtasts.policy_syntax",
  (resources) => plannedMail(resources).map((m) => {
    const served = servedPolicy(resources, m);
    if (m.mtaStsHost !== undefined && served === undefined) return { verdict: cannotTell(`no planned Worker recognisably serves the MTA-STS policy of ${m.domain}: only \`launch-ready audit\` can read it`), urn: m.urn };
    return { verdict: judgeMtaStsPolicySyntax({ domain: m.domain, policy: served?.policy }), urn: served?.worker.urn ?? m.urn };
  }),
  NO_EMAIL,
);
