/**
 * rate.login / rate.reset / rate.invite / rate.search: an opt-in, bounded burst against endpoints the stack
 * declares. At most RATE_BURST requests within RATE_WINDOW_MS, one at a time, stopping at the first 429
 * (RFC 6585 §4). Never run without `--probe rate`, never against guessed URLs.
 */
import type { CheckId } from "../../../checklist";
import type { AuditCheckModule, AuditContext, CheckResult } from "../../types";
import { result } from "./result";
import { canonicalHostOf } from "./snapshot";

export const RATE_BURST = 30;
export const RATE_WINDOW_MS = 15_000;

const KINDS = [
  { id: "rate.login", key: "login", method: "POST" },
  { id: "rate.reset", key: "reset", method: "POST" },
  { id: "rate.invite", key: "invite", method: "POST" },
  { id: "rate.search", key: "search", method: "GET" },
] as const satisfies readonly { id: CheckId; key: string; method: "GET" | "POST" }[];

const RATE_HEADERS = ["ratelimit", "ratelimit-policy", "ratelimit-limit", "ratelimit-remaining", "x-ratelimit-limit", "x-ratelimit-remaining"];

async function burst(ctx: AuditContext, id: CheckId, url: string, method: "GET" | "POST", limits: { burst: number; windowMs: number }): Promise<CheckResult> {
  const started = Date.now();
  const statuses: number[] = [];
  const rateHeaders = new Set<string>();
  for (let i = 1; i <= limits.burst; i++) {
    if (ctx.signal.aborted) return result(id, "error", `Audit deadline reached after ${i - 1} request(s) to ${url}`, { url, statuses });
    if (Date.now() - started > limits.windowMs) {
      return result(id, "error", `Burst to ${url} took longer than ${limits.windowMs} ms; stopped after ${i - 1} request(s) without a 429`, { url, statuses });
    }
    const r = await ctx.http.request({
      url,
      method,
      ...(method === "POST" ? { headers: { "content-type": "application/x-www-form-urlencoded" }, body: "" } : {}),
    });
    if (r.kind === "error") {
      // A failed request decides nothing about rate limiting: never a pass, never a fail.
      return result(id, "error", `Request ${i} of the burst to ${url} failed: ${r.reason}`, { url, statuses });
    }
    statuses.push(r.status);
    for (const h of RATE_HEADERS) if (r.headers[h]) rateHeaders.add(h);
    if (r.status === 429) {
      const retry = r.headers["retry-after"]?.[0];
      return result(id, "pass", `${method} ${url} answered 429 at request ${i}${retry ? ` (Retry-After: ${retry})` : " (no Retry-After)"}`, { url, statuses, retryAfter: retry ?? null, rateHeaders: [...rateHeaders] });
    }
  }
  const evidence = { url, method, requests: statuses.length, statuses: summarize(statuses), rateHeaders: [...rateHeaders] };
  if (rateHeaders.size > 0) return result(id, "warn", `${limits.burst} ${method} requests to ${url} were all accepted; only rate-limit headers (${[...rateHeaders].join(", ")}) were sent`, evidence);
  return result(id, "fail", `${limits.burst} ${method} requests to ${url} were all accepted without a 429`, evidence);
}

function summarize(statuses: readonly number[]): string {
  const counts = new Map<number, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].map(([s, n]) => `${s}×${n}`).join(", ");
}

export function rateModule(limits: { burst: number; windowMs: number } = { burst: RATE_BURST, windowMs: RATE_WINDOW_MS }): AuditCheckModule {
  if (limits.burst > RATE_BURST) throw new Error(`rate probes: a burst of ${limits.burst} exceeds the bound of ${RATE_BURST} requests`);
  return {
    ids: KINDS.map((k) => k.id),
    // Each endpoint's burst is sequential; the four endpoints are probed side by side.
    run(target, ctx) {
      return Promise.all(
        KINDS.map(async (k): Promise<CheckResult> => {
          if (!ctx.probes.has("rate")) return result(k.id, "skip", "Rate-limit probes are opt-in: run with --probe rate");
          const endpoint = ctx.expected?.endpoints[k.key];
          if (endpoint === undefined) {
            return result(k.id, "skip", `No ${k.key} endpoint is known for ${target.display}: declare it under rateLimits in the stack (--stack) to probe it`);
          }
          const base = `https://${canonicalHostOf(target, ctx)}/`;
          let url: string;
          try {
            url = new URL(endpoint, base).href;
          } catch {
            return result(k.id, "error", `The ${k.key} endpoint "${endpoint}" is not a valid URL or path`);
          }
          return burst(ctx, k.id, url, k.method, limits);
        }),
      );
    },
  };
}
