import { describe, expect, it } from "vitest";
import type { CapturedResource } from "../../engine/capture";
import type { OfflineRun } from "../../engine/run";
import { runProgram } from "../lib/program";
import { readStack, runStack, stackVariant } from "../stacks/support/run-stack";

const RULESET = "cloudflare:index/ruleset:Ruleset";
const rateLimitRulesets = (run: OfflineRun): CapturedResource[] => run.resources.filter((r) => r.type === RULESET && r.inputs["phase"] === "http_ratelimit");
const infoLogs = (run: OfflineRun): string => run.logs.filter((l) => l.severity === "info").map((l) => l.message).join("\n");

interface RuleInputs {
  ref: string;
  expression: string;
  action: string;
  ratelimit: { characteristics: string[]; period: number; requestsPerPeriod: number; mitigationTimeout: number };
  actionParameters?: { response?: { statusCode: number } };
}
function rulesOf(r: CapturedResource | undefined): RuleInputs[] {
  const rules: unknown = r?.inputs["rules"];
  if (!Array.isArray(rules)) throw new Error("the ruleset has no rules");
  // The captured inputs are the provider's wire form; read only the keys the test pins.
  return rules.map((x: Record<string, unknown>) => JSON.parse(JSON.stringify(x)) as RuleInputs);
}

/** Sets the first domain's `rateLimits` (and plan) in a copy of the example stack. */
function exampleWith(variant: string, rateLimits: unknown[], plan = "free") {
  return stackVariant("example", variant, (domains) => {
    const d = domains[0];
    if (typeof d !== "object" || d === null) throw new Error("no domain");
    Reflect.set(d, "rateLimits", rateLimits);
    const cf: unknown = Reflect.get(d, "cloudflare");
    if (typeof cf === "object" && cf !== null) Reflect.set(cf, "plan", plan);
  });
}

describe("RateLimits as a child of Domain: the example stack on Free", () => {
  it("plans one http_ratelimit entrypoint with one rule for the four presets, counted per colo and IP, and prints the compromises", async () => {
    const { run } = await runStack(readStack("example"), true);
    expect(run.errors).toEqual([]);
    const rulesets = rateLimitRulesets(run);
    expect(rulesets).toHaveLength(1);
    expect(rulesets[0]?.name).toBe("acme-example-rate-limits-entrypoint");
    const [rule, ...rest] = rulesOf(rulesets[0]);
    expect(rest).toEqual([]);
    expect(rule?.ref).toBe("launch-ready-rate-invite-login-password-reset-search");
    expect(rule?.action).toBe("block");
    expect(rule?.ratelimit).toMatchObject({ characteristics: ["cf.colo.id", "ip.src"], period: 10, requestsPerPeriod: 3, mitigationTimeout: 10 });
    for (const path of ["/login", "/password-reset", "/invite", "/search"]) expect(rule?.expression).toContain(`"${path}"`);
    expect(rule?.actionParameters).toBeUndefined();
    const logs = infoLogs(run);
    expect(logs).toMatch(/rate limits on Free \(1 of 1 rule\)/);
    expect(logs).toMatch(/share one rule and one counter per IP/);
    expect(logs).toMatch(/! login: Free blocks for at most 10 s, not the 60 s asked: LOOSER than asked/);
  });

  it("is a child of the Domain, typed launch-ready:waf:RateLimits", async () => {
    const { run } = await runStack(readStack("example"), false);
    const component = run.resources.find((r) => r.type === "launch-ready:waf:RateLimits");
    expect(component?.name).toBe("acme-example-rate-limits");
    expect(component?.parentUrn).toMatch(/launch-ready:index:Domain::acme-example$/);
  });

  it("a Free stack asking for a 60 s period shows the snapping: 10 per 60 s becomes 1 per 10 s", async () => {
    const { run } = await runStack(exampleWith("rl-60s", [{ name: "login", path: "/api/login", requests: 10, periodSeconds: 60, mitigationSeconds: 10 }]), true);
    expect(run.errors).toEqual([]);
    const [rule] = rulesOf(rateLimitRulesets(run)[0]);
    expect(rule?.ratelimit).toMatchObject({ period: 10, requestsPerPeriod: 1 });
    expect(infoLogs(run)).toMatch(/login: Free counts over 10 s, not 60 s, so 10 per 60 s becomes 1 per 10 s \(no more requests per second and no bigger burst than asked\)/);
  });

  it("a Free stack asking for method matching explains why it cannot, and counts every method", async () => {
    const { run } = await runStack(exampleWith("rl-method", [{ name: "export", path: "/api/export", methods: ["POST"], requests: 5, periodSeconds: 10 }]), true);
    expect(run.errors).toEqual([]);
    const [rule] = rulesOf(rateLimitRulesets(run)[0]);
    expect(rule?.expression).toBe('http.request.uri.path eq "/api/export"');
    expect(infoLogs(run)).toMatch(/export: Free rate limiting rules cannot match the request method \(only `http\.request\.uri\.path`\), so every method on \/api\/export counts, not only POST/);
  });

  it("on Business every endpoint gets its own rule, matched on the method, answering 429", async () => {
    const { run } = await runStack(exampleWith("rl-business", ["login", "password-reset", "invite", "search"], "business"), true);
    expect(run.errors).toEqual([]);
    const rules = rulesOf(rateLimitRulesets(run)[0]);
    expect(rules.map((r) => r.ref).sort()).toEqual(["launch-ready-rate-invite", "launch-ready-rate-login", "launch-ready-rate-password-reset", "launch-ready-rate-search"]);
    const login = rules.find((r) => r.ref === "launch-ready-rate-login");
    expect(login?.expression).toBe('(http.request.uri.path eq "/login" and http.request.method eq "POST")');
    expect(login?.actionParameters?.response?.statusCode).toBe(429);
    expect(rules.find((r) => r.ref === "launch-ready-rate-search")?.action).toBe("managed_challenge");
  });

  it("a rule that is neither a preset nor complete fails validation, naming the field", async () => {
    await expect(runStack(exampleWith("rl-bad", [{ name: "export", path: "/api/export" }]), true)).rejects.toThrow(/rateLimits\[0\]\.requests: is required: `export` is not a preset/);
  });

  it("without rateLimits, no rate limiting entrypoint", async () => {
    const { run } = await runStack(exampleWith("rl-none", []), true);
    expect(rateLimitRulesets(run)).toEqual([]);
    expect(run.resources.some((r) => r.type === "launch-ready:waf:RateLimits")).toBe(false);
  });
});

describe("managed WAF", () => {
  const managed = (run: OfflineRun) => run.resources.filter((r) => r.type === RULESET && r.inputs["phase"] === "http_request_firewall_managed");

  it("on Free: no managed WAF ruleset, and the preview says the free managed ruleset is already on", async () => {
    const { run } = await runStack(readStack("example"), true);
    expect(managed(run)).toEqual([]);
    expect(infoLogs(run)).toMatch(/acme\.example managed WAF on Free: Cloudflare Free Managed Ruleset is already on for Free zones and cannot be tuned/);
  });

  it("on Business: executes the Cloudflare Managed Ruleset and the OWASP Core Ruleset, every rule passing the rules-language check", async () => {
    const { run, scorecard } = await runStack(exampleWith("rl-waf", ["login"], "business"), true);
    expect(run.errors).toEqual([]);
    const [ruleset, ...more] = managed(run);
    expect(more).toEqual([]);
    expect(ruleset?.name).toBe("acme-example-rate-limits-managed-waf");
    const rules: unknown = ruleset?.inputs["rules"];
    expect(JSON.parse(JSON.stringify(rules))).toMatchObject([
      { action: "execute", expression: "true", actionParameters: { id: "efb7b8c949ac4650a09736fc376e9aee" } },
      { action: "execute", expression: "true", actionParameters: { id: "4814384a9e5d4991b9815dcfc25d2f1f" } },
    ]);
    expect(scorecard.checks.find((c) => c.id === "redirect.rules_language")?.status).toBe("pass");
  });
});

describe("the rate-limiting row before apply", () => {
  it("the example stack: plan fit, endpoints covered and login default pass, so the row is no longer 'not covered'", async () => {
    const { scorecard } = await runStack(readStack("example"), true);
    const row = scorecard.rows.find((r) => r.row === "rate-limiting");
    expect(row?.status).toBe("pass");
    const rate = scorecard.checks.filter((c) => c.id.startsWith("rate."));
    expect(rate.map((c) => [c.id, c.status]).sort()).toEqual([["rate.endpoints_covered", "pass"], ["rate.login_default", "pass"], ["rate.plan_fit", "pass"]]);
  });

  it("a login looser than 5 per 10 s fails rate.login_default, naming the limit", async () => {
    const { scorecard } = await runStack(exampleWith("rl-loose", [{ name: "login", path: "/login", requests: 20, periodSeconds: 10 }], "business"), true);
    const check = scorecard.checks.find((c) => c.id === "rate.login_default");
    expect(check?.status).toBe("fail");
    expect(JSON.stringify(check)).toMatch(/login allows 20 request\(s\) per 10 s per IP/);
    expect(scorecard.rows.find((r) => r.row === "rate-limiting")?.status).toBe("fail");
  });
});

describe("RateLimits used from a program of one's own", () => {
  it("works on its own, for any zone id output", async () => {
    const run = await runProgram(
      `import { RateLimits } from "launch-ready";
const zone = cloudflare.getZoneOutput({ filter: { name: "acme.example" } });
new RateLimits("api", { zoneId: zone.zoneId, plan: "pro", rateLimits: ["login", { name: "export", prefix: "/api/export/", requests: 30, periodSeconds: 60 }] });`,
      false,
    );
    expect(run.errors).toEqual([]);
    const rules = rulesOf(rateLimitRulesets(run)[0]);
    expect(rules).toHaveLength(2);
    expect(rules.find((r) => r.ref === "launch-ready-rate-export")?.expression).toBe('starts_with(http.request.uri.path, "/api/export/")');
  });

  it("rejects bad args with every problem named by its path under args", async () => {
    const run = await runProgram(
      `import { RateLimits } from "launch-ready";
new RateLimits("api", { zoneId: "0f3a2b1c4d5e6f708192a3b4c5d6e7f8", rateLimits: [{ name: "export", path: "api/export", requests: 0, periodSeconds: 10 }] });`,
      true,
    );
    const errors = run.errors.join("\n");
    expect(errors).toMatch(/RateLimits api has \d problem\(s\) in its args/);
    expect(errors).toMatch(/args\.rateLimits\[0\]\.path: must be a URL path starting with `\/`/);
    expect(errors).toMatch(/args\.rateLimits\[0\]\.requests/);
    expect(rateLimitRulesets(run)).toEqual([]);
  });
});
