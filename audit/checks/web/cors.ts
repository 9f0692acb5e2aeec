/**
 * cors.wildcard and cors.reflection on the landing page and, when `app.<domain>` exists, on the app host (where
 * B2B SaaS APIs usually live). Reflection is probed with Origins an attacker could own: an unrelated site, `null`
 * (sandboxed frames, file: pages), and the two classic broken suffix/prefix matches of the domain.
 */
import type { AuditCheckModule, CheckResult, HttpResult } from "../../types";
import { follow, type HttpResponse } from "./follow";
import { pageOf } from "./page";
import { each, failureStatus, result } from "./result";
import { presence, webSnapshot } from "./snapshot";

const IDS = ["cors.wildcard", "cors.reflection"] as const;

function acao(r: HttpResponse): string | undefined {
  return r.headers["access-control-allow-origin"]?.[0]?.trim();
}
function credentials(r: HttpResponse): boolean {
  return (r.headers["access-control-allow-credentials"] ?? []).some((v) => v.trim().toLowerCase() === "true");
}

export function attackerOrigins(domain: string): string[] {
  return ["https://evil.example", "null", `https://${domain}.evil.example`, `https://evil${domain}`];
}

function wildcard(responses: readonly HttpResponse[]): CheckResult {
  const hits = responses.filter((r) => acao(r) === "*");
  const evidence = { urls: [...new Set(responses.map((r) => r.url))], wildcard: hits.map((r) => `${r.url} credentials=${credentials(r)}`) };
  if (hits.some(credentials)) return result("cors.wildcard", "fail", `Access-Control-Allow-Origin: * together with Allow-Credentials: true on ${hits[0]?.url ?? ""}`, evidence);
  if (hits.length > 0) return result("cors.wildcard", "warn", `Access-Control-Allow-Origin: * on ${hits[0]?.url ?? ""}: any site can read these responses`, evidence);
  return result("cors.wildcard", "pass", "No wildcard Access-Control-Allow-Origin", evidence);
}

export const corsModule: AuditCheckModule = {
  ids: IDS,
  async run(target, ctx) {
    const s = await webSnapshot(target, ctx);
    const p = pageOf(s);
    if (p.kind === "none") return each(IDS, p.status, p.why);
    // Endpoints declared for rate probes are left alone: probing them here would spend the budget of a rate-limit
    // rule before rate.* measures it.
    const urls = new Set([p.page.url]);
    const pages = [p.page];
    const app = `app.${target.name}`;
    // A lookup or fetch of the app host that could not be decided leaves it unprobed: then no pass (docs/CHECKS.md, statuses).
    let appUnknown: string | undefined;
    const appDns = await presence(ctx, app);
    if (appDns.kind === "error") appUnknown = `could not tell whether ${app} exists (${appDns.reason})`;
    else if (appDns.kind === "present") {
      const f = await follow(s.fetchOnce, `https://${app}/`);
      if (f.final && f.final.url.startsWith("https:")) {
        urls.add(f.final.url);
        pages.push(f.final);
      } else if (f.error !== undefined && failureStatus(f.error) === "error") appUnknown = `could not fetch https://${app}/ (${f.error})`;
    }
    const unlessAppUnknown = (r: CheckResult): CheckResult =>
      appUnknown !== undefined && r.status === "pass" ? result(r.id, "error", `${r.summary} on ${[...urls].join(", ")}, but ${appUnknown}`, { ...r.evidence, appHost: appUnknown }) : r;
    const probes: { url: string; origin: string; r: HttpResult }[] = await Promise.all(
      [...urls].flatMap((url) => attackerOrigins(target.name).map(async (origin) => ({ url, origin, r: await ctx.http.request({ url, headers: { origin } }) }))),
    );
    const responses = probes.flatMap((x) => (x.r.kind === "response" ? [x.r] : []));
    const failed = probes.filter((x) => x.r.kind === "error");
    const out = [unlessAppUnknown(wildcard([...pages, ...responses]))];
    const echoed = probes.flatMap((x) => (x.r.kind === "response" && acao(x.r) === x.origin ? [{ ...x, r: x.r }] : []));
    const evidence = {
      probes: probes.map((x) => `${x.url} Origin: ${x.origin} → ${x.r.kind === "response" ? `ACAO ${acao(x.r) ?? "(none)"}, credentials ${credentials(x.r)}` : x.r.reason}`),
    };
    const withCreds = echoed.filter((x) => credentials(x.r));
    if (withCreds.length > 0) out.push(result("cors.reflection", "fail", `${withCreds[0]?.url ?? ""} echoes Origin ${withCreds.map((x) => x.origin).join(", ")} with Allow-Credentials: true: any site can read signed-in users' data`, evidence));
    else if (echoed.length > 0) out.push(result("cors.reflection", "warn", `${echoed[0]?.url ?? ""} echoes Origin ${echoed.map((x) => x.origin).join(", ")} (without credentials)`, evidence));
    else if (failed.length > 0) {
      const reason = failed[0]?.r.kind === "error" ? failed[0].r.reason : "";
      out.push(result("cors.reflection", "error", `Could not complete the Origin probes: ${reason}`, evidence));
    } else out.push(unlessAppUnknown(result("cors.reflection", "pass", `No attacker Origin is echoed (${attackerOrigins(target.name).length} tried on ${[...urls].join(", ")})`, evidence)));
    return out;
  },
};
