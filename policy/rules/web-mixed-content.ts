import type { PlanRule } from "../rule";
import { judgeZones } from "./support/setting-rule";

/**
 * `automatic_https_rewrites` is on, so the edge rewrites http:// subresource links that are available over https.
 * The live audit checks the pages themselves; before apply, this setting is what can be proven.
 */
export const webMixedContent: PlanRule = {
  id: "web.mixed_content",
  evaluate(resources) {
    return judgeZones(resources, (z) => {
      const s = z.settings.get("automatic_https_rewrites");
      if (s === undefined) return { summary: "", problem: "the stack does not set `automatic_https_rewrites`: hard-coded http:// subresources would be blocked by browsers. Add `web` to the domain so the toolkit turns it on." };
      if (s.value !== "on") return { urn: s.urn, summary: "", problem: `\`automatic_https_rewrites\` is \`${String(s.value)}\`: set it to \`on\`.` };
      return { urn: s.urn, summary: "Automatic HTTPS Rewrites on" };
    });
  },
};
