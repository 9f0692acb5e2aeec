/**
 * hsts.*: read on the apex's own HTTPS answer (what browsers and the preload list see for the apex) and judged by
 * the same judges as the planned `security_header` setting (`core/judges/web`).
 */
import { judgeHstsIncludeSubdomains, judgeHstsMaxAge, judgeHstsPreloadReady, judgeHstsPresent } from "../../../core/judges/web";
import type { AuditCheckModule, CheckResult } from "../../types";
import { fromVerdict } from "../verdict";
import { apexHttps, observedChain, observedHsts, wwwHttps } from "./observed";
import { webSnapshot, type WebSnapshot } from "./snapshot";

const STS = "strict-transport-security";

function evaluate(s: WebSnapshot): CheckResult[] {
  const source = observedHsts(s);
  const res = s.httpsApex.responses[0];
  const overHttp = s.httpApex.responses[0]?.headers[STS];
  const evidence = {
    url: res?.url ?? `https://${s.apex}/`,
    ...(res !== undefined ? { status: res.status, [STS]: res.headers[STS] ?? [] } : { error: s.httpsApex.error ?? "no response" }),
    ...(overHttp !== undefined && overHttp.length > 0 ? { httpHeader: overHttp } : {}),
  };
  const preload = judgeHstsPreloadReady({ hsts: source, apex: s.apex, apexHttp: observedChain(s.httpApex), www: wwwHttps(s) });
  return [
    fromVerdict("hsts.present", judgeHstsPresent(source), evidence),
    fromVerdict("hsts.max_age", judgeHstsMaxAge(source), evidence),
    fromVerdict("hsts.include_subdomains", judgeHstsIncludeSubdomains(source), evidence),
    fromVerdict("hsts.preload_ready", preload, { ...evidence, apex: apexHttps(s).kind, www: wwwHttps(s).kind }),
  ];
}

export const hstsModule: AuditCheckModule = {
  ids: ["hsts.present", "hsts.max_age", "hsts.include_subdomains", "hsts.preload_ready"],
  async run(target, ctx) {
    return evaluate(await webSnapshot(target, ctx));
  },
};
