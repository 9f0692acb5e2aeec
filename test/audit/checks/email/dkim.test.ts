import { generateKeyPairSync } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { COMMON_DKIM_SELECTORS, DKIM_CHECKS } from "../../../../audit/checks/email/dkim";
import { context, expectedState, fakeDns, get, runModule, statusOf, target, type Zone } from "./fakes";

const D = "acme.example";
const keys: Record<number, string> = {};
beforeAll(() => {
  for (const bits of [512, 1024, 2048]) {
    keys[bits] = generateKeyPairSync("rsa", { modulusLength: bits }).publicKey.export({ format: "der", type: "spki" }).toString("base64");
  }
});
const rsa = (bits: number, extra = "") => `v=DKIM1; k=rsa;${extra} p=${keys[bits] ?? ""}`;
const sel = (s: string) => `${s}._domainkey.${D}`;

async function dkim(zone: Zone, selectors?: string[]) {
  return runModule(DKIM_CHECKS, target(D), context({ dns: fakeDns(zone), ...(selectors ? { expected: expectedState({ dkimSelectors: selectors }) } : {}) }));
}

describe("DKIM with configured selectors (--stack)", () => {
  it("passes when every selector is published with a 2048-bit key, following CNAMEs", async () => {
    const r = await dkim({ [sel("ses1")]: { CNAME: ["ses1.dkim.amazonses.example"] }, "ses1.dkim.amazonses.example": { TXT: [rsa(2048)] }, [sel("google")]: { TXT: [rsa(2048)] } }, ["ses1", "google"]);
    for (const id of DKIM_CHECKS.ids) expect([id, statusOf(r, id)]).toEqual([id, "pass"]);
    expect(JSON.stringify(get(r, "dkim.selector").evidence)).toContain("ses1.dkim.amazonses.example");
  });
  it("fails when a configured selector is absent", async () => {
    const r = await dkim({ [sel("google")]: { TXT: [rsa(2048)] } }, ["google", "s2"]);
    expect(get(r, "dkim.selector")).toMatchObject({ status: "fail", summary: expect.stringContaining(sel("s2")) });
  });
  it("is an error when a selector lookup fails", async () => {
    const r = await dkim({ [sel("google")]: "slow" }, ["google"]);
    expect(statusOf(r, "dkim.selector")).toBe("error");
  });
  it("is an error, not a missing selector, when the CNAME lookup at the selector fails", async () => {
    const r = await dkim({ [sel("google")]: { CNAME: "error" } }, ["google"]);
    expect(get(r, "dkim.selector")).toMatchObject({ status: "error", summary: expect.stringContaining("SERVFAIL") });
    for (const id of ["dkim.syntax", "dkim.key_strength", "dkim.revoked"] as const) expect(statusOf(r, id)).toBe("error");
  });
  it("passes no key check while a configured selector could not be looked up", async () => {
    const r = await dkim({ [sel("google")]: { TXT: [rsa(2048)] }, [sel("s2")]: "slow" }, ["google", "s2"]);
    expect(statusOf(r, "dkim.selector")).toBe("error");
    for (const id of ["dkim.syntax", "dkim.key_strength", "dkim.revoked"] as const) {
      expect(get(r, id)).toMatchObject({ status: "error", summary: expect.stringContaining(sel("s2")) });
    }
  });
  it("fails a configured selector that is revoked", async () => {
    const r = await dkim({ [sel("google")]: { TXT: ["v=DKIM1; p="] } }, ["google"]);
    expect(get(r, "dkim.revoked")).toMatchObject({ status: "fail", summary: expect.stringContaining("revoked") });
    expect(statusOf(r, "dkim.key_strength")).toBe("skip");
  });
});

describe("DKIM discovery without a stack", () => {
  it("reports info, never fail, when no common selector exists", async () => {
    const dns = fakeDns({});
    const r = await runModule(DKIM_CHECKS, target(D), context({ dns }));
    expect(get(r, "dkim.selector")).toMatchObject({ status: "info", summary: expect.stringContaining("--stack") });
    for (const id of ["dkim.syntax", "dkim.key_strength", "dkim.revoked"] as const) expect(statusOf(r, id)).toBe("skip");
    for (const s of COMMON_DKIM_SELECTORS) expect(dns.queries).toContain(`TXT ${sel(s)}`);
  });
  it("passes with the selectors it found", async () => {
    const r = await dkim({ [sel("selector1")]: { TXT: [rsa(2048)] } });
    expect(get(r, "dkim.selector")).toMatchObject({ status: "pass", summary: expect.stringContaining("selector1") });
  });
  it("is an error when nothing was found and a lookup failed", async () => {
    expect(statusOf(await dkim({ [sel("google")]: "error" }), "dkim.selector")).toBe("error");
  });
  it("only warns about a revoked selector it merely discovered", async () => {
    const r = await dkim({ [sel("s1")]: { TXT: ["v=DKIM1; p="] }, [sel("s2")]: { TXT: [rsa(2048)] } });
    expect(get(r, "dkim.revoked")).toMatchObject({ status: "warn", summary: expect.stringContaining(sel("s1")) });
  });
});

describe("dkim.syntax", () => {
  it("fails with several TXT records at a selector", async () => {
    const r = await dkim({ [sel("google")]: { TXT: [rsa(2048), rsa(1024)] } }, ["google"]);
    expect(get(r, "dkim.syntax")).toMatchObject({ status: "fail", summary: expect.stringContaining("2 TXT records") });
  });
  it("fails an invalid record", async () => {
    const r = await dkim({ [sel("google")]: { TXT: ["v=DKIM1; k=rsa; p=***"] } }, ["google"]);
    expect(get(r, "dkim.syntax")).toMatchObject({ status: "fail", summary: expect.stringContaining("base64") });
  });
  it("warns on t=y", async () => {
    const r = await dkim({ [sel("google")]: { TXT: [rsa(2048, " t=y;")] } }, ["google"]);
    expect(statusOf(r, "dkim.syntax")).toBe("warn");
  });
});

describe("dkim.key_strength (RFC 8301)", () => {
  it.each([
    [2048, "pass"],
    [1024, "warn"],
    [512, "fail"],
  ])("RSA %i → %s", async (bits, status) => {
    const r = await dkim({ [sel("google")]: { TXT: [rsa(bits)] } }, ["google"]);
    expect(get(r, "dkim.key_strength")).toMatchObject({ status, evidence: { keys: [{ selector: "google", key: `RSA ${bits}` }] } });
  });
  it("passes ed25519", async () => {
    const raw = generateKeyPairSync("ed25519").publicKey.export({ format: "der", type: "spki" }).subarray(-32).toString("base64");
    const r = await dkim({ [sel("ed")]: { TXT: [`v=DKIM1; k=ed25519; p=${raw}`] } }, ["ed"]);
    expect(statusOf(r, "dkim.key_strength")).toBe("pass");
  });
});

describe("dkim.syntax judges the tags that change what a verifier does", () => {
  it.each([
    [" h=sha1;", "h=sha1 excludes sha256"],
    [" s=tlsrpt;", "s=tlsrpt does not include email"],
  ])("fails a configured key with%s", async (extra, why) => {
    const r = await dkim({ [sel("google")]: { TXT: [rsa(2048, extra)] } }, ["google"]);
    expect(get(r, "dkim.syntax")).toMatchObject({ status: "fail", summary: expect.stringContaining(why) });
  });
  it("fails a discovered key restricted to sha1 too: nothing can verify with it", async () => {
    const r = await dkim({ [sel("google")]: { TXT: [rsa(2048, " h=sha1;")] } });
    expect(statusOf(r, "dkim.syntax")).toBe("fail");
  });
  it("passes h=sha256 and h=sha1:sha256, s=email and s=*", async () => {
    for (const extra of [" h=sha256;", " h=sha1:sha256;", " s=email;", " s=*;"]) {
      expect([extra, statusOf(await dkim({ [sel("google")]: { TXT: [rsa(2048, extra)] } }, ["google"]), "dkim.syntax")]).toEqual([extra, "pass"]);
    }
  });
  it("fails an ed25519 key that is not 32 raw bytes, in syntax and strength", async () => {
    const spki = generateKeyPairSync("ed25519").publicKey.export({ format: "der", type: "spki" }).toString("base64");
    const r = await dkim({ [sel("ed")]: { TXT: [`v=DKIM1; k=ed25519; p=${spki}`] } }, ["ed"]);
    expect(get(r, "dkim.syntax")).toMatchObject({ status: "fail", summary: expect.stringContaining("32-byte") });
    expect(statusOf(r, "dkim.key_strength")).toBe("fail");
  });
  it("fails an unknown k= in syntax and never passes its strength", async () => {
    const r = await dkim({ [sel("google")]: { TXT: [`v=DKIM1; k=dsa; p=${keys[2048] ?? ""}`] } }, ["google"]);
    expect(statusOf(r, "dkim.syntax")).toBe("fail");
    expect(statusOf(r, "dkim.key_strength")).toBe("fail");
  });
  it("reports t=s as a fact on a passing key", async () => {
    const r = await dkim({ [sel("google")]: { TXT: [rsa(2048, " t=s;")] } }, ["google"]);
    expect(get(r, "dkim.syntax")).toMatchObject({ status: "pass", summary: expect.stringContaining("t=s"), evidence: { strictIdentity: [sel("google")] } });
  });
});
