/** hsts.max_age: at least one year (RFC 6797 §6.1.1; the preload list's minimum); half a year and up only warns. */
import { cannotTell, judged, notApplicable, type Verdict } from "../../judge";
import { type HstsSource, policyBasis, readHsts } from "./hsts-source";

export const ONE_YEAR = 31_536_000;
export const HALF_YEAR = 15_552_000;

export function judgeHstsMaxAge(source: HstsSource): Verdict {
  const r = readHsts(source);
  if (r.kind === "unknown") return cannotTell(r.reason);
  if (r.kind === "none") return notApplicable(`No valid HSTS header (see hsts.present): ${r.facts.join("; ")}`);
  const { maxAge, url } = r.policy;
  const facts = [`${url}: max-age=${maxAge}`, ...policyBasis(r.policy)];
  if (maxAge >= ONE_YEAR) return judged("hsts.max_age", "one-year", facts);
  return judged("hsts.max_age", maxAge >= HALF_YEAR ? "half-year" : "short", facts);
}
