import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkFilterExpression } from "../../../core/edge/rules-language";
import { judgeRateEndpointsCovered } from "../../../core/judges/rate";
import { API_MITIGATION_TIMEOUTS, API_PERIODS, isLooser, planFitProblems, MANDATORY_CHARACTERISTIC, PLAN_FACTS, planRateLimits, PRESETS, type RateLimitPlan, type RateLimitRequest } from "../../../core/rate-limits";
import { CLOUDFLARE_PLANS } from "../../../core/spec/vocabulary";

const PLANS = CLOUDFLARE_PLANS;
const ALL_PRESETS = Object.values(PRESETS);

/** Fields an expression names (the rules language's dotted field names). */
function fieldsOf(expression: string): string[] {
  return [...expression.matchAll(/\b(http\.[a-z_.]+|ip\.[a-z_.]+|cf\.[a-z_.]+)/g)].map((m) => m[1] ?? "");
}

/** Everything a plan must satisfy whatever it was asked: the plan's limits, coverage, honesty. */
function assertPlanHolds(requests: readonly RateLimitRequest[], plan: (typeof PLANS)[number], result: RateLimitPlan): void {
  const facts = PLAN_FACTS[plan];
  // Within the plan's limits.
  expect(result.rules.length).toBeLessThanOrEqual(facts.maxRules);
  expect(new Set(result.rules.map((r) => r.ref)).size).toBe(result.rules.length);
  for (const rule of result.rules) {
    expect(facts.periods).toContain(rule.period);
    expect(API_PERIODS as readonly number[]).toContain(rule.period);
    expect(API_MITIGATION_TIMEOUTS as readonly number[]).toContain(rule.mitigationTimeout);
    if (rule.action === "block") expect(facts.blockTimeouts).toContain(rule.mitigationTimeout);
    if (rule.action === "managed_challenge" && facts.challengeTimeout !== undefined) expect(rule.mitigationTimeout).toBe(0);
    expect(rule.characteristics[0]).toBe(MANDATORY_CHARACTERISTIC);
    for (const c of rule.characteristics.slice(1)) expect(facts.characteristics).toContain(c);
    for (const f of fieldsOf(rule.expression)) expect(facts.fields).toContain(f);
    expect(checkFilterExpression(rule.expression).problems).toEqual([]);
    expect(rule.requestsPerPeriod).toBeGreaterThanOrEqual(1);
    if (rule.response !== undefined) {
      expect(facts.customResponse).toBe(true);
      expect(rule.response.statusCode).toBe(429);
    }
  }
  // Every requested endpoint covered, by exactly one rule whose expression names its path.
  for (const r of requests) {
    const covering = result.rules.filter((rule) => rule.endpoints.includes(r.name));
    expect(covering).toHaveLength(1);
    const path = "path" in r.match ? r.match.path : r.match.prefix;
    expect(covering[0]?.expression).toContain(JSON.stringify(path));
    expect(result.effective.filter((e) => e.endpoint === r.name)).toHaveLength(1);
  }
  // Never silently loosened, and every change reported.
  const said = (name: string, loosens?: boolean) => result.compromises.some((c) => c.endpoints.includes(name) && (loosens === undefined || c.loosens === loosens));
  for (const r of requests) {
    const e = result.effective.find((x) => x.endpoint === r.name);
    if (e === undefined) throw new Error(`no effective limit for ${r.name}`);
    const looser =
      isLooser({ requests: e.requests, periodSeconds: e.periodSeconds }, r) ||
      (r.action === "block" && e.action !== "block") ||
      (r.action === "block" && e.mitigationSeconds < r.mitigationSeconds) ||
      (r.action === "managed_challenge" && e.action === "managed_challenge" && e.mitigationSeconds < r.mitigationSeconds);
    if (looser) expect(said(r.name, true)).toBe(true);
    const changed =
      e.requests !== r.requests ||
      e.periodSeconds !== r.periodSeconds ||
      e.mitigationSeconds !== r.mitigationSeconds ||
      e.action !== r.action ||
      e.methods.join() !== r.methods.join();
    if (changed) expect(said(r.name)).toBe(true);
  }
  expect(result.problems).toEqual([]);
  // The plan rules' judges agree: the rules fit the plan and cover every endpoint.
  const facts_ = result.rules.map((r) => ({ ...r, customResponse: r.response !== undefined }));
  expect(planFitProblems(plan, facts_)).toEqual([]);
  expect(judgeRateEndpointsCovered({ zone: "z", requested: requests, rules: result.rules }).status).toBe("pass");
}

const nameArb = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/);
const pathArb = fc.stringMatching(/^\/[a-z0-9_\-/.]{0,20}$/);
const requestArb = (name: string): fc.Arbitrary<RateLimitRequest> =>
  fc.record({
    name: fc.constant(name),
    match: fc.oneof(pathArb.map((path) => ({ path })), pathArb.map((prefix) => ({ prefix }))),
    methods: fc.subarray(["GET", "POST", "PUT", "PATCH", "DELETE"]),
    requests: fc.integer({ min: 1, max: 10_000 }),
    periodSeconds: fc.oneof(fc.constantFrom(...API_PERIODS), fc.integer({ min: 1, max: 86_400 })),
    action: fc.constantFrom("block" as const, "managed_challenge" as const),
    mitigationSeconds: fc.oneof(fc.constantFrom(...API_MITIGATION_TIMEOUTS), fc.integer({ min: 0, max: 100_000 })),
  });
const requestsArb = fc.uniqueArray(nameArb, { minLength: 1, maxLength: 9 }).chain((names) => fc.tuple(...names.map(requestArb)));

describe("rate-limit planner: for every plan, any requests", () => {
  it.each(PLANS)("%s: the rules fit the plan, cover every endpoint, and every change or loosening is reported", (plan) => {
    fc.assert(
      fc.property(requestsArb, (requests) => {
        assertPlanHolds(requests, plan, planRateLimits(requests, plan));
      }),
      { numRuns: 200 },
    );
  });
});

describe("rate-limit planner: the four presets", () => {
  it.each(PLANS)("%s: the presets plan without problems and every endpoint is covered", (plan) => {
    const result = planRateLimits(ALL_PRESETS, plan);
    assertPlanHolds(ALL_PRESETS, plan, result);
  });

  it("Free: one rule matched on the path only, shared by the four endpoints, no custom response", () => {
    const { rules, compromises } = planRateLimits(ALL_PRESETS, "free");
    expect(rules).toHaveLength(1);
    const rule = rules[0];
    expect(rule?.endpoints).toHaveLength(4);
    expect(rule?.period).toBe(10);
    expect(rule?.mitigationTimeout).toBe(10);
    expect(rule?.action).toBe("block");
    expect(rule?.characteristics).toEqual(["cf.colo.id", "ip.src"]);
    expect(rule?.response).toBeUndefined();
    expect(rule?.expression).not.toContain("http.request.method");
    // The strictest preset (password reset, 3 per 10 s) sets the shared limit.
    expect(rule?.requestsPerPeriod).toBe(3);
    expect(compromises.some((c) => c.kind === "merged" && c.endpoints.length === 4)).toBe(true);
    // Login asked for a 60 s block; Free blocks for 10 s at most: said, as a loosening.
    expect(compromises.find((c) => c.kind === "mitigation" && c.endpoints.includes("login"))?.loosens).toBe(true);
  });

  it("Pro: two rules, the closest limits together", () => {
    const { rules } = planRateLimits(ALL_PRESETS, "pro");
    expect(rules).toHaveLength(2);
    expect(rules.find((r) => r.endpoints.includes("search"))?.endpoints).toEqual(["search"]);
  });

  it("Business: one rule per endpoint, matched on the method too, with a 429 JSON answer", () => {
    const { rules, compromises } = planRateLimits(ALL_PRESETS, "business");
    expect(rules).toHaveLength(4);
    const login = rules.find((r) => r.endpoints.includes("login"));
    expect(login?.expression).toBe('(http.request.uri.path eq "/login" and http.request.method eq "POST")');
    expect(login?.requestsPerPeriod).toBe(5);
    expect(login?.period).toBe(10);
    expect(login?.mitigationTimeout).toBe(60);
    expect(login?.response?.statusCode).toBe(429);
    expect(rules.find((r) => r.endpoints.includes("search"))?.action).toBe("managed_challenge");
    expect(compromises.filter((c) => c.kind !== "response")).toEqual([]);
  });
});

describe("rate-limit planner: what a user asks that the plan cannot do", () => {
  const login60: RateLimitRequest = { name: "login", match: { path: "/login" }, methods: ["POST"], requests: 10, periodSeconds: 60, action: "block", mitigationSeconds: 10 };

  it("Free, 10 per 60 s: snapped to 1 per 10 s (the same or lower rate, no bigger burst), and said so", () => {
    const { rules, compromises } = planRateLimits([login60], "free");
    expect(rules[0]?.period).toBe(10);
    expect(rules[0]?.requestsPerPeriod).toBe(1);
    const period = compromises.find((c) => c.kind === "period");
    expect(period?.loosens).toBe(false);
    expect(period?.message).toContain("10 per 60 s becomes 1 per 10 s");
  });

  it("Free, method matching: explains that the plan cannot match methods and every method counts", () => {
    const { rules, compromises } = planRateLimits([login60], "free");
    expect(rules[0]?.expression).toBe('http.request.uri.path eq "/login"');
    const method = compromises.find((c) => c.kind === "method");
    expect(method?.loosens).toBe(false);
    expect(method?.message).toMatch(/cannot match the request method.*every method on \/login counts, not only POST/);
  });

  it("Free, 1 per hour: the plan cannot express it, so the rule is looser and says so", () => {
    const { rules, compromises } = planRateLimits([{ ...login60, requests: 1, periodSeconds: 3600 }], "free");
    expect(rules[0]?.requestsPerPeriod).toBe(1);
    expect(compromises.find((c) => c.kind === "period")?.loosens).toBe(true);
    expect(compromises.find((c) => c.kind === "period")?.message).toContain("LOOSER");
  });

  it("Business, a 5-minute window: kept as asked", () => {
    const { rules, compromises } = planRateLimits([{ ...login60, requests: 30, periodSeconds: 300, mitigationSeconds: 600 }], "business");
    expect(rules[0]?.period).toBe(300);
    expect(rules[0]?.requestsPerPeriod).toBe(30);
    expect(compromises.filter((c) => c.kind !== "response")).toEqual([]);
  });

  it("a challenge with a timeout below Enterprise: throttled instead, reported as looser", () => {
    const { rules, compromises } = planRateLimits([{ ...login60, periodSeconds: 10, action: "managed_challenge", mitigationSeconds: 600 }], "pro");
    expect(rules[0]?.mitigationTimeout).toBe(0);
    expect(compromises.find((c) => c.kind === "mitigation")?.loosens).toBe(true);
  });

  it("a prefix matches every path under it", () => {
    const { rules } = planRateLimits([{ ...login60, name: "api", match: { prefix: "/api/" }, periodSeconds: 10 }], "pro");
    expect(rules[0]?.expression).toBe('starts_with(http.request.uri.path, "/api/")');
  });

  it("the same endpoint twice is a problem, not a silent merge", () => {
    expect(planRateLimits([login60, login60], "business").problems[0]).toContain("`login` is requested twice");
  });

  it("nothing asked, nothing planned", () => {
    expect(planRateLimits([], "free")).toEqual({ rules: [], compromises: [], effective: [], problems: [] });
  });
});

describe("the plan facts table", () => {
  it("every plan's periods and timeouts are API values, ascending, and rule counts grow with the plan", () => {
    let last = 0;
    for (const plan of PLANS) {
      const f = PLAN_FACTS[plan];
      expect([...f.periods].sort((a, b) => a - b)).toEqual(f.periods);
      for (const p of f.periods) expect(API_PERIODS as readonly number[]).toContain(p);
      for (const t of f.blockTimeouts) expect(t).toBeGreaterThan(0);
      expect(f.maxRules).toBeGreaterThan(last);
      last = f.maxRules;
    }
  });
});
