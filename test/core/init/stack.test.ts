/**
 * The whole inference, through the written text: whatever the live domain looks like, the file init writes passes
 * the stack config validation (the same `validateConfig` the preview runs), every comment sits on a value, and a
 * lookup that did not answer writes nothing.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseStackFile } from "../../../config/stack-file";
import { validateConfig } from "../../../config/validate";
import { inferStack, stackFileText, type DomainObservations, type SeenDkim } from "../../../core/init";
import { host, observations, RSA1024, RSA2048 } from "./fixtures";

function render(obs: DomainObservations, origin?: string): string {
  const s = inferStack(obs, origin !== undefined ? { origin } : {});
  if (s.kind !== "stack") throw new Error(s.reasons.join("; "));
  return stackFileText({ header: ["test", ...s.notes], config: s.config, comments: s.comments });
}

function errorsOf(text: string): string[] {
  const file = parseStackFile(text, "prod", "Pulumi.prod.yaml");
  return validateConfig(file.config, { secretPaths: file.secretPaths }).errors.map((e) => `${e.path}: ${e.message}`);
}

const includes = fc.subarray(["include:_spf.google.com", "include:sendgrid.net", "include:spf.protection.outlook.com", "include:spf.mtasv.net", "include:mailgun.org", "include:amazonses.com", "include:_spf.crm.example", "ip4:192.0.2.0/24", "ip6:2001:db8::/32", "mx", "a"]);
const all = fc.constantFrom("~all", "-all", "?all", "");
const dmarc = fc.constantFrom<DomainObservations["dmarc"]>(
  { kind: "none" },
  { kind: "found", records: ["v=DMARC1; p=none"] },
  { kind: "found", records: ["v=DMARC1; p=reject; rua=mailto:d@acme.example,mailto:x@reports.example"] },
  { kind: "found", records: ["v=DMARC1; p=quarantine; rua=https://bad.example/"] },
  { kind: "found", records: ["v=DMARC1; p=none", "v=DMARC1; p=reject"] },
);
const mx = fc.constantFrom<DomainObservations["mx"]>(
  { kind: "none" },
  { kind: "found", records: [{ preference: 1, exchange: "smtp.google.com" }] },
  { kind: "found", records: [{ preference: 10, exchange: "mx1.hoster.example" }, { preference: 20, exchange: "mx2.hoster.example" }] },
  { kind: "found", records: [{ preference: 0, exchange: "." }] },
);
const dkim = fc.subarray<SeenDkim>([
  { selector: "google", kind: "txt", records: [`v=DKIM1; k=rsa; p=${RSA2048}`] },
  { selector: "selector1", kind: "cname", target: "selector1-acme-example._domainkey.acme.onmicrosoft.com" },
  { selector: "s1", kind: "cname", target: "s1.domainkey.u1.wl.sendgrid.net" },
  { selector: "k1", kind: "txt", records: [`v=DKIM1; p=${RSA1024}`] },
  { selector: "default", kind: "txt", records: [`v=DKIM1; p=${RSA2048}`] },
]);
const apexA = fc.constantFrom(["203.0.113.10"], ["104.16.1.1"], [], ["203.0.113.10", "203.0.113.11"]);
const wwwEnd = fc.constantFrom("https://acme.example/", "https://www.acme.example/", "failed");

describe("the stack init writes", () => {
  it("always passes the stack config validation, whatever the live domain looks like", () => {
    fc.assert(
      fc.property(includes, all, dmarc, mx, dkim, apexA, wwwEnd, fc.boolean(), (terms, end, dm, m, k, a, w, giveOrigin) => {
        const spf = terms.length === 0 && end === "" ? [] : [`v=spf1 ${[...terms, end].filter((t) => t !== "").join(" ")}`];
        const obs = observations({
          txt: spf.length > 0 ? { kind: "found", records: spf } : { kind: "none" },
          dmarc: dm,
          mx: m,
          dkim: k,
          apex: host("acme.example", { a: a.length > 0 ? { kind: "found", records: a } : { kind: "none" } }),
          www: host("www.acme.example", { https: w === "failed" ? { kind: "failed", reason: "connection refused" } : { kind: "answered", finalUrl: w, status: 200, hops: 1 } }),
        });
        const text = render(obs, giveOrigin ? "origin.acme.example" : undefined);
        expect(errorsOf(text)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("puts a comment on the values it writes, saying where each came from", () => {
    const text = render(observations());
    expect(text).toMatch(/# seen: acme\.example A 203\.0\.113\.10\n\s+origin: 203\.0\.113\.10/);
    expect(text).toMatch(/# seen: SPF include:sendgrid\.net\n\s+- provider: sendgrid/);
    expect(text).toMatch(/# seen: _dmarc rua=mailto:reports@acme\.example \(kept\)\n\s+rua:/);
    const config = (parse(text) as { config: Record<string, unknown> }).config;
    expect(Object.keys(config)).toEqual(["launch-ready:domains"]);
  });

  it("writes nothing from a lookup that did not answer: it names each one instead", () => {
    const s = inferStack(observations({ txt: { kind: "unknown", reason: "timed out after 3000 ms" }, dkim: [{ selector: "google", kind: "unknown", reason: "SERVFAIL" }] }));
    expect(s).toEqual({ kind: "cannot-tell", reasons: ["TXT acme.example: timed out after 3000 ms", "DKIM google._domainkey.acme.example: SERVFAIL"] });
  });
});
