import { describe, expect, it } from "vitest";
import { redirectWellKnown } from "../../../policy/rules/redirect-well-known";
import { evaluateRule } from "../../../policy/scorecard";
import { edgePlan, noEdge, redirectRule, withRules } from "./support/edge-plan";

const toApex = { expression: 'concat("https://acme.example", http.request.uri.path)' };

describe("redirect.well_known_exempt: no redirect rule touches /.well-known/", () => {
  it("passes the toolkit's ruleset: every rule excludes the prefix", () => {
    expect(evaluateRule(redirectWellKnown, edgePlan({ legacyPaths: [{ from: "/old", to: "https://acme.example/new" }] }))).toMatchObject({ status: "pass", message: expect.stringMatching(/All 3 redirect rule\(s\) leave \/\.well-known\/ alone/) });
  });

  it("fails an alias rule that would send http://www/.well-known/acme-challenge/… to another host", () => {
    const plan = withRules(edgePlan(), [redirectRule("alias-www", 'http.host eq "www.acme.example"', toApex)]);
    expect(evaluateRule(redirectWellKnown, plan)).toMatchObject({ status: "fail", violations: [{ urn: expect.any(String), message: expect.stringMatching(/rule `alias-www` .* also redirects \/\.well-known\/ paths/) }] });
  });

  it("accepts a rule that can only match another exact path or prefix", () => {
    const plan = withRules(edgePlan(), [redirectRule("old", 'http.request.uri.path eq "/old"', { value: "https://acme.example/new" }), redirectRule("blog", 'starts_with(http.request.uri.path, "/blog/")', toApex)]);
    expect(evaluateRule(redirectWellKnown, plan).status).toBe("pass");
  });

  it("cannot tell for a rule it cannot read, and is not applicable without a redirect ruleset", () => {
    const plan = withRules(edgePlan(), [redirectRule("re", 'http.host matches "^w+"', toApex)]);
    expect(evaluateRule(redirectWellKnown, plan)).toMatchObject({ status: "cannot-tell", message: expect.stringMatching(/rule `re`/) });
    expect(evaluateRule(redirectWellKnown, noEdge()).status).toBe("not-applicable");
  });
});
