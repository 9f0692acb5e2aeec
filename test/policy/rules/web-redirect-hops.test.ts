import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { webRedirectDowngrade } from "../../../policy/rules/web-redirect-downgrade";
import { webRedirectFirstHop } from "../../../policy/rules/web-redirect-first-hop";
import { webRedirectHops } from "../../../policy/rules/web-redirect-hops";
import { evaluateRule } from "../../../policy/scorecard";
import { edgePlan, httpsUpgrade, noEdge, redirectRule, withRules, withSetting } from "./support/edge-plan";

const toApex = { expression: 'concat("https://acme.example", http.request.uri.path)' };

describe("web.redirect_hops: every host reaches https in one hop, no loop, path and query kept", () => {
  it("passes the planned aliases and legacy paths, over http and https", () => {
    const v = evaluateRule(webRedirectHops, edgePlan({ aliases: ["www.acme.example", "go.acme.example"], legacyPaths: [{ from: "/pricing.html", to: "https://acme.example/pricing" }] }));
    expect(v).toMatchObject({ status: "pass", message: expect.stringMatching(/reach their page in at most one redirect/) });
  });

  it("warns (2 hops, as live) on Always Use HTTPS kept on: if it answers first, http://www takes two hops; names the order", () => {
    const plan = edgePlan({ settings: withSetting("always_use_https", "on") });
    const v = evaluateRule(webRedirectHops, plan);
    expect(v).toMatchObject({
      status: "warn",
      violations: [
        {
          urn: expect.any(String),
          message: expect.stringMatching(
            /^http:\/\/www\.acme\.example\/launch-ready\/probe\?from=plan → https:\/\/www\.acme\.example\/.*\(301, always_use_https\) → https:\/\/acme\.example\/.*\(301, rule alias-www-acme-example\) \[if Always Use HTTPS answers before the redirect rules\]: 2 hops$/,
          ),
        },
      ],
    });
    expect(JSON.stringify(v)).not.toMatch(/Set `always_use_https` off/);
  });

  it("warns on a chain of two aliases, naming the chain", () => {
    const plan = withRules(edgePlan({ aliases: ["www.acme.example", "go.acme.example"] }), [
      redirectRule("go", 'http.host eq "go.acme.example"', { expression: 'concat("https://www.acme.example", http.request.uri.path)' }),
      redirectRule("www", 'http.host eq "www.acme.example"', toApex),
      httpsUpgrade(["acme.example", "www.acme.example", "go.acme.example"]),
    ]);
    expect(evaluateRule(webRedirectHops, plan)).toMatchObject({
      status: "warn",
      violations: [{ urn: expect.any(String), message: expect.stringMatching(/^http:\/\/go\.acme\.example\/\S* → https:\/\/www\.acme\.example\/\S* \(301, rule go\) → https:\/\/acme\.example\/\S* \(301, rule www\): 2 hops/) }],
    });
  });

  it("fails a loop, a dropped query and a lost path", () => {
    const loop = withRules(edgePlan(), [redirectRule("a", 'http.host eq "acme.example"', { expression: 'concat("https://www.acme.example", http.request.uri.path)' }), redirectRule("b", 'http.host eq "www.acme.example"', toApex)]);
    expect(evaluateRule(webRedirectHops, loop)).toMatchObject({ status: "fail", violations: expect.arrayContaining([{ urn: expect.any(String), message: expect.stringMatching(/loops back/) }]) });
    const noQuery = withRules(edgePlan(), [redirectRule("www", 'http.host eq "www.acme.example"', toApex, false), httpsUpgrade()]);
    expect(evaluateRule(webRedirectHops, noQuery)).toMatchObject({ status: "fail", violations: expect.arrayContaining([{ urn: expect.any(String), message: expect.stringMatching(/the query string \?from=plan becomes \(none\)/) }]) });
    const noPath = withRules(edgePlan(), [redirectRule("www", 'http.host eq "www.acme.example"', { value: "https://acme.example/" }), httpsUpgrade()]);
    expect(evaluateRule(webRedirectHops, noPath)).toMatchObject({ status: "fail", violations: expect.arrayContaining([{ urn: expect.any(String), message: expect.stringMatching(/the path \/launch-ready\/probe becomes \/$/) }]) });
  });

  it("fails a rule for a host that is not proxied: it would never run", () => {
    const plan = withRules(edgePlan(), [redirectRule("go", 'http.host eq "go.acme.example"', toApex), redirectRule("www", 'http.host eq "www.acme.example"', toApex), httpsUpgrade()]);
    expect(evaluateRule(webRedirectHops, plan)).toMatchObject({ status: "fail", violations: [{ urn: expect.any(String), message: expect.stringMatching(/rule `go` matches go\.acme\.example, which is not a proxied host of acme\.example, so it never runs there$/) }] });
  });

  it("cannot tell, never passes, on a rule it cannot read", () => {
    const odd = withRules(edgePlan(), [redirectRule("re", 'http.host matches "^www"', toApex)]);
    expect(evaluateRule(webRedirectHops, odd)).toMatchObject({ status: "cannot-tell", message: expect.stringMatching(/redirect rule `re` cannot be read/) });
  });

  it("fails with SSL off: http → https → http loops", () => {
    expect(evaluateRule(webRedirectHops, edgePlan({ ssl: "off" }))).toMatchObject({ status: "fail", violations: [{ message: expect.stringMatching(/\(301, SSL mode `off`\).*loops back/) }] });
  });

  it("agrees with the planner: any planned aliases and legacy paths pass all three redirect checks", () => {
    const label = fc.constantFrom("www", "go", "shop", "docs", "m");
    const segment = fc.stringMatching(/^[a-z0-9-]{1,6}$/);
    fc.assert(
      fc.property(fc.boolean(), fc.uniqueArray(label, { minLength: 1, maxLength: 4 }), fc.uniqueArray(segment, { maxLength: 3 }), (apexCanonical, labels, froms) => {
        const canonical = apexCanonical ? "acme.example" : `${labels[0]}.acme.example`;
        const aliases = [...labels.map((l) => `${l}.acme.example`), "acme.example"].filter((h) => h !== canonical);
        const legacyPaths = froms.map((f) => ({ from: `/old/${f}`, to: `https://${canonical}/new/${f}` }));
        const plan = edgePlan({ canonical, aliases, legacyPaths });
        for (const rule of [webRedirectHops, webRedirectFirstHop, webRedirectDowngrade]) expect(evaluateRule(rule, plan).status).toBe("pass");
      }),
      { numRuns: 40 },
    );
  });

  it("is not applicable without proxied hosts", () => {
    expect(evaluateRule(webRedirectHops, noEdge()).status).toBe("not-applicable");
  });
});
