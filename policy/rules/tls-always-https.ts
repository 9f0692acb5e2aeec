import type { PlanRule } from "../rule";
import { judgeZones } from "./support/setting-rule";

/** `always_use_https` is on: every http:// request gets a 301 to https://. */
export const tlsAlwaysHttps: PlanRule = {
  id: "tls.always_https",
  evaluate(resources) {
    return judgeZones(resources, (z) => {
      const s = z.settings.get("always_use_https");
      if (s === undefined) return { summary: "", problem: "the stack does not set `always_use_https`: plain-http requests may be served. Add `web` to the domain so the toolkit turns it on." };
      if (s.value !== "on") return { urn: s.urn, summary: "", problem: `\`always_use_https\` is \`${String(s.value)}\`: set it to \`on\` (the toolkit does unless overridden).` };
      return { urn: s.urn, summary: "Always Use HTTPS on" };
    });
  },
};
