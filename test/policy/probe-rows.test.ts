/**
 * The application rows of the scorecard: "out of scope" without a probe report, the probe's result with one that
 * covers the stack's inventory, and never "pass" from a partial or foreign report.
 */
import { describe, expect, it } from "vitest";
import { validateConfig } from "../../config/validate";
import { probeRows } from "../../policy/probe-rows";
import { buildScorecard } from "../../policy/scorecard";

const value = validateConfig({
  "launch-ready:domains": [{ name: "acme.example" }],
  "launch-ready:roles": ["member", "admin"],
  "launch-ready:routes": [
    { method: "GET", path: "/healthz", access: "public" },
    { method: "GET", path: "/api/orgs/{orgId}", access: "tenant" },
    { method: "GET", path: "/api/orgs/{orgId}/settings", access: "role:admin" },
  ],
}).value;
if (value === undefined) throw new Error("fixture stack is invalid");
const spec = value;

const IDS = ["authz.unauthenticated", "authz.token_validation", "authz.role", "authz.tenant_isolation"];
function report(routes: Record<string, Partial<Record<string, string>>>) {
  const domains = Object.entries(routes).map(([route, statuses]) => ({
    domain: `${route.split(" ")[0]} https://staging.acme.example${route.split(" ")[1]}`,
    checks: IDS.map((id) => ({ id, status: statuses[id] ?? "pass", summary: "…", evidence: { route }, remediation: "" })),
  }));
  return { domains, counts: { pass: 0, warn: 0, fail: 0, info: 0, error: 0, skip: 0 } };
}

function rows(doc: unknown) {
  const r = probeRows(doc, spec);
  const card = buildScorecard([], [], new Map(), undefined, r.ok ? r.rows : new Map());
  return Object.fromEntries(card.rows.filter((x) => x.row === "auth-protection" || x.row === "api-authorization").map((x) => [x.row, x.status]));
}

describe("scorecard rows from an authz probe report", () => {
  it("stays out of scope (not verified) without a report", () => {
    const card = buildScorecard([], []);
    expect(card.rows.find((r) => r.row === "api-authorization")?.status).toBe("out-of-scope");
  });

  it("shows both rows verified when the report covers every non-public route and all pass", () => {
    expect(rows(report({ "GET /api/orgs/{orgId}": {}, "GET /api/orgs/{orgId}/settings": {} }))).toEqual({ "auth-protection": "pass", "api-authorization": "pass" });
  });

  it("fails only the row whose IDs failed", () => {
    expect(rows(report({ "GET /api/orgs/{orgId}": { "authz.tenant_isolation": "fail" }, "GET /api/orgs/{orgId}/settings": {} }))).toEqual({ "auth-protection": "pass", "api-authorization": "fail" });
  });

  it("is not verified when a route could not be decided or is missing from the report", () => {
    expect(rows(report({ "GET /api/orgs/{orgId}": { "authz.unauthenticated": "error" }, "GET /api/orgs/{orgId}/settings": {} }))["auth-protection"]).toBe("not-covered");
    expect(rows(report({ "GET /api/orgs/{orgId}": {} }))).toEqual({ "auth-protection": "not-covered", "api-authorization": "not-covered" });
  });

  it("rejects a document that is not a probe report", () => {
    expect(probeRows({ hello: "world" }, spec).ok).toBe(false);
  });
});
