import { HSTS_MIN_MAX_AGE } from "../../core/edge/hsts";
import { failWith, notApplicable, pass, type PlanRule } from "../rule";
import { enabledHsts } from "./support/hsts";

/** HSTS max-age is at least one year (RFC 6797 §6.1.1; the checklist's and the preload list's minimum). */
export const hstsMaxAge: PlanRule = {
  id: "hsts.max_age",
  evaluate(resources) {
    const zones = enabledHsts(resources);
    if (zones.length === 0) return notApplicable("No HSTS policy is planned (see hsts.present).");
    const short = zones.filter((z) => z.sts.max_age < HSTS_MIN_MAX_AGE);
    if (short.length > 0) {
      return failWith(
        short.map((z) => ({
          urn: z.urn,
          message: `${z.zone.label}: HSTS max-age is ${z.sts.max_age} s, under one year (${HSTS_MIN_MAX_AGE} s). Set \`web.hsts.maxAgeSeconds: ${HSTS_MIN_MAX_AGE}\` or more.`,
        })),
      );
    }
    return pass(zones.map((z) => `${z.zone.label}: max-age ${z.sts.max_age} s`).join("; "), zones.map((z) => z.urn));
  },
};
