import { describe, expect, it } from "vitest";
import { tlsAlwaysHttps } from "../../../policy/rules/tls-always-https";
import { evaluateRule } from "../../../policy/scorecard";
import { edgePlan, httpsUpgrade, noEdge, redirectRule, withRules, withSetting, withoutSetting } from "./support/edge-plan";

const wwwToApex = redirectRule("www", 'http.host eq "www.acme.example"', { expression: 'concat("https://acme.example", http.request.uri.path)' });

describe("tls.always_https: every http:// request is redirected to https://", () => {
  it("passes the toolkit's plan: Always Use HTTPS off, the ruleset's catch-all rule upgrades every proxied host", () => {
    expect(evaluateRule(tlsAlwaysHttps, edgePlan())).toMatchObject({ status: "pass", message: expect.stringMatching(/every http:\/\/ request on 2 proxied host\(s\) to https:\/\/ in one hop \(rule `http-to-https`\); Always Use HTTPS is `off`, so the ordering cannot add a hop/) });
  });

  it("passes a user who keeps Always Use HTTPS on, saying the ordering may then add a hop", () => {
    const onWithoutCatchAll = withRules(edgePlan({ settings: withSetting("always_use_https", "on") }), [wwwToApex]);
    expect(evaluateRule(tlsAlwaysHttps, onWithoutCatchAll)).toMatchObject({ status: "pass", message: expect.stringMatching(/Always Use HTTPS on; the ordering .* may add a hop .*`http-to-https`/) });
    const onWithCatchAll = edgePlan({ settings: withSetting("always_use_https", "on") });
    expect(evaluateRule(tlsAlwaysHttps, onWithCatchAll)).toMatchObject({ status: "pass", message: expect.stringMatching(/Always Use HTTPS is on too: if it answers before the redirect rules, an alias takes two hops/) });
  });

  it("fails Always Use HTTPS off or unset with no catch-all rule, naming the hosts served over http and the fix", () => {
    const off = withRules(edgePlan(), [wwwToApex]);
    expect(evaluateRule(tlsAlwaysHttps, off)).toMatchObject({
      status: "fail",
      violations: [{ urn: expect.any(String), message: expect.stringMatching(/^acme\.example: `always_use_https` is `off` and no redirect rule sends http:\/\/ on acme\.example to https:\/\/.*catch-all rule `http-to-https`.*or set `always_use_https` on/) }],
    });
    const unset = withRules(edgePlan({ settings: withoutSetting("always_use_https") }), [wwwToApex]);
    expect(evaluateRule(tlsAlwaysHttps, unset)).toMatchObject({ status: "fail", violations: [{ message: expect.stringMatching(/the stack does not set `always_use_https` and no redirect rule sends http:\/\/ on acme\.example/) }] });
  });

  it("fails a catch-all that leaves a proxied host out", () => {
    const partial = withRules(edgePlan({ aliases: ["www.acme.example", "go.acme.example"] }), [httpsUpgrade(["acme.example", "www.acme.example"])]);
    expect(evaluateRule(tlsAlwaysHttps, partial)).toMatchObject({ status: "fail", violations: [{ message: expect.stringMatching(/no redirect rule sends http:\/\/ on go\.acme\.example to https:\/\//) }] });
  });

  it("is not applicable without a web zone", () => {
    expect(evaluateRule(tlsAlwaysHttps, noEdge()).status).toBe("not-applicable");
  });
});
