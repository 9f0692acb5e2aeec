import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ADOPTABLE_PHASES, matchEntrypoints, matchSettings, plannedPhases } from "../../../core/adopt";
import { planZoneSettings } from "../../../core/edge/zone-settings";

describe("entrypoints", () => {
  it("adopts the live entrypoint of every phase the stack plans, creates the others, and leaves unplanned phases alone", () => {
    const diff = matchEntrypoints(["http_request_dynamic_redirect", "http_ratelimit"], { http_request_dynamic_redirect: "a".repeat(32), http_request_firewall_managed: "b".repeat(32) });
    expect(diff.adopt).toEqual({ http_request_dynamic_redirect: "a".repeat(32) });
    expect(diff.create).toEqual(["http_ratelimit"]);
    expect(diff.foreign).toEqual([{ phase: "http_request_firewall_managed", id: "b".repeat(32) }]);
  });

  it("plans the phases the domain component creates: redirects with web, rate limiting with rateLimits, managed WAF only on a paid plan", () => {
    expect(plannedPhases({ rateLimits: [], cloudflare: { plan: "free" } })).toEqual([]);
    const login = { name: "login" };
    expect(plannedPhases({ rateLimits: [login], cloudflare: { plan: "free" } })).toEqual(["http_ratelimit"]);
    expect(plannedPhases({ rateLimits: [login], cloudflare: { plan: "pro" } })).toEqual(["http_ratelimit", "http_request_firewall_managed"]);
  });

  it("never adopts and creates the same phase, and never drops a live entrypoint from the diff", () => {
    const phases = fc.subarray([...ADOPTABLE_PHASES]);
    const live = fc.dictionary(fc.constantFrom(...ADOPTABLE_PHASES), fc.stringMatching(/^[0-9a-f]{32}$/));
    fc.assert(
      fc.property(phases, live, (planned, zone) => {
        const diff = matchEntrypoints(planned, zone);
        for (const p of diff.create) expect(diff.adopt[p]).toBeUndefined();
        expect([...Object.keys(diff.adopt), ...diff.foreign.map((f) => f.phase)].sort()).toEqual(Object.keys(zone).sort());
      }),
    );
  });
});

describe("settings", () => {
  it("lists the settings the first up changes, whatever the key order of a nested value", () => {
    const planned = planZoneSettings({ ssl: "strict", hsts: { maxAgeSeconds: 31536000, includeSubdomains: true, preload: false } });
    const diff = matchSettings(planned, {
      ssl: "flexible",
      always_use_https: "off",
      automatic_https_rewrites: "on",
      min_tls_version: "1.0",
      tls_1_3: "on",
      security_header: { strict_transport_security: { nosniff: true, preload: false, include_subdomains: true, max_age: 31536000, enabled: true } },
    });
    expect(diff.filter((s) => s.changes).map((s) => s.settingId)).toEqual(["ssl", "min_tls_version"]);
  });
});
