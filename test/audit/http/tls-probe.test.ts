import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTlsProbe } from "../../../audit/http/tls-probe";
import type { TlsProbe } from "../../../audit/types";
import { labPkiAvailable } from "../lab/pki";
import { startWebLab, type WebLab } from "../lab/web/server";

let lab: WebLab;
let probe: TlsProbe;

describe.runIf(labPkiAvailable())("TLS probe", () => {
  beforeAll(async () => {
    lab = await startWebLab();
    probe = createTlsProbe({ connectTo: lab.connectTo, caPem: lab.rootPem, timeoutMs: 2000, dns: lab.dns });
  });
  afterAll(async () => {
    await lab.close();
  });
  it("reports the negotiated protocol and the chain leaf first, with key and signature", async () => {
    const r = await probe.handshake("good.test", 443);
    expect(r).toMatchObject({ kind: "connected", protocol: "TLSv1.3", authorized: true });
    if (r.kind !== "connected") return;
    expect(r.authorizationError).toBeUndefined();
    const [leaf, intermediate] = r.chain;
    expect(leaf).toMatchObject({ keyType: "EC", keyBits: 256, signatureAlgorithm: "ecdsa-with-SHA256" });
    expect(leaf?.subjectAltNames).toContain("www.good.test");
    expect(leaf?.issuer).toMatch(/launch-ready lab intermediate/);
    expect(intermediate?.subject).toMatch(/launch-ready lab intermediate/);
    expect(r.chain.at(-1)?.subject).toMatch(/launch-ready lab root/);
  });

  it.each([
    ["expired.test", "CERT_HAS_EXPIRED"],
    ["notyet.test", "CERT_NOT_YET_VALID"],
    ["selfsigned.test", "DEPTH_ZERO_SELF_SIGNED_CERT"],
    ["wronghost.test", "ERR_TLS_CERT_ALTNAME_INVALID"],
    ["incomplete.test", "UNABLE_TO_VERIFY_LEAF_SIGNATURE"],
  ])("says why %s does not verify (%s)", async (host, code) => {
    expect(await probe.handshake(host, 443)).toMatchObject({ kind: "connected", authorized: false, authorizationError: code });
  });

  it("tells which protocol versions a server offers", async () => {
    const pinned = (host: string, v: string) => probe.handshake(host, 443, { minVersion: v, maxVersion: v });
    expect((await pinned("good.test", "TLSv1")).kind).toBe("refused");
    expect((await pinned("good.test", "TLSv1.1")).kind).toBe("refused");
    expect(await pinned("good.test", "TLSv1.2")).toMatchObject({ kind: "connected", protocol: "TLSv1.2" });
    expect(await pinned("oldtls.test", "TLSv1")).toMatchObject({ kind: "connected", protocol: "TLSv1" });
  });

  it("answers the same host, port and options with the one handshake of the run", async () => {
    const fresh = createTlsProbe({ connectTo: lab.connectTo, caPem: lab.rootPem, timeoutMs: 2000, dns: lab.dns });
    const [a, b] = await Promise.all([fresh.handshake("www.good.test", 443), fresh.handshake("www.good.test", 443)]);
    expect(a).toBe(b);
    expect(await fresh.handshake("www.good.test", 443)).toBe(a);
    expect(await fresh.handshake("www.good.test", 443, { maxVersion: "TLSv1.2" })).not.toBe(a);
  });

  it("leaves the chain unread when asked only whether a version is offered", async () => {
    const r = await probe.handshake("good.test", 443, { minVersion: "TLSv1.2", maxVersion: "TLSv1.2", certificates: false });
    expect(r).toMatchObject({ kind: "connected", protocol: "TLSv1.2", chain: [] });
    const full = await probe.handshake("good.test", 443, { minVersion: "TLSv1.2", maxVersion: "TLSv1.2" });
    expect(full.kind === "connected" && full.chain.length).toBeGreaterThan(1);
  });

  it("reports an RSA 1024-bit key as such rather than failing the handshake", async () => {
    const r = await probe.handshake("rsa1024.test", 443);
    expect(r.kind === "connected" && r.chain[0]).toMatchObject({ keyType: "RSA", keyBits: 1024, signatureAlgorithm: "ecdsa-with-SHA256" });
  });

  it("is an error, never a pass, when nothing answers in time or the name does not resolve", async () => {
    const quick = createTlsProbe({ connectTo: lab.connectTo, caPem: lab.rootPem, timeoutMs: 300, dns: lab.dns });
    expect(await quick.handshake("nohttps.test", 443)).toMatchObject({ kind: "refused", reason: expect.stringMatching(/ECONNREFUSED/) });
    expect(await quick.handshake("slow.test", 443)).toMatchObject({ kind: "error", reason: expect.stringMatching(/no TLS handshake within 300 ms/) });
    expect(await quick.handshake("unknown.invalid", 8443)).toMatchObject({ kind: "error", reason: expect.stringMatching(/unknown\.invalid has no A or AAAA/) });
    expect(await quick.handshake("good.test", 443, { minVersion: "SSLv3" })).toMatchObject({ kind: "error", reason: expect.stringMatching(/minVersion "SSLv3"/) });
  });
});
