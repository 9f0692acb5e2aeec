import { failWith, notApplicable, pass, type PlanRule, type Violation } from "../rule";
import { zoneHsts } from "./support/hsts";

/** Every web zone sends a valid Strict-Transport-Security header (the `security_header` zone setting, enabled). */
export const hstsPresent: PlanRule = {
  id: "hsts.present",
  evaluate(resources) {
    const zones = zoneHsts(resources);
    if (zones.length === 0) return notApplicable("The stack serves no web traffic through Cloudflare.");
    const violations: Violation[] = [];
    for (const z of zones) {
      if (z.kind === "missing") violations.push({ message: `${z.zone.label}: no \`security_header\` zone setting, so no HSTS header is sent. Add \`web.hsts\` (the toolkit sets it).` });
      else if (z.kind === "invalid") violations.push({ urn: z.urn, message: `${z.zone.label}: the \`security_header\` value ${z.error}. Build it with the toolkit's HSTS helper.` });
      else if (!z.sts.enabled) violations.push({ urn: z.urn, message: `${z.zone.label}: HSTS is planned but \`enabled: false\`. Enable it.` });
    }
    if (violations.length > 0) return failWith(violations);
    return pass(
      zones.map((z) => `${z.zone.label}: HSTS on`).join("; "),
      zones.flatMap((z) => (z.kind === "ok" ? [z.urn] : [])),
    );
  },
};
