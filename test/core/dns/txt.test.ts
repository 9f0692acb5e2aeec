import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isNormalisedTxt, normaliseTxt, parseQuotedTxt, splitTxtValue, TXT_STRING_MAX_BYTES, txtFromValue, txtValue } from "../../../core/dns/txt";

describe("TXT content in Cloudflare's normal form (RFC 1035 §3.3.14)", () => {
  it.each([
    ["v=spf1 -all", '"v=spf1 -all"'],
    ['"v=spf1 -all"', '"v=spf1 -all"'],
    ['"v=spf1 " "-all"', '"v=spf1 -all"'],
    ['  "a"   "b" ', '"ab"'],
    ['say "hi"', '"say \\"hi\\""'],
    ["back\\slash", '"back\\\\slash"'],
    ["", '""'],
  ])("normalises %j to %j", (input, expected) => {
    expect(normaliseTxt(input)).toBe(expected);
  });

  it("splits a 600-byte DKIM key into 255 + 255 + 90 byte strings", () => {
    const key = `v=DKIM1; k=rsa; p=${"A".repeat(582)}`;
    const out = normaliseTxt(key);
    const parsed = parseQuotedTxt(out);
    expect(parsed.ok && parsed.strings.map((s) => s.length)).toEqual([255, 255, 90]);
    expect(out).toMatch(/^"v=DKIM1; k=rsa; p=A+" "A+" "A+"$/);
  });

  it("never splits inside a UTF-8 character", () => {
    const value = "é".repeat(200); // 400 bytes, 2 per character
    const parts = splitTxtValue(value);
    expect(parts.map((p) => Buffer.byteLength(p))).toEqual([254, 146]);
  });

  it.each([
    ['"unterminated', /never closed/],
    ['"a"b', /right after a closing quote/],
    ['"a" x', /where a quoted string should start/],
    ['"a\\', /lone backslash|never closed/],
  ])("reports malformed quoted content %j", (input, error) => {
    const r = parseQuotedTxt(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });

  it("is idempotent, keeps the value, and every string fits in 255 bytes", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 1200 }), (raw) => {
        const once = normaliseTxt(raw);
        expect(normaliseTxt(once)).toBe(once);
        expect(isNormalisedTxt(once)).toBe(true);
        const parsed = parseQuotedTxt(once);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        for (const s of parsed.strings) expect(Buffer.byteLength(s)).toBeLessThanOrEqual(TXT_STRING_MAX_BYTES);
        expect(parsed.strings.join("")).toBe(txtValue(raw));
      }),
    );
  });

  it("gives one normal form however the same value was split and quoted", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 700 }), fc.array(fc.nat(), { maxLength: 6 }), (value, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (value.length + 1)))].sort((a, b) => a - b);
        const pieces: string[] = [];
        let prev = 0;
        for (const p of points) {
          pieces.push(value.slice(prev, p));
          prev = p;
        }
        pieces.push(value.slice(prev));
        const quoted = pieces.map((p) => `"${p.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(" ");
        expect(normaliseTxt(quoted)).toBe(txtFromValue(value));
      }),
    );
  });
});
