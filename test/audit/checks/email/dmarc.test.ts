import { describe, expect, it } from "vitest";
import { DMARC_CHECKS } from "../../../../audit/checks/email/dmarc";
import { context, fakeDns, get, runModule, statusOf, target, type Zone } from "./fakes";

const D = "acme.example";

async function dmarc(zone: Zone, t = target(D)) {
  return runModule(DMARC_CHECKS, t, context({ dns: fakeDns(zone) }));
}
const at = (record: string, more: Zone = {}): Zone => ({ [`_dmarc.${D}`]: { TXT: [record] }, ...more });
const GOOD = "v=DMARC1; p=reject; rua=mailto:dmarc@acme.example";

describe("DMARC checks on a well-configured domain", () => {
  it("pass every ID", async () => {
    const r = await dmarc(at(GOOD));
    for (const id of DMARC_CHECKS.ids) expect([id, statusOf(r, id)]).toEqual([id, "pass"]);
    expect(get(r, "dmarc.record").evidence).toMatchObject({ domain: `_dmarc.${D}`, record: GOOD });
  });
});

describe("dmarc.record", () => {
  it("fails when missing, and dmarc.policy fails with it", async () => {
    const r = await dmarc({});
    expect(get(r, "dmarc.record")).toMatchObject({ status: "fail", summary: `no DMARC record at _dmarc.${D}` });
    expect(statusOf(r, "dmarc.policy")).toBe("fail");
    expect(statusOf(r, "dmarc.rua")).toBe("skip");
  });
  it("fails with several records", async () => {
    const r = await dmarc({ [`_dmarc.${D}`]: { TXT: [GOOD, "v=DMARC1; p=none"] } });
    expect(get(r, "dmarc.record")).toMatchObject({ status: "fail", summary: expect.stringContaining("2 DMARC records") });
  });
  it("fails when the record does not start with v=DMARC1 exactly", async () => {
    const r = await dmarc(at("v=dmarc1; p=reject"));
    expect(get(r, "dmarc.record")).toMatchObject({ status: "fail", summary: expect.stringContaining('does not start with "v=DMARC1"') });
  });
  it("warns when only the organisational domain's record applies, and applies its sp", async () => {
    const r = await dmarc({ "_dmarc.acme.example": { TXT: ["v=DMARC1; p=reject; sp=quarantine; rua=mailto:d@acme.example"] } }, target("mail.acme.example", D));
    expect(get(r, "dmarc.record")).toMatchObject({ status: "warn", summary: expect.stringContaining("inherits _dmarc.acme.example") });
    expect(get(r, "dmarc.policy")).toMatchObject({ status: "pass", evidence: { effectivePolicy: "quarantine", appliedTag: "sp" } });
  });
  it("is an error for every ID when the lookup fails", async () => {
    const r = await dmarc({ [`_dmarc.${D}`]: "slow" });
    for (const id of DMARC_CHECKS.ids) expect([id, statusOf(r, id)]).toEqual([id, "error"]);
  });
});

describe("dmarc.syntax", () => {
  it("fails a policy record without p=, even with a valid rua (RFC 7489 §6.3: p is required)", async () => {
    expect(get(await dmarc(at("v=DMARC1; rua=mailto:d@acme.example")), "dmarc.syntax")).toMatchObject({ status: "fail", summary: expect.stringContaining("p= is missing") });
  });
  it("fails on a duplicate tag and on an invalid value", async () => {
    expect(get(await dmarc(at(`${GOOD}; p=none`)), "dmarc.syntax")).toMatchObject({ status: "fail", summary: expect.stringContaining('"p" appears more than once') });
    expect(get(await dmarc(at(`${GOOD}; adkim=x`)), "dmarc.syntax")).toMatchObject({ status: "fail", summary: expect.stringContaining("adkim=x") });
  });
  it("warns on an unknown tag", async () => {
    expect(get(await dmarc(at(`${GOOD}; foo=1`)), "dmarc.syntax")).toMatchObject({ status: "warn", summary: expect.stringContaining("foo") });
  });
});

describe("dmarc.policy", () => {
  it.each([
    ["v=DMARC1; p=reject; rua=mailto:d@acme.example", "pass"],
    ["v=DMARC1; p=quarantine; rua=mailto:d@acme.example", "pass"],
    ["v=DMARC1; p=none; rua=mailto:d@acme.example", "fail"],
    ["v=DMARC1; rua=mailto:d@acme.example", "fail"],
  ])("%s → %s", async (record, status) => {
    expect(statusOf(await dmarc(at(record)), "dmarc.policy")).toBe(status);
  });
});

describe("dmarc.subdomain_policy", () => {
  it.each([
    ["v=DMARC1; p=reject; sp=none; rua=mailto:d@acme.example", "fail"],
    ["v=DMARC1; p=reject; sp=quarantine; rua=mailto:d@acme.example", "pass"],
    ["v=DMARC1; p=none; sp=none; rua=mailto:d@acme.example", "pass"],
  ])("%s → %s", async (record, status) => {
    expect(statusOf(await dmarc(at(record)), "dmarc.subdomain_policy")).toBe(status);
  });
});

describe("dmarc.pct", () => {
  it("warns below 100 and passes at 100", async () => {
    expect(statusOf(await dmarc(at(`${GOOD}; pct=25`)), "dmarc.pct")).toBe("warn");
    expect(statusOf(await dmarc(at(`${GOOD}; pct=100`)), "dmarc.pct")).toBe("pass");
  });
});

describe("dmarc.rua", () => {
  it("fails without rua", async () => {
    expect(get(await dmarc(at("v=DMARC1; p=reject")), "dmarc.rua")).toMatchObject({ status: "fail", summary: expect.stringContaining("no rua=") });
  });
  it("fails when no rua URI is usable", async () => {
    expect(statusOf(await dmarc(at("v=DMARC1; p=reject; rua=https://r.example/x")), "dmarc.rua")).toBe("fail");
  });
  it("warns with more than two URIs or with ruf", async () => {
    expect(statusOf(await dmarc(at("v=DMARC1; p=reject; rua=mailto:a@acme.example,mailto:b@acme.example,mailto:c@acme.example")), "dmarc.rua")).toBe("warn");
    expect(get(await dmarc(at(`${GOOD}; ruf=mailto:f@acme.example`)), "dmarc.rua")).toMatchObject({ status: "warn", summary: expect.stringContaining("ruf=") });
  });
});

describe("dmarc.rua_authorized (RFC 7489 §7.1)", () => {
  const external = "v=DMARC1; p=reject; rua=mailto:reports@dmarc.vendor.example";
  const authName = `${D}._report._dmarc.dmarc.vendor.example`;
  it("passes an external destination that published the authorisation record", async () => {
    const dns = fakeDns(at(external, { [authName]: { TXT: ["v=DMARC1"] } }));
    const r = await runModule(DMARC_CHECKS, target(D), context({ dns }));
    expect(statusOf(r, "dmarc.rua_authorized")).toBe("pass");
    expect(dns.queries).toContain(`TXT ${authName}`);
  });
  it("fails when the authorisation record is missing (reports are dropped)", async () => {
    const r = await dmarc(at(external));
    expect(get(r, "dmarc.rua_authorized")).toMatchObject({ status: "fail", summary: expect.stringContaining(authName) });
  });
  it("is an error when the authorisation lookup fails", async () => {
    expect(statusOf(await dmarc(at(external, { [authName]: "error" })), "dmarc.rua_authorized")).toBe("error");
  });
  it("does not ask for authorisation within the same organisational domain", async () => {
    const dns = fakeDns(at("v=DMARC1; p=reject; rua=mailto:d@reports.acme.example"));
    const r = await runModule(DMARC_CHECKS, target(D), context({ dns }));
    expect(statusOf(r, "dmarc.rua_authorized")).toBe("pass");
    expect(dns.queries.some((q) => q.includes("_report._dmarc"))).toBe(false);
  });
  it("skips without a usable destination", async () => {
    expect(statusOf(await dmarc(at("v=DMARC1; p=reject")), "dmarc.rua_authorized")).toBe("skip");
  });
});

describe("dmarc.policy and dmarc.subdomain_policy report what receivers apply (RFC 7489 §6.6.3 step 6)", () => {
  const RUA = "rua=mailto:d@acme.example";
  it.each([
    // [record, dmarc.policy, dmarc.subdomain_policy, effective policy]
    [`v=DMARC1; p=rejectt; sp=reject; ${RUA}`, "fail", "fail", "none"],
    [`v=DMARC1; p=reject; sp=bogus; ${RUA}`, "fail", "fail", "none"],
    [`v=DMARC1; p=quarantine; sp=rejct; ${RUA}`, "fail", "fail", "none"],
    [`v=DMARC1; sp=reject; ${RUA}`, "fail", "fail", "none"],
    ["v=DMARC1; p=reject; sp=bogus", "fail", "fail", "none"],
    [`v=DMARC1; p=reject; p=reject; ${RUA}`, "fail", "fail", "none"],
  ])("%s → policy %s, subdomains %s", async (record, policy, sub, effective) => {
    const r = await dmarc(at(record));
    expect(get(r, "dmarc.policy")).toMatchObject({ status: policy, evidence: { effectivePolicy: effective } });
    expect(statusOf(r, "dmarc.subdomain_policy")).toBe(sub);
  });
  it("says why: p=none by fallback with a valid rua, no DMARC at all without one", async () => {
    expect(get(await dmarc(at(`v=DMARC1; p=reject; sp=bogus; ${RUA}`)), "dmarc.policy").summary).toContain("sp=bogus is not a valid policy in _dmarc.acme.example, so receivers act as if p=none");
    expect(get(await dmarc(at("v=DMARC1; p=reject; sp=bogus")), "dmarc.policy").summary).toContain("receivers apply no DMARC at all");
  });
  it("fails a subdomain inheriting an organisational record without p, whatever its sp says", async () => {
    const r = await dmarc({ [`_dmarc.${D}`]: { TXT: [`v=DMARC1; sp=reject; ${RUA}`] } }, target(`app.${D}`, D));
    expect(get(r, "dmarc.policy")).toMatchObject({ status: "fail", evidence: { effectivePolicy: "none", appliedAs: "fallback" } });
  });
  it("fails a subdomain inheriting an organisational record with an invalid p, whatever its sp says", async () => {
    const r = await dmarc({ [`_dmarc.${D}`]: { TXT: [`v=DMARC1; p=bogus; sp=reject; ${RUA}`] } }, target(`app.${D}`, D));
    expect(statusOf(r, "dmarc.policy")).toBe("fail");
  });
  it("fails the organisational domain itself under p=reject with an invalid sp", async () => {
    const r = await dmarc({ [`_dmarc.${D}`]: { TXT: [`v=DMARC1; p=reject; sp=bogus; ${RUA}`] } }, target(`app.${D}`, D));
    expect(get(r, "dmarc.policy")).toMatchObject({ status: "fail", evidence: { effectivePolicy: "none" } });
  });
});

describe("DMARC discovery for a subdomain (RFC 7489 §6.6.3, organisational domain by the public suffix list)", () => {
  const ORG = "v=DMARC1; p=reject; sp=quarantine; rua=mailto:d@acme.example";
  it("falls back to the organisational domain even when the target does not name it", async () => {
    const dns = fakeDns({ [`_dmarc.${D}`]: { TXT: [ORG] } });
    const r = await runModule(DMARC_CHECKS, target(`app.${D}`), context({ dns }));
    expect(get(r, "dmarc.policy")).toMatchObject({ status: "pass", evidence: { effectivePolicy: "quarantine", appliedTag: "sp" } });
    expect(dns.queries).toEqual(expect.arrayContaining([`TXT _dmarc.app.${D}`, `TXT _dmarc.${D}`]));
  });
  it("asks only the name and its organisational domain, no name in between", async () => {
    const dns = fakeDns({ [`_dmarc.${D}`]: { TXT: [ORG] }, [`_dmarc.b.${D}`]: { TXT: ["v=DMARC1; p=none; rua=mailto:d@acme.example"] } });
    const r = await runModule(DMARC_CHECKS, target(`a.b.${D}`, D), context({ dns }));
    expect(dns.queries.filter((q) => q.startsWith("TXT _dmarc"))).toEqual([`TXT _dmarc.a.b.${D}`, `TXT _dmarc.${D}`]);
    expect(get(r, "dmarc.record")).toMatchObject({ status: "warn", evidence: { domain: `_dmarc.${D}` } });
  });
  it("prefers the subdomain's own record", async () => {
    const r = await dmarc({ [`_dmarc.app.${D}`]: { TXT: ["v=DMARC1; p=none; rua=mailto:d@acme.example"] }, [`_dmarc.${D}`]: { TXT: [ORG] } }, target(`app.${D}`, D));
    expect(get(r, "dmarc.record")).toMatchObject({ status: "pass", evidence: { domain: `_dmarc.app.${D}` } });
    expect(statusOf(r, "dmarc.policy")).toBe("fail");
  });
  it("stops at several records at the subdomain (no fallback)", async () => {
    const dns = fakeDns({ [`_dmarc.app.${D}`]: { TXT: [ORG, ORG] }, [`_dmarc.${D}`]: { TXT: [ORG] } });
    const r = await runModule(DMARC_CHECKS, target(`app.${D}`, D), context({ dns }));
    expect(statusOf(r, "dmarc.record")).toBe("fail");
    expect(statusOf(r, "dmarc.policy")).toBe("fail");
    expect(dns.queries).not.toContain(`TXT _dmarc.${D}`);
  });
  it("discards a lookalike record at the subdomain and applies the organisational one", async () => {
    const r = await dmarc({ [`_dmarc.app.${D}`]: { TXT: ["v=dmarc1; p=none"] }, [`_dmarc.${D}`]: { TXT: [ORG] } }, target(`app.${D}`, D));
    expect(get(r, "dmarc.record")).toMatchObject({ status: "fail", summary: expect.stringContaining(`apply _dmarc.${D} instead`) });
    expect(get(r, "dmarc.policy")).toMatchObject({ status: "pass", evidence: { effectivePolicy: "quarantine" } });
  });
  it("is an error, not a fallback, when the subdomain's lookup fails", async () => {
    const r = await dmarc({ [`_dmarc.app.${D}`]: "error", [`_dmarc.${D}`]: { TXT: [ORG] } }, target(`app.${D}`, D));
    expect(statusOf(r, "dmarc.policy")).toBe("error");
  });
  it("names both places when neither has a record", async () => {
    const r = await dmarc({}, target(`app.${D}`, D));
    expect(get(r, "dmarc.record").summary).toBe(`no DMARC record at _dmarc.app.${D} nor at _dmarc.${D}`);
  });
});

describe("dmarc.policy with an invalid value outside p and sp", () => {
  it("fails: receivers that discard invalid records apply no policy", async () => {
    const r = await dmarc(at("v=DMARC1; p=reject; adkim=x; rua=mailto:d@acme.example"));
    expect(get(r, "dmarc.policy")).toMatchObject({ status: "fail", summary: expect.stringContaining("adkim=x") });
    expect(statusOf(r, "dmarc.syntax")).toBe("fail");
  });
});
