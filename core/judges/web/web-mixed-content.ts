/**
 * web.mixed_content: HTTPS pages load no http: subresources (W3C Mixed Content: active content is blocked, passive
 * content upgraded or flagged). Live, the page itself is scanned. Before apply there is no page: what can be proven is
 * Cloudflare's Automatic HTTPS Rewrites, which rewrites http: subresource links that are available over HTTPS.
 */
import { cannotTell, judged, notApplicable, type Verdict } from "../../judge";

export type MixedContentInput =
  | {
      readonly kind: "page";
      readonly url: string;
      /** Lower-cased Content-Type, "" when absent. */
      readonly contentType: string;
      /** `<tag attr="url">` of each blockable (active) and upgradeable (passive) http: subresource found. */
      readonly active: readonly string[];
      readonly passive: readonly string[];
      /** The body was cut at the fetch limit. */
      readonly truncated: boolean;
      readonly bytesScanned: number;
    }
  | { readonly kind: "edge-rewrites"; readonly zone: string; readonly setting: string | undefined }
  /** No HTTPS page to inspect (web.https reports why). */
  | { readonly kind: "no-https-page"; readonly reason: string }
  | { readonly kind: "unknown"; readonly reason: string };

const SHOWN = 3;

export function judgeMixedContent(input: MixedContentInput): Verdict {
  switch (input.kind) {
    case "no-https-page":
      return notApplicable(input.reason);
    case "unknown":
      return cannotTell(input.reason);
    case "edge-rewrites":
      if (input.setting === "on") return judged("web.mixed_content", "rewrites-on", [`${input.zone}: Automatic HTTPS Rewrites is on`]);
      if (input.setting === undefined) return cannotTell(`${input.zone}: the stack does not manage \`automatic_https_rewrites\`, so the zone keeps whatever it has; the pages are scanned after apply`);
      return judged("web.mixed_content", "rewrites-off", [`${input.zone}: \`automatic_https_rewrites\` is \`${input.setting}\``]);
    case "page": {
      const { url } = input;
      if (input.contentType !== "" && !input.contentType.includes("html")) return judged("web.mixed_content", "not-html", [`${url} is ${input.contentType}, not HTML: nothing to scan`]);
      if (input.active.length > 0) return judged("web.mixed_content", "active", [`${url} loads ${input.active.length} active http: resource(s), which browsers block: ${input.active.slice(0, SHOWN).join(", ")}`]);
      if (input.passive.length > 0) return judged("web.mixed_content", "passive", [`${url} loads ${input.passive.length} passive http: resource(s) (images/media): ${input.passive.slice(0, SHOWN).join(", ")}`]);
      // A clean prefix of a cut page proves nothing about the rest: never a pass.
      if (input.truncated) return cannotTell(`${url} is larger than the fetch limit; the first ${input.bytesScanned} bytes are clean but the rest was not scanned`);
      return judged("web.mixed_content", "clean", [`${url} loads no http: subresources`]);
    }
  }
}
