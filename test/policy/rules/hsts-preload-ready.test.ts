import { describe, expect, it } from "vitest";
import { hstsPreloadReady } from "../../../policy/rules/hsts-preload-ready";
import { evaluateRule } from "../../../policy/scorecard";
import { planned } from "../../helpers/planned";
import { edgePlan, T, withSetting, ZONE_ID } from "./support/edge-plan";

const preload = { maxAgeSeconds: 63072000, includeSubdomains: true, preload: true };

describe("hsts.preload_ready: preload only when eligible", () => {
  it("passes preload with a long max-age, includeSubDomains and every host proxied", () => {
    expect(evaluateRule(hstsPreloadReady, edgePlan({ hsts: preload })).status).toBe("pass");
  });

  it("warns (the checklist's outcome) on preload while a host is not proxied, naming it and no fix", () => {
    const plain = planned(T.record, { zoneId: ZONE_ID, name: "legacy.acme.example", type: "A", content: "192.0.2.7", ttl: 300, proxied: false });
    const v = evaluateRule(hstsPreloadReady, [...edgePlan({ hsts: preload }), plain]);
    expect(v).toMatchObject({ status: "warn", violations: [{ message: expect.stringMatching(/legacy\.acme\.example is not known to serve HTTPS/) }] });
    expect(JSON.stringify(v)).not.toMatch(/preload: false/);
  });

  it("warns on preload when http://apex first goes to another host (www canonical), as hstspreload.org refuses it", () => {
    expect(evaluateRule(hstsPreloadReady, edgePlan({ hsts: preload, canonical: "www.acme.example", aliases: ["acme.example"] }))).toMatchObject({
      status: "warn",
      violations: [{ message: expect.stringMatching(/http:\/\/acme\.example\/ redirects first to https:\/\/www\.acme\.example\//) }],
    });
  });

  it("warns on preload with Always Use HTTPS kept on only if some order breaks the same-host first hop", () => {
    expect(evaluateRule(hstsPreloadReady, edgePlan({ hsts: preload, settings: withSetting("always_use_https", "on") })).status).toBe("pass");
  });

  it("informs when preload is not requested, as the auditor does", () => {
    expect(evaluateRule(hstsPreloadReady, edgePlan())).toMatchObject({ status: "info", message: expect.stringMatching(/preload is not requested; the domain would be eligible/) });
  });
});
