import { describe, expect, it } from "vitest";
import { MX_CHECKS } from "../../../../audit/checks/email/mx";
import { context, expectedState, fakeDns, get, runModule, statusOf, target, type Zone } from "./fakes";

const D = "acme.example";
const mxOf = (...hosts: string[]) => hosts.map((exchange, i) => ({ preference: i * 10, exchange }));
const mx = (zone: Zone, sending?: boolean, mxHosts: string[] = []) =>
  runModule(MX_CHECKS, target(D), context({ dns: fakeDns(zone), ...(sending === undefined ? {} : { expected: expectedState({ sending, mxHosts }) }) }));

describe("mx.records (RFC 5321, RFC 2181 §10.3)", () => {
  it("passes host names with addresses", async () => {
    const r = await mx({ [D]: { MX: mxOf("mx1.acme.example", "mx2.acme.example") }, "mx1.acme.example": { A: ["192.0.2.1"] }, "mx2.acme.example": { AAAA: ["2001:db8::1"] } });
    expect(statusOf(r, "mx.records")).toBe("pass");
    expect(statusOf(r, "mx.null")).toBe("pass");
  });
  it("fails a target without addresses, a CNAME, and an IP literal", async () => {
    expect(get(await mx({ [D]: { MX: mxOf("gone.acme.example") } }), "mx.records")).toMatchObject({ status: "fail", summary: expect.stringContaining("no A or AAAA") });
    const cname = await mx({ [D]: { MX: mxOf("alias.acme.example") }, "alias.acme.example": { CNAME: ["mx1.acme.example"], A: ["192.0.2.1"] } });
    expect(get(cname, "mx.records")).toMatchObject({ status: "fail", summary: expect.stringContaining("CNAME") });
    expect(get(await mx({ [D]: { MX: mxOf("192.0.2.1") } }), "mx.records")).toMatchObject({ status: "fail", summary: expect.stringContaining("IP address") });
  });
  it("fails when an expected MX host is not published", async () => {
    const r = await mx({ [D]: { MX: mxOf("mx1.acme.example") }, "mx1.acme.example": { A: ["192.0.2.1"] } }, true, ["mx1.acme.example", "mx2.acme.example."]);
    expect(get(r, "mx.records")).toMatchObject({ status: "fail", summary: expect.stringContaining("mx2.acme.example") });
  });
  it("is an error when a target's address lookup fails", async () => {
    expect(statusOf(await mx({ [D]: { MX: mxOf("mx1.acme.example") }, "mx1.acme.example": "slow" }), "mx.records")).toBe("error");
  });
  it("is an error, not a pass, when a target has addresses but its CNAME lookup fails (it may be an alias)", async () => {
    const r = await mx({ [D]: { MX: mxOf("mx1.acme.example") }, "mx1.acme.example": { CNAME: "error", A: ["192.0.2.1"] } });
    expect(get(r, "mx.records")).toMatchObject({ status: "error", summary: expect.stringContaining("SERVFAIL") });
  });
  it("is an error for both IDs when the MX lookup fails", async () => {
    const r = await mx({ [D]: { MX: "error" } });
    expect([statusOf(r, "mx.records"), statusOf(r, "mx.null")]).toEqual(["error", "error"]);
  });
});

describe("mx.null (RFC 7505)", () => {
  const NULL = { preference: 0, exchange: "" };
  it("passes a parked domain with a null MX alone", async () => {
    expect(statusOf(await mx({ [D]: { MX: [NULL], TXT: ["v=spf1 -all"] } }), "mx.null")).toBe("pass");
    expect(statusOf(await mx({ [D]: { MX: [NULL] } }, false), "mx.null")).toBe("pass");
  });
  it("fails a null MX beside real MX", async () => {
    const r = await mx({ [D]: { MX: [NULL, ...mxOf("mx1.acme.example")] }, "mx1.acme.example": { A: ["192.0.2.1"] } });
    expect(get(r, "mx.null")).toMatchObject({ status: "fail", summary: expect.stringContaining("beside") });
  });
  it("warns about a null MX on a sending domain", async () => {
    expect(statusOf(await mx({ [D]: { MX: [NULL], TXT: ["v=spf1 include:_spf.google.com -all"] } }), "mx.null")).toBe("warn");
    expect(statusOf(await mx({ [D]: { MX: [NULL], TXT: ["v=spf1 -all"] } }, true), "mx.null")).toBe("warn");
  });
  it("fails a declared parked domain without a null MX", async () => {
    expect(get(await mx({ [D]: { TXT: ["v=spf1 -all"] } }, false), "mx.null")).toMatchObject({ status: "fail", summary: expect.stringContaining("declared parked") });
  });
  it("is an error when parked-ness cannot be known (TXT lookup failed, no stack)", async () => {
    expect(statusOf(await mx({ [D]: { MX: [NULL], TXT: "error" } }), "mx.null")).toBe("error");
  });
});
