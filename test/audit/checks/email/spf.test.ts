import { describe, expect, it } from "vitest";
import { SPF_CHECKS } from "../../../../audit/checks/email/spf";
import type { CheckId } from "../../../../checklist";
import { context, expectedState, fakeDns, get, runModule, statusOf, target, type Zone, type ZoneEntry } from "./fakes";

const D = "acme.example";
const MX: ZoneEntry["MX"] = [{ preference: 10, exchange: "mx1.acme.example" }];

async function spf(zone: Zone, sending?: boolean) {
  return runModule(SPF_CHECKS, target(D), context({ dns: fakeDns(zone), ...(sending === undefined ? {} : { expected: expectedState({ sending }) }) }));
}

function withRoot(record: string, more: Zone = {}): Zone {
  return { [D]: { TXT: [record, "google-site-verification=abc"], MX }, ...more };
}

describe("SPF checks on a well-configured sending domain", () => {
  it("pass every SPF ID and show the include tree with counts", async () => {
    const r = await spf(withRoot("v=spf1 include:_spf.acme.example mx -all", { "_spf.acme.example": { TXT: ["v=spf1 ip4:192.0.2.0/24 -all"] } }));
    for (const id of ["spf.record", "spf.syntax", "spf.lookups", "spf.void_lookups", "spf.mx_addresses", "spf.all", "spf.loop", "spf.size"] as const) {
      expect([id, statusOf(r, id)]).toEqual([id, "pass"]);
    }
    expect(statusOf(r, "spf.parked")).toBe("skip");
    expect(get(r, "spf.lookups").evidence).toMatchObject({ lookups: 2, tree: { domain: D, totalLookups: 2, children: [{ domain: "_spf.acme.example", totalLookups: 0 }] } });
    expect(get(r, "spf.lookups").summary).toContain("2 DNS lookup(s)");
    expect(get(r, "spf.record").remediation).toBe("");
  });
});

describe("spf.record", () => {
  it("fails without SPF on a sending domain", async () => {
    const r = await spf({ [D]: { TXT: ["hello"], MX } });
    expect(get(r, "spf.record")).toMatchObject({ status: "fail", summary: expect.stringContaining("no SPF record") });
    expect(get(r, "spf.record").remediation).toContain("v=spf1");
    expect(statusOf(r, "spf.lookups")).toBe("skip");
  });
  it("fails with two SPF records (permerror)", async () => {
    const r = await spf({ [D]: { TXT: ["v=spf1 -all", "v=spf1 ~all"], MX } });
    expect(get(r, "spf.record")).toMatchObject({ status: "fail", summary: expect.stringContaining("2 SPF records") });
  });
  it("fails when v=spf1 is not first", async () => {
    const r = await spf({ [D]: { TXT: ["spf: v=spf1 -all"], MX } });
    expect(get(r, "spf.record")).toMatchObject({ status: "fail", summary: expect.stringContaining("does not start with it") });
  });
  it("is an error, not a missing record, when the TXT lookup times out", async () => {
    const r = await spf({ [D]: { TXT: "slow", MX } });
    for (const id of SPF_CHECKS.ids) expect([id, statusOf(r, id)]).toEqual([id, "error"]);
    expect(get(r, "spf.record").summary).toContain("timed out");
  });
});

describe("spf.syntax", () => {
  it("fails on an invalid term, naming it", async () => {
    const r = await spf(withRoot("v=spf1 ip4:192.0.2.300 -all"));
    expect(get(r, "spf.syntax")).toMatchObject({ status: "fail", summary: expect.stringContaining("192.0.2.300") });
  });
  it("warns about terms after all", async () => {
    const r = await spf(withRoot("v=spf1 -all ip4:192.0.2.1"));
    expect(get(r, "spf.syntax")).toMatchObject({ status: "warn", summary: expect.stringContaining("follows") });
  });
  it("fails when an include target has no SPF (permerror)", async () => {
    const r = await spf(withRoot("v=spf1 include:gone.example -all"));
    expect(get(r, "spf.syntax")).toMatchObject({ status: "fail", summary: expect.stringContaining("gone.example has no SPF record") });
  });
  it("is an error, not a warning, when an unreadable include may hide a permerror", async () => {
    const r = await spf(withRoot("v=spf1 include:broken.example -all ip4:192.0.2.1", { "broken.example": "error" }));
    expect(statusOf(r, "spf.syntax")).toBe("error");
  });
  it("is an error when an include cannot be looked up", async () => {
    const r = await spf(withRoot("v=spf1 include:broken.example -all", { "broken.example": "error" }));
    expect(statusOf(r, "spf.syntax")).toBe("error");
  });
});

function includes(n: number): { record: string; zone: Zone } {
  const zone: Record<string, ZoneEntry> = {};
  for (let i = 0; i < n; i++) zone[`i${i}.example`] = { TXT: ["v=spf1 ip4:192.0.2.1 -all"] };
  return { record: `v=spf1 ${Array.from({ length: n }, (_, i) => `include:i${i}.example`).join(" ")} -all`, zone };
}

describe("spf.lookups", () => {
  it.each([
    [7, "pass"],
    [8, "warn"],
    [10, "warn"],
    [11, "fail"],
  ])("%i lookups → %s", async (n, status) => {
    const { record, zone } = includes(n);
    const r = await spf(withRoot(record, zone));
    expect(get(r, "spf.lookups")).toMatchObject({ status, evidence: { lookups: n, limit: 10 } });
  });
  it("is an error when a branch failed and the count stays within the limit", async () => {
    const r = await spf(withRoot("v=spf1 include:broken.example -all", { "broken.example": "slow" }));
    expect(get(r, "spf.lookups")).toMatchObject({ status: "error", summary: expect.stringContaining("incomplete") });
  });
  it("still fails when the count already exceeds 10 despite a failed branch", async () => {
    const { record, zone } = includes(11);
    const r = await spf(withRoot(`${record.replace(" -all", "")} include:broken.example -all`, { ...zone, "broken.example": "error" }));
    expect(statusOf(r, "spf.lookups")).toBe("fail");
  });
});

describe("spf.void_lookups", () => {
  it.each([
    ["v=spf1 include:a.gone.example -all", "warn"],
    ["v=spf1 include:a.gone.example a:b.gone.example -all", "warn"],
    ["v=spf1 include:a.gone.example a:b.gone.example exists:c.gone.example -all", "fail"],
  ])("%s → %s", async (record, status) => {
    const r = await spf(withRoot(record));
    expect(statusOf(r, "spf.void_lookups")).toBe(status);
  });
  it("is an error, not a void lookup, when an a-term lookup fails", async () => {
    const r = await spf(withRoot("v=spf1 a:x.acme.example -all", { "x.acme.example": "error" }));
    expect(statusOf(r, "spf.void_lookups")).toBe("error");
  });
});

describe("spf.mx_addresses", () => {
  const many = Array.from({ length: 11 }, (_, i) => ({ preference: i, exchange: `mx${i}.acme.example` }));
  it("fails an mx term with more than 10 MX hosts", async () => {
    const r = await spf({ [D]: { TXT: ["v=spf1 mx -all"], MX: many } });
    expect(get(r, "spf.mx_addresses")).toMatchObject({ status: "fail", summary: expect.stringContaining("11 MX hosts") });
  });
  it("passes 10", async () => {
    const r = await spf({ [D]: { TXT: ["v=spf1 mx -all"], MX: many.slice(0, 10) } });
    expect(statusOf(r, "spf.mx_addresses")).toBe("pass");
  });
  it("is an error when an include that could hold mx terms cannot be read", async () => {
    const r = await spf({ [D]: { TXT: ["v=spf1 include:broken.example -all"], MX }, "broken.example": "slow" });
    expect(statusOf(r, "spf.mx_addresses")).toBe("error");
  });
  it("is an error when the mx term's lookup fails", async () => {
    const r = await spf({ [D]: { TXT: ["v=spf1 mx:mail.acme.example -all"], MX }, "mail.acme.example": { MX: "error" } });
    expect(statusOf(r, "spf.mx_addresses")).toBe("error");
  });
});

describe("spf.all", () => {
  it.each([
    ["v=spf1 +all", "fail"],
    ["v=spf1 all", "fail"],
    ["v=spf1 ?all", "warn"],
    ["v=spf1 ip4:192.0.2.1", "warn"],
    ["v=spf1 -all", "pass"],
  ])("%s → %s", async (record, status) => {
    expect(statusOf(await spf(withRoot(record)), "spf.all")).toBe(status);
  });
  it("passes ~all with an enforcing DMARC policy and warns without one", async () => {
    const enforcing = await spf(withRoot("v=spf1 ~all", { [`_dmarc.${D}`]: { TXT: ["v=DMARC1; p=reject; rua=mailto:d@acme.example"] } }));
    expect(statusOf(enforcing, "spf.all")).toBe("pass");
    const monitoring = await spf(withRoot("v=spf1 ~all", { [`_dmarc.${D}`]: { TXT: ["v=DMARC1; p=none"] } }));
    expect(get(monitoring, "spf.all")).toMatchObject({ status: "warn", summary: expect.stringContaining("p=none") });
    expect(statusOf(await spf(withRoot("v=spf1 ~all")), "spf.all")).toBe("warn");
  });
  it("is an error when ~all needs DMARC and the DMARC lookup fails", async () => {
    const r = await spf(withRoot("v=spf1 ~all", { [`_dmarc.${D}`]: "error" }));
    expect(statusOf(r, "spf.all")).toBe("error");
  });
  it("follows redirect to find the effective all", async () => {
    const r = await spf(withRoot("v=spf1 redirect=_spf.acme.example", { "_spf.acme.example": { TXT: ["v=spf1 +all"] } }));
    expect(get(r, "spf.all")).toMatchObject({ status: "fail", summary: expect.stringContaining("through redirect") });
  });
});

describe("spf.loop", () => {
  it("fails on an include cycle, naming the chain", async () => {
    const r = await spf(withRoot("v=spf1 include:a.example -all", { "a.example": { TXT: ["v=spf1 include:acme.example -all"] } }));
    expect(get(r, "spf.loop")).toMatchObject({ status: "fail", summary: expect.stringContaining("acme.example → a.example → acme.example") });
  });
  it("is an error when part of the tree could not be looked up", async () => {
    const r = await spf(withRoot("v=spf1 include:a.example -all", { "a.example": "error" }));
    expect(statusOf(r, "spf.loop")).toBe("error");
  });
});

describe("spf.size", () => {
  it("warns over 450 bytes", async () => {
    const ips = Array.from({ length: 40 }, (_, i) => `ip4:198.51.100.${i}`).join(" ");
    const r = await spf(withRoot(`v=spf1 ${ips} -all`));
    expect(get(r, "spf.size")).toMatchObject({ status: "warn", evidence: { limit: 450 } });
  });
});

describe("spf.parked", () => {
  const parkedZone = (record: string): Zone => ({ [D]: { TXT: [record], MX: [{ preference: 0, exchange: "" }] } });
  it("passes a declared parked domain with exactly v=spf1 -all", async () => {
    expect(statusOf(await spf(parkedZone("v=spf1 -all"), false), "spf.parked")).toBe("pass");
  });
  it("passes a discovered parked domain (null MX and v=spf1 -all) without a stack", async () => {
    expect(statusOf(await spf(parkedZone("v=spf1 -all")), "spf.parked")).toBe("pass");
  });
  it("fails a declared parked domain with anything else", async () => {
    const r = await spf(parkedZone("v=spf1 include:_spf.google.com -all"), false);
    expect(get(r, "spf.parked")).toMatchObject({ status: "fail", summary: expect.stringContaining('not exactly "v=spf1 -all"') });
  });
  it("fails a declared parked domain without SPF, and spf.record says why it does not fail", async () => {
    const r = await spf({ [D]: { MX: [{ preference: 0, exchange: "" }] } }, false);
    expect(statusOf(r, "spf.parked")).toBe("fail");
    expect(statusOf(r, "spf.record")).toBe("info");
  });
  it("skips on a sending domain, saying why", async () => {
    const r = await spf(withRoot("v=spf1 -all"), true);
    expect(get(r, "spf.parked")).toMatchObject({ status: "skip", summary: expect.stringContaining("declared sending") });
  });
  it("is an error when the MX lookup fails and there is no stack to tell", async () => {
    const r = await spf({ [D]: { TXT: ["v=spf1 -all"], MX: "error" } });
    expect(statusOf(r, "spf.parked")).toBe("error");
  });
});

it("reports every SPF ID exactly once", () => {
  const ids: readonly CheckId[] = SPF_CHECKS.ids;
  expect(new Set(ids).size).toBe(9);
});
