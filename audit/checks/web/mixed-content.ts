/** web.mixed_content: http: subresources on the HTTPS page (W3C Mixed Content). */
import { scanMixedContent } from "../../../core/http/mixed-content";
import type { AuditCheckModule } from "../../types";
import { pageOf } from "./page";
import { result } from "./result";
import { webSnapshot } from "./snapshot";

const MAX_LISTED = 20;

export const mixedContentModule: AuditCheckModule = {
  ids: ["web.mixed_content"],
  async run(target, ctx) {
    const p = pageOf(await webSnapshot(target, ctx));
    if (p.kind === "none") return [result("web.mixed_content", p.status, p.why)];
    const page = p.page;
    const type = (page.headers["content-type"]?.[0] ?? "").toLowerCase();
    if (type !== "" && !type.includes("html")) return [result("web.mixed_content", "info", `${page.url} is ${type}, not HTML: nothing to scan`, { url: page.url })];
    const found = scanMixedContent(page.body);
    const active = found.filter((f) => f.kind === "active");
    const passive = found.filter((f) => f.kind === "passive");
    const evidence = {
      url: page.url,
      bytesScanned: Buffer.byteLength(page.body),
      truncated: page.truncated,
      active: active.slice(0, MAX_LISTED).map((f) => `<${f.tag} ${f.attribute}="${f.url}">`),
      passive: passive.slice(0, MAX_LISTED).map((f) => `<${f.tag} ${f.attribute}="${f.url}">`),
    };
    if (active.length > 0) return [result("web.mixed_content", "fail", `${page.url} loads ${active.length} active http: resource(s), which browsers block: ${evidence.active.slice(0, 3).join(", ")}`, evidence)];
    if (passive.length > 0) return [result("web.mixed_content", "warn", `${page.url} loads ${passive.length} passive http: resource(s) (images/media): ${evidence.passive.slice(0, 3).join(", ")}`, evidence)];
    // A clean prefix of a cut page proves nothing about the rest: never a pass.
    if (page.truncated) return [result("web.mixed_content", "error", `${page.url} is larger than the fetch limit; the first ${evidence.bytesScanned} bytes are clean but the rest was not scanned`, evidence)];
    return [result("web.mixed_content", "pass", `${page.url} loads no http: subresources`, evidence)];
  },
};
