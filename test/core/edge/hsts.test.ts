import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseHsts } from "../../../core/http/hsts";
import { hstsHeaderText, readSecurityHeaderValue, securityHeaderValue } from "../../../core/edge/hsts";

describe("the security_header (HSTS) value for Cloudflare", () => {
  it("is the API's snake_case shape, enabled, with nosniff", () => {
    expect(securityHeaderValue({ maxAgeSeconds: 31536000, includeSubdomains: true, preload: false })).toEqual({
      strict_transport_security: { enabled: true, max_age: 31536000, include_subdomains: true, preload: false, nosniff: true },
    });
  });

  it("reads back what it builds, and the header it makes is valid RFC 6797 with the same policy", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 126144000 }), fc.boolean(), fc.boolean(), (maxAgeSeconds, includeSubdomains, preload) => {
        const value = securityHeaderValue({ maxAgeSeconds, includeSubdomains, preload });
        const read = readSecurityHeaderValue(JSON.parse(JSON.stringify(value)));
        expect(read).toEqual({ ok: true, sts: value.strict_transport_security });
        const header = parseHsts(hstsHeaderText(value.strict_transport_security));
        expect(header).toMatchObject({ ok: true, maxAge: maxAgeSeconds, includeSubDomains: includeSubdomains, preload });
      }),
    );
  });

  it.each([
    [{ strictTransportSecurity: { enabled: true, maxAge: 1 } }, /camelCase key `strictTransportSecurity`/],
    [{ strict_transport_security: { enabled: true, maxAge: 1, include_subdomains: true, preload: false } }, /camelCase key `maxAge`/],
    [{ strict_transport_security: { enabled: true, max_age: "1y", include_subdomains: true, preload: false } }, /max_age` is not a whole number/],
    [{ strict_transport_security: { enabled: "yes", max_age: 1, include_subdomains: true, preload: false } }, /enabled` is not a boolean/],
    ["on", /is not an object/],
    [{}, /no `strict_transport_security`/],
  ])("rejects %j, naming the field", (value, error) => {
    const r = readSecurityHeaderValue(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });
});
