/** hsts.present: the HTTPS answer carries one valid Strict-Transport-Security header (RFC 6797 §6.1, §8.1). */
import { cannotTell, judged, type Verdict } from "../../judge";
import { type HstsSource, policyBasis, readHsts } from "./hsts-source";

export function judgeHstsPresent(source: HstsSource): Verdict {
  const r = readHsts(source);
  if (r.kind === "unknown") return cannotTell(r.reason);
  if (r.kind === "none") return judged("hsts.present", r.outcome, r.facts);
  return judged("hsts.present", "one-valid", [`${r.policy.url} sends one valid Strict-Transport-Security: ${r.policy.header}`, ...policyBasis(r.policy)]);
}
