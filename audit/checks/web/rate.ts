/**
 * rate.login / rate.reset / rate.invite / rate.search: an opt-in, bounded burst against endpoints the stack
 * declares. At most RATE_BURST requests within RATE_WINDOW_MS, one at a time, stopping at the first 429
 * (RFC 6585 §4). Never run without `--probe rate`, never against guessed URLs. With `--stack`, the burst is sized to
 * the limit the stack plans for the endpoint (`expected.rateLimits`) and the shared judge (`core/judges/rate/probe.ts`)
 * says whether that limit, not just any limit, is enforced.
 */
import type { CheckId } from "../../../checklist";
import type { AuditCheckModule, AuditContext, CheckResult } from "../../types";
import { judgeRateProbe, probeBurst, type RateProbeId } from "../../../core/judges/rate/probe";
import { fromVerdict } from "../verdict";
import { result } from "./result";
import { canonicalHostOf } from "./snapshot";

export const RATE_BURST = 30;
export const RATE_WINDOW_MS = 15_000;

const KINDS = [
  { id: "rate.login", key: "login", method: "POST" },
  { id: "rate.reset", key: "reset", method: "POST" },
  { id: "rate.invite", key: "invite", method: "POST" },
  { id: "rate.search", key: "search", method: "GET" },
] as const satisfies readonly { id: RateProbeId & CheckId; key: string; method: "GET" | "POST" }[];

const RATE_HEADERS = ["ratelimit", "ratelimit-policy", "ratelimit-limit", "ratelimit-remaining", "x-ratelimit-limit", "x-ratelimit-remaining"];

async function burst(ctx: AuditContext, id: RateProbeId, url: string, method: "GET" | "POST", limits: { burst: number; windowMs: number }, planned?: { requests: number; periodSeconds: number }): Promise<CheckResult> {
  const started = Date.now();
  const statuses: number[] = [];
  const rateHeaders = new Set<string>();
  const count = probeBurst(limits.burst, planned);
  // A planned limit counts over its period: the burst must fit in it, or the counter may reset mid-burst.
  const windowMs = planned === undefined ? limits.windowMs : Math.min(limits.windowMs, planned.periodSeconds * 1000);
  let retryAfter: string | undefined;
  for (let i = 1; i <= count; i++) {
    if (ctx.signal.aborted) return result(id, "error", `Audit deadline reached after ${i - 1} request(s) to ${url}`, { url, statuses });
    if (Date.now() - started > windowMs) {
      return result(id, "error", `Burst to ${url} took longer than ${windowMs} ms; stopped after ${i - 1} request(s) without a 429`, { url, statuses });
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
      retryAfter = r.headers["retry-after"]?.[0];
      break;
    }
  }
  const verdict = judgeRateProbe(id, { url, method, statuses, ...(retryAfter !== undefined ? { retryAfter } : {}), rateHeaders: [...rateHeaders], burst: count, ...(planned !== undefined ? { planned } : {}) });
  const hit = statuses.includes(429);
  const evidence = hit
    ? { url, statuses, retryAfter: retryAfter ?? null, rateHeaders: [...rateHeaders], ...(planned !== undefined ? { planned } : {}) }
    : { url, method, requests: statuses.length, statuses: summarize(statuses), rateHeaders: [...rateHeaders], ...(planned !== undefined ? { planned } : {}) };
  return fromVerdict(id, verdict, evidence);
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
          return burst(ctx, k.id, url, k.method, limits, ctx.expected?.rateLimits?.[k.key]);
        }),
      );
    },
  };
}
