import { judgeMixedContent } from "../../core/judges/web";
import { webZones } from "./support/edge";
import { isSslOff } from "./support/redirects";
import { type JudgedRule, judgedRule, zoneSubjects } from "./support/setting-rule";

/**
 * Before apply there is no page to scan: what can be proven is `automatic_https_rewrites`, which makes the edge
 * rewrite http:// subresource links available over https. The auditor scans the pages themselves.
 */
export const webMixedContent: JudgedRule = judgedRule("web.mixed_content", (resources) => {
  return zoneSubjects(webZones(resources), (z) => {
    const s = z.settings.get("automatic_https_rewrites");
    if (isSslOff(z)) return { verdict: judgeMixedContent({ kind: "no-https-page", reason: `${z.label}: SSL mode is \`off\`, so there is no HTTPS page (see web.https)` }) };
    return { verdict: judgeMixedContent({ kind: "edge-rewrites", zone: z.label, setting: s === undefined ? undefined : String(s.value) }), urn: s?.urn };
  });
});
