import type { CheckId } from "../../../checklist";
import { cannotTell, judged, type Verdict } from "../../judge";

/** The IDs of the live burst probes. */
export type RateProbeId = "rate.login" | "rate.reset" | "rate.invite" | "rate.search";

export interface RateProbeInput {
  readonly url: string;
  readonly method: string;
  /** The status of each request of the burst, in order (stops at the first 429). */
  readonly statuses: readonly number[];
  readonly retryAfter?: string;
  /** Rate-limit headers seen on the accepted answers. */
  readonly rateHeaders: readonly string[];
  /** The most requests the probe may send (its bound). */
  readonly burst: number;
  /** The limit the stack plans for this endpoint (`--stack`), when known. */
  readonly planned?: { readonly requests: number; readonly periodSeconds: number };
}

/**
 * How many requests past the planned limit still count as enforced: Cloudflare counts per data center and
 * approximately (rate limiting rules: "How Cloudflare determines the request rate"), so a 429 may come a few requests
 * late; later than this is a limit looser than planned.
 */
export function plannedSlack(requests: number): number {
  return Math.max(2, Math.ceil(requests / 2));
}

/** The burst size the probe needs to tell a planned limit from a looser one, within its bound. */
export function probeBurst(bound: number, planned?: { readonly requests: number }): number {
  return planned === undefined ? bound : Math.min(bound, planned.requests + plannedSlack(planned.requests) + 1);
}

/**
 * rate.login / rate.reset / rate.invite / rate.search from a bounded burst: a 429 is limited (RFC 6585 §4); with a
 * planned limit, a 429 that comes later than the limit (plus the counting slack) is a limit looser than planned;
 * no 429 is not limited, or only rate-limit headers are sent. A planned limit above the probe's bound cannot be
 * confirmed without a 429: cannot tell, never a pass.
 */
export function judgeRateProbe(id: RateProbeId & CheckId, input: RateProbeInput): Verdict {
  const at = input.statuses.indexOf(429);
  const planned = input.planned;
  const plannedText = planned === undefined ? "" : ` (planned: ${planned.requests} per ${planned.periodSeconds} s)`;
  if (at >= 0) {
    const n = at + 1;
    const fact = `${input.method} ${input.url} answered 429 at request ${n}${input.retryAfter !== undefined ? ` (Retry-After: ${input.retryAfter})` : " (no Retry-After)"}${plannedText}`;
    if (planned !== undefined && n > planned.requests + 1 + plannedSlack(planned.requests)) return judged(id, "looser-than-planned", [fact]);
    return judged(id, "limited", [fact]);
  }
  const sent = input.statuses.length;
  if (planned !== undefined && sent < planned.requests + 1) {
    return cannotTell(`${sent} ${input.method} requests to ${input.url} were all accepted, but the planned limit${plannedText} is above the probe's bound of ${input.burst} requests, so whether it is enforced cannot be seen`);
  }
  if (planned !== undefined) {
    return judged(id, "looser-than-planned", [`${sent} ${input.method} requests to ${input.url} were all accepted, more than the planned limit${plannedText} allows${input.rateHeaders.length > 0 ? ` (only rate-limit headers: ${input.rateHeaders.join(", ")})` : ""}`]);
  }
  if (input.rateHeaders.length > 0) {
    return judged(id, "headers-only", [`${sent} ${input.method} requests to ${input.url} were all accepted; only rate-limit headers (${input.rateHeaders.join(", ")}) were sent${plannedText}`]);
  }
  return judged(id, "not-limited", [`${sent} ${input.method} requests to ${input.url} were all accepted without a 429${plannedText}`]);
}
