import { generateKeyPairSync } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitTxtValue } from "../../../core/dns/txt";
import {
  type EmailPlanInput,
  mtaStsId,
  parseDmarc,
  parseDkimKey,
  parseMtaStsPolicy,
  parseMtaStsRecord,
  parseSpf,
  planEmail,
  reportSenders,
  type SenderInput,
  SPF_COSTS_CHECKED,
} from "../../../core/email";

const base = (over: Partial<EmailPlanInput> = {}): EmailPlanInput => ({
  domain: "acme.example",
  senders: [{ provider: "amazon-ses", region: "eu-west-1", mailFrom: "mail" }, { provider: "google-workspace" }],
  spfAll: "~",
  dmarc: { policy: "quarantine", adkim: "r", aspf: "r", rua: ["mailto:dmarc@acme.example"] },
  mtaSts: { mode: "enforce", maxAgeSeconds: 604_800 },
  tlsRptRua: [],
  mx: [],
  managedDomains: ["acme.example"],
  today: "2026-12-05",
  ...over,
});

const key = (bits: number): string => generateKeyPairSync("rsa", { modulusLength: bits }).publicKey.export({ type: "spki", format: "der" }).toString("base64");
const find = (plan: ReturnType<typeof planEmail>, role: string) => plan.records.filter((r) => r.role === role);

describe("planEmail: SES and Google Workspace (the example stack)", () => {
  const plan = planEmail(base());
  it("merges one SPF record with ~all and counts Google's nested lookups", () => {
    expect(plan.errors).toEqual([]);
    expect(find(plan, "spf")).toEqual([expect.objectContaining({ name: "acme.example", value: "v=spf1 include:_spf.google.com ~all" })]);
    expect(plan.spf).toMatchObject({ lookups: 4, complete: true });
    expect(SPF_COSTS_CHECKED).toMatch(/^\d{4}-\d{2}$/);
  });
  it("gives SES a custom MAIL FROM with the region's feedback MX and an aligned SPF", () => {
    expect(plan.ses).toEqual({ region: "eu-west-1", mailFromDomain: "mail.acme.example" });
    expect(find(plan, "mail-from-mx")).toEqual([expect.objectContaining({ name: "mail.acme.example", value: "feedback-smtp.eu-west-1.amazonses.com", priority: 10 })]);
    expect(find(plan, "mail-from-spf")[0]?.value).toBe("v=spf1 include:amazonses.com ~all");
  });
  it("writes DMARC with v first, p second, sp, alignment and rua", () => {
    expect(plan.dmarc).toBe("v=DMARC1; p=quarantine; sp=quarantine; rua=mailto:dmarc@acme.example; adkim=r; aspf=r");
    expect(parseDmarc(plan.dmarc).errors).toEqual([]);
  });
  it("derives MTA-STS mx patterns from the MX records and an id from the policy text", () => {
    expect(plan.mtaSts?.mx).toEqual(["smtp.google.com"]);
    expect(parseMtaStsPolicy(plan.mtaSts?.policy ?? "")).toMatchObject({ errors: [], policy: { mode: "enforce", maxAge: 604_800, mx: ["smtp.google.com"] } });
    const rec = find(plan, "mta-sts")[0];
    expect(rec?.name).toBe("_mta-sts.acme.example");
    expect(parseMtaStsRecord(rec?.value ?? "").id).toBe(plan.mtaSts?.id);
    expect(find(plan, "tls-rpt")[0]).toMatchObject({ name: "_smtp._tls.acme.example", value: "v=TLSRPTv1; rua=mailto:dmarc@acme.example" });
  });
  it("says where Google's DKIM key must come from when it is missing", () => {
    expect(plan.notes.join("\n")).toMatch(/Google Workspace: no DKIM key configured: generate a 2048-bit key in the Admin console/);
  });
});

describe("planEmail: refusals, each with the fix", () => {
  it("requires DMARC rua on a sending domain", () => {
    const plan = planEmail(base({ dmarc: { policy: "quarantine", adkim: "r", aspf: "r", rua: [] } }));
    expect(plan.errors).toEqual([expect.objectContaining({ path: "dmarc.rua", message: expect.stringMatching(/is required.*rua: \[mailto:dmarc@acme.example\]/) })]);
  });
  it("refuses senders needing 11 SPF lookups, naming the heaviest to drop or move", () => {
    const senders: SenderInput[] = [{ provider: "google-workspace" }, { provider: "microsoft-365" }, { provider: "sendgrid", dkim: [] }, { provider: "mailgun", dkim: [] }];
    const plan = planEmail(base({ senders }));
    expect(plan.spf.lookups).toBe(11);
    expect(plan.errors.find((e) => e.path === "senders")?.message).toMatch(/need 11 SPF DNS lookups, over the limit of 10.*google-workspace \(4\), mailgun \(3\).*subdomain/);
  });
  it("warns from 8 lookups", () => {
    const plan = planEmail(base({ senders: [{ provider: "google-workspace" }, { provider: "mailgun", dkim: [] }, { provider: "postmark", dkim: [] }] }));
    expect(plan.spf.lookups).toBe(8);
    expect(plan.errors).toEqual([]);
    expect(plan.warnings.map((w) => w.message).join()).toMatch(/need 8 SPF DNS lookups/);
  });
  it("refuses DMARC none without an end date, warns with one, refuses a past one", () => {
    const none = (noneUntil?: string) => planEmail(base({ dmarc: { policy: "none", adkim: "r", aspf: "r", rua: ["mailto:d@acme.example"], ...(noneUntil ? { noneUntil } : {}) } }));
    expect(none().errors).toEqual([expect.objectContaining({ path: "dmarc.noneUntil", message: expect.stringMatching(/required with `policy: none`/) })]);
    expect(none("2027-01-31").errors).toEqual([]);
    expect(none("2027-01-31").warnings.map((w) => w.path)).toContain("dmarc.policy");
    expect(none("2026-01-31").errors[0]?.message).toMatch(/has passed/);
  });
  it("refuses a 1024-bit DKIM key unless acknowledged, and anything shorter always", () => {
    const senders = (bits: number): SenderInput[] => [{ provider: "google-workspace" }, { provider: "mailgun", dkim: [{ selector: "k1", publicKey: key(bits) }] }];
    expect(planEmail(base({ senders: senders(1024) })).errors[0]).toMatchObject({ path: "senders[1].dkim[0]", message: expect.stringMatching(/1024-bit.*refused.*generate a 2048-bit key.*weakKeyReason/) });
    const weak = (bits: number): SenderInput[] => [{ provider: "google-workspace" }, { provider: "mailgun", dkim: [{ selector: "k1", publicKey: key(bits), weakKeyReason: "the legacy Mailgun account issues only 1024-bit keys" }] }];
    expect(planEmail(base({ senders: weak(1024) })).errors).toEqual([]);
    expect(planEmail(base({ senders: weak(1024) })).warnings.map((w) => w.message).join()).toMatch(/1024-bit RSA key, accepted because/);
    expect(planEmail(base({ senders: weak(512) })).errors[0]?.message).toMatch(/512-bit/);
    const ok = planEmail(base({ senders: senders(2048) }));
    expect(ok.errors).toEqual([]);
    expect(parseDkimKey(find(ok, "dkim")[0]?.value ?? "").errors).toEqual([]);
  });
});

describe("planEmail: parked domain", () => {
  it("locks the domain down: null MX, -all, reject, revoked wildcard DKIM", () => {
    const plan = planEmail(base({ senders: [], mtaSts: undefined, dmarc: { policy: "quarantine", adkim: "r", aspf: "r", rua: [] } }));
    expect(plan.errors).toEqual([]);
    expect(plan.records.map((r) => [r.name, r.type, r.value, r.priority])).toEqual([
      ["acme.example", "MX", ".", 0],
      ["acme.example", "TXT", "v=spf1 -all", undefined],
      ["_dmarc.acme.example", "TXT", "v=DMARC1; p=reject; sp=reject; adkim=s; aspf=s", undefined],
      ["*._domainkey.acme.example", "TXT", "v=DKIM1; p=", undefined],
    ]);
  });
});

describe("planEmail: DMARC report authorisation (RFC 7489 §7.1)", () => {
  it("a managed destination publishes the authorisation for the domains that report to it", () => {
    const sender = planEmail(base({ dmarc: { policy: "reject", adkim: "s", aspf: "s", rua: ["mailto:dmarc@reports.example"] }, managedDomains: ["acme.example", "reports.example"] }));
    expect(sender.notes.join()).not.toMatch(/must publish/);
    const accept = reportSenders("reports.example", [{ domain: "acme.example", rua: ["mailto:dmarc@reports.example"] }, { domain: "other.example", rua: ["mailto:d@other.example"] }]);
    expect(accept).toEqual(["acme.example"]);
    const dest = planEmail(base({ domain: "reports.example", acceptReportsFor: accept, dmarc: { policy: "reject", adkim: "s", aspf: "s", rua: ["mailto:d@reports.example"] } }));
    expect(find(dest, "dmarc-report-auth")).toEqual([expect.objectContaining({ name: "acme.example._report._dmarc.reports.example", value: "v=DMARC1" })]);
  });
  it("says the destination must publish it when the stack does not manage it", () => {
    const plan = planEmail(base({ dmarc: { policy: "reject", adkim: "s", aspf: "s", rua: ["mailto:x@dmarc.vendor.example"] } }));
    expect(find(plan, "dmarc-report-auth")).toEqual([]);
    expect(plan.notes.join()).toMatch(/dmarc.vendor.example must publish TXT `acme.example._report._dmarc.dmarc.vendor.example`/);
  });
});

const label = fc.stringMatching(/^[a-z][a-z0-9]{0,10}$/);
const ip4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.integer({ min: 8, max: 32 })).map(([a, b, c, p]) => `10.${a}.${b}.${c}/${p}`);
const custom: fc.Arbitrary<SenderInput> = fc.record({
  provider: fc.constant("custom" as const),
  name: label,
  include: fc.array(label.map((l) => `_spf.${l}.example`), { maxLength: 3 }),
  ip4: fc.array(ip4, { maxLength: 20 }),
  ip6: fc.constant([]),
  nestedLookups: fc.nat(3),
  dkim: fc.constant([]),
});
const known: fc.Arbitrary<SenderInput> = fc.constantFrom<SenderInput>(
  { provider: "amazon-ses", region: "us-east-1", mailFrom: "bounce" },
  { provider: "google-workspace" },
  { provider: "microsoft-365", tenant: "acme.onmicrosoft.com" },
  { provider: "postmark", dkim: [] },
  { provider: "sendgrid", dkim: [] },
  { provider: "mailgun", dkim: [] },
);

describe("planEmail properties", () => {
  it("SPF is one valid record ending in ~all or -all, never ?all/+all; over 10 lookups is always an error", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.oneof(known, custom), { minLength: 1, maxLength: 6, selector: (s) => (s.provider === "custom" ? s.name : s.provider) }), fc.constantFrom<"~" | "-">("~", "-"), (senders, all) => {
        const plan = planEmail(base({ senders, spfAll: all }));
        const spf = plan.records.filter((r) => r.role === "spf" && r.name === "acme.example");
        expect(spf).toHaveLength(1);
        const parsed = parseSpf(plan.spf.value);
        expect(parsed.errors).toEqual([]);
        expect(plan.spf.value.endsWith(` ${all}all`)).toBe(true);
        expect(plan.spf.value).not.toMatch(/[?+]all/);
        const dnsTerms = parsed.record.terms.filter((t) => t.type === "directive" && ["include", "a", "mx", "ptr", "exists"].includes(t.mechanism.kind)).length;
        expect(plan.spf.lookups).toBeGreaterThanOrEqual(dnsTerms);
        expect(plan.errors.some((e) => e.path === "senders" && /over the limit/.test(e.message))).toBe(plan.spf.lookups > 10);
      }),
    );
  });
  it("TXT values split into strings of at most 255 bytes that join back to the value", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (value) => {
        const parts = splitTxtValue(value);
        for (const p of parts) expect(Buffer.byteLength(p, "utf8")).toBeLessThanOrEqual(255);
        expect(parts.join("")).toBe(value);
      }),
    );
  });
  it("the MTA-STS id changes exactly when the policy text changes", () => {
    fc.assert(
      fc.property(fc.array(label.map((l) => `${l}.mx.example`), { minLength: 1, maxLength: 4 }), fc.array(label.map((l) => `${l}.mx.example`), { minLength: 1, maxLength: 4 }), fc.constantFrom("testing" as const, "enforce" as const), (a, b, mode) => {
        const pa = planEmail(base({ mx: a.map((host) => ({ priority: 10, host })), mtaSts: { mode, maxAgeSeconds: 604_800 } })).mtaSts;
        const pb = planEmail(base({ mx: b.map((host) => ({ priority: 10, host })), mtaSts: { mode, maxAgeSeconds: 604_800 } })).mtaSts;
        expect(pa?.id).toMatch(/^[A-Za-z0-9]{1,32}$/);
        expect(pa?.id === pb?.id).toBe(pa?.policy === pb?.policy);
      }),
    );
    expect(mtaStsId("a")).not.toBe(mtaStsId("b"));
  });
  it("DMARC: v first, p second, each tag once, valid for every stance", () => {
    fc.assert(
      fc.property(fc.constantFrom("quarantine" as const, "reject" as const), fc.constantFrom("r" as const, "s" as const), fc.array(label.map((l) => `mailto:${l}@acme.example`), { minLength: 1, maxLength: 3 }), (policy, align, rua) => {
        const plan = planEmail(base({ dmarc: { policy, adkim: align, aspf: align, rua } }));
        const tags = plan.dmarc.split("; ").map((t) => t.split("=")[0]);
        expect(tags.slice(0, 2)).toEqual(["v", "p"]);
        expect(new Set(tags).size).toBe(tags.length);
        expect(parseDmarc(plan.dmarc)).toMatchObject({ errors: [], record: { p: policy } });
      }),
    );
  });
});
