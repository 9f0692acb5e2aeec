import { describe, expect, it } from "vitest";
import { validateConfig } from "../../config/validate";

const ZONE_ID = "0f3a2b1c4d5e6f708192a3b4c5d6e7f8";
const REC_ID = "5b1e0c7a9d2f4e6a8b3c1d0e9f8a7b6c";

function domains(...ds: Record<string, unknown>[]) {
  return validateConfig({ "launch-ready:domains": ds });
}

const web = { origin: "lb-1.eu-west-1.elb.amazonaws.com" };

describe("edge config: validated up front, every error with its path, what is wrong and how to fix it", () => {
  it("defaults: strict SSL, DNSSEC on, ACM allowed for an AWS origin, www aliased to the apex", () => {
    const d = domains({ name: "acme.example", web }).value?.domains[0];
    expect(d).toMatchObject({ dnssec: true, web: { ssl: "strict", aliases: ["www.acme.example"], caa: { issuers: [], acm: true }, legacyPaths: [] }, cloudflare: { rulesetIds: {}, adoptRecords: [] } });
    expect(domains({ name: "acme.example", web: { origin: "203.0.113.4" } }).value?.domains[0]?.web?.caa.acm).toBe(false);
  });

  it("accepts ssl flexible and dnssec false, predicting no verdict (the checks' judges say it, once)", () => {
    const r = domains({ name: "acme.example", dnssec: false, web: { ...web, ssl: "flexible" } });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([{ path: "launch-ready:domains[0].dnssec", message: expect.not.stringMatching(/check will fail/) }]);
  });

  it("refuses a user CAA set that would block the platform's renewals, and a CAA record at the apex", () => {
    const r = domains({
      name: "acme.example",
      web,
      dns: {
        records: [
          { name: "shop.acme.example", type: "CAA", content: '0 issue "digicert.com"' },
          { name: "acme.example", type: "CAA", content: '0 issue "digicert.com"' },
        ],
      },
    });
    expect(r.errors).toEqual([
      { path: "launch-ready:domains[0].dns.records[0]", message: expect.stringMatching(/shop\.acme\.example.*would block certificate renewals by `letsencrypt\.org`.*`amazon\.com`.*add `0 issue`/) },
      { path: "launch-ready:domains[0].dns.records[1]", message: expect.stringMatching(/clash with the toolkit's CAA set: add the CA under `web\.caa\.issuers`/) },
    ]);
  });

  it("refuses malformed CAA and TXT content", () => {
    const r = domains({
      name: "acme.example",
      dns: { records: [{ name: "acme.example", type: "CAA", content: '128 tbs "x"' }, { name: "acme.example", type: "TXT", content: '"v=spf1 -all' }] },
    });
    expect(r.errors).toEqual([
      { path: "launch-ready:domains[0].dns.records[0].content", message: expect.stringMatching(/unknown and marked critical/) },
      { path: "launch-ready:domains[0].dns.records[1].content", message: expect.stringMatching(/never closed: write the value unquoted/) },
    ]);
  });

  it("accepts underscored record names such as _dmarc", () => {
    expect(domains({ name: "acme.example", dns: { records: [{ name: "_dmarc.acme.example", type: "TXT", content: "v=DMARC1; p=reject" }] } }).errors).toEqual([]);
  });

  it("adoption: needs the zone id, matches a planned record, asks for content when ambiguous", () => {
    const noZone = domains({ name: "acme.example", web, cloudflare: { adoptRecords: [{ name: "www.acme.example", type: "CNAME", id: REC_ID }] } });
    expect(noZone.errors).toEqual([{ path: "launch-ready:domains[0].cloudflare.zoneId", message: expect.stringMatching(/required when adopting.*<zoneId>\/<recordId>/) }]);
    const r = domains({
      name: "acme.example",
      web,
      cloudflare: {
        zoneId: ZONE_ID,
        adoptRecords: [
          { name: "mail.acme.example", type: "MX", id: REC_ID },
          { name: "acme.example", type: "CAA", id: REC_ID },
          { name: "acme.example", type: "CAA", id: REC_ID, content: '0 issue "letsencrypt.org"' },
        ],
      },
    });
    expect(r.errors).toEqual([
      { path: "launch-ready:domains[0].cloudflare.adoptRecords[0]", message: expect.stringMatching(/plans no MX record named `mail\.acme\.example`.*left alone/) },
      { path: "launch-ready:domains[0].cloudflare.adoptRecords[1]", message: expect.stringMatching(/10 CAA records at `acme\.example` are planned: add `content`/) },
    ]);
  });

  it("an adopted redirect entrypoint needs the zone id and a web section", () => {
    const r = domains({ name: "acme.example", cloudflare: { rulesetIds: { http_request_dynamic_redirect: REC_ID } } });
    expect(r.errors.map((e) => e.path)).toEqual(["launch-ready:domains[0].cloudflare.rulesetIds.http_request_dynamic_redirect", "launch-ready:domains[0].cloudflare.zoneId"]);
  });

  it("redirect-only domains: https host only, outside their own zone, nothing served", () => {
    const r = domains(
      { name: "acme.example", web },
      { name: "old.example", web: { redirectTo: "https://acme.example/path" } },
      { name: "older.example", web: { redirectTo: "https://www.older.example" } },
      { name: "oldest.example", web: { redirectTo: "https://acme.example", origin: "203.0.113.1" } },
    );
    expect(r.errors).toEqual([
      { path: "launch-ready:domains[1].web.redirectTo", message: expect.stringMatching(/more than a scheme and host: .* give only https:\/\/host/) },
      { path: "launch-ready:domains[2].web.redirectTo", message: expect.stringMatching(/inside `older\.example` itself/) },
      { path: "launch-ready:domains[3].web.origin", message: expect.stringMatching(/cannot be used with `redirectTo`/) },
    ]);
  });

  it("a redirect-only domain inherits its target's legacy paths, so old links land in one hop", () => {
    const r = domains({ name: "acme.example", web: { ...web, legacyPaths: [{ from: "/old", to: "/new" }] } }, { name: "old.example", web: { redirectTo: "https://acme.example" } });
    expect(r.value?.domains[1]?.web).toMatchObject({ aliases: ["old.example", "www.old.example"], canonicalHost: "acme.example", legacyPaths: [{ from: "/old", to: "https://acme.example/new" }] });
  });

  it("a redirect-only domain may list its own legacy paths, resolved on the host it redirects to; they replace the inherited ones", () => {
    const r = domains(
      { name: "acme.example", web: { ...web, legacyPaths: [{ from: "/old", to: "/new" }] } },
      { name: "old.example", web: { redirectTo: "https://acme.example", legacyPaths: [{ from: "/plans.html", to: "/pricing" }] } },
    );
    expect(r.errors).toEqual([]);
    expect(r.value?.domains[1]?.web?.legacyPaths).toEqual([{ from: "/plans.html", to: "https://acme.example/pricing" }]);
  });

  it("a value of the wrong type says which type it must be, not that it is missing", () => {
    expect(domains({ name: "acme.example", dnssec: "yes", web }).errors).toEqual([{ path: "launch-ready:domains[0].dnssec", message: expect.stringMatching(/^must be a boolean, got string/) }]);
  });

  it("legacy paths: resolved against the canonical host, no duplicates (a second redirect is web.redirect_hops' to judge)", () => {
    const r = domains({
      name: "acme.example",
      web: { ...web, legacyPaths: [{ from: "/a", to: "/b" }, { from: "/b", to: "/c" }, { from: "/a", to: "/d" }] },
    });
    expect(r.errors).toEqual([
      { path: "launch-ready:domains[0].web.legacyPaths[2].from", message: expect.stringMatching(/already listed at legacyPaths\[0\]/) },
    ]);
    expect(domains({ name: "acme.example", web: { ...web, legacyPaths: [{ from: "no-slash", to: "/e" }] } }).errors).toEqual([
      { path: "launch-ready:domains[0].web.legacyPaths[0].from", message: expect.stringMatching(/must be a URL path starting with `\/`/) },
    ]);
  });

  it("refuses a web section with neither origin nor redirectTo", () => {
    expect(domains({ name: "acme.example", web: {} }).errors).toEqual([{ path: "launch-ready:domains[0].web.origin", message: expect.stringMatching(/is required.*redirectTo/) }]);
  });
});

describe("record content and redirect limits", () => {
  it("refuses content that does not fit the record type", () => {
    const r = validateConfig({
      "launch-ready:domains": [
        {
          name: "acme.example",
          dns: {
            records: [
              { name: "a.acme.example", type: "A", content: "2001:db8::1" },
              { name: "b.acme.example", type: "AAAA", content: "192.0.2.1" },
              { name: "c.acme.example", type: "CNAME", content: "not a host" },
              { name: "acme.example", type: "MX", content: "mx.mail.example.net.", priority: 10 },
            ],
          },
        },
      ],
    });
    expect(r.errors).toEqual([
      { path: "launch-ready:domains[0].dns.records[0].content", message: expect.stringMatching(/not an IPv4 address/) },
      { path: "launch-ready:domains[0].dns.records[1].content", message: expect.stringMatching(/not an IPv6 address/) },
      { path: "launch-ready:domains[0].dns.records[2].content", message: expect.stringMatching(/not a host name: a CNAME record points at a host name/) },
    ]);
  });

  it("refuses more single-redirect rules than the plan allows", () => {
    const legacyPaths = Array.from({ length: 10 }, (_, i) => ({ from: `/old-${i}`, to: `/new-${i}` }));
    const r = validateConfig({ "launch-ready:domains": [{ name: "acme.example", web: { origin: "203.0.113.4", legacyPaths } }] });
    expect(r.errors).toEqual([{ path: "launch-ready:domains[0].web", message: expect.stringMatching(/plans 11 single-redirect rules \(1 aliases, 10 legacy paths\) but the free plan allows 10/) }]);
    const pro = validateConfig({ "launch-ready:domains": [{ name: "acme.example", cloudflare: { plan: "pro" }, web: { origin: "203.0.113.4", legacyPaths } }] });
    expect(pro.errors).toEqual([]);
  });
});

describe("edge config: what Cloudflare accepts", () => {
  it("refuses an HSTS max-age over 12 months, the most Cloudflare's HSTS setting accepts, naming the field", () => {
    const r = validateConfig({ "launch-ready:domains": [{ name: "acme.example", web: { ...web, hsts: { maxAgeSeconds: 63072000 } } }] });
    expect(r.errors).toEqual([{ path: "launch-ready:domains[0].web.hsts.maxAgeSeconds", message: expect.stringMatching(/over 12 months: Cloudflare's HSTS setting .* use 31536000/) }]);
    expect(validateConfig({ "launch-ready:domains": [{ name: "acme.example", web: { ...web, hsts: { maxAgeSeconds: 31536000, preload: true } } }] }).errors).toEqual([]);
  });

  it("refuses a legacy path under /.well-known/, which the redirect rules always leave alone", () => {
    const r = validateConfig({ "launch-ready:domains": [{ name: "acme.example", web: { ...web, legacyPaths: [{ from: "/.well-known/security.txt", to: "/security" }] } }] });
    expect(r.errors).toEqual([{ path: "launch-ready:domains[0].web.legacyPaths[0].from", message: expect.stringMatching(/under \/\.well-known\/.*certificate validation/) }]);
  });

  it("starts adoption in its import step unless `cloudflare.imported` says the import is done", () => {
    expect(validateConfig({ "launch-ready:domains": [{ name: "acme.example" }] }).value?.domains[0]?.cloudflare.imported).toBe(false);
    expect(validateConfig({ "launch-ready:domains": [{ name: "acme.example", cloudflare: { imported: true } }] }).value?.domains[0]?.cloudflare.imported).toBe(true);
  });
});
