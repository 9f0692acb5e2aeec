/**
 * The auditor's HTTP client on undici 7: one request, never a redirect followed (checks follow by hand to record
 * every hop), a bounded body and bounded headers, a per-request deadline, and connections that go where
 * `--connect-to` or the injected DNS client say while the URL's name stays the SNI and the Host header.
 */
import { isIP } from "node:net";
import { secureContextFor } from "./trust";
import type { buildConnector as UndiciConnector } from "undici";
import { Agent, buildConnector, errors, request as undiciRequest } from "./undici-lean";
import type { DnsClient, HttpClient, HttpRequest, HttpResult } from "../types";
import type { ConnectToRule } from "./connect-to";
import { dialTarget } from "./dial-target";
import { identityCheckFor } from "./server-identity";

export interface HttpClientOptions {
  readonly connectTo: readonly ConnectToRule[];
  /** Extra trust anchors (PEM) added to Node's roots, e.g. a private CA for pre-production (`--ca`). */
  readonly caPem?: string;
  readonly timeoutMs: number;
  /** Body bytes kept; the rest is discarded and `truncated` is set. Default 1 MiB. */
  readonly maxBodyBytes?: number;
  /** Response header bytes accepted; more is an `error`. Default 64 KiB. */
  readonly maxHeaderBytes?: number;
  readonly dns: DnsClient;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_MAX_HEADER_BYTES = 64 * 1024;

function describeError(err: unknown, timedOut: boolean, timeoutMs: number): string {
  if (timedOut) return `no complete response within ${timeoutMs} ms`;
  if (err instanceof errors.HeadersOverflowError) return "response headers exceed the size limit";
  if (err instanceof errors.HeadersTimeoutError) return `no response headers within ${timeoutMs} ms`;
  if (err instanceof errors.BodyTimeoutError) return `body stalled for ${timeoutMs} ms`;
  if (err instanceof errors.ConnectTimeoutError) return `connect timed out after ${timeoutMs} ms`;
  if (err instanceof Error) {
    const code = "code" in err && typeof err.code === "string" ? `${err.code}: ` : "";
    const cause = err.cause instanceof Error ? ` (${err.cause.message})` : "";
    return `${code}${err.message}${cause}`;
  }
  return String(err);
}

export function createHttpClient(opts: HttpClientOptions): HttpClient & { close(): Promise<void> } {
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  // `--ca` adds a trust anchor to Node's roots rather than replacing them; one shared context for the run.
  const secureContext = opts.caPem === undefined ? undefined : secureContextFor({ caPem: opts.caPem });
  // One connector per requested name, whose identity check judges the certificate against that name (the SAN only,
  // as browsers do: `server-identity.ts`), whatever address `--connect-to` or DNS made us dial.
  const connectors = new Map<string, UndiciConnector.connector>();
  const connectorFor = (name: string): UndiciConnector.connector => {
    let c = connectors.get(name);
    if (c === undefined) {
      c = buildConnector({ timeout: opts.timeoutMs, checkServerIdentity: identityCheckFor(name), ...(secureContext ? { secureContext } : {}) });
      connectors.set(name, c);
    }
    return c;
  };

  const agent = new Agent({
    maxHeaderSize: opts.maxHeaderBytes ?? DEFAULT_MAX_HEADER_BYTES,
    headersTimeout: opts.timeoutMs,
    bodyTimeout: opts.timeoutMs,
    connections: 4,
    connect(connectOpts, callback) {
      const secure = connectOpts.protocol === "https:";
      const port = Number(connectOpts.port) || (secure ? 443 : 80);
      const name = connectOpts.hostname;
      dialTarget(opts.connectTo, opts.dns, name, port).then(
        (target) => {
          if (target.kind === "error") {
            callback(new Error(target.reason), null);
            return;
          }
          // The name stays the SNI (RFC 6066 §3 forbids IP literals there) and undici keeps it as the Host header.
          const servername = connectOpts.servername || (isIP(name) !== 0 ? undefined : name);
          connectorFor(name)({ ...connectOpts, hostname: target.address, port: String(target.port), ...(servername ? { servername } : {}) }, callback);
        },
        (err: unknown) => callback(err instanceof Error ? err : new Error(String(err)), null),
      );
    },
  });

  async function request(req: HttpRequest): Promise<HttpResult> {
    const started = Date.now();
    const elapsed = () => Date.now() - started;
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      return { kind: "error", url: req.url, reason: `not a valid URL: ${req.url}`, elapsedMs: 0 };
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      return { kind: "error", url: req.url, reason: `only http: and https: URLs are fetched, not ${url.protocol}`, elapsedMs: 0 };
    }
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, opts.timeoutMs);
    try {
      const res = await undiciRequest(agent, {
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: req.method ?? "GET",
        headers: { "user-agent": "launch-ready-audit", ...req.headers },
        ...(req.body !== undefined ? { body: req.body } : {}),
        signal: controller.signal,
      });
      const chunks: Buffer[] = [];
      let kept = 0;
      let truncated = false;
      for await (const chunk of res.body) {
        const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
        if (kept + buf.length > maxBody) {
          chunks.push(buf.subarray(0, maxBody - kept));
          kept = maxBody;
          truncated = true;
          res.body.destroy();
          break;
        }
        chunks.push(buf);
        kept += buf.length;
      }
      // undici hands a kept-alive connection back to its pool a full turn of the event loop after the response ends
      // (client-h1.js: so a server that closes it anyway is noticed first): waiting that turn lets the next request
      // to this origin (the page's script after the page, a redirect's next hop) reuse it instead of opening another.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const headers: Record<string, readonly string[]> = {};
      for (const [k, v] of Object.entries(res.headers)) {
        if (v === undefined) continue;
        headers[k.toLowerCase()] = Array.isArray(v) ? v : [v];
      }
      return {
        kind: "response",
        url: req.url,
        status: res.statusCode,
        headers,
        body: Buffer.concat(chunks).toString("utf8"),
        truncated,
        elapsedMs: elapsed(),
      };
    } catch (err) {
      return { kind: "error", url: req.url, reason: `${req.method ?? "GET"} ${req.url}: ${describeError(err, timedOut, opts.timeoutMs)}`, elapsedMs: elapsed() };
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    request,
    close: () => agent.destroy(),
  };
}
