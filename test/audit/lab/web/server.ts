/**
 * The HTTPS/HTTP lab: one `https` server choosing a certificate per SNI name (SNICallback), a second HTTPS server
 * that still offers TLS 1.0/1.1, and one `http` server, all on 127.0.0.1 at port 0. `connectTo` rules point every
 * lab name at them (curl's `--connect-to`), and `dns` answers 127.0.0.1 for every published lab name, so a test
 * drives the real client and checks exactly as a user would, without leaving loopback.
 */
import { once } from "node:events";
import http from "node:http";
import https from "node:https";
import net, { type AddressInfo } from "node:net";
import tls, { type SecureContext } from "node:tls";
import { parseConnectTo, type ConnectToRule } from "../../../../audit/http/connect-to";
import type { DnsClient } from "../../../../audit/types";
import { createLabPki, type LabCert, type LabPki } from "../pki";
import { startLeafOnlyServer, type LeafOnlyServer } from "./leaf-only-server";
import { memoryDns } from "./memory-dns";
import { goodSite, labSites, type CertKind, type RequestContext, type Site } from "./sites";

export interface WebLab {
  readonly pki: LabPki;
  readonly rootPem: string;
  readonly sites: Readonly<Record<string, Site>>;
  readonly httpPort: number;
  readonly httpsPort: number;
  /** Sites with a listener of their own, by apex. */
  readonly ownPorts: Readonly<Record<string, number>>;
  readonly connectTo: readonly ConnectToRule[];
  /** The same rules as `--connect-to` arguments, for running the CLI against the lab. */
  readonly connectToArgs: readonly string[];
  /** A and AAAA for every published lab host (127.0.0.1 / ::1); anything else is NXDOMAIN. */
  readonly dns: DnsClient;
  /** Requests served, per `host path`. */
  readonly hits: ReadonlyMap<string, number>;
  resetCounters(): void;
  close(): Promise<void>;
}

const DAY = 86_400_000;

const EXTRA = ["expiring20", "thirdLeft", "sha1", "cnOnly", "sanEmailOnly", "sanMissCn", "partialWildcard", "wildcard"] as const;
type ExtraCert = (typeof EXTRA)[number];
const isExtra = (k: string): k is ExtraCert => (EXTRA as readonly string[]).includes(k);

/** The site a host belongs to: the longest lab domain it equals or ends with. */
function apexOf(host: string, sites: Readonly<Record<string, Site>>): string | undefined {
  let best: string | undefined;
  for (const apex of Object.keys(sites)) {
    if ((host === apex || host.endsWith(`.${apex}`)) && (best === undefined || apex.length > best.length)) best = apex;
  }
  return best;
}

async function listen(server: http.Server | https.Server): Promise<number> {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return (server.address() as AddressInfo).port;
}

export interface WebLabOptions {
  /** More domains (below `.test`) that behave as the good site, e.g. for a batch benchmark. */
  readonly extraGoodSites?: readonly string[];
}

export async function startWebLab(opts: WebLabOptions = {}): Promise<WebLab> {
  const sites: Readonly<Record<string, Site>> = { ...labSites(), ...Object.fromEntries((opts.extraGoodSites ?? []).map((d) => [d.toLowerCase(), goodSite()])) };
  const hostNames = Object.keys(sites).flatMap((d) => [d, `www.${d}`, `app.${d}`]);
  const pki = await createLabPki({ hosts: hostNames });
  const now = Date.now();
  const current = { notBefore: new Date(now - DAY), notAfter: new Date(now + 89 * DAY) };
  const extra: Record<ExtraCert, LabCert> = {
    sha1: await pki.issue({ sans: hostNames, ...current, digest: "sha1" }),
    expiring20: await pki.issue({ sans: hostNames, notBefore: new Date(now - 70 * DAY), notAfter: new Date(now + 20 * DAY) }),
    thirdLeft: await pki.issue({ sans: hostNames, notBefore: new Date(now - 265 * DAY), notAfter: new Date(now + 100 * DAY) }),
    // Names only in places browsers do not look (RFC 9110 §4.3.4, RFC 6125 §6.4.4): each names its lab domain.
    cnOnly: await pki.issue({ sans: [], cn: "cnonly.test", subjectAltName: null, ...current }),
    sanEmailOnly: await pki.issue({ sans: [], cn: "sanemail.test", subjectAltName: "email:admin@sanemail.test", ...current }),
    sanMissCn: await pki.issue({ sans: ["other.lab.invalid"], cn: "sanmiss.test", ...current }),
    partialWildcard: await pki.issue({ sans: ["partialwild.test", "w*.partialwild.test"], ...current }),
    wildcard: await pki.issue({ sans: ["wildcard.test", "*.wildcard.test"], ...current }),
  };
  const certOf = (kind: Exclude<CertKind, "none">): LabCert => {
    if (isExtra(kind)) return extra[kind];
    const c = pki[kind];
    if (c === undefined) throw new Error(`lab: this openssl made no ${kind} certificate`);
    return c;
  };
  const contexts = new Map<string, SecureContext>();
  const contextFor = (kind: Exclude<CertKind, "none">): SecureContext => {
    let ctx = contexts.get(kind);
    if (!ctx) {
      const c = certOf(kind);
      ctx = tls.createSecureContext({ cert: c.chainPem, key: c.keyPem, ciphers: "DEFAULT:@SECLEVEL=0" });
      contexts.set(kind, ctx);
    }
    return ctx;
  };

  const hits = new Map<string, number>();
  const handler = (scheme: "http" | "https") => (req: http.IncomingMessage, res: http.ServerResponse) => {
    const host = (req.headers.host ?? "").replace(/:\d+$/, "").toLowerCase();
    const apex = apexOf(host, sites);
    const site = apex === undefined ? undefined : sites[apex];
    if (apex === undefined || site === undefined) {
      res.writeHead(421, { "content-type": "text/plain" });
      return void res.end(`no lab site for Host ${host}`);
    }
    const c: RequestContext = {
      req, res, scheme, host, apex, path: req.url ?? "/",
      hit(key) {
        const n = (hits.get(key) ?? 0) + 1;
        hits.set(key, n);
        return n;
      },
    };
    req.resume();
    site[scheme](c);
  };

  const sniCallback = (name: string, cb: (err: Error | null, ctx?: SecureContext) => void) => {
    const apex = apexOf(name.toLowerCase(), sites);
    const site = apex === undefined ? undefined : sites[apex];
    if (!site || site.cert === "none") return cb(new Error(`lab: no HTTPS for ${name}`));
    cb(null, contextFor(site.cert));
  };
  const valid = certOf("valid");
  const httpsServer = https.createServer({ cert: valid.chainPem, key: valid.keyPem, SNICallback: sniCallback }, handler("https"));
  const httpServer = http.createServer(handler("http"));
  const servers: (http.Server | https.Server)[] = [httpsServer, httpServer];
  const [httpsPort, httpPort] = await Promise.all([listen(httpsServer), listen(httpServer)]);

  // A port nothing listens on: bind one, then close it.
  const probe = http.createServer();
  const closedPort = await listen(probe);
  await new Promise<void>((resolve) => probe.close(() => resolve()));

  const silentSockets = new Set<net.Socket>();
  const silent = net.createServer((socket) => {
    silentSockets.add(socket);
    socket.on("error", () => undefined);
    socket.on("close", () => silentSockets.delete(socket));
  });
  silent.listen(0, "127.0.0.1");
  await once(silent, "listening");
  const silentPort = (silent.address() as AddressInfo).port;

  const children: LeafOnlyServer[] = [];
  const connectTo: ConnectToRule[] = [];
  const ownPorts: Record<string, number> = {};
  for (const [apex, site] of Object.entries(sites)) {
    let port: number | undefined;
    if (site.listener === "closed") port = closedPort;
    if (site.listener === "silent") port = silentPort;
    if (site.listener === "leaf-only") {
      const leaf = await startLeafOnlyServer(pki.dir, valid.certPem, valid.keyPem);
      children.push(leaf);
      port = leaf.port;
    }
    if (site.listener === "own" || site.listener === "old-tls") {
      const c = certOf(site.cert === "none" ? "valid" : site.cert);
      const server = https.createServer(
        { cert: c.chainPem, key: c.keyPem, ciphers: "DEFAULT:@SECLEVEL=0", ...(site.listener === "old-tls" ? { minVersion: "TLSv1" as const } : {}) },
        handler("https"),
      );
      servers.push(server);
      port = await listen(server);
      ownPorts[apex] = port;
    }
    if (port !== undefined) for (const h of [apex, `www.${apex}`, `app.${apex}`]) connectTo.push(parseConnectTo(`${h}:443:127.0.0.1:${port}`));
  }
  connectTo.push(parseConnectTo(`:443:127.0.0.1:${httpsPort}`), parseConnectTo(`:80:127.0.0.1:${httpPort}`));
  for (const s of servers) {
    s.on("clientError", (_err, socket) => socket.destroy());
    s.on("tlsClientError", () => undefined);
  }

  const unpublished = new Set(Object.values(sites).flatMap((s) => s.unpublished ?? []));
  const dns = memoryDns(Object.fromEntries(hostNames.filter((h) => !unpublished.has(h)).map((h) => [h, { A: ["127.0.0.1"], AAAA: ["::1"] }])));

  return {
    pki, rootPem: pki.rootPem, sites, httpPort, httpsPort, ownPorts, connectTo, dns, hits,
    connectToArgs: connectTo.flatMap((r) => ["--connect-to", r.source]),
    resetCounters: () => hits.clear(),
    async close() {
      await Promise.all(children.map((c) => c.stop()));
      for (const socket of silentSockets) socket.destroy();
      silent.close();
      for (const s of servers) {
        s.closeAllConnections();
        s.close();
      }
      await pki.cleanup();
    },
  };
}
