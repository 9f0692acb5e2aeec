import { judgeMtaStsPolicyFetch } from "../../core/judges/email";
import { NO_EMAIL, plannedMail, plannedPolicyFetch, servedPolicy } from "./support/email";
import { type JudgedRule, judgedRule } from "./support/setting-rule";

/** The planned Worker serves the policy at https://mta-sts.<domain>/.well-known/mta-sts.txt as text/plain, and the simulated redirect rules leave that URL alone (RFC 8461 §3.3). */
export const mtastsPolicyFetch: JudgedRule = judgedRule(
  "mtasts.policy_fetch",
  (resources) => plannedMail(resources).map((m) => ({ verdict: judgeMtaStsPolicyFetch({ domain: m.domain, fetch: plannedPolicyFetch(resources, m) }), urn: servedPolicy(resources, m)?.worker.urn ?? m.urn })),
  NO_EMAIL,
);
