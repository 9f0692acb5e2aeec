/** The API client's guards: where the token may be sent, and how long a Retry-After asks to wait. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { baseUrlProblem, retryAfterSeconds } from "../../cli/adopt/client";
import { scrub } from "../../cli/adopt/api-errors";

describe("baseUrlProblem", () => {
  it("takes https anywhere and plain http only to this machine", () => {
    expect(baseUrlProblem("https://api.cloudflare.com/client/v4")).toBeUndefined();
    for (const local of ["http://127.0.0.1:8080/client/v4", "http://localhost:1/x", "http://[::1]:9/x"]) expect(baseUrlProblem(local), local).toBeUndefined();
    for (const bad of ["http://api.cloudflare.com/client/v4", "http://10.0.0.1/x", "ftp://127.0.0.1/x", "not a url"]) expect(baseUrlProblem(bad), bad).toBeDefined();
  });
});

describe("retryAfterSeconds (RFC 9110 §10.2.3: seconds or an HTTP date)", () => {
  it("reads seconds and dates, and nothing else", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(retryAfterSeconds("30", now)).toBe(30);
    expect(retryAfterSeconds("Thu, 01 Jan 2026 00:01:00 GMT", now)).toBe(60);
    expect(retryAfterSeconds("Wed, 31 Dec 2025 23:00:00 GMT", now)).toBe(0);
    expect(retryAfterSeconds(null, now)).toBeUndefined();
    expect(retryAfterSeconds("soon", now)).toBeUndefined();
  });

  it("never returns a negative wait", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), (n) => {
        expect(retryAfterSeconds(String(n))).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe("scrub", () => {
  it("removes every occurrence of the token from a message", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 8 }), fc.array(fc.string(), { maxLength: 4 }), (token, parts) => {
        expect(scrub(parts.join(token), token)).not.toContain(token);
      }),
    );
  });
});
