import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { dkimKeyStrength, parseDkimKey } from "../../../core/email/dkim";

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
