/**
 * The certificate check's Lambda code against the auditor's loopback PKI: a real TLS handshake with SNI, the
 * served certificate's expiry read, the metrics published through a mocked CloudWatch client.
 */
import { CloudWatchClient, PutMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { mockClient } from "aws-sdk-client-mock";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import tls from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alarms } from "../../../core/monitoring/cert-check";
import { checkAndPublish, readServedCertificate } from "../../../components/monitoring/cert-check-lambda";
import { certCheckCode } from "../../../components/monitoring/monitoring";
import { createLabPki, labPkiAvailable, type LabCert, type LabPki, PKI_APT } from "../../audit/lab/pki";

const DAY = 86_400_000;
const HOST = "acme.test";
let pki: LabPki;
const servers: tls.Server[] = [];

async function serve(cert: LabCert): Promise<number> {
  const server = tls.createServer({ cert: cert.chainPem, key: cert.keyPem });
  server.on("tlsClientError", () => undefined);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  servers.push(server);
  return (server.address() as AddressInfo).port;
}

/** A loopback port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = tls.createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, "close");
  return port;
}

if (!labPkiAvailable()) console.warn(`cert-check lab tests skipped: openssl is missing (${PKI_APT})`);

describe.runIf(labPkiAvailable())("the scheduled certificate check, on loopback", () => {
  beforeAll(async () => {
    pki = await createLabPki({ hosts: [HOST] });
  });
  afterAll(async () => {
    for (const s of servers) s.close();
    await pki.cleanup();
  });

  const leaf = (days: number) => pki.issue({ sans: [HOST], notBefore: new Date(Date.now() - DAY), notAfter: new Date(Date.now() + days * DAY + 3_600_000) });

  it("a certificate with 10 days left alarms at 14; one with 40 does not", async () => {
    const now = new Date();
    for (const [days, alarmed] of [[10, true], [40, false]] as const) {
      const port = await serve(await leaf(days));
      const reading = await readServedCertificate(HOST, { port, connectTo: "127.0.0.1", ca: pki.rootPem });
      expect(reading).toMatchObject({ kind: "read", host: HOST, authorized: true });
      expect(alarms(reading, now, 14)).toBe(alarmed);
    }
  });

  it("publishes DaysLeft and CheckError 0 per host, and for an unreachable host CheckError 1 with no days left: never fine", async () => {
    const cw = mockClient(CloudWatchClient);
    cw.on(PutMetricDataCommand).resolves({});
    const now = new Date();
    const good = await serve(await leaf(40));
    const summary = await checkAndPublish([HOST], "LaunchReady/Certificates", now, new CloudWatchClient({ region: "us-east-1" }), { port: good, connectTo: "127.0.0.1", ca: pki.rootPem });
    expect(summary.hosts).toEqual([{ host: HOST, daysLeft: 40 }]);
    const down = await closedPort();
    const failed = await checkAndPublish([HOST], "LaunchReady/Certificates", now, new CloudWatchClient({ region: "us-east-1" }), { port: down, connectTo: "127.0.0.1", ca: pki.rootPem, timeoutMs: 2000 });
    expect(failed.hosts[0]?.daysLeft).toBeUndefined();
    expect(failed.hosts[0]?.error).toMatch(/ECONNREFUSED/);
    const sent = cw.commandCalls(PutMetricDataCommand).map((c) => c.args[0].input);
    expect(sent[0]?.Namespace).toBe("LaunchReady/Certificates");
    expect(sent[0]?.MetricData?.map((d) => [d.MetricName, d.Value, d.Dimensions?.[0]?.Value])).toEqual([["DaysLeft", 40, HOST], ["CheckError", 0, HOST]]);
    expect(sent[1]?.MetricData?.map((d) => [d.MetricName, d.Value])).toEqual([["CheckError", 1]]);
    expect(alarms({ kind: "error", host: HOST, error: "ECONNREFUSED" }, now, 14)).toBe(true);
    cw.restore();
  });

  it("a certificate the trust store does not verify (self-signed) is read but reported as an error", async () => {
    const port = await serve(await pki.issue({ sans: [HOST], notBefore: new Date(Date.now() - DAY), notAfter: new Date(Date.now() + 60 * DAY), selfSigned: true }));
    const reading = await readServedCertificate(HOST, { port, connectTo: "127.0.0.1", ca: pki.rootPem });
    expect(reading).toMatchObject({ kind: "read", authorized: false });
    expect(alarms(reading, new Date(), 14)).toBe(true);
  });
});

describe("the certificate check's bundle", () => {
  it("is one CommonJS file exporting the handler, with the AWS SDK left to the Lambda runtime", () => {
    const code = certCheckCode();
    expect(code).toMatch(/handler/);
    expect(code).toMatch(/require\("@aws-sdk\/client-cloudwatch"\)/);
    expect(code).not.toMatch(/require\("\.\.?\//);
  });
});
