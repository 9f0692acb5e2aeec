import type { PlanRule } from "../rule";
import { judgeZones } from "./support/setting-rule";

const MODERN = new Set(["1.2", "1.3"]);

/** Only TLS 1.2 and 1.3 (RFC 8996 deprecates 1.0 and 1.1): `min_tls_version` ≥ 1.2 and `tls_1_3` on. */
export const tlsProtocols: PlanRule = {
  id: "tls.protocols",
  evaluate(resources) {
    return judgeZones(resources, (z) => {
      const min = z.settings.get("min_tls_version");
      const tls13 = z.settings.get("tls_1_3");
      const problems: string[] = [];
      if (min === undefined) problems.push("`min_tls_version` is not set (Cloudflare's default accepts TLS 1.0): set it to 1.2");
      else if (!MODERN.has(String(min.value))) problems.push(`\`min_tls_version\` is \`${String(min.value)}\`: TLS 1.0/1.1 are deprecated (RFC 8996); set it to 1.2`);
      if (tls13 === undefined) problems.push("`tls_1_3` is not set: turn it on");
      else if (tls13.value !== "on" && tls13.value !== "zrt") problems.push(`\`tls_1_3\` is \`${String(tls13.value)}\`: turn it on`);
      if (problems.length > 0) return { ...(min !== undefined ? { urn: min.urn } : {}), summary: "", problem: `${problems.join("; ")}.` };
      return { ...(min !== undefined ? { urn: min.urn } : {}), summary: `TLS ≥ ${String(min?.value)} with 1.3 on` };
    });
  },
};
