/**
 * web.mixed_content: the subresources the HTTPS page would fetch over http: (W3C Mixed Content), with URLs resolved
 * as a browser resolves them (base element, protocol-relative, srcset, inline CSS), judged in `core/judges/web`.
 */
import { scanPage, type MixedResource } from "../../../core/http/mixed-content";
import { isRedirectStatus } from "../../../core/http/redirect-chain";
import { judgeMixedContent } from "../../../core/judges/web";
import type { AuditCheckModule } from "../../types";
import { fromVerdict } from "../verdict";
import { pageOf } from "./page";
import { webSnapshot } from "./snapshot";

const MAX_LISTED = 20;

/** How a finding reads: where the page says it, and the http: URL it becomes when that is not what it says. */
export function describeResource(f: MixedResource): string {
  const where = f.attribute === "style" ? `<${f.tag} style="url(${f.url})">` : f.tag === "style" ? `<style> ${f.attribute} ${f.url}` : `<${f.tag} ${f.attribute}="${f.url}">`;
  return f.resolved === f.url ? where : `${where} → ${f.resolved}`;
}

export const mixedContentModule: AuditCheckModule = {
  ids: ["web.mixed_content"],
  async run(target, ctx) {
    const p = pageOf(await webSnapshot(target, ctx));
    if (p.kind === "none") return [fromVerdict("web.mixed_content", judgeMixedContent(p.status === "error" ? { kind: "unknown", reason: p.why } : { kind: "no-https-page", reason: p.why }))];
    const page = p.page;
    // A redirect's empty body is no page: scanning it would pass a site that never serves one over HTTPS.
    if (page.headers.location !== undefined && isRedirectStatus(page.status)) {
      return [fromVerdict("web.mixed_content", judgeMixedContent({ kind: "no-https-page", reason: `No HTTPS page from ${page.url}: it only redirects (${page.status} to ${page.headers.location[0] ?? "?"}); see web.redirect_hops` }), { url: page.url })];
    }
    const scan = scanPage(page.body, page.url);
    const found = scan.resources;
    const active = found.filter((f) => f.kind === "active").map(describeResource);
    const passive = found.filter((f) => f.kind === "passive").map(describeResource);
    const bytesScanned = Buffer.byteLength(page.body);
    const evidence = {
      url: page.url,
      ...(scan.baseHref !== undefined ? { base: `<base href="${scan.baseHref}"> makes relative URLs resolve against ${scan.baseUrl}` } : {}),
      bytesScanned,
      truncated: page.truncated,
      active: active.slice(0, MAX_LISTED),
      passive: passive.slice(0, MAX_LISTED),
    };
    const contentType = (page.headers["content-type"]?.[0] ?? "").toLowerCase();
    return [fromVerdict("web.mixed_content", judgeMixedContent({ kind: "page", url: page.url, contentType, active, passive, truncated: page.truncated, bytesScanned }), evidence)];
  },
};
