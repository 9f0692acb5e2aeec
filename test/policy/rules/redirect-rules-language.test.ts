import { describe, expect, it } from "vitest";
import { redirectRulesLanguage } from "../../../policy/rules/redirect-rules-language";
import { evaluateRule } from "../../../policy/scorecard";
import { edgePlan, noEdge, redirectRule, withRules } from "./support/edge-plan";

const upgrade = { expression: 'concat("https://", http.host, http.request.uri.path)' };

describe("redirect.rules_language: every planned rule is one Cloudflare accepts", () => {
  it("passes the toolkit's ruleset", () => {
    expect(evaluateRule(redirectRulesLanguage, edgePlan({ legacyPaths: [{ from: "/old", to: "https://acme.example/new" }] }))).toMatchObject({ status: "pass", message: expect.stringMatching(/3 rule\(s\) in 1 ruleset\(s\) use only fields, functions and operators/) });
  });

  it("fails the catch-all that matched `http.request.scheme` (no such field), naming the rule's ref and the fix", () => {
    const old = withRules(edgePlan(), [redirectRule("alias-www", 'http.host eq "www.acme.example"', upgrade), redirectRule("http-to-https", 'http.request.scheme eq "http" and http.host in {"acme.example"}', upgrade)]);
    expect(evaluateRule(redirectRulesLanguage, old)).toMatchObject({
      status: "fail",
      violations: [{ urn: expect.any(String), message: expect.stringMatching(/Cloudflare would reject this ruleset, and every rule in it: rule `http-to-https`: expression unknown field `http\.request\.scheme`.*`not ssl`/) }],
    });
  });

  it("fails an unknown function in a target expression", () => {
    const bad = withRules(edgePlan(), [redirectRule("x", "not ssl", { expression: 'join("https://", http.host)' })]);
    expect(evaluateRule(redirectRulesLanguage, bad)).toMatchObject({ status: "fail", violations: [{ message: expect.stringMatching(/rule `x`: target expression unknown function `join`/) }] });
  });

  it("is not applicable without a ruleset", () => {
    expect(evaluateRule(redirectRulesLanguage, noEdge()).status).toBe("not-applicable");
  });
});
