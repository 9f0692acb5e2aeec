/** hdr.csp, hdr.xcto, hdr.framing, hdr.referrer: the security headers of the HTTPS page. */
import { parseCspHeader, strongestScriptPolicy } from "../../../core/http/csp";
import { effectiveReferrerPolicy, referrerStrength } from "../../../core/http/referrer-policy";
import type { AuditCheckModule, CheckResult } from "../../types";
import type { HttpResponse } from "./follow";
import { pageOf } from "./page";
import { each, headersSeen, result } from "./result";
import { webSnapshot } from "./snapshot";

const IDS = ["hdr.csp", "hdr.xcto", "hdr.framing", "hdr.referrer"] as const;

function csp(page: HttpResponse): CheckResult {
  const enforced = page.headers["content-security-policy"] ?? [];
  const reportOnly = page.headers["content-security-policy-report-only"] ?? [];
  const evidence = { url: page.url, status: page.status, "content-security-policy": enforced, "content-security-policy-report-only": reportOnly, headersSeen: headersSeen(page.headers) };
  if (enforced.length === 0) {
    return reportOnly.length > 0
      ? result("hdr.csp", "warn", `${page.url} has only a report-only CSP: nothing is enforced`, evidence)
      : result("hdr.csp", "fail", `${page.url} sends no Content-Security-Policy`, evidence);
  }
  const w = strongestScriptPolicy(enforced.flatMap(parseCspHeader));
  if (!w || w.directive === undefined) return result("hdr.csp", "warn", `The CSP on ${page.url} has neither script-src nor default-src: scripts are unrestricted`, evidence);
  const weak = [w.unsafeInline ? "'unsafe-inline'" : "", w.unsafeEval ? "'unsafe-eval'" : ""].filter(Boolean);
  if (weak.length > 0) return result("hdr.csp", "warn", `The CSP's ${w.directive} allows ${weak.join(" and ")}, which defeats its protection against XSS`, evidence);
  return result("hdr.csp", "pass", `CSP present; ${w.directive} allows neither inline scripts nor eval`, evidence);
}

function xcto(page: HttpResponse): CheckResult {
  const v = page.headers["x-content-type-options"] ?? [];
  const evidence = { url: page.url, "x-content-type-options": v };
  if (v.some((x) => x.trim().toLowerCase() === "nosniff")) return result("hdr.xcto", "pass", "X-Content-Type-Options: nosniff", evidence);
  return result("hdr.xcto", "fail", v.length ? `X-Content-Type-Options is "${v.join(", ")}", not nosniff` : `${page.url} sends no X-Content-Type-Options`, evidence);
}

function framing(page: HttpResponse): CheckResult {
  const xfo = page.headers["x-frame-options"] ?? [];
  const enforced = page.headers["content-security-policy"] ?? [];
  const ancestors = enforced.flatMap(parseCspHeader).map((p) => p.get("frame-ancestors")).find((v) => v !== undefined);
  const evidence = { url: page.url, "x-frame-options": xfo, "frame-ancestors": ancestors ?? null };
  // `*` or a bare scheme lets any site frame the page, and browsers then ignore X-Frame-Options (CSP3 §6.4.2).
  const anySite = ancestors?.find((src) => /^(\*|https?:|wss?:)$/i.test(src));
  if (anySite !== undefined) return result("hdr.framing", "fail", `CSP frame-ancestors ${ancestors?.join(" ") ?? ""} lets any site frame ${page.url} ("${anySite}"): clickjacking is not prevented`, evidence);
  if (ancestors !== undefined) return result("hdr.framing", "pass", `CSP frame-ancestors ${ancestors.join(" ") || "(empty)"}`, evidence);
  const good = xfo.find((x) => /^(deny|sameorigin)$/i.test(x.trim()));
  if (good) return result("hdr.framing", "pass", `X-Frame-Options: ${good}`, evidence);
  return result("hdr.framing", "fail", xfo.length ? `X-Frame-Options "${xfo.join(", ")}" is not DENY or SAMEORIGIN and there is no frame-ancestors` : `${page.url} sets neither frame-ancestors nor X-Frame-Options: it can be framed (clickjacking)`, evidence);
}

function referrer(page: HttpResponse): CheckResult {
  const v = page.headers["referrer-policy"] ?? [];
  const evidence = { url: page.url, "referrer-policy": v };
  const p = effectiveReferrerPolicy(v);
  if (p === undefined) return result("hdr.referrer", "warn", v.length ? `Referrer-Policy "${v.join(", ")}" has no recognised value` : `${page.url} sends no Referrer-Policy (browsers default to strict-origin-when-cross-origin)`, evidence);
  const strength = referrerStrength(p);
  if (strength === "leaky") return result("hdr.referrer", "fail", `Referrer-Policy ${p} sends full URLs to other sites`, evidence);
  if (strength === "loose") return result("hdr.referrer", "warn", `Referrer-Policy ${p} sends the origin even over downgrades`, evidence);
  return result("hdr.referrer", "pass", `Referrer-Policy ${p}`, evidence);
}

export const headersModule: AuditCheckModule = {
  ids: IDS,
  async run(target, ctx) {
    const p = pageOf(await webSnapshot(target, ctx));
    if (p.kind === "none") return each(IDS, p.status, p.why);
    return [csp(p.page), xcto(p.page), framing(p.page), referrer(p.page)];
  },
};
