/**
 * The rate-limit planner: from the endpoints a user asks to protect and the zone's plan to the rules of the zone's
 * `http_ratelimit` entrypoint that the plan accepts (`plan-facts.ts`), and a plain list of every compromise.
 *
 * "Never looser without saying so": a planned limit of N requests per P seconds is at least as strict as the asked r
 * per p when N ≤ r (no bigger burst) and N/P ≤ r/p (no higher rate). Values snap in that direction:
 * - a period the plan lacks becomes the longest allowed one not above it (or the shortest, when all are above), and
 *   the request count is scaled to it, rounded down; only when that reaches 0 is the rule looser (1 per P), which is
 *   reported as loosening;
 * - a mitigation timeout becomes the shortest allowed one not below it; only when the plan's longest is shorter is it
 *   reported as loosening;
 * - when there are more endpoints than rules, endpoints with the closest limits share a rule and its one counter per
 *   IP, at the strictest limit of them (stricter for the others, reported);
 * - a plan without the method field counts every method on the path (stricter, reported: a GET that renders the form
 *   counts too);
 * - challenge actions throttle (`mitigation_timeout` 0) below Enterprise (parameters page: "you must … set the
 *   mitigation_timeout value to 0"), reported as loosening when a timeout was asked.
 * Every rule counts per `cf.colo.id` (mandatory) and `ip.src`. Pure.
 */
import { checkFilterExpression } from "../edge/rules-language";
import type { CloudflarePlan } from "../spec";
import { FIELD_NAMES, IP_CHARACTERISTIC, MANDATORY_CHARACTERISTIC, PLAN_FACTS, type PlanFacts, planName } from "./plan-facts";
import type { EffectiveLimit, RateLimitAction, RateLimitCompromise, RateLimitPlan, RateLimitRequest, RateLimitRulePlan } from "./request";

/** Prefix of every rule's `ref`, so the toolkit's rules are told apart from hand-made ones. */
export const RATE_LIMIT_REF_PREFIX = "launch-ready-rate-";

export const RATE_LIMITED_BODY = JSON.stringify({ error: "rate_limited", detail: "Too many requests: wait for the time in Retry-After, then try again." });

/** Plans the rules for one zone. */
export function planRateLimits(requests: readonly RateLimitRequest[], plan: CloudflarePlan): RateLimitPlan {
  const facts = PLAN_FACTS[plan];
  const compromises: RateLimitCompromise[] = [];
  const problems: string[] = [];
  if (requests.length === 0) return { rules: [], compromises, effective: [], problems };
  const names = new Set<string>();
  for (const r of requests) {
    if (names.has(r.name)) problems.push(`\`${r.name}\` is requested twice: each endpoint once`);
    names.add(r.name);
  }

  const groups = partition([...requests].sort(byRate), Math.min(requests.length, facts.maxRules));
  if (requests.length > facts.maxRules) {
    for (const g of groups.filter((x) => x.length > 1)) {
      compromises.push({
        kind: "merged",
        endpoints: g.map((r) => r.name),
        loosens: false,
        message: `${list(g.map((r) => r.name))} share one rule and one counter per IP (${planName(plan)} allows ${facts.maxRules} rate limiting rule${facts.maxRules === 1 ? "" : "s"} for ${requests.length} endpoints): each is held to the strictest of their limits`,
      });
    }
  }

  const rules: RateLimitRulePlan[] = [];
  const effective: EffectiveLimit[] = [];
  for (const group of groups) {
    const rule = planGroup(group, plan, facts, compromises);
    rules.push(rule);
    const methodsKept = facts.fields.includes(FIELD_NAMES.method);
    for (const r of group) {
      effective.push({
        endpoint: r.name,
        ref: rule.ref,
        requests: rule.requestsPerPeriod,
        periodSeconds: rule.period,
        mitigationSeconds: rule.mitigationTimeout,
        action: rule.action,
        methods: methodsKept ? r.methods : [],
      });
    }
  }
  for (const rule of rules) {
    for (const p of checkFilterExpression(rule.expression).problems) problems.push(`rule \`${rule.ref}\` (${list(rule.endpoints)}): expression ${p}`);
  }
  return { rules, compromises, effective, problems };
}

/** Strictest first: requests per second, then burst. */
function byRate(a: RateLimitRequest, b: RateLimitRequest): number {
  return a.requests / a.periodSeconds - b.requests / b.periodSeconds || a.requests - b.requests || a.name.localeCompare(b.name);
}

/**
 * Splits endpoints (sorted by rate) into `k` contiguous groups, keeping limits in a group as close as possible: the
 * sum over groups of ln(loosest rate / strictest rate) is minimal, so merging costs the fewest legitimate requests.
 */
function partition(sorted: readonly RateLimitRequest[], k: number): RateLimitRequest[][] {
  const n = sorted.length;
  const rate = sorted.map((r) => Math.log(r.requests / r.periodSeconds));
  const cost = (i: number, j: number): number => (rate[j - 1] ?? 0) - (rate[i] ?? 0);
  // best[g][j]: minimal cost of the first j endpoints in g groups; cut[g][j]: where the last group starts.
  const best: number[][] = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const cut: number[][] = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(0));
  best[0]![0] = 0;
  for (let g = 1; g <= k; g++) {
    for (let j = g; j <= n; j++) {
      for (let i = g - 1; i < j; i++) {
        const c = best[g - 1]![i]! + cost(i, j);
        if (c < best[g]![j]!) {
          best[g]![j] = c;
          cut[g]![j] = i;
        }
      }
    }
  }
  const groups: RateLimitRequest[][] = [];
  let j = n;
  for (let g = k; g >= 1; g--) {
    const i = cut[g]![j]!;
    groups.unshift(sorted.slice(i, j));
    j = i;
  }
  return groups;
}

/** The longest allowed period not above `p` (or the shortest allowed one), and the count scaled to it. */
export function fitPeriod(requests: number, periodSeconds: number, periods: readonly number[]): { period: number; requests: number } {
  const below = periods.filter((v) => v <= periodSeconds);
  const period = below.length > 0 ? Math.max(...below) : Math.min(...periods);
  return { period, requests: scaledRequests(requests, periodSeconds, period) };
}

/** At most `requests` (no bigger burst) and at most the same rate, rounded down; at least 1 (the API's minimum). */
function scaledRequests(requests: number, periodSeconds: number, period: number): number {
  return Math.max(1, Math.min(requests, Math.floor((requests * period) / periodSeconds)));
}

/** True when N per P lets through more than r per p: a bigger burst or a higher rate. */
export function isLooser(planned: { requests: number; periodSeconds: number }, asked: { requests: number; periodSeconds: number }): boolean {
  return planned.requests > asked.requests || planned.requests * asked.periodSeconds > asked.requests * planned.periodSeconds;
}

function planGroup(group: readonly RateLimitRequest[], plan: CloudflarePlan, facts: PlanFacts, compromises: RateLimitCompromise[]): RateLimitRulePlan {
  const names = group.map((r) => r.name);
  // One period for the rule: the longest any member fits to. A member asking for a shorter one keeps its count over
  // the longer window (the same burst, a lower rate), so no member gets looser from the merge itself.
  const period = Math.max(...group.map((r) => fitPeriod(r.requests, r.periodSeconds, facts.periods).period));
  const requestsPerPeriod = Math.min(...group.map((r) => scaledRequests(r.requests, r.periodSeconds, period)));
  // Block if any member asks to block: a challenge is the softer answer, and APIs cannot solve one.
  const action: RateLimitAction = group.some((r) => r.action === "block") ? "block" : "managed_challenge";

  for (const r of group) {
    if (r.periodSeconds !== period) {
      const planned = { requests: requestsPerPeriod, periodSeconds: period };
      const looser = isLooser(planned, r);
      compromises.push({
        kind: "period",
        endpoints: [r.name],
        loosens: looser,
        message: `${r.name}: ${planName(plan)} counts over ${allowed(facts.periods)} s, not ${r.periodSeconds} s, so ${r.requests} per ${r.periodSeconds} s becomes ${requestsPerPeriod} per ${period} s${looser ? `, LOOSER than asked (the plan cannot express fewer than 1 request per ${period} s)` : " (no more requests per second and no bigger burst than asked)"}`,
      });
    }
    if (r.action !== action) {
      compromises.push({ kind: "action", endpoints: [r.name], loosens: false, message: `${r.name}: blocked rather than challenged above the limit, because the endpoints sharing its rule ask to block` });
    }
  }

  let mitigation: number;
  if (action === "managed_challenge" && facts.challengeTimeout !== undefined) {
    mitigation = facts.challengeTimeout;
    for (const r of group.filter((x) => x.mitigationSeconds > 0)) {
      compromises.push({
        kind: "mitigation",
        endpoints: [r.name],
        loosens: true,
        message: `${r.name}: on ${planName(plan)} a challenge cannot last ${r.mitigationSeconds} s (challenge actions must use mitigation_timeout 0): each request above the rate is challenged, and a solved challenge resets the client's counter`,
      });
    }
  } else {
    const timeouts = action === "block" ? facts.blockTimeouts : [0, ...facts.blockTimeouts];
    const wanted = Math.max(...group.map((r) => r.mitigationSeconds));
    const above = timeouts.filter((t) => t >= wanted);
    mitigation = above.length > 0 ? Math.min(...above) : Math.max(...timeouts);
    for (const r of group) {
      if (r.mitigationSeconds === mitigation) continue;
      const looser = mitigation < r.mitigationSeconds;
      compromises.push({
        kind: "mitigation",
        endpoints: [r.name],
        loosens: looser,
        message: looser
          ? `${r.name}: ${planName(plan)} blocks for at most ${mitigation} s, not the ${r.mitigationSeconds} s asked: LOOSER than asked`
          : `${r.name}: a client over the limit stays blocked for ${mitigation} s (${planName(plan)} offers ${allowed(timeouts)} s; ${r.mitigationSeconds} s was asked)`,
      });
    }
  }

  const methodsAllowed = facts.fields.includes(FIELD_NAMES.method);
  if (!methodsAllowed) {
    for (const r of group.filter((x) => x.methods.length > 0)) {
      compromises.push({
        kind: "method",
        endpoints: [r.name],
        loosens: false,
        message: `${r.name}: ${planName(plan)} rate limiting rules cannot match the request method (only ${fieldWords(facts)}), so every method on ${pathWords(r)} counts, not only ${r.methods.join("/")} (stricter: ${r.methods.includes("GET") ? "other methods" : "a GET that loads the page"} count${r.methods.includes("GET") ? "" : "s"} too); Business and above can match it`,
      });
    }
  }

  const expression = group.map((r) => memberExpression(r, methodsAllowed)).join(" or ");
  const responseAllowed = facts.customResponse && action === "block";
  if (!facts.customResponse && action === "block") {
    compromises.push({
      kind: "response",
      endpoints: names,
      loosens: false,
      message: `${list(names)}: no custom JSON answer on ${planName(plan)} (not confirmed for its rate limiting rules); Cloudflare's default block answer is still 429 with Retry-After`,
    });
  }
  return {
    ref: `${RATE_LIMIT_REF_PREFIX}${[...names].sort().join("-")}`,
    description: `Rate limit ${list(names)}: ${requestsPerPeriod} requests per ${period} s per IP (managed by launch-ready)`,
    expression,
    action,
    endpoints: names,
    characteristics: [MANDATORY_CHARACTERISTIC, IP_CHARACTERISTIC],
    period,
    requestsPerPeriod,
    mitigationTimeout: mitigation,
    ...(responseAllowed ? { response: { statusCode: 429, contentType: "application/json", content: RATE_LIMITED_BODY } } : {}),
  };
}

function memberExpression(r: RateLimitRequest, methods: boolean): string {
  const path = "path" in r.match ? `${FIELD_NAMES.path} eq ${quote(r.match.path)}` : `starts_with(${FIELD_NAMES.path}, ${quote(r.match.prefix)})`;
  if (!methods || r.methods.length === 0) return path;
  const m = r.methods.length === 1 ? `${FIELD_NAMES.method} eq ${quote(r.methods[0] ?? "")}` : `${FIELD_NAMES.method} in {${r.methods.map(quote).join(" ")}}`;
  return `(${path} and ${m})`;
}

/** A rules-language string literal: `"` and `\` escaped with a backslash. */
function quote(s: string): string {
  return `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function pathWords(r: RateLimitRequest): string {
  return "path" in r.match ? r.match.path : `${r.match.prefix}*`;
}

function fieldWords(facts: PlanFacts): string {
  return facts.fields.map((f) => `\`${f}\``).join(", ");
}

function allowed(values: readonly number[]): string {
  return values.length === 1 ? `${values[0]}` : `${values.slice(0, -1).join(", ")} or ${values[values.length - 1]}`;
}

function list(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
