import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { acknowledgementFor, expiresAt, type Acknowledgement } from "../../../core/acknowledge";

const ack = (over: Partial<Acknowledgement> = {}): Acknowledgement => ({ id: "tls.ssl_strict", reason: "origin certificate ordered", until: "2027-03-31", ...over });

describe("acknowledgements", () => {
  it("holds through the whole of its last day (UTC) and expires the moment after", () => {
    expect(acknowledgementFor([ack()], "tls.ssl_strict", new Date("2027-03-31T23:59:59.999Z"))?.kind).toBe("active");
    expect(acknowledgementFor([ack()], "tls.ssl_strict", new Date("2027-04-01T00:00:00.000Z"))?.kind).toBe("expired");
  });

  it("covers only its own check ID", () => {
    expect(acknowledgementFor([ack()], "hsts.max_age", new Date("2027-01-01"))).toBeUndefined();
  });

  it("prefers a renewed acknowledgement over an expired one left beside it", () => {
    const s = acknowledgementFor([ack({ until: "2026-01-31" }), ack({ until: "2027-06-30", reason: "renewed" })], "tls.ssl_strict", new Date("2027-01-01"));
    expect(s).toMatchObject({ kind: "active", ack: { reason: "renewed" } });
  });

  it("rejects dates that do not exist instead of rolling them over", () => {
    expect(expiresAt("2027-02-30")).toBeUndefined();
    expect(expiresAt("27-02-01")).toBeUndefined();
    expect(expiresAt("2028-02-29")?.toISOString()).toBe("2028-02-29T23:59:59.999Z");
  });

  it("is never active after its last day, whatever the dates", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2020-01-01"), max: new Date("2035-12-31"), noInvalidDate: true }), fc.date({ min: new Date("2020-01-01"), max: new Date("2035-12-31"), noInvalidDate: true }), (until, now) => {
        const day = until.toISOString().slice(0, 10);
        const s = acknowledgementFor([ack({ until: day })], "tls.ssl_strict", now);
        expect(s?.kind).toBe(now.toISOString().slice(0, 10) <= day ? "active" : "expired");
      }),
    );
  });
});
