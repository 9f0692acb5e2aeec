import { describe, expect, it } from "vitest";
import { validateConfig } from "../../config/validate";

const domain = (monitoring: Record<string, unknown>) => ({ name: "acme.example", web: { origin: "origin.acme.example" }, monitoring });
const ALERTS = { "launch-ready:alerts": { emails: ["oncall@acme.example"] } };

describe("monitoring and alerts in the stack file", () => {
  it("fills the defaults: p95 500 ms, 14 days, 5% 5xx", () => {
    const r = validateConfig({ "launch-ready:domains": [domain({})], ...ALERTS });
    expect(r.value?.domains[0]?.monitoring).toEqual({ checks: [], latencyP95Ms: 500, certExpiryDays: 14, fiveXxRatePercent: 5 });
  });

  it("says which of the homepage, login and API health is not checked; the route inventory's GET routes count", () => {
    const bare = validateConfig({ "launch-ready:domains": [domain({})], ...ALERTS });
    expect(bare.warnings).toContainEqual({ path: "launch-ready:domains[0].monitoring.checks", message: expect.stringMatching(/does not check the login page, the API health endpoint/) });
    const routed = validateConfig({
      "launch-ready:domains": [domain({})],
      ...ALERTS,
      "launch-ready:routes": [
        { method: "GET", path: "/login", access: "public", kind: ["login"] },
        { method: "GET", path: "/healthz", access: "public", kind: ["health"] },
      ],
    });
    expect(routed.warnings.map((w) => w.path)).not.toContain("launch-ready:domains[0].monitoring.checks");
  });

  it("without launch-ready:alerts, warns that no alarm is planned (never an error that breaks the stack)", () => {
    const r = validateConfig({ "launch-ready:domains": [domain({})] });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toContainEqual({ path: "launch-ready:domains[0].monitoring", message: expect.stringMatching(/plans no alarm without `launch-ready:alerts`/) });
  });

  it("names the field of a bad load balancer ARN or webhook; accepts a webhook kept secret", () => {
    const bad = validateConfig({ "launch-ready:domains": [domain({ loadBalancerArn: "arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/net/x/1" })], "launch-ready:alerts": { emails: ["oncall@acme.example"], webhookUrl: "http://hooks.example/" } });
    expect(bad.errors.map((e) => e.path)).toEqual(["launch-ready:alerts.webhookUrl", "launch-ready:domains[0].monitoring.loadBalancerArn"]);
    const secret = validateConfig({ "launch-ready:domains": [domain({})], "launch-ready:alerts": { emails: ["oncall@acme.example"], webhookUrl: "[secret]" } }, { secretPaths: ["launch-ready:alerts.webhookUrl"] });
    expect(secret.errors).toEqual([]);
  });
});
