import { createServer, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConnectTo } from "../../../audit/http/connect-to";
import { createStartTlsProbe } from "../../../audit/smtp";
import { createLabPki, type LabCert, type LabPki } from "../lab/pki";
import { labPkiAvailable } from "../lab/pki/available";
import { fakeDns } from "../checks/email/fakes";
import { startSmtpServer } from "../lab/email/servers";

const MX = "mx.lab.test";
let pki: LabPki;
const servers: ((done: () => void) => void)[] = [];


/** The lab's SMTP server (loopback only, no reverse lookups); its port. */
async function smtp(cert: LabCert, opts: { hideSTARTTLS?: boolean } = {}): Promise<number> {
  const server = await startSmtpServer(cert, opts);
  servers.push((cb) => void server.close().then(cb));
  return server.port;
}

async function rawServer(onConnection: (write: (s: string) => void) => void): Promise<number> {
  const server: Server = createServer((socket) => {
    socket.on("error", () => undefined);
    onConnection((s) => socket.write(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  servers.push((cb) => server.close(() => cb()));
  return (server.address() as AddressInfo).port;
}

const noDns = fakeDns({});
function probeVia(port: number, timeoutMs = 5000) {
  return createStartTlsProbe({ connectTo: [parseConnectTo(`:25:127.0.0.1:${port}`)], caPem: pki.rootPem, timeoutMs });
}

describe.runIf(labPkiAvailable())("SMTP STARTTLS probe", () => {
  beforeAll(async () => {
    pki = await createLabPki({ hosts: [MX] });
  }, 60_000);
  afterAll(async () => {
    await Promise.all(servers.map((close) => new Promise<void>((r) => close(r))));
    await pki?.cleanup();
  });

  it("reports a secure MX: STARTTLS offered and a certificate valid for the MX name", async () => {
    const port = await smtp(pki.valid);
    const r = await probeVia(port).probe(MX, noDns);
    expect(r).toMatchObject({ kind: "secure", host: MX, connectedTo: expect.stringContaining(`127.0.0.1:${port}`) });
    expect(r.kind === "secure" && r.certificate?.subjectAltNames).toContain(MX);
    expect(noDns.queries).toEqual([]);
  });

  it("reports a certificate for another name", async () => {
    const port = await smtp(pki.wrongHost);
    expect(await probeVia(port).probe(MX, noDns)).toMatchObject({ kind: "bad-certificate", reason: "ERR_TLS_CERT_ALTNAME_INVALID" });
  });

  it("reports an expired certificate", async () => {
    const port = await smtp(pki.expired);
    expect(await probeVia(port).probe(MX, noDns)).toMatchObject({ kind: "bad-certificate", reason: "CERT_HAS_EXPIRED" });
  });

  it("reports a certificate from an untrusted CA when --ca is not given", async () => {
    const port = await smtp(pki.valid);
    const probe = createStartTlsProbe({ connectTo: [parseConnectTo(`:25:127.0.0.1:${port}`)], timeoutMs: 5000 });
    expect(await probe.probe(MX, noDns)).toMatchObject({ kind: "bad-certificate", reason: expect.stringMatching(/ISSUER|SELF_SIGNED|CERT/) });
  });

  it("reports an MX that does not offer STARTTLS", async () => {
    const port = await smtp(pki.valid, { hideSTARTTLS: true });
    const r = await probeVia(port).probe(MX, noDns);
    expect(r.kind).toBe("no-starttls");
  });

  it("finds the MX address through the injected DNS client, never the system resolver", async () => {
    const port = await smtp(pki.valid);
    const dns = fakeDns({ [MX]: { A: ["127.0.0.1"] } });
    const r = await createStartTlsProbe({ connectTo: [], caPem: pki.rootPem, timeoutMs: 5000, port }).probe(MX, dns);
    expect(r.kind).toBe("secure");
    expect(dns.queries).toEqual([`A ${MX}`]);
  });

  it("is an error naming the host when the MX has no address", async () => {
    const r = await createStartTlsProbe({ connectTo: [], timeoutMs: 1000 }).probe("gone.lab.test", fakeDns({}));
    expect(r).toMatchObject({ kind: "error", reason: expect.stringContaining("gone.lab.test has no A or AAAA record") });
  });

  it("gives up within its time bound on a server that never greets", async () => {
    const port = await rawServer(() => undefined);
    const started = Date.now();
    const r = await probeVia(port, 300).probe(MX, noDns);
    expect(r).toMatchObject({ kind: "error", reason: expect.stringContaining("within 300 ms") });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("is an error on a server that does not speak SMTP", async () => {
    const port = await rawServer((write) => write("HTTP/1.1 400 Bad Request\r\n\r\n"));
    expect(await probeVia(port).probe(MX, noDns)).toMatchObject({ kind: "error", reason: expect.stringContaining("not an SMTP reply") });
  });

  it("is an error on a server that refuses the greeting", async () => {
    const port = await rawServer((write) => write("554 go away\r\n"));
    expect(await probeVia(port).probe(MX, noDns)).toMatchObject({ kind: "error", reason: expect.stringContaining("554") });
  });
});
