/**
 * The scheduled certificate check, shipped as a Lambda function by `Monitoring`: for each host in `HOSTS`, it opens
 * a TLS connection (SNI = the host) the way a browser would reach the site, so it reads the certificate the edge
 * (Cloudflare) serves, not the origin's; then publishes `DaysLeft` and `CheckError` per host to CloudWatch. A host
 * that cannot be reached or read publishes `CheckError` 1 and no days left: never "fine".
 *
 * Self-contained apart from Node's `tls` and the AWS SDK v3 CloudWatch client the Node.js Lambda runtimes include;
 * `Monitoring` bundles it with `core/monitoring/cert-check.ts` into one file.
 */
import { CloudWatchClient, PutMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import * as tls from "node:tls";
import { type CertMetric, type CertReading, metricsFor } from "../../core/monitoring/cert-check";
import { CERT_METRIC_NAMESPACE } from "../../core/monitoring/plan";

export interface ReadOptions {
  readonly port?: number;
  /** Where to connect, when not the host itself (tests: 127.0.0.1). SNI is always the host. */
  readonly connectTo?: string;
  /** Trust anchors instead of Node's bundled roots (tests: the lab CA). */
  readonly ca?: string | Buffer | (string | Buffer)[];
  readonly timeoutMs?: number;
}

/** Reads the certificate `host` serves. Never throws: a failure is an `error` reading. */
export function readServedCertificate(host: string, opts: ReadOptions = {}): Promise<CertReading> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: CertReading): void => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(r);
    };
    const socket = tls.connect({
      host: opts.connectTo ?? host,
      port: opts.port ?? 443,
      servername: host,
      // Read the certificate even when the chain does not verify; `authorized` says whether it did.
      rejectUnauthorized: false,
      ...(opts.ca !== undefined ? { ca: opts.ca } : {}),
    });
    socket.setTimeout(opts.timeoutMs ?? 10_000, () => done({ kind: "error", host, error: `no TLS handshake within ${opts.timeoutMs ?? 10_000} ms` }));
    socket.once("error", (err: Error) => done({ kind: "error", host, error: err.message }));
    socket.once("secureConnect", () => {
      const cert = socket.getPeerCertificate();
      if (cert === undefined || cert === null || typeof cert.valid_to !== "string" || cert.valid_to === "") {
        done({ kind: "error", host, error: "the server presented no certificate" });
        return;
      }
      const validTo = new Date(cert.valid_to);
      if (Number.isNaN(validTo.getTime())) {
        done({ kind: "error", host, error: `unreadable expiry date '${cert.valid_to}'` });
        return;
      }
      const authError = socket.authorizationError;
      done({ kind: "read", host, validTo, authorized: socket.authorized, ...(authError ? { authorizationError: String(authError) } : {}) });
    });
  });
}

export interface HostResult {
  readonly reading: CertReading;
  readonly metrics: readonly CertMetric[];
}

/** Reads every host and returns what to publish for each. */
export async function checkHosts(hosts: readonly string[], now: Date, opts: ReadOptions = {}): Promise<HostResult[]> {
  return Promise.all(
    hosts.map(async (host) => {
      const reading = await readServedCertificate(host, opts);
      return { reading, metrics: metricsFor(reading, now) };
    }),
  );
}

export interface CheckSummary {
  readonly hosts: readonly { readonly host: string; readonly daysLeft?: number; readonly error?: string }[];
}

/** Checks the hosts and publishes one datum per metric and host (dimension `Host`) in one PutMetricData call. */
export async function checkAndPublish(hosts: readonly string[], namespace: string, now: Date, client: Pick<CloudWatchClient, "send">, opts: ReadOptions = {}): Promise<CheckSummary> {
  const results = await checkHosts(hosts, now, opts);
  const data = results.flatMap((r) => r.metrics.map((m) => ({ MetricName: m.name, Dimensions: [{ Name: "Host", Value: r.reading.host }], Value: m.value, Unit: "Count" as const, Timestamp: now })));
  if (data.length > 0) await client.send(new PutMetricDataCommand({ Namespace: namespace, MetricData: data }));
  return {
    hosts: results.map((r) => {
      const days = r.metrics.find((m) => m.name === "DaysLeft")?.value;
      const error = r.reading.kind === "error" ? r.reading.error : r.reading.authorized ? undefined : `untrusted: ${r.reading.authorizationError ?? "chain does not verify"}`;
      return { host: r.reading.host, ...(days !== undefined ? { daysLeft: days } : {}), ...(error !== undefined ? { error } : {}) };
    }),
  };
}

/** The Lambda entry point: the hosts come from `HOSTS` (comma-separated), the namespace from `NAMESPACE`. */
export async function handler(): Promise<CheckSummary> {
  const hosts = (process.env["HOSTS"] ?? "").split(",").map((h) => h.trim()).filter((h) => h !== "");
  return checkAndPublish(hosts, process.env["NAMESPACE"] ?? CERT_METRIC_NAMESPACE, new Date(), new CloudWatchClient({}));
}
