import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { dkimKeyStrength, dkimKeyUnusable, parseDkimKey } from "../../../core/email/dkim";

function rsaKey(bits: number, type: "spki" | "pkcs1" = "spki"): string {
  const { publicKey } = generateKeyPairSync("rsa", { modulusLength: bits });
  return publicKey.export({ format: "der", type }).toString("base64");
}

describe("DKIM key records (RFC 6376 §3.6.1)", () => {
  it("reads an RSA key's size from its SubjectPublicKeyInfo", () => {
    for (const bits of [1024, 2048]) {
      const { record, errors } = parseDkimKey(`v=DKIM1; k=rsa; p=${rsaKey(bits)}`);
      expect(errors).toEqual([]);
      expect(record && dkimKeyStrength(record)).toEqual({ kind: "rsa", bits });
    }
  });

  it("also reads a bare PKCS#1 key, and keys split by whitespace", () => {
    const key = rsaKey(2048, "pkcs1");
    const spaced = `${key.slice(0, 100)} ${key.slice(100)}`;
    const { record } = parseDkimKey(`p=${spaced}`);
    expect(record && dkimKeyStrength(record)).toEqual({ kind: "rsa", bits: 2048 });
  });

  it("accepts ed25519 raw keys (RFC 8463)", () => {
    const { publicKey } = generateKeyPairSync("ed25519");
    const raw = publicKey.export({ format: "der", type: "spki" }).subarray(-32).toString("base64");
    const { record, errors } = parseDkimKey(`v=DKIM1; k=ed25519; p=${raw}`);
    expect(errors).toEqual([]);
    expect(record && dkimKeyStrength(record)).toEqual({ kind: "ed25519" });
  });

  it("says when a key cannot be read", () => {
    const { record } = parseDkimKey("v=DKIM1; p=AAAA");
    expect(record && dkimKeyStrength(record)).toMatchObject({ kind: "unreadable" });
  });

  it("treats an empty p= as revoked and reads the t flags", () => {
    expect(parseDkimKey("v=DKIM1; p=").record).toMatchObject({ revoked: true, publicKey: "" });
    expect(parseDkimKey("v=DKIM1; t=y:s:x; p=").record).toMatchObject({ testing: true, strict: true });
  });

  it.each([
    ["v=DKIM1; k=rsa", '"p=" (the public key) is missing'],
    ["v=DKIM2; p=AAAA", "must be DKIM1"],
    ["k=rsa; v=DKIM1; p=AAAA", "must be the first tag"],
    ["v=DKIM1; k=dsa; p=AAAA", "k=dsa"],
    ["v=DKIM1; p=not*base64", "not valid base64"],
    ["v=DKIM1; p=AAAA; p=BBBB", 'tag "p" appears more than once'],
  ])("rejects %s", (text, message) => {
    expect(parseDkimKey(text).errors.join(" | ")).toContain(message);
  });
});

describe("DKIM key tags that change what a verifier does", () => {
  const key = rsaKey(2048);
  const ed = () => generateKeyPairSync("ed25519").publicKey.export({ format: "der", type: "spki" });
  it.each([
    [`v=DKIM1; h=sha1; p=${key}`, "h=sha1 excludes sha256"],
    [`v=DKIM1; h=SHA1; p=${key}`, "h=sha1 excludes sha256"],
    [`v=DKIM1; h=sha512; p=${key}`, "h=sha512 excludes sha256"],
    [`v=DKIM1; s=tlsrpt; p=${key}`, "s=tlsrpt does not include email"],
    [`v=DKIM1; s=foo:bar; p=${key}`, "does not include email or *"],
  ])("%s cannot verify email signatures", (text, why) => {
    const { record, errors } = parseDkimKey(text);
    expect(errors).toEqual([]);
    expect(record && dkimKeyUnusable(record).join(" | ")).toContain(why);
  });
  it.each([`v=DKIM1; p=${key}`, `v=DKIM1; h=sha256; p=${key}`, `v=DKIM1; h=sha1:sha256; p=${key}`, `v=DKIM1; h=SHA256; p=${key}`, `v=DKIM1; s=email; p=${key}`, `v=DKIM1; s=*; p=${key}`, `v=DKIM1; s=foo:email; p=${key}`])("%s can", (text) => {
    const { record } = parseDkimKey(text);
    expect(record && dkimKeyUnusable(record)).toEqual([]);
  });
  it("fails an ed25519 key published as a SubjectPublicKeyInfo (RFC 8463 §4.2: 32 raw bytes)", () => {
    const { record } = parseDkimKey(`v=DKIM1; k=ed25519; p=${ed().toString("base64")}`);
    expect(record && dkimKeyUnusable(record).join(" ")).toContain("this one is 44 bytes");
    const raw = parseDkimKey(`v=DKIM1; k=ed25519; p=${ed().subarray(-32).toString("base64")}`).record;
    expect(raw && dkimKeyUnusable(raw)).toEqual([]);
  });
  it("reads no RSA strength from a key of an unknown k=", () => {
    const { record } = parseDkimKey(`v=DKIM1; k=dsa; p=${key}`);
    expect(record && dkimKeyStrength(record)).toMatchObject({ kind: "unreadable", reason: expect.stringContaining("k=dsa") });
  });
});
