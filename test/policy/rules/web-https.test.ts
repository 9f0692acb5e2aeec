import { describe, expect, it } from "vitest";
import { webHttps } from "../../../policy/rules/web-https";
import { evaluateRule } from "../../../policy/scorecard";
import { record } from "../../helpers/planned";

describe("web.https: apex and www are proxied so the edge serves HTTPS", () => {
  it("passes proxied apex and www", () => {
    const v = evaluateRule(webHttps, [record("acme.example", "CNAME", "lb.example.net", { proxied: true }), record("www.acme.example", "CNAME", "lb.example.net", { proxied: true })]);
    expect(v.status).toBe("pass");
  });

  it("fails an unproxied www, saying what it loses and how to fix it", () => {
    const www = record("www.acme.example", "A", "192.0.2.1", { proxied: false });
    const v = evaluateRule(webHttps, [record("acme.example", "A", "192.0.2.1", { proxied: true }), www]);
    expect(v).toMatchObject({ status: "fail", violations: [{ urn: www.urn, message: expect.stringMatching(/not proxied.*proxied: true/) }] });
  });

  it("ignores other hosts and record types, and is not applicable without apex or www", () => {
    const v = evaluateRule(webHttps, [record("status.acme.example", "CNAME", "x.example.net"), record("acme.example", "TXT", "v=spf1 -all")]);
    expect(v.status).toBe("not-applicable");
  });
});
