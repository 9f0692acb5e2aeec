import { describe, expect, it } from "vitest";
import { webRedirectDowngrade } from "../../../policy/rules/web-redirect-downgrade";
import { evaluateRule } from "../../../policy/scorecard";
import { edgePlan, noEdge, redirectRule, withRules } from "./support/edge-plan";

describe("web.redirect_downgrade: no https → http hop", () => {
  it("passes the planned redirects", () => {
    expect(evaluateRule(webRedirectDowngrade, edgePlan({ legacyPaths: [{ from: "/old", to: "https://acme.example/new" }] })).status).toBe("pass");
  });

  it("fails a legacy path moved to an http:// URL", () => {
    const plan = withRules(edgePlan(), [redirectRule("legacy-path-old", 'http.host in {"acme.example" "www.acme.example"} and http.request.uri.path eq "/old"', { value: "http://acme.example/new" })]);
    expect(evaluateRule(webRedirectDowngrade, plan)).toMatchObject({
      status: "fail",
      violations: [{ urn: expect.any(String), message: expect.stringMatching(/https redirects to plain http: https:\/\/acme\.example\/old\?from=plan → http:\/\/acme\.example\/new\?from=plan \(301, rule legacy-path-old\)/) }],
    });
  });

  it("is not applicable without proxied hosts", () => {
    expect(evaluateRule(webRedirectDowngrade, noEdge()).status).toBe("not-applicable");
  });
});
