/**
 * The opt-in SMTP STARTTLS probe (`--probe smtp`): connect to an MX on port 25 where DNS (or `--connect-to`) says,
 * EHLO, STARTTLS (RFC 3207), then a TLS handshake with the MX name as SNI, checking the certificate for that name
 * (RFC 8461 §4.1 requires a valid certificate for the MX host). Bounded in time; never sends mail; QUITs politely.
 */
import { Socket } from "node:net";
import { connect as tlsConnect, type TLSSocket } from "node:tls";
import { secureContextFor } from "../http/trust";
import type { ConnectToRule } from "../http/connect-to";
import { dialTarget } from "../http/dial-target";
import { summarizeCertificate } from "../http/tls-probe";
import type { CertificateSummary, DnsClient } from "../types";
import { ReplyReader, type SmtpReply } from "./reply-reader";

export interface StartTlsProbeOptions {
  /** `--connect-to` rules, matched against `MX-HOST:25`. */
  readonly connectTo: readonly ConnectToRule[];
  /** Extra trust anchors (PEM) added to Node's roots (`--ca`). */
  readonly caPem?: string;
  /** The whole conversation, in milliseconds. */
  readonly timeoutMs: number;
  /** The name we give in EHLO. */
  readonly heloName?: string;
  readonly port?: number;
}

export type StartTlsResult =
  | { readonly kind: "secure"; readonly host: string; readonly connectedTo: string; readonly banner: string; readonly protocol: string; readonly certificate?: CertificateSummary }
  | { readonly kind: "no-starttls"; readonly host: string; readonly connectedTo: string; readonly banner: string; readonly extensions: readonly string[] }
  | { readonly kind: "bad-certificate"; readonly host: string; readonly connectedTo: string; readonly reason: string; readonly certificate?: CertificateSummary }
  | { readonly kind: "error"; readonly host: string; readonly reason: string };

export interface StartTlsProbe {
  probe(host: string, dns: DnsClient, signal?: AbortSignal): Promise<StartTlsResult>;
}

export const SMTP_PORT = 25;

function send(socket: Socket | TLSSocket, line: string): void {
  socket.write(`${line}\r\n`);
}

function expectCode(reply: SmtpReply, code: number, step: string): void {
  if (reply.code !== code) throw new Error(`${step}: the server answered ${reply.code} ${reply.lines.join(" ")}`);
}

export function createStartTlsProbe(opts: StartTlsProbeOptions): StartTlsProbe {
  const secureContext = opts.caPem === undefined ? undefined : secureContextFor({ caPem: opts.caPem });
  const port = opts.port ?? SMTP_PORT;
  const helo = opts.heloName ?? "launch-ready.invalid";

  return {
    async probe(host, dns, signal) {
      const target = await dialTarget(opts.connectTo, dns, host, port);
      if (target.kind === "error") return { kind: "error", host, reason: target.reason };
      const connectedTo = `${target.address}:${target.port}${target.via}`;
      const plain = new Socket();
      let tlsSocket: TLSSocket | undefined;
      const reader = new ReplyReader();
      let timer: NodeJS.Timeout | undefined;
      const cleanup = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        tlsSocket?.destroy();
        plain.destroy();
      };
      const onAbort = (): void => reader.fail(new Error("the audit was aborted (deadline)"));
      signal?.addEventListener("abort", onAbort);
      timer = setTimeout(() => reader.fail(new Error(`no complete STARTTLS exchange within ${opts.timeoutMs} ms`)), opts.timeoutMs);
      plain.on("data", (d: Buffer) => reader.push(d));
      plain.on("error", (e) => reader.fail(e));
      plain.on("close", () => reader.fail(new Error("the server closed the connection")));

      try {
        if (signal?.aborted) throw new Error("the audit was aborted (deadline)");
        plain.connect(target.port, target.address);
        const greeting = await reader.next();
        expectCode(greeting, 220, "greeting");
        const banner = greeting.lines.join(" ");
        send(plain, `EHLO ${helo}`);
        const ehlo = await reader.next();
        expectCode(ehlo, 250, "EHLO");
        const extensions = ehlo.lines.slice(1).map((l) => l.trim().toUpperCase());
        if (!extensions.some((e) => e === "STARTTLS" || e.startsWith("STARTTLS "))) {
          send(plain, "QUIT");
          return { kind: "no-starttls", host, connectedTo, banner, extensions };
        }
        send(plain, "STARTTLS");
        expectCode(await reader.next(), 220, "STARTTLS");
        plain.removeAllListeners("data");

        // Verification is reported, not enforced, so a bad certificate is described rather than a bare reset.
        const secured = await new Promise<TLSSocket>((resolve, reject) => {
          const s = tlsConnect({ socket: plain, servername: host, rejectUnauthorized: false, ...(secureContext ? { secureContext } : {}) });
          tlsSocket = s;
          s.once("secureConnect", () => resolve(s));
          s.on("error", reject); // every error, also late ones: an unhandled one would crash the process
          reader.next().then(
            () => undefined,
            (e: unknown) => reject(e instanceof Error ? e : new Error(String(e))),
          );
        });
        const raw = secured.getPeerCertificate(false).raw;
        const certificate = raw ? summarizeCertificate(raw) : undefined;
        const authError: unknown = secured.authorizationError;
        send(secured, "QUIT");
        if (!secured.authorized) {
          return { kind: "bad-certificate", host, connectedTo, reason: String(authError ?? "certificate not trusted"), ...(certificate ? { certificate } : {}) };
        }
        return { kind: "secure", host, connectedTo, banner, protocol: secured.getProtocol() ?? "unknown", ...(certificate ? { certificate } : {}) };
      } catch (err) {
        return { kind: "error", host, reason: `${host} (${connectedTo}): ${err instanceof Error ? err.message : String(err)}` };
      } finally {
        cleanup();
      }
    },
  };
}
