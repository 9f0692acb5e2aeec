import { cannotTell, judged, notApplicable, type Verdict } from "../../judge";
import { HEALTH_CHECK_METRICS_REGION, LATENCY_P95_LIMIT_MS } from "../../monitoring/plan";

export interface LatencyAlarmFacts {
  readonly ref: string;
  /** `p95`, …; undefined for a plain statistic (Average is not a percentile). */
  readonly extendedStatistic?: string;
  readonly threshold?: number;
  readonly comparison?: string;
  readonly region: string | null;
}

export interface LatencyAlarmInput {
  readonly domain: string;
  readonly configured: boolean;
  /** The domain's health checks: whether each measures latency, and the alarms on its TimeToFirstByte. */
  readonly healthChecks: readonly { readonly ref: string; readonly url: string; readonly measureLatency?: boolean; readonly alarms: readonly LatencyAlarmFacts[] }[];
  /** The origin's 5xx: alarmed on the load balancer's metrics, or what is not covered and why. */
  readonly fiveXx: { readonly alarmed: true; readonly ref: string } | { readonly alarmed: false; readonly reason: string };
}

function isP95Alarm(a: LatencyAlarmFacts): boolean {
  return a.extendedStatistic === "p95" && (a.comparison === "GreaterThanThreshold" || a.comparison === "GreaterThanOrEqualToThreshold");
}

/**
 * monitoring.latency_alarm: every health check measures latency and has an alarm on the p95 of TimeToFirstByte in
 * us-east-1 at or under the checklist's 500 ms; the origin's 5xx rate is alarmed from the load balancer, and when no
 * load balancer is given the verdict says it is not covered rather than pass on latency alone.
 */
export function judgeLatencyAlarm(input: LatencyAlarmInput): Verdict {
  if (!input.configured) return judged("monitoring.latency_alarm", "not-configured", [`${input.domain}: no p95 latency alarm is configured (add \`monitoring:\` with \`latencyP95Ms\`)`]);
  if (input.healthChecks.length === 0) return notApplicable(`${input.domain} has no health check to measure latency with.`);
  const missing: string[] = [];
  const loose: string[] = [];
  const unsure: string[] = [];
  const thresholds: number[] = [];
  for (const hc of input.healthChecks) {
    if (hc.measureLatency !== true) {
      missing.push(`${hc.url}: health check ${hc.ref} does not measure latency (MeasureLatency is off and cannot be switched on after creation), so no TimeToFirstByte is published`);
      continue;
    }
    const p95 = hc.alarms.filter(isP95Alarm);
    if (p95.length === 0) {
      missing.push(`${hc.url}: no alarm on the p95 of TimeToFirstByte`);
      continue;
    }
    const inRegion = p95.filter((a) => a.region === HEALTH_CHECK_METRICS_REGION);
    if (inRegion.length === 0) {
      if (p95.some((a) => a.region === null)) unsure.push(`${hc.url}: the region of its latency alarm is not in the plan`);
      else missing.push(`${hc.url}: its p95 latency alarm is in ${p95.map((a) => a.region).join(", ")}, where Route 53 publishes no TimeToFirstByte (only ${HEALTH_CHECK_METRICS_REGION})`);
      continue;
    }
    const best = Math.min(...inRegion.map((a) => a.threshold ?? Number.POSITIVE_INFINITY));
    if (!(best <= LATENCY_P95_LIMIT_MS)) loose.push(`${hc.url}: the p95 latency alarm fires above ${best} ms, looser than the ${LATENCY_P95_LIMIT_MS} ms limit`);
    else thresholds.push(best);
  }
  if (missing.length > 0) return judged("monitoring.latency_alarm", "missing", missing.map((f) => `${input.domain}: ${f}`));
  if (loose.length > 0) return judged("monitoring.latency_alarm", "too-loose", loose.map((f) => `${input.domain}: ${f}`));
  if (unsure.length > 0) return cannotTell(`${input.domain}: ${unsure.join("; ")}`);
  const latency = `${input.domain}: p95 time-to-first-byte alarmed above ${Math.max(...thresholds)} ms on ${thresholds.length} health check(s) in ${HEALTH_CHECK_METRICS_REGION}`;
  if (!input.fiveXx.alarmed) return judged("monitoring.latency_alarm", "5xx-not-covered", [latency, `${input.domain}: the origin's 5xx rate is NOT alarmed: ${input.fiveXx.reason}`]);
  return judged("monitoring.latency_alarm", "alarmed", [latency, `${input.domain}: the origin's 5xx count is alarmed from the load balancer's metrics (${input.fiveXx.ref})`]);
}
