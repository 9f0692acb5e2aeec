/**
 * The init lab's web side: one HTTPS server for a domain's apex and www (lab certificate per SNI name) that serves
 * the page on both hosts with good security headers but no HSTS, and a plain-HTTP server that serves the page too
 * (no redirect to HTTPS). The live audit then fails the redirect, HSTS and HTTPS-only checks the stack fixes.
 */
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { GOOD_HEADERS } from "../../audit/lab/web/sites";
import type { LabCert } from "../../audit/lab/pki";

export interface LabSite {
  readonly httpsPort: number;
  readonly httpPort: number;
  close(): Promise<void>;
}

const PAGE = "<!doctype html><html><head><title>Init lab</title></head><body>hello</body></html>";

export async function startLabSite(cert: LabCert): Promise<LabSite> {
  const { "strict-transport-security": _hsts, ...headers } = GOOD_HEADERS;
  const handler = (_req: http.IncomingMessage, res: http.ServerResponse) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", ...headers });
    res.end(PAGE);
  };
  const secure = https.createServer({ key: cert.keyPem, cert: cert.chainPem }, handler);
  const plain = http.createServer(handler);
  secure.on("tlsClientError", () => undefined);
  const listen = (s: http.Server | https.Server) => new Promise<number>((resolve) => s.listen(0, "127.0.0.1", () => resolve((s.address() as AddressInfo).port)));
  const [httpsPort, httpPort] = await Promise.all([listen(secure), listen(plain)]);
  const close = (s: http.Server | https.Server) =>
    new Promise<void>((resolve) => {
      s.closeAllConnections();
      s.close(() => resolve());
    });
  return { httpsPort, httpPort, close: async () => void (await Promise.all([close(secure), close(plain)])) };
}
