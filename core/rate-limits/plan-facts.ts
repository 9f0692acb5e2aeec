/**
 * What each Cloudflare plan lets a zone's rate limiting rules (phase `http_ratelimit`) do: the facts the planner
 * fits requested protections into, and the plan rule `rate.plan_fit` re-checks planned rulesets against.
 *
 * Read on 2026-12-04 from Cloudflare's documentation sources:
 * - availability by plan (fields, characteristics, periods, timeouts, rule counts):
 *   https://developers.cloudflare.com/waf/rate-limiting-rules/#availability
 *   (cloudflare-docs `src/content/partials/waf/rate-limiting-availability-by-plan.mdx`);
 * - parameters (API values of `period` and `mitigation_timeout`, mandatory `cf.colo.id`, the challenge-action rule,
 *   the block action's custom response): https://developers.cloudflare.com/waf/rate-limiting-rules/parameters/;
 * - `Retry-After` on Cloudflare's rate-limited (1015) answers, all plans:
 *   https://developers.cloudflare.com/changelog/post/2026-03-12-retry-after-header-for-1xxx-errors/;
 * - the shape the provider sends (`ratelimit.characteristics`, `period`, `requests_per_period`,
 *   `mitigation_timeout`; `action_parameters.response.{status_code,content_type,content}`):
 *   terraform-provider-cloudflare v5 `cloudflare_ruleset`, bridged by @pulumi/cloudflare 6 as `cloudflare.Ruleset`.
 *
 * Where two sources disagree the table keeps what both accept (the safe side): the availability footnote lists more
 * period values (15, 20, 30, 40, 45, 90, …) than the parameters page's API list (10, 60, 120, 300, 600, 3600), so only
 * the API list is used. Enterprise's rule count depends on the contract: 100 is the documented figure. Pure data.
 */
import type { CloudflarePlan } from "../spec";

export const RATE_LIMIT_FACTS_DATE = "2026-12-04";

/** Values of `period` the API documents, in seconds (parameters page; also in the availability footnote). */
export const API_PERIODS = [10, 60, 120, 300, 600, 3600] as const;

/** Values of `mitigation_timeout` the API documents, in seconds (parameters page). 0 means "throttle". */
export const API_MITIGATION_TIMEOUTS = [0, 10, 60, 120, 300, 600, 3600, 86400] as const;

/** Request fields a rule's expression may name, by what the availability table calls them. */
export const FIELD_NAMES = {
  path: "http.request.uri.path",
  method: "http.request.method",
  host: "http.host",
} as const;

/** The characteristic every rule must list (parameters page: "cf.colo.id (mandatory)"). */
export const MANDATORY_CHARACTERISTIC = "cf.colo.id";
/** Counting per client IP: the one characteristic every plan has. */
export const IP_CHARACTERISTIC = "ip.src";

export interface PlanFacts {
  /** Rate limiting rules the zone's `http_ratelimit` entrypoint may hold. */
  readonly maxRules: number;
  /** Allowed `period` values, ascending. */
  readonly periods: readonly number[];
  /** Allowed `mitigation_timeout` values for the block action (> 0: block throttling is Enterprise-only), ascending. */
  readonly blockTimeouts: readonly number[];
  /** The only `mitigation_timeout` a challenge action accepts on this plan, or undefined when any allowed value is. */
  readonly challengeTimeout?: 0;
  /** Fields the rule expression may use. */
  readonly fields: readonly string[];
  /** Counting characteristics the plan offers (besides the mandatory `cf.colo.id`). */
  readonly characteristics: readonly string[];
  /** Whether a block rule may carry a custom response (status, content type, body). */
  readonly customResponse: boolean;
  /** Where each fact of this row was read. */
  readonly source: string;
}

const upTo = <T extends number>(values: readonly T[], max: number): T[] => values.filter((v) => v <= max);

const AVAILABILITY = "https://developers.cloudflare.com/waf/rate-limiting-rules/#availability";

/**
 * Free: the path (and Verified Bot) only, IP only, 10 s periods and timeouts, one rule. Pro: host, URI, path, full
 * URI, query; periods up to 1 min, timeouts up to 1 h; two rules. Business: adds method, source IP and user agent;
 * periods up to 10 min, timeouts up to 1 day; five rules. Enterprise (with application security): general request
 * fields; periods up to 65,535 s; timeouts up to 1 day; 100 rules (by contract).
 *
 * Custom response: the parameters page offers it on every block action and names no plan, but WAF custom rules
 * reserve custom block responses for paid plans and no page confirms it for rate limiting on Free; without it the
 * block answer is still 429 (the documented default status) with `Retry-After` (changelog 2026-03-12). So Free
 * plans none: a ruleset the API might refuse is the worse outcome.
 */
export const PLAN_FACTS: Readonly<Record<CloudflarePlan, PlanFacts>> = {
  free: {
    maxRules: 1,
    periods: [10],
    blockTimeouts: [10],
    challengeTimeout: 0,
    fields: [FIELD_NAMES.path],
    characteristics: [IP_CHARACTERISTIC],
    customResponse: false,
    source: AVAILABILITY,
  },
  pro: {
    maxRules: 2,
    periods: upTo(API_PERIODS, 60),
    blockTimeouts: upTo(API_MITIGATION_TIMEOUTS, 3600).filter((t) => t > 0),
    challengeTimeout: 0,
    fields: [FIELD_NAMES.path, FIELD_NAMES.host],
    characteristics: [IP_CHARACTERISTIC],
    customResponse: true,
    source: AVAILABILITY,
  },
  business: {
    maxRules: 5,
    periods: upTo(API_PERIODS, 600),
    blockTimeouts: upTo(API_MITIGATION_TIMEOUTS, 86400).filter((t) => t > 0),
    challengeTimeout: 0,
    fields: [FIELD_NAMES.path, FIELD_NAMES.host, FIELD_NAMES.method],
    characteristics: [IP_CHARACTERISTIC, "cf.unique_visitor_id"],
    customResponse: true,
    source: AVAILABILITY,
  },
  enterprise: {
    maxRules: 100,
    periods: upTo(API_PERIODS, 65535),
    blockTimeouts: upTo(API_MITIGATION_TIMEOUTS, 86400).filter((t) => t > 0),
    fields: [FIELD_NAMES.path, FIELD_NAMES.host, FIELD_NAMES.method],
    characteristics: [IP_CHARACTERISTIC, "cf.unique_visitor_id"],
    customResponse: true,
    source: AVAILABILITY,
  },
};

/** Human name of a plan, as Cloudflare writes it. */
export function planName(plan: CloudflarePlan): string {
  return plan.charAt(0).toUpperCase() + plan.slice(1);
}
