import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultScanner, kindsOf, mergeFindings, scanOne } from "../../../core/secrets";
import { CREDENTIALS, PUBLIC_VALUES, pemPrivateKey } from "./fixtures";

describe("the secret scanner finds credentials by content, and only credentials", () => {
  it.each([
    ["a PEM private key (PKCS #8)", () => pemPrivateKey("ec"), "private key (PEM)"],
    ["a PEM private key (PKCS #1)", () => pemPrivateKey("rsa"), "private key (PEM)"],
    ["a PEM key cut before its END line", () => pemPrivateKey("ec").slice(0, 90), "private key (PEM)"],
    ["an AWS access key ID", CREDENTIALS.awsAccessKeyId, "AWS access key ID"],
    ["a GitHub token", CREDENTIALS.githubToken, "GitHub token"],
    ["a Slack token", CREDENTIALS.slackToken, "Slack token"],
    ["a Stripe secret key", CREDENTIALS.stripeKey, "Stripe secret key"],
    ["a Cloudflare scannable token", CREDENTIALS.cloudflareToken, "Cloudflare API credential"],
    ["a JSON Web Token", CREDENTIALS.jwt, "JSON Web Token"],
    ["a labelled high-entropy password", CREDENTIALS.labelledPassword, "high-entropy credential"],
    ["a database URL with a password", CREDENTIALS.databaseUrl, "database connection string with a password"],
  ])("finds %s, with its kind and exact span, inside other text", (_what, make, kind) => {
    const secret = make().trimEnd();
    const text = `TXT "note: ${secret}" end`;
    const found = scanOne(defaultScanner, text);
    expect(kindsOf(found)).toContain(kind);
    const covered = found.some((f) => f.start <= text.indexOf(secret) + (secret.startsWith("password=") ? "password=".length : 0) && f.end >= text.indexOf(secret) + secret.length);
    expect(covered).toBe(true);
  });

  it.each(PUBLIC_VALUES)("leaves a public value alone: %s", (value) => {
    expect(scanOne(defaultScanner, value)).toEqual([]);
  });

  it("scans many texts in one pass with the same findings as one by one", () => {
    const pool = [...PUBLIC_VALUES, CREDENTIALS.githubToken(), CREDENTIALS.awsAccessKeyId(), pemPrivateKey(), CREDENTIALS.stripeKey(), "", "plain words"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 8 }), (texts) => {
        expect(defaultScanner(texts)).toEqual(texts.map((t) => scanOne(defaultScanner, t)));
      }),
      { numRuns: 40 },
    );
  });

  it("merges overlapping findings into one span", () => {
    expect(mergeFindings([{ kind: "a", start: 5, end: 10 }, { kind: "b", start: 0, end: 6 }, { kind: "c", start: 20, end: 22 }])).toEqual([
      { kind: "b", start: 0, end: 10 },
      { kind: "c", start: 20, end: 22 },
    ]);
  });
});
