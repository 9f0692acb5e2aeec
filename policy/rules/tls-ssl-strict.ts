import type { PlanRule } from "../rule";
import { judgeZones } from "./support/setting-rule";

/** The `ssl` zone setting is `strict`: Cloudflare validates the origin's certificate on every request. */
export const tlsSslStrict: PlanRule = {
  id: "tls.ssl_strict",
  evaluate(resources) {
    return judgeZones(resources, (z) => {
      const s = z.settings.get("ssl");
      if (s === undefined) {
        return { summary: "", problem: "the stack does not set the `ssl` zone setting, so the zone keeps whatever mode it has (often flexible). Add `web` to the domain so the toolkit sets `ssl: strict`." };
      }
      if (s.value !== "strict") {
        return {
          urn: s.urn,
          summary: "",
          problem: `SSL mode is \`${String(s.value)}\`: Cloudflare ${s.value === "full" ? "accepts any origin certificate, even self-signed or expired" : "talks to the origin without validated TLS"}. Set \`web.ssl: strict\` and give the origin a valid certificate (ACM or a Cloudflare Origin CA certificate).`,
        };
      }
      return { urn: s.urn, summary: "SSL mode strict" };
    });
  },
};
