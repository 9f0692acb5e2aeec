import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildMtaStsPolicy, buildMtaStsRecord, isMtaStsRecord, mxCoverage, mxMatchesPattern, parseMtaStsPolicy, parseMtaStsRecord } from "../../../core/email/mtasts";

describe("MTA-STS TXT record (RFC 8461 §3.1)", () => {
  it("accepts v=STSv1 with an id of 1 to 32 alphanumerics", () => {
    expect(parseMtaStsRecord("v=STSv1; id=20240101T000000;")).toEqual({ id: "20240101T000000", errors: [] });
  });
  it.each([
    ["v=STSv1;", '"id=" is missing'],
    ["v=STSv1; id=abc-def", "1 to 32 letters or digits"],
    [`v=STSv1; id=${"a".repeat(33)}`, "1 to 32"],
    ["v=stsv1; id=abc", 'must start with "v=STSv1;"'],
    ["v=STSv1; id=a; id=b", 'field "id" appears more than once'],
  ])("rejects %s", (text, message) => {
    expect(parseMtaStsRecord(text).errors.join(" | ")).toContain(message);
  });
  it("recognises records by their prefix", () => {
    expect(isMtaStsRecord("v=STSv1; id=1")).toBe(true);
    expect(isMtaStsRecord("v=STSv10; id=1")).toBe(false);
  });
  it("builds records it accepts", () => {
    expect(parseMtaStsRecord(buildMtaStsRecord("abc123")).errors).toEqual([]);
    expect(() => buildMtaStsRecord("a-b")).toThrow();
  });
});

describe("MTA-STS policy (RFC 8461 §3.2)", () => {
  it("reads a CRLF policy", () => {
    const { policy, errors } = parseMtaStsPolicy("version: STSv1\r\nmode: enforce\r\nmx: mail.acme.example\r\nmx: *.mx.acme.example\r\nmax_age: 604800\r\n");
    expect(errors).toEqual([]);
    expect(policy).toEqual({ version: "STSv1", mode: "enforce", maxAge: 604800, mx: ["mail.acme.example", "*.mx.acme.example"] });
  });
  it("accepts LF line ends and ignores unknown fields", () => {
    expect(parseMtaStsPolicy("version: STSv1\nmode: testing\nmx: m.example.com\nmax_age: 86400\nfoo: bar\n").errors).toEqual([]);
  });
  it.each([
    ["mode: enforce\nmx: m.example.com\nmax_age: 1", '"version: STSv1" is missing'],
    ["version: STSv2\nmode: enforce\nmx: m.example.com\nmax_age: 1", "must be STSv1"],
    ["version: STSv1\nmode: on\nmx: m.example.com\nmax_age: 1", "mode: on"],
    ["version: STSv1\nmode: enforce\nmax_age: 1", "needs at least one"],
    ["version: STSv1\nmode: enforce\nmx: m.example.com\nmax_age: 31557601", "max_age"],
    ["version: STSv1\nmode: enforce\nmx: m.example.com\nmax_age: -1", "max_age"],
    ["version: STSv1\nmode: enforce\nmx: *.*.example.com\nmax_age: 1", "not a host name"],
    ["version: STSv1\nmode: enforce\nmx: m.example.com", '"max_age:" is missing'],
    ["version: STSv1\nmode enforce\nmx: m.example.com\nmax_age: 1", 'is not "key: value"'],
  ])("rejects %j", (text, message) => {
    expect(parseMtaStsPolicy(text).errors.join(" | ")).toContain(message);
  });
  it("round-trips built policies", () => {
    const host = fc.tuple(fc.boolean(), fc.array(fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/), { minLength: 1, maxLength: 3 })).map(([w, ls]) => `${w ? "*." : ""}${ls.join(".")}.example`);
    fc.assert(
      fc.property(fc.constantFrom("enforce" as const, "testing" as const), fc.integer({ min: 0, max: 31557600 }), fc.array(host, { minLength: 1, maxLength: 4 }), (mode, maxAge, mx) => {
        const { policy, errors } = parseMtaStsPolicy(buildMtaStsPolicy({ mode, maxAge, mx }));
        expect(errors).toEqual([]);
        expect(policy).toEqual({ version: "STSv1", mode, maxAge, mx });
      }),
    );
  });
});

describe("MTA-STS MX matching (RFC 8461 §4.1)", () => {
  it.each([
    ["mail.acme.example", "mail.acme.example", true],
    ["MAIL.acme.example.", "mail.acme.example", true],
    ["mx1.acme.example", "*.acme.example", true],
    ["a.b.acme.example", "*.acme.example", false],
    ["acme.example", "*.acme.example", false],
    ["mx1.other.example", "*.acme.example", false],
  ])("%s against %s → %s", (host, pattern, expected) => {
    expect(mxMatchesPattern(host, pattern)).toBe(expected);
  });
  it("splits hosts into covered and uncovered", () => {
    expect(mxCoverage(["mx1.acme.example", "backup.other.example"], ["*.acme.example"])).toEqual({
      covered: [{ host: "mx1.acme.example", pattern: "*.acme.example" }],
      uncovered: ["backup.other.example"],
    });
  });
});
