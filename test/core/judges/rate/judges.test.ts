import { describe, expect, it } from "vitest";
import { judgeRateEndpointsCovered, judgeRateLoginDefault, judgeRatePlanFit } from "../../../../core/judges/rate";
import type { RateRuleFacts } from "../../../../core/rate-limits";

const rule = (over: Partial<RateRuleFacts> = {}): RateRuleFacts => ({
  ref: "r1",
  expression: 'http.request.uri.path eq "/login"',
  action: "block",
  characteristics: ["cf.colo.id", "ip.src"],
  period: 10,
  requestsPerPeriod: 5,
  mitigationTimeout: 10,
  customResponse: false,
  ...over,
});

describe("rate.plan_fit", () => {
  it.each([
    ["a Free rule within the plan", "free", [rule()], "pass", undefined],
    ["two rules on Free", "free", [rule(), rule({ ref: "r2" })], "fail", /2 rate limiting rules, but Free allows 1/],
    ["a 60 s period on Free", "free", [rule({ period: 60 })], "fail", /period 60 s is not one Free allows \(10 s\)/],
    ["a method match on Pro", "pro", [rule({ expression: '(http.request.uri.path eq "/login" and http.request.method eq "POST")' })], "fail", /uses `http\.request\.method`, which Pro rate limiting rules cannot match/],
    ["a method match on Business", "business", [rule({ expression: '(http.request.uri.path eq "/login" and http.request.method eq "POST")', mitigationTimeout: 60 })], "pass", undefined],
    ["no cf.colo.id", "business", [rule({ characteristics: ["ip.src"] })], "fail", /mandatory `cf\.colo\.id`/],
    ["a challenge with a timeout below Enterprise", "pro", [rule({ action: "managed_challenge", mitigationTimeout: 60 })], "fail", /must have mitigation_timeout 0 on Pro/],
    ["a 1-hour block on Pro", "pro", [rule({ mitigationTimeout: 3600, period: 60 })], "pass", undefined],
    ["a 1-day block on Pro", "pro", [rule({ mitigationTimeout: 86400 })], "fail", /mitigation_timeout 86400 s is not one Pro allows/],
    ["a custom response on Free", "free", [rule({ customResponse: true })], "fail", /custom response is not confirmed for Free/],
    ["NAT-aware counting on Pro", "pro", [rule({ characteristics: ["cf.colo.id", "cf.unique_visitor_id"] })], "fail", /counting by `cf\.unique_visitor_id` is not available on Pro/],
  ] as const)("%s", (_label, plan, rules, status, fact) => {
    const v = judgeRatePlanFit({ zone: "acme.example", plan, rules });
    expect(v.status).toBe(status);
    if (fact !== undefined && "facts" in v) expect(v.facts.join("\n")).toMatch(fact);
  });

  it("no rules: not applicable", () => {
    expect(judgeRatePlanFit({ zone: "acme.example", plan: "free", rules: [] }).status).toBe("not-applicable");
  });
});

describe("rate.endpoints_covered", () => {
  const login = { name: "login", match: { path: "/login" }, methods: ["POST"] };
  it.each([
    ["the path matched", [login], [rule()], "pass"],
    ["a different path only", [login], [rule({ expression: 'http.request.uri.path eq "/signin"' })], "fail"],
    ["the path, but another method only", [login], [rule({ expression: '(http.request.uri.path eq "/login" and http.request.method eq "GET")' })], "fail"],
    ["a set of paths", [login, { name: "search", match: { path: "/search" }, methods: [] }], [rule({ expression: 'http.request.uri.path in {"/login" "/search"}' })], "pass"],
    ["a prefix covered by starts_with", [{ name: "api", match: { prefix: "/api/" }, methods: [] }], [rule({ expression: 'starts_with(http.request.uri.path, "/api/")' })], "pass"],
    ["a prefix checked with an exact path only", [{ name: "api", match: { prefix: "/api/" }, methods: [] }], [rule({ expression: 'http.request.uri.path eq "/api/"' })], "fail"],
    ["an expression it cannot read", [login], [rule({ expression: 'http.request.uri.path matches "^/log"' })], "cannot-tell"],
  ] as const)("%s", (_label, requested, rules, status) => {
    expect(judgeRateEndpointsCovered({ zone: "acme.example", requested, rules }).status).toBe(status);
  });
});

describe("rate.login_default", () => {
  it.each([
    ["5 per 10 s", { requests: 5, periodSeconds: 10 }, "pass"],
    ["3 per 10 s", { requests: 3, periodSeconds: 10 }, "pass"],
    ["1 per 10 s (Free's snap of 10 per 60 s)", { requests: 1, periodSeconds: 10 }, "pass"],
    ["6 per 10 s", { requests: 6, periodSeconds: 10 }, "fail"],
    ["10 per 60 s: a bigger burst", { requests: 10, periodSeconds: 60 }, "fail"],
    ["5 per 5 s: a higher rate", { requests: 5, periodSeconds: 5 }, "fail"],
    ["asked for, but no rule matches", null, "fail"],
  ] as const)("%s", (_label, login, status) => {
    expect(judgeRateLoginDefault({ zone: "acme.example", login }).status).toBe(status);
  });

  it("no login endpoint: not applicable", () => {
    expect(judgeRateLoginDefault({ zone: "acme.example" }).status).toBe("not-applicable");
  });
});
