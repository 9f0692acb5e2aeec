import { describe, expect, it } from "vitest";
import { webHttps } from "../../../policy/rules/web-https";
import { evaluateRule } from "../../../policy/scorecard";
import { record } from "../../helpers/planned";
import { edgePlan, noEdge } from "./support/edge-plan";

describe("web.https: the apex and www each answer over HTTPS, as the auditor checks them", () => {
  it("passes proxied apex and www (one served, one redirected)", () => {
    expect(evaluateRule(webHttps, edgePlan())).toMatchObject({ status: "pass", message: expect.stringMatching(/www\.acme\.example answers over HTTPS with a redirect to https:\/\/acme\.example\//) });
    expect(evaluateRule(webHttps, edgePlan({ canonical: "www.acme.example", aliases: ["acme.example"] })).status).toBe("pass");
  });

  it("fails when the apex is neither served nor redirected (www canonical, no alias)", () => {
    expect(evaluateRule(webHttps, edgePlan({ canonical: "www.acme.example", aliases: [] }))).toMatchObject({
      status: "fail",
      violations: [{ message: expect.stringMatching(/^acme\.example has no address; www\.acme\.example answers over HTTPS$/) }],
    });
  });

  it("warns when www has no record, as a missing www warns live", () => {
    expect(evaluateRule(webHttps, edgePlan({ aliases: [] }))).toMatchObject({ status: "warn", violations: [{ message: expect.stringMatching(/www\.acme\.example has no address/) }] });
  });

  it("fails with SSL off: Cloudflare then answers HTTPS only with a redirect to http", () => {
    expect(evaluateRule(webHttps, edgePlan({ ssl: "off" }))).toMatchObject({ status: "fail", violations: [{ message: expect.stringMatching(/acme\.example answers HTTPS only with a redirect to plain http:\/\/acme\.example\//) }] });
  });

  it("cannot tell, never passes, for an unproxied www: its origin answers HTTPS itself", () => {
    const v = evaluateRule(webHttps, [record("acme.example", "A", "192.0.2.1", { proxied: true }), record("www.acme.example", "A", "192.0.2.1", { proxied: false })]);
    expect(v).toMatchObject({ status: "cannot-tell", message: expect.stringMatching(/www\.acme\.example is not proxied/) });
  });

  it("states facts only: no fix text in the message", () => {
    const v = evaluateRule(webHttps, edgePlan({ canonical: "www.acme.example", aliases: [] }));
    expect(JSON.stringify(v)).not.toMatch(/Set `|set `|proxied: true/);
  });

  it("is not applicable without a web zone", () => {
    expect(evaluateRule(webHttps, noEdge()).status).toBe("not-applicable");
  });
});
