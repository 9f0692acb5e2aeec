import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRedactor, defaultScanner, FRAGMENT_LENGTH, type SecretScanner } from "../../../core/secrets";
import { CREDENTIALS, PUBLIC_VALUES, pemPrivateKey } from "./fixtures";

const none: SecretScanner = (texts) => texts.map(() => []);

/** Every run of FRAGMENT_LENGTH characters of `secret`: none may survive redaction. */
function fragments(secret: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + FRAGMENT_LENGTH <= secret.length; i++) out.push(secret.slice(i, i + FRAGMENT_LENGTH));
  return out.length > 0 ? out : [secret];
}

describe("one redaction for every output", () => {
  it("replaces a known secret value wherever a message quotes it, whole or cut", () => {
    const secret = "opaque-verification-value-8c1f2e9a7b3d";
    const red = createRedactor({ scanner: none, secretValues: [secret] });
    expect(red.text(`TXT _v.acme.example content '${secret}' is not normalised`)).toBe("TXT _v.acme.example content '[secret]' is not normalised");
    expect(red.text(`content '${secret.slice(0, 30)}…'`)).toBe("content '[secret]…'");
    expect(red.text(`"${secret.slice(0, 20)}" "${secret.slice(20)}"`)).not.toContain(secret.slice(0, FRAGMENT_LENGTH));
  });

  it("never lets a fragment of a secret through, however the text cuts or wraps it (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 16, maxLength: 80, unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") }),
        fc.string({ maxLength: 30 }),
        fc.nat(60),
        (secret, around, cut) => {
          const red = createRedactor({ scanner: none, secretValues: [secret] });
          const shown = red.text(`${around}'${secret.slice(0, Math.max(FRAGMENT_LENGTH, cut))}…' and ${secret}${around}`);
          for (const f of fragments(secret)) expect(shown).not.toContain(f);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("replaces credential-looking content with a marker naming what was withheld", () => {
    const red = createRedactor({ scanner: defaultScanner });
    const token = CREDENTIALS.githubToken();
    const pem = pemPrivateKey();
    expect(red.text(`x-header: ${token}`)).toBe("x-header: [withheld: GitHub token]");
    expect(red.text(pem)).toBe("[withheld: private key (PEM)]\n");
  });

  it("withholds a value under a credential name, whatever it looks like, and keeps markers and structure", () => {
    const red = createRedactor({ scanner: defaultScanner });
    expect(red.record({ apiToken: "hunter2", nested: { "x-api-key": ["abc"] }, password: "[secret]", name: "acme.example", ttl: 1 })).toEqual({
      apiToken: "[withheld: value of apiToken]",
      nested: { "x-api-key": ["[withheld: value of x-api-key]"] },
      password: "[secret]",
      name: "acme.example",
      ttl: 1,
    });
  });

  it("leaves public values that look random untouched", () => {
    const red = createRedactor({ scanner: defaultScanner });
    for (const v of PUBLIC_VALUES) expect(red.text(v)).toBe(v);
    expect(red.record({ "access-control-allow-credentials": "true" })).toEqual({ "access-control-allow-credentials": "true" });
  });

  it("gives the same result primed (one scan for a whole document) as unprimed", () => {
    const doc = { a: [CREDENTIALS.stripeKey(), ...PUBLIC_VALUES], b: { c: CREDENTIALS.awsAccessKeyId() } };
    const primed = createRedactor({ scanner: defaultScanner });
    primed.prime(doc);
    expect(primed.record(doc)).toEqual(createRedactor({ scanner: defaultScanner }).record(doc));
  });
});
