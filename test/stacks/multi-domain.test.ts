import { beforeAll, describe, expect, it } from "vitest";
import type { CapturedResource } from "../../engine/capture";
import type { OfflineRun } from "../../engine/run";
import type { Scorecard } from "../../policy/scorecard";
import { readStack, runStack } from "./support/run-stack";

const RULESET = "cloudflare:index/ruleset:Ruleset";

/** The multi-domain stack: a Free zone and a Business zone, each fitted to its own plan. */
describe("multi-domain stack: one Free zone, one Business zone", () => {
  let run: OfflineRun;
  let scorecard: Scorecard;
  beforeAll(async () => {
    ({ run, scorecard } = await runStack(readStack("multi-domain"), true));
  });
  const ruleset = (name: string): CapturedResource => {
    const r = run.resources.find((x) => x.type === RULESET && x.name === name);
    if (r === undefined) throw new Error(`no ruleset ${name}`);
    return r;
  };
  const refs = (r: CapturedResource): string[] => {
    const rules: unknown = r.inputs["rules"];
    return Array.isArray(rules) ? rules.map((x: unknown) => (typeof x === "object" && x !== null ? String(Reflect.get(x, "ref")) : "")) : [];
  };
  const notes = (): string => run.logs.map((l) => l.message).join("\n");

  it("previews without errors", () => {
    expect(run.errors).toEqual([]);
  });

  it("gives each zone its own rate limiting entrypoint: one shared rule on Free, one rule per endpoint on Business", () => {
    expect(refs(ruleset("acme-example-rate-limits-entrypoint"))).toEqual(["launch-ready-rate-invite-login-password-reset-search"]);
    expect(refs(ruleset("acme-console-example-rate-limits-entrypoint")).sort()).toEqual([
      "launch-ready-rate-invite",
      "launch-ready-rate-login",
      "launch-ready-rate-password-reset",
      "launch-ready-rate-reports",
      "launch-ready-rate-search",
    ]);
  });

  it("prints the Free zone's compromises and says the Business zone needed none", () => {
    expect(notes()).toMatch(/acme\.example rate limits on Free \(1 of 1 rule\)[\s\S]*share one rule and one counter per IP/);
    expect(notes()).toMatch(/acme-console\.example rate limits on Business \(5 of 5 rules\)[\s\S]*every endpoint gets exactly the limit asked/);
  });

  it("runs the managed WAF on the Business zone only", () => {
    const managed = run.resources.filter((r) => r.type === RULESET && r.inputs["phase"] === "http_request_firewall_managed");
    expect(managed.map((r) => r.name)).toEqual(["acme-console-example-rate-limits-managed-waf"]);
  });

  it("passes the rate-limiting row for both zones", () => {
    expect(scorecard.rows.find((r) => r.row === "rate-limiting")?.status).toBe("pass");
    for (const id of ["rate.plan_fit", "rate.endpoints_covered", "rate.login_default"]) {
      const check = scorecard.checks.find((c) => c.id === id);
      expect(check?.status, id).toBe("pass");
      expect(JSON.stringify(check), id).toMatch(/acme-console\.example/);
    }
  });
});
