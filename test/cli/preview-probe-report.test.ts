/**
 * `preview --probe-report`: the application rows show what a `probe authz --json` report for this stack verified,
 * and a file that cannot serve is refused with a reason (exit 2), never read as a pass.
 */
import { afterAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers/temp-dir";
import { cli } from "./run-cli";

const STACK = `config:
  launch-ready:domains:
    - name: acme.example
      web: { origin: 203.0.113.10 }
  launch-ready:roles: [member, admin]
  launch-ready:routes:
    - { method: GET, path: /healthz, access: public, kind: [health] }
    - { method: GET, path: "/api/orgs/{orgId}", access: tenant }
    - { method: GET, path: "/api/orgs/{orgId}/settings", access: "role:admin" }
`;

const IDS = ["authz.unauthenticated", "authz.token_validation", "authz.role", "authz.tenant_isolation"];
function report(statuses: Record<string, string> = {}) {
  const domains = ["GET /api/orgs/{orgId}", "GET /api/orgs/{orgId}/settings"].map((route) => ({
    domain: `${route.split(" ")[0]} https://staging.acme.example${route.split(" ")[1]}`,
    checks: IDS.map((id) => ({ id, status: statuses[id] ?? "pass", summary: "…", evidence: { route }, remediation: "" })),
  }));
  return JSON.stringify({ domains, counts: { pass: 0, warn: 0, fail: 0, info: 0, error: 0, skip: 0 } });
}

describe("launch-ready preview --probe-report", () => {
  const dir = tempDir("probe-report");
  afterAll(() => dir.cleanup());
  dir.write("stacks/Pulumi.app.yaml", STACK);
  const rows = (stdout: string) =>
    Object.fromEntries((JSON.parse(stdout) as { scorecard: { row: string; status: string }[] }).scorecard.filter((r) => r.row === "auth-protection" || r.row === "api-authorization").map((r) => [r.row, r.status]));

  it("keeps the rows out of scope without a report, and shows the probe's verdict with one", () => {
    const without = cli("preview", "--stack", "app", "--stacks-dir", `${dir.dir}/stacks`, "--json");
    expect(rows(without.stdout)).toEqual({ "auth-protection": "out-of-scope", "api-authorization": "out-of-scope" });
    const file = dir.write("probe.json", report({ "authz.tenant_isolation": "fail" }));
    const withReport = cli("preview", "--stack", "app", "--stacks-dir", `${dir.dir}/stacks`, "--probe-report", file, "--json");
    expect(rows(withReport.stdout)).toEqual({ "auth-protection": "pass", "api-authorization": "fail" });
  });

  it("refuses a file that is not a probe report, saying so (exit 2)", () => {
    const file = dir.write("other.json", JSON.stringify({ hello: "world" }));
    const r = cli("preview", "--stack", "app", "--stacks-dir", `${dir.dir}/stacks`, "--probe-report", file);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--probe-report .*other\.json: it is not a `launch-ready probe authz --json` report/);
  });
});
