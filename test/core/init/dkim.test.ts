import { describe, expect, it } from "vitest";
import { dkimFindings } from "../../../core/init";
import { RSA1024, RSA2048 } from "./fixtures";

describe("DKIM selectors found live, as the stack's entries", () => {
  it("a CNAME becomes a target, a 2048-bit TXT key its public key, with where each was seen", () => {
    const f = dkimFindings("acme.example", [
      { selector: "s1", kind: "cname", target: "s1.domainkey.u1.wl.sendgrid.net." },
      { selector: "google", kind: "txt", records: [`v=DKIM1; k=rsa; p=${RSA2048}`] },
      { selector: "k1", kind: "none" },
    ]);
    expect(f.entries).toEqual([
      { selector: "s1", target: "s1.domainkey.u1.wl.sendgrid.net", seen: "seen: s1._domainkey.acme.example CNAME s1.domainkey.u1.wl.sendgrid.net." },
      { selector: "google", publicKey: RSA2048, seen: "seen: google._domainkey.acme.example TXT key (RSA 2048)" },
    ]);
    expect(f.notes).toEqual([]);
  });

  it("leaves out a key the stack would refuse, and says which check the new key fixes", () => {
    const f = dkimFindings("acme.example", [
      { selector: "old", kind: "txt", records: [`v=DKIM1; k=rsa; p=${RSA1024}`] },
      { selector: "gone", kind: "txt", records: ["v=DKIM1; k=rsa; p="] },
      { selector: "two", kind: "txt", records: [`v=DKIM1; p=${RSA2048}`, `v=DKIM1; p=${RSA2048}`] },
    ]);
    expect(f.entries).toEqual([]);
    expect(f.notes[0]).toMatch(/old\._domainkey\.acme\.example is a 1024-bit RSA key; not carried over.*fixes dkim\.key_strength/);
    expect(f.notes[1]).toMatch(/gone\._domainkey\.acme\.example is revoked/);
    expect(f.notes[2]).toMatch(/two\._domainkey\.acme\.example has 2 key records.*fixes dkim\.syntax/);
  });
});
