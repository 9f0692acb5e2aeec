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
      violations: expect.arrayContaining([{ urn: expect.any(String), message: expect.stringMatching(/downgrades https:\/\/acme\.example\/old\?from=plan to http:\/\/acme\.example\/new.*https:\/\/ URL/) }]),
    });
  });

  it("is not applicable without proxied hosts", () => {
    expect(evaluateRule(webRedirectDowngrade, noEdge()).status).toBe("not-applicable");
  });
});
