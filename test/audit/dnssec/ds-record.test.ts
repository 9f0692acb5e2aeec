import { describe, expect, it } from "vitest";
import { parseDsRecord } from "../../../audit/dnssec";

describe("DS records in presentation format", () => {
  it("reads owner, key tag, algorithm, digest type and digest (TTL and class optional)", () => {
    expect(parseDsRecord("Test. 3600 IN DS 25143 13 2 B2E1CA2B F9B8")).toEqual({ owner: "test", keyTag: 25143, algorithm: 13, digestType: 2, digest: Buffer.from("b2e1ca2bf9b8", "hex") });
    expect(parseDsRecord(". DS 20326 8 2 E06D").owner).toBe("");
  });
  it("rejects anything else with the expected form in the message", () => {
    expect(() => parseDsRecord("test. DS nope")).toThrow(/expected "OWNER. DS KEYTAG ALGORITHM DIGESTTYPE HEXDIGEST"/);
    expect(() => parseDsRecord("DS 1 2 3 ab")).toThrow(/is not a DS record/);
    expect(() => parseDsRecord("test. DS 1 13 2 abc")).toThrow(/is not a DS record/);
  });
});
