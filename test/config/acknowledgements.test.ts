import { describe, expect, it } from "vitest";
import { acknowledgementIssues, acknowledgementsSchema, toAcknowledgements } from "../../config/acknowledgements";

const parse = (v: unknown) => acknowledgementsSchema.safeParse(v);

describe("launch-ready:acknowledge", () => {
  it("accepts an ID, a reason and a date (YAML may hand the date over as a timestamp)", () => {
    const r = parse([{ id: "tls.ssl_strict", reason: "origin certificate ordered (OPS-12)", until: new Date("2027-03-31T00:00:00Z") }]);
    expect(r.success && toAcknowledgements(r.data)).toEqual([{ id: "tls.ssl_strict", reason: "origin certificate ordered (OPS-12)", until: "2027-03-31" }]);
  });

  it("names an unknown ID and suggests the closest", () => {
    const r = parse([{ id: "tls.ssl_strikt", reason: "origin certificate ordered", until: "2027-03-31" }]);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/not a checklist ID: did you mean `tls\.ssl_strict`/);
  });

  it("refuses a date that does not exist and a reason nobody could review", () => {
    const r = parse([{ id: "tls.ssl_strict", reason: "because", until: "2027-02-30" }]);
    expect(r.error?.issues.map((i) => i.message).join("\n")).toMatch(/at least 10 characters[\s\S]*'2027-02-30' is not a date/);
  });

  it("refuses an acknowledgement more than a year ahead, and warns when one has expired", () => {
    const now = new Date("2026-12-04T12:00:00Z");
    const far = acknowledgementIssues([{ id: "tls.ssl_strict", reason: "origin certificate ordered", until: "2028-01-01" }], now);
    expect(far.errors[0]).toMatchObject({ path: "launch-ready:acknowledge[0].until", message: expect.stringMatching(/at most 366 days/) });
    const old = acknowledgementIssues([{ id: "tls.ssl_strict", reason: "origin certificate ordered", until: "2026-12-03" }], now);
    expect(old.warnings[0]?.message).toMatch(/expired on 2026-12-03: tls\.ssl_strict counts again/);
  });
});
