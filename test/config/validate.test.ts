import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateConfig } from "../../config/validate";

const minimal = (domain: Record<string, unknown> = {}) => ({
  "launch-ready:domains": [{ name: "acme.example", web: { origin: "lb.eu-west-1.elb.amazonaws.com" }, ...domain }],
});

describe("stack config validation", () => {
  it("accepts a minimal domain and fills the launch defaults (www alias, one-year HSTS with subdomains)", () => {
    const { value, errors } = validateConfig(minimal());
    expect(errors).toEqual([]);
    const web = value?.domains[0]?.web;
    expect(web?.canonicalHost).toBe("acme.example");
    expect(web?.aliases).toEqual(["www.acme.example"]);
    expect(web?.hsts).toEqual({ maxAgeSeconds: 31536000, includeSubdomains: true, preload: false });
    expect(value?.domains[0]?.cloudflare.plan).toBe("free");
  });

  it("reports a bad domain name, an unknown key and a negative number at once, each with its path", () => {
    const { errors, value } = validateConfig({
      "launch-ready:domains": [
        { name: "acme..example", web: { origin: "lb.example.net", hsts: { maxAgeSeconds: -1 } }, colour: "blue" },
      ],
    });
    expect(value).toBeUndefined();
    expect(errors.map((e) => e.path)).toEqual([
      "launch-ready:domains[0].colour",
      "launch-ready:domains[0].name",
      "launch-ready:domains[0].web.hsts.maxAgeSeconds",
    ]);
    expect(errors[1]?.message).toMatch(/empty label/);
    expect(errors[2]?.message).toMatch(/0 or more/);
  });

  it.each([
    ["a misspelt key", { rateLimit: [] }, "launch-ready:domains[0].rateLimit", /did you mean `rateLimits`/],
    ["a misspelt namespace key", undefined, "launch-ready:alertz", /did you mean `launch-ready:alerts`/],
    ["an unknown plan", { cloudflare: { plan: "gold" } }, "launch-ready:domains[0].cloudflare.plan", /one of `free`, `pro`/],
    ["a zone id that is not 32 hex digits", { cloudflare: { zoneId: "abc" } }, "launch-ready:domains[0].cloudflare.zoneId", /32-character/],
    ["a canonical host in another zone", { web: { origin: "lb.example.net", canonicalHost: "other.example" } }, "launch-ready:domains[0].web.canonicalHost", /outside `acme.example`/],
    ["an alias equal to the canonical host", { web: { origin: "lb.example.net", aliases: ["acme.example"] } }, "launch-ready:domains[0].web.aliases[0]", /already used/],
    ["an origin that is neither host nor IP", { web: { origin: "http://lb" } }, "launch-ready:domains[0].web.origin", /origin's host name/],
    ["a record outside the zone", { dns: { records: [{ name: "x.other.example", type: "TXT", content: "hi" }] } }, "launch-ready:domains[0].dns.records[0].name", /outside the zone/],
    ["an MX record without priority", { dns: { records: [{ name: "acme.example", type: "MX", content: "mx.example.net" }] } }, "launch-ready:domains[0].dns.records[0].priority", /required for MX/],
    ["a record that shadows a web host", { dns: { records: [{ name: "www.acme.example", type: "CNAME", content: "x.example.net" }] } }, "launch-ready:domains[0].dns.records[0]", /managed from `web`/],
    ["a rate limit listed twice", { rateLimits: ["login", "login"] }, "launch-ready:domains[0].rateLimits[1]", /listed twice/],
    ["a monitoring URL over http", { monitoring: { checks: [{ url: "http://app.acme.example/" }] } }, "launch-ready:domains[0].monitoring.checks[0].url", /https:\/\//],
  ])("rejects %s with a message that names the field and the fix", (_what, domain, path, message) => {
    const config: Record<string, unknown> = domain === undefined ? { ...minimal(), "launch-ready:alertz": {} } : minimal(domain);
    const { errors } = validateConfig(config);
    const hit = errors.find((e) => e.path === path);
    expect(hit, JSON.stringify(errors)).toBeDefined();
    expect(hit?.message).toMatch(message);
  });

  it("leaves verdicts to the judges: values a check would fail or warn on are valid config, with no prediction", () => {
    const edgy = validateConfig(
      minimal({
        dnssec: false,
        web: {
          origin: "lb.example.net",
          ssl: "flexible",
          hsts: { maxAgeSeconds: 300, includeSubdomains: false, preload: true },
          legacyPaths: [{ from: "/a", to: "/b" }, { from: "/b", to: "http://acme.example/c" }],
        },
        dns: { records: [{ name: "legacy.acme.example", type: "A", content: "192.0.2.9" }] },
      }),
    );
    expect(edgy.errors).toEqual([]);
    expect(edgy.warnings.filter((w) => /check will fail|two hops|redirected twice|downgraded/.test(w.message))).toEqual([]);
    expect(edgy.warnings.map((w) => w.path)).toEqual(["launch-ready:domains[0].dnssec"]);
    const chained = validateConfig({ "launch-ready:domains": [{ name: "acme.example", web: { origin: "lb.example.net" } }, { name: "old.example", web: { redirectTo: "http://www.acme.example" } }] });
    expect(chained.errors).toEqual([]);
    expect(chained.warnings).toEqual([]);
  });

  it("rejects the same domain declared twice", () => {
    const d = { name: "acme.example" };
    const { errors } = validateConfig({ "launch-ready:domains": [d, { name: "ACME.example" }] });
    expect(errors).toEqual([{ path: "launch-ready:domains[1].name", message: expect.stringMatching(/already declared at launch-ready:domains\[0\]/) }]);
  });

  it("stores Unicode domain names as A-labels", () => {
    const { value } = validateConfig({ "launch-ready:domains": [{ name: "Bücher.example", web: { origin: "192.0.2.10" } }] });
    expect(value?.domains[0]?.name).toBe("xn--bcher-kva.example");
    expect(value?.domains[0]?.web?.hosts[0]?.origin).toEqual({ kind: "ipv4", value: "192.0.2.10" });
  });

  it("ignores other namespaces (provider config is the providers' business)", () => {
    const { errors } = validateConfig({ ...minimal(), "aws:region": "eu-west-1", "cloudflare:apiToken": "[secret]" });
    expect(errors).toEqual([]);
  });

  it("says plainly when a field that needs a readable value was encrypted", () => {
    const config = { "launch-ready:domains": [{ name: "acme.example" }], "launch-ready:alerts": { emails: ["[secret]"] } };
    const { errors } = validateConfig(config, { secretPaths: ["launch-ready:alerts.emails[0]"] });
    expect(errors).toEqual([{ path: "launch-ready:alerts.emails[0]", message: expect.stringMatching(/encrypted.*set it without --secret/) }]);
  });

  it("marks no section as validated-only: email, monitoring, secrets and backups are all provisioned", () => {
    const config = {
      ...minimal({ monitoring: { checks: [] }, email: { senders: [] } }),
      "launch-ready:secrets": [{ name: "session-signing-key", length: 64, rotateAfterDays: 90 }],
      "launch-ready:backups": { selectionTag: { backup: "daily" }, retentionDays: 35, rpoHours: 24, rtoHours: 4, restoreTesting: "weekly" },
    };
    expect(validateConfig(config).warnings.filter((w) => w.unprovisionedRow !== undefined)).toEqual([]);
  });

  it("never throws, whatever the input, and rejects anything that is not a config", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.anything()), (raw) => {
        const keyed = { ...raw, "launch-ready:domains": raw["x"] };
        const report = validateConfig(keyed);
        expect(report.errors.length > 0 || report.value !== undefined).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/);

  it("normalises any valid host name to lower-case A-labels and accepts it", () => {
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom("example", "com", "io"), fc.boolean(), (labels, tld, upper) => {
        const name = [...labels, tld].join(".");
        const { value, errors } = validateConfig({ "launch-ready:domains": [{ name: upper ? name.toUpperCase() : name }] });
        expect(errors).toEqual([]);
        expect(value?.domains[0]?.name).toBe(name);
      }),
    );
  });

  it("rejects every name with a label over 63 characters or a leading hyphen, at the name's path", () => {
    const bad = fc.oneof(
      fc.stringMatching(/^[a-z]{64,70}$/),
      label.map((l) => `-${l}`),
    );
    fc.assert(
      fc.property(bad, (badLabel) => {
        const { errors } = validateConfig({ "launch-ready:domains": [{ name: `${badLabel}.example` }] });
        expect(errors.map((e) => e.path)).toContain("launch-ready:domains[0].name");
      }),
    );
  });
});
