import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cookiePrefixViolations, isSessionLikeCookie, parseSetCookie } from "../../../core/http/set-cookie";

describe("Set-Cookie parsing (RFC 6265bis §5.6)", () => {
  it("reads the name and flags, case-insensitively, without keeping the value", () => {
    const c = parseSetCookie("sid=s3cr3t; path=/; SECURE; httponly; SameSite=lax; Domain=.Acme.Example");
    expect(c).toEqual({ name: "sid", secure: true, httpOnly: true, sameSite: "lax", sameSiteInvalid: undefined, path: "/", domain: "acme.example" });
    expect(JSON.stringify(c)).not.toContain("s3cr3t");
  });

  it("reports an unrecognised SameSite value instead of guessing", () => {
    expect(parseSetCookie("a=b; SameSite=sometimes")).toMatchObject({ sameSite: undefined, sameSiteInvalid: "sometimes" });
  });

  it("lets the last SameSite win and ignores a Path that does not start with /", () => {
    expect(parseSetCookie("a=b; SameSite=None; SameSite=Strict; Path=x")).toMatchObject({ sameSite: "strict", path: undefined });
  });

  it.each([
    ["__Host-s=1; Secure; Path=/", []],
    ["__Host-s=1; Secure; Path=/; Domain=acme.example", ["__Host- cookie with a Domain attribute"]],
    ["__host-s=1; Path=/app", ["__Host- cookie without Secure", "__Host- cookie without Path=/"]],
    ["__Secure-s=1", ["__Secure- cookie without Secure"]],
    ["__Secure-s=1; Secure", []],
  ])("checks name prefixes of %s (RFC 6265bis §4.1.3)", (header, violations) => {
    const c = parseSetCookie(header);
    expect(c && cookiePrefixViolations(c)).toEqual(violations);
  });

  it("rejects a prefixed cookie from an insecure origin, even with every attribute right (RFC 6265bis §4.1.3)", () => {
    const c = parseSetCookie("__Host-s=1; Secure; Path=/");
    expect(c && cookiePrefixViolations(c, false)).toEqual(["prefixed cookie set over plain http://"]);
    const plain = parseSetCookie("theme=dark");
    expect(plain && cookiePrefixViolations(plain, false)).toEqual([]);
  });

  it.each([["session", true], ["connect.sid", true], ["auth_token", true], ["XSRF-TOKEN", true], ["theme", false], ["_ga", false]])(
    "treats %s as session-like: %s",
    (name, expected) => expect(isSessionLikeCookie(name)).toBe(expected),
  );

  it("keeps the flags of any cookie whatever the attribute order and case", () => {
    const attr = fc.constantFrom("Secure", "HttpOnly", "SameSite=Strict", "Path=/");
    fc.assert(
      fc.property(fc.uniqueArray(attr), fc.boolean(), (attrs, upper) => {
        const h = ["n=v", ...attrs].join("; ");
        const c = parseSetCookie(upper ? h.toUpperCase() : h);
        expect(c?.secure).toBe(attrs.includes("Secure"));
        expect(c?.httpOnly).toBe(attrs.includes("HttpOnly"));
        expect(c?.sameSite).toBe(attrs.includes("SameSite=Strict") ? "strict" : undefined);
      }),
    );
  });

  it("never keeps the value, whatever the header", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,8}$/), fc.stringMatching(/^[A-Za-z0-9]{12,20}$/), fc.string({ maxLength: 60 }), (name, value, attrs) => {
        const c = parseSetCookie(`${name}=${value};${attrs.replace(new RegExp(value, "g"), "")}`);
        expect(JSON.stringify(c)).not.toContain(value);
      }),
    );
  });
});
