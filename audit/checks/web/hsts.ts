/**
 * hsts.*: read on the apex's own HTTPS response (what browsers and the preload list see for the apex). Per RFC 6797
 * §8.1 a UA ignores the header over plain HTTP, and §8.1 also processes only the first of several headers.
 */
import { firstHop } from "../../../core/http/redirect-chain";
import { parseHsts } from "../../../core/http/hsts";
import type { AuditCheckModule, CheckResult } from "../../types";
import { each, failureStatus, result } from "./result";
import { webSnapshot, type WebSnapshot } from "./snapshot";

const ONE_YEAR = 31_536_000;
const HALF_YEAR = 15_552_000;
const DEPENDANTS = ["hsts.max_age", "hsts.include_subdomains", "hsts.preload_ready"] as const;

function evaluate(s: WebSnapshot): CheckResult[] {
  const res = s.httpsApex.responses[0];
  if (!res) {
    const reason = s.httpsApex.error ?? "no response";
    const status = failureStatus(reason) === "error" ? "error" : "skip";
    const why = `No HTTPS response from ${s.apex} to read HSTS from: ${reason}`;
    return [result("hsts.present", status === "skip" ? "fail" : "error", why), ...each(DEPENDANTS, status, why)];
  }
  const values = res.headers["strict-transport-security"] ?? [];
  const evidence = { url: res.url, status: res.status, "strict-transport-security": values };
  const skipWhy = "No valid HSTS header on the apex (see hsts.present)";
  if (values.length === 0) {
    const overHttp = s.httpApex.responses[0]?.headers["strict-transport-security"];
    if (overHttp && overHttp.length > 0) {
      return [
        result("hsts.present", "warn", `${s.apex} sends HSTS only over plain HTTP, where browsers ignore it (RFC 6797 §8.1)`, { ...evidence, httpHeader: overHttp }),
        ...each(DEPENDANTS, "skip", skipWhy),
      ];
    }
    return [result("hsts.present", "fail", `${res.url} sends no Strict-Transport-Security header`, evidence), ...each(DEPENDANTS, "skip", skipWhy)];
  }
  if (values.length > 1) {
    return [result("hsts.present", "fail", `${res.url} sends ${values.length} Strict-Transport-Security headers; browsers use only the first`, evidence), ...each(DEPENDANTS, "skip", skipWhy)];
  }
  const parsed = parseHsts(values[0] ?? "");
  if (!parsed.ok) return [result("hsts.present", "fail", `Invalid Strict-Transport-Security on ${res.url}: ${parsed.error}`, evidence), ...each(DEPENDANTS, "skip", skipWhy)];

  const out: CheckResult[] = [result("hsts.present", "pass", `${res.url} sends one valid HSTS header`, evidence)];
  const ma = parsed.maxAge;
  out.push(
    ma >= ONE_YEAR
      ? result("hsts.max_age", "pass", `max-age=${ma} (≥ 1 year)`, evidence)
      : result("hsts.max_age", ma >= HALF_YEAR ? "warn" : "fail", `max-age=${ma} is under ${ma >= HALF_YEAR ? "one year" : "180 days"}`, evidence),
  );
  out.push(
    parsed.includeSubDomains
      ? result("hsts.include_subdomains", "pass", "includeSubDomains is set on the apex", evidence)
      : result("hsts.include_subdomains", "warn", "includeSubDomains is not set on the apex", evidence),
  );
  // hstspreload.org submission rules: HTTPS on the apex, http://apex redirects to https on the same host first,
  // www reachable over HTTPS when it exists, max-age ≥ 1 year, includeSubDomains, preload.
  const missing: string[] = [];
  if (ma < ONE_YEAR) missing.push("max-age below 31536000");
  if (!parsed.includeSubDomains) missing.push("no includeSubDomains");
  // A fetch that timed out or was reset decides nothing about a rule: it is undecided, not a missing rule.
  const undecided: string[] = [];
  const hop = firstHop(s.httpApex.chain, s.apex);
  const httpError = s.httpApex.error;
  if (hop === undefined && httpError !== undefined && failureStatus(httpError) === "error") undecided.push(`http://${s.apex}/: ${httpError}`);
  else if (hop?.kind !== "https-same-host") missing.push(`http://${s.apex}/ does not redirect to https://${s.apex} first`);
  const wwwError = s.httpsWww?.error;
  if (s.httpsWww && s.httpsWww.responses.length === 0) {
    if (wwwError !== undefined && failureStatus(wwwError) === "error") undecided.push(`https://${s.www}/: ${wwwError}`);
    else missing.push(`${s.www} does not answer over HTTPS`);
  }
  const ev = { ...evidence, missing, ...(undecided.length > 0 ? { undecided } : {}) };
  if (parsed.preload) {
    out.push(
      missing.length > 0
        ? result("hsts.preload_ready", "warn", `preload is requested but the domain is not eligible: ${missing.join("; ")}`, ev)
        : undecided.length > 0
          ? result("hsts.preload_ready", "error", `preload is requested, but eligibility could not be decided: ${undecided.join("; ")}`, ev)
          : result("hsts.preload_ready", "pass", "preload is requested and the domain meets the preload list's rules", ev),
    );
  } else {
    out.push(result("hsts.preload_ready", "info", `preload is not requested${missing.length ? ` (would also need: ${missing.join("; ")})` : " (the domain would be eligible)"}`, ev));
  }
  return out;
}

export const hstsModule: AuditCheckModule = {
  ids: ["hsts.present", ...DEPENDANTS],
  async run(target, ctx) {
    return evaluate(await webSnapshot(target, ctx));
  },
};
