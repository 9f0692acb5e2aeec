/**
 * What a domain's monitoring watches and the limits the checklist holds it to. Pure data: no Pulumi, no I/O.
 *
 * Provider facts this relies on (each encoded in a judge and tested):
 * - Route 53 publishes health-check metrics (HealthCheckStatus, TimeToFirstByte, …) to CloudWatch in us-east-1
 *   only, so alarms on them must be created there (Amazon Route 53 Developer Guide, "Monitoring health checks using
 *   CloudWatch").
 * - TimeToFirstByte is published only for health checks created with MeasureLatency, which cannot be switched on
 *   later (Route 53 API Reference, HealthCheckConfig.MeasureLatency).
 * - An HTTPS health check is healthy on a 2xx/3xx response; HTTPS_STR_MATCH also needs the search string in the
 *   first 5,120 bytes of the body (Route 53 API Reference, HealthCheckConfig.SearchString).
 */
import type { RouteInventorySpec } from "../routes/inventory";

/** The only region where Route 53 health-check metrics exist. */
export const HEALTH_CHECK_METRICS_REGION = "us-east-1";
/** The checklist's p95 latency limit for core actions (the launch target: p95 under 500 ms). */
export const LATENCY_P95_LIMIT_MS = 500;
/** The fewest days before expiry the certificate alarm may fire at. */
export const CERT_EXPIRY_MIN_DAYS = 14;
/** Where the toolkit's scheduled certificate check publishes. */
export const CERT_METRIC_NAMESPACE = "LaunchReady/Certificates";
/** Days left on the certificate the host serves (dimension `Host`). */
export const CERT_DAYS_LEFT_METRIC = "DaysLeft";
/** 1 when the check could not read the host's certificate (unreachable, TLS failure, untrusted chain). */
export const CERT_CHECK_ERROR_METRIC = "CheckError";
/** Route 53 health checks accept at most 255 characters of search string (HealthCheckConfig.SearchString). */
export const SEARCH_STRING_MAX = 255;

export type UptimePurpose = "homepage" | "login" | "health" | "configured";

export interface UptimeTarget {
  /** `https://host/path`. */
  readonly url: string;
  readonly host: string;
  /** Path and query, starting with `/`. */
  readonly path: string;
  readonly searchString?: string;
  /** Why it is watched: the homepage and login come from the web config and route inventory, the rest from `checks`. */
  readonly purpose: UptimePurpose;
}

export interface MonitoringCheckSpec {
  readonly url: string;
  readonly searchString?: string;
}

export interface UptimeSource {
  /** The canonical host, when the domain serves its own site (not redirect-only). */
  readonly canonicalHost?: string;
  readonly checks: readonly MonitoringCheckSpec[];
  readonly routes?: RouteInventorySpec;
}

/** Splits an https URL into host and path (with query); undefined when it is not one. */
export function splitHttpsUrl(url: string): { readonly host: string; readonly path: string } | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== "https:" || u.hostname === "" || (u.port !== "" && u.port !== "443")) return undefined;
  return { host: u.hostname.toLowerCase(), path: `${u.pathname === "" ? "/" : u.pathname}${u.search}` };
}

/**
 * The URLs to health-check: the homepage (the canonical host), the login page and the health endpoint from the
 * route inventory (GET routes without parameters: a health checker sends GET and cannot fill in ids), then the
 * configured checks. One target per URL; a configured entry gives the search string.
 */
export function uptimeTargets(source: UptimeSource): UptimeTarget[] {
  const out = new Map<string, UptimeTarget>();
  const add = (t: UptimeTarget): void => {
    const prior = out.get(t.url);
    out.set(t.url, prior === undefined ? t : { ...prior, ...(t.searchString !== undefined ? { searchString: t.searchString } : {}) });
  };
  const host = source.canonicalHost;
  if (host !== undefined) {
    add({ url: `https://${host}/`, host, path: "/", purpose: "homepage" });
    for (const kind of ["login", "health"] as const) {
      for (const r of source.routes?.routes ?? []) {
        if (!r.kinds.includes(kind) || r.method !== "GET" || r.path.params.length > 0) continue;
        add({ url: `https://${host}${r.path.text}`, host, path: r.path.text, purpose: kind });
      }
    }
  }
  for (const c of source.checks) {
    const parts = splitHttpsUrl(c.url);
    if (parts === undefined) continue;
    add({ url: `https://${parts.host}${parts.path}`, ...parts, ...(c.searchString !== undefined ? { searchString: c.searchString } : {}), purpose: "configured" });
  }
  return [...out.values()];
}

/** What a domain's targets leave out of the minimum (homepage, login, API health), for a warning with a fix. */
export function missingCoreTargets(targets: readonly UptimeTarget[]): string[] {
  const paths = targets.map((t) => t.path.toLowerCase());
  const missing: string[] = [];
  if (!targets.some((t) => t.purpose === "homepage")) missing.push("the homepage");
  if (!targets.some((t) => t.purpose === "login" || /login|sign-?in/.test(t.path.toLowerCase()))) missing.push("the login page");
  if (!targets.some((t) => t.purpose === "health" || paths.some((p) => /health|status|ping/.test(p)))) missing.push("the API health endpoint");
  return missing;
}

/** An Application Load Balancer ARN's parts: the region and the `app/<name>/<id>` CloudWatch dimension. */
export function parseLoadBalancerArn(arn: string): { readonly region: string; readonly dimension: string } | undefined {
  const m = /^arn:aws[a-z-]*:elasticloadbalancing:([a-z0-9-]+):\d{12}:loadbalancer\/(app\/[^/]+\/[0-9a-f]+)$/.exec(arn);
  return m === null || m[1] === undefined || m[2] === undefined ? undefined : { region: m[1], dimension: m[2] };
}

/** A short, stable resource-name slug for a URL: `app-acme-example-healthz`. */
export function urlSlug(t: Pick<UptimeTarget, "host" | "path">): string {
  const raw = `${t.host}${t.path === "/" ? "" : t.path}`.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return raw.length <= 60 ? raw : raw.slice(0, 60).replace(/-+$/, "");
}
