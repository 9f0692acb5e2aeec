import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseHsts } from "../../../core/http/hsts";

describe("HSTS header parsing (RFC 6797 §6.1)", () => {
  it.each([
    ["max-age=31536000; includeSubDomains; preload", { maxAge: 31536000, includeSubDomains: true, preload: true }],
    ['MAX-AGE="600"', { maxAge: 600, includeSubDomains: false, preload: false }],
    ["  ; max-age=0 ;; INCLUDESUBDOMAINS ; unknown=\"a;b\"", { maxAge: 0, includeSubDomains: true, preload: false }],
  ])("reads %s", (value, expected) => {
    expect(parseHsts(value)).toMatchObject({ ok: true, ...expected });
  });

  it.each([
    ["includeSubDomains", /max-age directive is missing/],
    ["max-age=abc", /not a number of seconds/],
    ["max-age=-5", /not a number of seconds/],
    ["max-age=1; max-age=2", /appears more than once/],
    ["max-age=1; includeSubDomains; includesubdomains", /appears more than once/],
    ['max-age="1', /unterminated quoted-string/],
    ["max-age=1; includeSubDomains=yes", /takes no value/],
    ["max-age=1; bad name", /not a valid directive name/],
  ])("rejects %s", (value, error) => {
    const r = parseHsts(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });

  it("reads back any max-age and flags, in any case and order, quoted or not", () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (maxAge, sub, preload, quoted, upper) => {
          const parts = [quoted ? `max-age="${maxAge}"` : `max-age=${maxAge}`];
          if (sub) parts.push("includeSubDomains");
          if (preload) parts.push("preload");
          let v = parts.reverse().join("; ");
          if (upper) v = v.toUpperCase();
          expect(parseHsts(v)).toMatchObject({ ok: true, maxAge, includeSubDomains: sub, preload });
        },
      ),
    );
  });

  it("never throws on arbitrary input", () => {
    fc.assert(fc.property(fc.string(), (s) => void parseHsts(s)));
  });
});
