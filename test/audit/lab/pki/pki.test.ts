import { X509Certificate } from "node:crypto";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import tls from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLabPki, labPkiAvailable, type LabCert, type LabPki } from "./index";

const HOSTS = ["acme.test", "www.acme.test"];
const DAY = 86_400_000;
let pki: LabPki;


/** Serve `cert` on loopback and report what a client trusting only the lab root sees. */
async function handshake(cert: LabCert, servername: string): Promise<{ authorized: boolean; error: string | undefined }> {
  const server = tls.createServer({ cert: cert.chainPem, key: cert.keyPem });
  server.on("tlsClientError", () => undefined);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  try {
    const socket = tls.connect({ host: "127.0.0.1", port, servername, ca: pki.rootPem, rejectUnauthorized: false });
    await once(socket, "secureConnect");
    // At runtime Node hands the reason over as a string code (e.g. CERT_HAS_EXPIRED), despite the typing.
    const reason: unknown = socket.authorizationError;
    const result = { authorized: socket.authorized, error: reason === null || reason === undefined ? undefined : String(reason) };
    socket.destroy();
    return result;
  } finally {
    server.close();
  }
}

describe.runIf(labPkiAvailable())("lab PKI", () => {
  beforeAll(async () => {
    pki = await createLabPki({ hosts: HOSTS });
  });
  afterAll(async () => {
    await pki.cleanup();
  });
  it("issues a valid leaf for every requested host, chained through the intermediate to the root", async () => {
    const leaf = new X509Certificate(pki.valid.certPem);
    const intermediate = new X509Certificate(pki.intermediatePem);
    const root = new X509Certificate(pki.rootPem);
    for (const h of HOSTS) expect(leaf.checkHost(h)).toBe(h);
    expect(leaf.verify(intermediate.publicKey)).toBe(true);
    expect(intermediate.verify(root.publicKey)).toBe(true);
    expect(leaf.publicKey.asymmetricKeyDetails?.namedCurve).toBe("prime256v1");
    expect(pki.valid.chainPem).toBe(pki.valid.certPem + pki.intermediatePem);
    expect(await handshake(pki.valid, "www.acme.test")).toEqual({ authorized: true, error: undefined });
  });

  it("backdates and postdates leaves so the validity window is what each name says", () => {
    const now = Date.now();
    const to = (c: LabCert) => new Date(new X509Certificate(c.certPem).validTo).getTime();
    const from = (c: LabCert) => new Date(new X509Certificate(c.certPem).validFrom).getTime();
    expect(to(pki.expired)).toBeLessThan(now - 9 * DAY);
    expect(Math.round((to(pki.expiring) - now) / DAY)).toBe(5);
    expect(from(pki.notYetValid)).toBeGreaterThan(now + 9 * DAY);
    expect(to(pki.valid)).toBeGreaterThan(now + 80 * DAY);
  });

  it("makes leaves a TLS client rejects for the reason their name says", async () => {
    expect((await handshake(pki.expired, "acme.test")).error).toBe("CERT_HAS_EXPIRED");
    expect((await handshake(pki.notYetValid, "acme.test")).error).toBe("CERT_NOT_YET_VALID");
    expect((await handshake(pki.selfSigned, "acme.test")).error).toBe("DEPTH_ZERO_SELF_SIGNED_CERT");
    expect((await handshake(pki.wrongHost, "acme.test")).error).toBe("ERR_TLS_CERT_ALTNAME_INVALID");
  });

  it("issues an RSA 1024-bit leaf when openssl allows it", () => {
    // Debian's openssl 3.0 makes them; should a hardened build refuse, the lab reports `undefined` instead.
    if (pki.rsa1024 === undefined) {
      expect(pki.rsa1024).toBeUndefined();
      return;
    }
    const key = new X509Certificate(pki.rsa1024.certPem).publicKey;
    expect(key.asymmetricKeyDetails?.modulusLength).toBe(1024);
  });
});
