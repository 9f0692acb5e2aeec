/**
 * The CAA audit module with an in-memory zone: it climbs to the relevant set (RFC 8659 §3), reads the served
 * certificate, and reports the judges' verdicts (core/judges/dns) with their outcome.
 */
import { describe, expect, it } from "vitest";
import { caaModule } from "../../../../audit/checks/dns/caa";
import type { AuditContext, CaaRecord, CheckResult } from "../../../../audit/types";
import type { CheckId } from "../../../../checklist";
import { expectedState, fakeDns, target } from "../email/fakes";
import { labContext } from "./context";

const D = "acme.example";
const LE = "C=US, O=Let's Encrypt, CN=R11";
const caa = (flags: number, tag: string, value: string): CaaRecord => ({ flags, tag, value });

async function run(records: readonly CaaRecord[], opts: { issuer?: string; required?: readonly string[]; sans?: readonly string[] } = {}): Promise<Record<string, CheckResult>> {
  const base = labContext(fakeDns({ [D]: { CAA: records } }), { issuer: opts.issuer ?? LE });
  const ctx: AuditContext = {
    ...base,
    ...(opts.required ? { expected: expectedState({ caaIssuers: opts.required }) } : {}),
    ...(opts.sans
      ? { tls: { handshake: async () => ({ kind: "connected", protocol: "TLSv1.3", authorized: true, chain: [{ subject: "CN=x", issuer: opts.issuer ?? LE, subjectAltNames: opts.sans ?? [], validFrom: "", validTo: "", keyType: "EC", keyBits: 256, signatureAlgorithm: "", fingerprint256: "" }] }) } }
      : {}),
  };
  const results = await caaModule.run(target(D), ctx);
  return Object.fromEntries(results.map((r) => [r.id, r]));
}
const outcome = (r: CheckResult | undefined): unknown => r?.evidence["outcome"];
const at = (results: Record<string, CheckResult>, id: CheckId) => ({ status: results[id]?.status, outcome: outcome(results[id]) });

describe("caa.present", () => {
  it("passes a set with an issue property, found by climbing from a subdomain", async () => {
    const results = await caaModule.run(target("www.acme.example", D), labContext(fakeDns({ [D]: { CAA: [caa(0, "issue", "letsencrypt.org")] }, "www.acme.example": { A: ["192.0.2.1"] } }), { issuer: LE }));
    expect(results.find((r) => r.id === "caa.present")).toMatchObject({ status: "pass", evidence: { at: D, climbed: ["www.acme.example", D], outcome: "present" } });
  });
  it("warns about a set with only iodef: it restricts no CA (RFC 8659 §4.2)", async () => {
    expect(at(await run([caa(0, "iodef", "mailto:security@acme.example")]), "caa.present")).toEqual({ status: "warn", outcome: "no-issue" });
  });
  it("warns when no CAA exists anywhere, and skips the two checks that need a set", async () => {
    const r = await run([]);
    expect(at(r, "caa.present")).toEqual({ status: "warn", outcome: "absent" });
    expect(r["caa.syntax"]?.status).toBe("skip");
    expect(r["caa.issuer_match"]?.status).toBe("skip");
  });
});

describe("caa.syntax: the judge's grammar, the same the plan uses", () => {
  it("accepts issue, issuewild with parameters, a forbidding empty issue, mailto/https/http iodef and the CA/B Forum tags", async () => {
    const r = await run([
      caa(0, "issue", "letsencrypt.org"),
      caa(0, "issue", "pki.goog; cansignhttpexchanges=yes"),
      caa(0, "issuewild", ";"),
      caa(128, "issue", "amazon.com"),
      caa(0, "iodef", "mailto:security@acme.example"),
      caa(0, "iodef", "https://acme.example/caa"),
      caa(0, "iodef", "http://acme.example/caa"),
      caa(0, "issuemail", "digicert.com"),
      caa(128, "issuevmc", "digicert.com"),
      caa(0, "contactemail", "domains@acme.example"),
      caa(0, "contactphone", "+1 555 010 0199"),
    ]);
    expect(at(r, "caa.syntax")).toEqual({ status: "pass", outcome: "well-formed" });
  });

  it.each([
    [caa(128, "tbs", "x"), "fail", "unknown-critical", /tag 'tbs' is unknown and marked critical/],
    [caa(0, "tbs", "x"), "warn", "nonstandard", /tag 'tbs' is not a known property/],
    [caa(1, "issue", "letsencrypt.org"), "warn", "nonstandard", /reserved bits/],
    [caa(0, "issue", "not a domain"), "fail", "malformed", /value 'not a domain' is not an issuer domain name/],
    [caa(0, "issue", "LetsEncrypt.org."), "fail", "malformed", /is not an issuer domain name/],
    [caa(0, "issue", "letsencrypt.org; validationmethods"), "fail", "malformed", /is not an issuer domain name with optional name=value parameters/],
    [caa(0, "iodef", "ftp://acme.example/"), "fail", "malformed", /not a mailto:, http: or https: URL/],
    [caa(0, "iodef", "mailto:"), "fail", "malformed", /has no mail address/],
    [caa(0, "issue_x", "x"), "fail", "malformed", /is not 1 to 15 letters and digits/],
  ] as const)("%j is %s (%s)", async (record, status, expectedOutcome, message) => {
    const r = (await run([caa(0, "issue", "letsencrypt.org"), record]))["caa.syntax"];
    expect({ status: r?.status, outcome: outcome(r) }).toEqual({ status, outcome: expectedOutcome });
    expect(r?.summary).toMatch(message);
  });
});

describe("caa.issuer_match", () => {
  const CLOUDFLARE = ["letsencrypt.org", "pki.goog", "ssl.com", "sectigo.com"];
  const allow = (cas: readonly string[]) => cas.flatMap((c) => [caa(0, "issue", c), caa(0, "issuewild", c)]);

  it("passes a set with only iodef: it restricts no CA (RFC 8659 §4.2)", async () => {
    expect(at(await run([caa(0, "iodef", "mailto:security@acme.example")], { required: CLOUDFLARE }), "caa.issuer_match")).toEqual({ status: "pass", outcome: "allows-platform" });
  });
  it("fails an unknown critical tag even without issue: no CA may issue (§4.1)", async () => {
    expect(at(await run([caa(128, "tbs", "x"), caa(0, "iodef", "mailto:security@acme.example")]), "caa.issuer_match")).toEqual({ status: "fail", outcome: "blocks-live-issuer" });
  });
  it("fails an issue set that leaves out the live CA", async () => {
    const r = (await run([caa(0, "issue", "digicert.com")]))["caa.issuer_match"];
    expect(r).toMatchObject({ status: "fail", summary: expect.stringContaining("live certificate's CA"), evidence: { outcome: "blocks-live-issuer" } });
  });
  it("with --stack, fails a set that leaves out a CA the stack's record plan needs, naming it", async () => {
    const r = (await run(allow(["letsencrypt.org", "pki.goog", "ssl.com"]), { required: CLOUDFLARE }))["caa.issuer_match"];
    expect(r).toMatchObject({ status: "fail", summary: expect.stringContaining("does not allow sectigo.com"), evidence: { outcome: "blocks-platform", requiredFrom: expect.stringContaining("--stack") } });
  });
  it("without --stack assumes no platform CA (no ACM guessed): a DigiCert-only set serving DigiCert passes", async () => {
    const r = (await run([caa(0, "issue", "digicert.com")], { issuer: "C=US, O=DigiCert Inc, CN=DigiCert TLS" }))["caa.issuer_match"];
    expect(r).toMatchObject({ status: "pass", evidence: { outcome: "allows-platform", required: [] } });
  });
  it("judges a wildcard certificate by issuewild too (RFC 8659 §4.3)", async () => {
    const set = [caa(0, "issue", "letsencrypt.org"), caa(0, "issuewild", ";")];
    expect((await run(set, { sans: ["acme.example"] }))["caa.issuer_match"]?.status).toBe("pass");
    expect(at(await run(set, { sans: ["acme.example", "*.acme.example"] }), "caa.issuer_match")).toEqual({ status: "fail", outcome: "blocks-live-issuer" });
  });
  it("maps a Cloudflare-branded intermediate to Cloudflare's CAs, Sectigo included", async () => {
    const r = await run([caa(0, "issue", "sectigo.com")], { issuer: "C=US, O=Cloudflare, Inc., CN=Cloudflare Inc ECC CA-3" });
    expect(r["caa.issuer_match"]?.status).toBe("pass");
  });
  it("cannot tell (error, never pass) when the live CA is unknown or the certificate cannot be read", async () => {
    expect((await run(allow(CLOUDFLARE), { issuer: "CN=Launch Ready Lab Intermediate, O=Lab" }))["caa.issuer_match"]).toMatchObject({ status: "error", summary: expect.stringContaining("not one launch-ready can map") });
    const unreadable = await caaModule.run(target(D), { ...labContext(fakeDns({ [D]: { CAA: allow(CLOUDFLARE) } })) });
    expect(unreadable.find((x) => x.id === "caa.issuer_match")).toMatchObject({ status: "error", summary: expect.stringContaining("could not be read") });
  });
  it("reports an error for all three when the CAA lookup fails, never 'absent'", async () => {
    const results = await caaModule.run(target(D), labContext(fakeDns({ [D]: { CAA: "error" } }), { issuer: LE }));
    expect(results.map((r) => r.status)).toEqual(["error", "error", "error"]);
  });
});
