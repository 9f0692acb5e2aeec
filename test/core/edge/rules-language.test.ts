import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planRedirectRules } from "../../../core/edge/redirects";
import { checkFilterExpression, checkRuleExpressions, checkValueExpression, MAX_EXPRESSION_LENGTH } from "../../../core/edge/rules-language";

describe("rules-language check: every planned expression is one Cloudflare accepts", () => {
  it("rejects `http.request.scheme`, which the rules language does not have, and points at `not ssl`", () => {
    const r = checkFilterExpression('http.request.scheme eq "http" and http.host in {"acme.example"}');
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.stringMatching(/unknown field `http\.request\.scheme`.*`not ssl`/)]);
    expect(checkRuleExpressions([{ ref: "http-to-https", expression: 'http.request.scheme eq "http"' }])).toEqual([expect.stringMatching(/^rule `http-to-https`: expression unknown field/)]);
  });

  it("accepts the expressions of Cloudflare's own references", () => {
    for (const e of [
      "not ssl",
      'http.host eq "www.example.com" and not cf.edge.server_port in {80 443}',
      'http.request.uri.path matches "^/articles/200[7-8]/$"',
      'lower(http.host) == "www.cloudflare.com"',
      'any(http.request.headers["content-type"][*] == "application/json")',
      'http.request.uri.path wildcard "/articles/*"',
      'http.request.uri.path strict wildcard "/AdminTeam/*"',
      "ip.src in {192.0.2.0/24 2001:db8::/32}",
      '(http.host eq "a.example" or http.host eq "b.example") && !ssl',
      'not starts_with(http.request.uri.path, "/.well-known/")',
    ]) {
      expect(checkFilterExpression(e), e).toEqual({ ok: true, problems: [] });
    }
    expect(checkValueExpression('concat("https://", http.host, http.request.uri.path)').ok).toBe(true);
    expect(checkValueExpression('wildcard_replace(http.request.full_uri, "http://*", "https://${1}")').ok).toBe(true);
  });

  it("rejects unknown functions and operators, unclosed strings, stray tokens and expressions over 4,096 characters", () => {
    expect(checkFilterExpression('begins_with(http.host, "a")').problems).toEqual(["unknown function `begins_with`"]);
    expect(checkFilterExpression('http.host equals "a"').problems).toEqual(["`equals` is not an operator of the rules language"]);
    expect(checkFilterExpression('http.host eq "a').ok).toBe(false);
    expect(checkFilterExpression('http.host eq "a" )').ok).toBe(false);
    expect(checkValueExpression('concat("https://", http.request.scheme)').problems).toEqual([expect.stringMatching(/unknown field `http\.request\.scheme`/)]);
    const long = `http.host in {${Array.from({ length: 400 }, (_, i) => `"h${i}.example"`).join(" ")}}`;
    expect(long.length).toBeGreaterThan(MAX_EXPRESSION_LENGTH);
    expect(checkFilterExpression(long).problems).toEqual([expect.stringMatching(/at most 4096/)]);
  });

  it("passes every rule the planner can write", () => {
    const host = fc.constantFrom("acme.example", "www.acme.example", "app.acme.example", "xn--bcher-kva.example");
    const path = fc.stringMatching(/^\/[a-z0-9._"\\-]{0,12}$/);
    fc.assert(
      fc.property(fc.uniqueArray(host, { maxLength: 3 }), fc.uniqueArray(path, { maxLength: 3 }), fc.boolean(), (aliases, froms, proxied) => {
        const rules = planRedirectRules({
          aliases,
          target: "https://acme.example",
          served: ["acme.example"],
          legacyPaths: froms.map((from) => ({ from, to: "https://acme.example/new" })),
          proxied: proxied ? ["acme.example"] : [],
        });
        const problems = checkRuleExpressions(rules.map((r) => ({ ref: r.ref, expression: r.expression, ...("expression" in r.target ? { targetExpression: r.target.expression } : {}) })));
        expect(problems).toEqual([]);
      }),
    );
  });
});
