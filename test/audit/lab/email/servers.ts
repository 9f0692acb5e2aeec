/**
 * The email lab's loopback servers: an HTTPS server for the MTA-STS policy hosts (one certificate context per SNI
 * name) and SMTP servers with STARTTLS. Each test file starts and stops its own.
 */
import { createServer as createHttpsServer, type Server as HttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { createSecureContext } from "node:tls";
import { SMTPServer } from "smtp-server";
import type { LabCert } from "../pki";

export interface PolicyRoute {
  readonly status: number;
  readonly contentType?: string;
  readonly body?: string;
  readonly location?: string;
  readonly cert: LabCert;
}

export interface Running {
  readonly port: number;
  close(): Promise<void>;
}

/** Answers `/.well-known/mta-sts.txt` per Host, with the certificate chosen per SNI name. */
export async function startPolicyServer(routes: Readonly<Record<string, PolicyRoute>>, fallback: LabCert): Promise<Running> {
  const contexts = new Map(Object.entries(routes).map(([host, r]) => [host, createSecureContext({ key: r.cert.keyPem, cert: r.cert.chainPem })]));
  const server: HttpsServer = createHttpsServer(
    {
      key: fallback.keyPem,
      cert: fallback.chainPem,
      SNICallback: (name, cb) => cb(null, contexts.get(name.toLowerCase()) ?? createSecureContext({ key: fallback.keyPem, cert: fallback.chainPem })),
    },
    (req, res) => {
      const host = (req.headers.host ?? "").replace(/:\d+$/, "").toLowerCase();
      const route = routes[host];
      if (!route || req.url !== "/.well-known/mta-sts.txt") {
        res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
        return;
      }
      res.writeHead(route.status, { ...(route.contentType ? { "content-type": route.contentType } : {}), ...(route.location ? { location: route.location } : {}) });
      res.end(route.body ?? "");
    },
  );
  server.on("tlsClientError", () => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * An SMTP server offering STARTTLS with `cert` (or hiding it, `hideSTARTTLS`); never accepts mail (the probe never
 * sends any).
 */
export async function startSmtpServer(cert: LabCert, opts: { readonly hideSTARTTLS?: boolean } = {}): Promise<Running> {
  const server = new SMTPServer({
    key: cert.keyPem,
    cert: cert.chainPem,
    secure: false,
    // Without this smtp-server asks the system resolver for the client's name: off loopback.
    disableReverseLookup: true,
    authOptional: true,
    hideSTARTTLS: opts.hideSTARTTLS ?? false,
    logger: false,
    onData: (_stream, _session, cb) => cb(new Error("the lab accepts no mail")),
  });
  server.on("error", () => undefined); // a bad TLS hello must not kill the test process
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
