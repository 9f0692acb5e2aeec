/** routes.inventory in the preview: the inventory must have a route of each kind the rate limits and monitoring need. */
import { describe, expect, it } from "vitest";
import { validateConfig } from "../../../config/validate";
import { routesInventory } from "../../../policy/rules/routes-inventory";
import { buildScorecard } from "../../../policy/scorecard";
import { specPlanRules } from "../../../policy/spec-rules";

function spec(domain: Record<string, unknown>, routes?: unknown[]) {
  const r = validateConfig({ "launch-ready:domains": [{ name: "acme.example", ...domain }], ...(routes ? { "launch-ready:routes": routes } : {}) });
  if (r.value === undefined) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

const monitoring = { monitoring: { checks: [{ url: "https://acme.example/healthz" }] } };

describe("routes.inventory", () => {
  it("warns `missing` when rate-limit presets are used but no inventory is declared", () => {
    const v = routesInventory.evaluate(spec({ rateLimits: ["login"] }));
    expect(v.status).toBe("warn");
    expect(v.status === "warn" && v.violations[0]?.message).toMatch(/not declared.*preset `login` of acme\.example needs a `login` route/);
  });

  it("warns `incomplete` for each needed kind the inventory lacks: login for the preset, health for monitoring", () => {
    const v = routesInventory.evaluate(spec({ rateLimits: ["login", "password-reset"], ...monitoring }, [{ method: "POST", path: "/api/reset", access: "public", kind: ["reset"] }]));
    expect(v.status === "warn" && v.violations.map((x) => x.message)).toEqual([
      "launch-ready:routes has no route of kind `login`, which the rate-limit preset `login` of acme.example needs",
      "launch-ready:routes has no route of kind `health`, which the monitoring of acme.example needs",
    ]);
  });

  it("passes when every needed kind has a route", () => {
    const v = routesInventory.evaluate(
      spec({ rateLimits: ["login"], ...monitoring }, [
        { method: "POST", path: "/api/login", access: "public", kind: ["login"] },
        { method: "GET", path: "/healthz", access: "public", kind: ["health"] },
      ]),
    );
    expect(v.status).toBe("pass");
  });

  it("is not applicable when nothing in the stack needs a route", () => {
    expect(routesInventory.evaluate(spec({})).status).toBe("not-applicable");
  });

  it("reaches the preview's scorecard through specPlanRules", () => {
    const s = spec({ rateLimits: ["search"] });
    const card = buildScorecard(specPlanRules(s), []);
    expect(card.checks.find((c) => c.id === "routes.inventory")?.status).toBe("warn");
  });
});
