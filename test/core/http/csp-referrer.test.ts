import { describe, expect, it } from "vitest";
import { parseCspHeader, scriptSrcWeakness, strongestScriptPolicy } from "../../../core/http/csp";
import { effectiveReferrerPolicy, referrerStrength } from "../../../core/http/referrer-policy";

describe("CSP script-src analysis", () => {
  const weak = (h: string) => strongestScriptPolicy(parseCspHeader(h));

  it.each([
    ["default-src 'self'", { directive: "default-src", unsafeInline: false, unsafeEval: false }],
    ["default-src 'self'; script-src 'self' 'unsafe-inline'", { directive: "script-src", unsafeInline: true, unsafeEval: false }],
    ["script-src 'unsafe-inline' 'nonce-abc'", { directive: "script-src", unsafeInline: false, unsafeEval: false }],
    ["SCRIPT-SRC 'self' 'UNSAFE-EVAL'", { directive: "script-src", unsafeInline: false, unsafeEval: true }],
    ["img-src 'self'", { directive: undefined, unsafeInline: true, unsafeEval: true }],
  ])("%s", (header, expected) => {
    expect(weak(header)).toEqual(expected);
  });

  it("takes the strictest of several policies, since each must allow a script", () => {
    expect(weak("script-src 'unsafe-inline', script-src 'self'")).toMatchObject({ unsafeInline: false });
  });

  it("ignores a repeated directive (CSP3 §2.2.1)", () => {
    const [p] = parseCspHeader("script-src 'self'; script-src 'unsafe-inline'");
    expect(p && scriptSrcWeakness(p).unsafeInline).toBe(false);
  });
});

describe("Referrer-Policy", () => {
  it("uses the last recognised token across values", () => {
    expect(effectiveReferrerPolicy(["no-referrer, bogus", "strict-origin-when-cross-origin, also-bogus"])).toBe("strict-origin-when-cross-origin");
    expect(effectiveReferrerPolicy(["nonsense"])).toBeUndefined();
  });
  it.each([["unsafe-url", "leaky"], ["no-referrer-when-downgrade", "leaky"], ["origin", "loose"], ["same-origin", "strict"], ["no-referrer", "strict"]] as const)(
    "%s is %s",
    (p, s) => expect(referrerStrength(p)).toBe(s),
  );
});
