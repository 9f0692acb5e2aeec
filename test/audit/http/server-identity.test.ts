/**
 * The certificate's names as browsers read them, through the real TLS probe and HTTP client against lab servers:
 * only subjectAltName entries count (DNS names for names, IP addresses for IP literals), never the subject CN, and a
 * wildcard stands for one whole leftmost label. Node's own check falls back to the CN and accepts `w*.` wildcards.
 */
import { once } from "node:events";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpClient } from "../../../audit/http/client";
import { parseConnectTo } from "../../../audit/http/connect-to";
import { createTlsProbe } from "../../../audit/http/tls-probe";
import type { TlsProbe } from "../../../audit/types";
import { labPkiAvailable, type LabCert } from "../lab/pki";
import { startWebLab, type WebLab } from "../lab/web/server";

const DAY = 86_400_000;
let lab: WebLab;
let probe: TlsProbe;
let client: ReturnType<typeof createHttpClient>;
const servers: https.Server[] = [];

/** An HTTPS server on 127.0.0.1 serving `cert`, for hosts that are IP literals (no SNI to pick a certificate by). */
async function serve(cert: LabCert): Promise<number> {
  const server = https.createServer({ cert: cert.chainPem, key: cert.keyPem }, (_req, res) => res.end("ok"));
  server.on("tlsClientError", () => undefined);
  servers.push(server);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return (server.address() as AddressInfo).port;
}

describe.runIf(labPkiAvailable())("certificate names, as browsers match them", () => {
  beforeAll(async () => {
    lab = await startWebLab();
    probe = createTlsProbe({ connectTo: lab.connectTo, caPem: lab.rootPem, timeoutMs: 4000, dns: lab.dns });
    client = createHttpClient({ connectTo: lab.connectTo, caPem: lab.rootPem, timeoutMs: 4000, dns: lab.dns });
  });
  afterAll(async () => {
    await client?.close();
    for (const s of servers) s.close();
    await lab?.close();
  });

  it.each([
    ["cnonly.test", "ERR_TLS_CERT_NO_SUBJECT_ALT_NAME", /no subjectAltName DNS name for cnonly\.test \(its subject CN is cnonly\.test, which browsers ignore\)/],
    ["sanemail.test", "ERR_TLS_CERT_NO_SUBJECT_ALT_NAME", /no subjectAltName DNS name for sanemail\.test/],
    ["sanmiss.test", "ERR_TLS_CERT_ALTNAME_INVALID", /sanmiss\.test is not in the cert's altnames: other\.lab\.invalid/],
    ["www.partialwild.test", "ERR_TLS_CERT_ALTNAME_INVALID", /www\.partialwild\.test is not in the cert's altnames: partialwild\.test, w\*\.partialwild\.test/],
    ["a.b.wildcard.test", "ERR_TLS_CERT_ALTNAME_INVALID", /a\.b\.wildcard\.test is not in the cert's altnames/],
  ])("%s: the probe reports %s and the client refuses the connection", async (host, code, message) => {
    expect(await probe.handshake(host, 443)).toMatchObject({ kind: "connected", authorized: false, authorizationError: code });
    const r = await client.request({ url: `https://${host}/` });
    expect(r).toMatchObject({ kind: "error", reason: expect.stringMatching(message) });
  });

  it("accepts a one-label wildcard and an exact SAN name", async () => {
    for (const host of ["wildcard.test", "www.wildcard.test", "partialwild.test", "good.test"]) {
      expect(await probe.handshake(host, 443), host).toMatchObject({ kind: "connected", authorized: true });
      expect(await client.request({ url: `https://${host}/` }), host).toMatchObject({ kind: "response" });
    }
  });

  it("matches an IP literal only against IP address SANs, never a DNS SAN or the CN", async () => {
    const current = { notBefore: new Date(Date.now() - DAY), notAfter: new Date(Date.now() + 30 * DAY) };
    const ipSan = await serve(await lab.pki.issue({ sans: [], cn: "ip lab", subjectAltName: "IP:127.0.0.1", ...current }));
    const cnOnly = await serve(await lab.pki.issue({ sans: [], cn: "127.0.0.1", subjectAltName: null, ...current }));
    const dnsSan = await serve(await lab.pki.issue({ sans: ["127.0.0.1"], ...current }));
    const direct = createTlsProbe({ connectTo: [], caPem: lab.rootPem, timeoutMs: 4000, dns: lab.dns });
    const directClient = createHttpClient({ connectTo: [], caPem: lab.rootPem, timeoutMs: 4000, dns: lab.dns });
    try {
      expect(await direct.handshake("127.0.0.1", ipSan)).toMatchObject({ kind: "connected", authorized: true });
      expect(await direct.handshake("127.0.0.1", cnOnly)).toMatchObject({ authorized: false, authorizationError: "ERR_TLS_CERT_NO_SUBJECT_ALT_NAME" });
      expect(await direct.handshake("127.0.0.1", dnsSan)).toMatchObject({ authorized: false, authorizationError: "ERR_TLS_CERT_NO_SUBJECT_ALT_NAME" });
      expect(await directClient.request({ url: `https://127.0.0.1:${ipSan}/` })).toMatchObject({ kind: "response", status: 200 });
      expect(await directClient.request({ url: `https://127.0.0.1:${cnOnly}/` })).toMatchObject({ kind: "error", reason: expect.stringMatching(/no subjectAltName IP address for 127\.0\.0\.1/) });
    } finally {
      await directClient.close();
    }
    // The name checked is the URL's, not the address --connect-to dials: a certificate for 127.0.0.1 does not name 192.0.2.10.
    const rerouted = createHttpClient({ connectTo: [parseConnectTo(`192.0.2.10:443:127.0.0.1:${ipSan}`)], caPem: lab.rootPem, timeoutMs: 4000, dns: lab.dns });
    try {
      expect(await rerouted.request({ url: "https://192.0.2.10/" })).toMatchObject({ kind: "error", reason: expect.stringMatching(/192\.0\.2\.10 is not in the cert's altnames: 127\.0\.0\.1/) });
    } finally {
      await rerouted.close();
    }
  });
});
