import { describe, expect, it } from "vitest";
import { webRedirectFirstHop } from "../../../policy/rules/web-redirect-first-hop";
import { evaluateRule } from "../../../policy/scorecard";
import { edgePlan, httpsUpgrade, noEdge, redirectRule, withRules, withSetting } from "./support/edge-plan";

describe("web.redirect_first_hop: http:// goes straight to https://", () => {
  it("passes the planned redirects (catch-all rule, Always Use HTTPS off), and with Always Use HTTPS kept on, in both orders", () => {
    expect(evaluateRule(webRedirectFirstHop, edgePlan()).status).toBe("pass");
    expect(evaluateRule(webRedirectFirstHop, edgePlan({ settings: withSetting("always_use_https", "on") })).status).toBe("pass");
  });

  it("fails an alias that redirects to http://, naming the hop (facts only)", () => {
    const plan = withRules(edgePlan(), [redirectRule("www", 'http.host eq "www.acme.example"', { expression: 'concat("http://acme.example", http.request.uri.path)' }), httpsUpgrade()]);
    expect(evaluateRule(webRedirectFirstHop, plan)).toMatchObject({
      status: "fail",
      violations: [{ urn: expect.any(String), message: expect.stringMatching(/^http:\/\/www\.acme\.example\/\S* → http:\/\/acme\.example\/\S* \(301, rule www\).*: the first hop goes to plain http:\/\/acme\.example\//) }],
    });
  });

  it("fails http served without a redirect when Always Use HTTPS is off and the catch-all rule is gone", () => {
    const plan = withRules(edgePlan({ settings: withSetting("always_use_https", "off") }), [redirectRule("www", 'http.host eq "www.acme.example"', { expression: 'concat("https://acme.example", http.request.uri.path)' })]);
    expect(evaluateRule(webRedirectFirstHop, plan)).toMatchObject({
      status: "fail",
      violations: expect.arrayContaining([{ urn: expect.any(String), message: expect.stringMatching(/^http:\/\/acme\.example\/\S* is answered over plain http with no redirect/) }]),
    });
  });

  it("is not applicable without proxied hosts", () => {
    expect(evaluateRule(webRedirectFirstHop, noEdge()).status).toBe("not-applicable");
  });
});
