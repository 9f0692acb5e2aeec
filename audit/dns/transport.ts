import dgram from "node:dgram";
import net from "node:net";
import * as dnsPacket from "dns-packet";
import type { Deadline } from "./deadline";
import type { ResolverAddress } from "./resolver-address";

/** What one exchange with one server produced. Only `packet` carries an answer; the rest name what went wrong. */
export type ExchangeOutcome =
  | { readonly kind: "packet"; readonly packet: dnsPacket.DecodedPacket }
  | { readonly kind: "timeout"; readonly ignoredWrongId: number }
  | { readonly kind: "malformed"; readonly detail: string }
  | { readonly kind: "network"; readonly detail: string };

export interface ExchangeOptions {
  readonly timeoutMs: number;
  /** The audit deadline: an exchange still in flight when it passes ends as a network error. */
  readonly deadline?: Deadline;
}

function decodeOrNull(buf: Buffer): { packet: dnsPacket.DecodedPacket } | { error: string } {
  try {
    return { packet: dnsPacket.decode(buf) };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

/** One query over UDP. Answers with another ID or from another address are ignored (RFC 5452 §9.1). */
export function udpExchange(server: ResolverAddress, query: Buffer, id: number, opts: ExchangeOptions): Promise<ExchangeOutcome> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket(server.family === 6 ? "udp6" : "udp4");
    let ignoredWrongId = 0;
    let settled = false;
    const finish = (o: ExchangeOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      unwatch();
      socket.close();
      resolve(o);
    };
    const onAbort = (): void => finish({ kind: "network", detail: "aborted (audit deadline)" });
    const timer = setTimeout(() => finish({ kind: "timeout", ignoredWrongId }), opts.timeoutMs);
    let unwatch = (): void => undefined;
    if (opts.deadline?.passed) {
      onAbort();
      return;
    }
    unwatch = opts.deadline?.watch(onAbort) ?? unwatch;
    socket.on("error", (err) => finish({ kind: "network", detail: err.message }));
    socket.on("message", (msg, rinfo) => {
      if (rinfo.port !== server.port) return;
      if (msg.length >= 2 && msg.readUInt16BE(0) !== id) {
        ignoredWrongId++;
        return;
      }
      const d = decodeOrNull(msg);
      finish("packet" in d ? { kind: "packet", packet: d.packet } : { kind: "malformed", detail: d.error });
    });
    socket.send(query, server.port, server.ip, (err) => {
      if (err) finish({ kind: "network", detail: err.message });
    });
  });
}

/** One query over TCP with the two-byte length prefix (RFC 1035 §4.2.2, RFC 7766). */
export function tcpExchange(server: ResolverAddress, query: Buffer, id: number, opts: ExchangeOptions): Promise<ExchangeOutcome> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: server.ip, port: server.port, family: server.family });
    let buffered = Buffer.alloc(0);
    let settled = false;
    const finish = (o: ExchangeOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      unwatch();
      socket.destroy();
      resolve(o);
    };
    const onAbort = (): void => finish({ kind: "network", detail: "aborted (audit deadline)" });
    const timer = setTimeout(() => finish({ kind: "timeout", ignoredWrongId: 0 }), opts.timeoutMs);
    let unwatch = (): void => undefined;
    if (opts.deadline?.passed) {
      onAbort();
      return;
    }
    unwatch = opts.deadline?.watch(onAbort) ?? unwatch;
    socket.on("error", (err) => finish({ kind: "network", detail: err.message }));
    socket.on("connect", () => {
      const len = Buffer.alloc(2);
      len.writeUInt16BE(query.length, 0);
      socket.write(Buffer.concat([len, query]));
    });
    socket.on("data", (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length < 2) return;
      const need = buffered.readUInt16BE(0);
      if (buffered.length < 2 + need) return;
      const msg = buffered.subarray(2, 2 + need);
      if (msg.length < 2 || msg.readUInt16BE(0) !== id) {
        finish({ kind: "malformed", detail: "TCP answer carries another query ID" });
        return;
      }
      const d = decodeOrNull(msg);
      finish("packet" in d ? { kind: "packet", packet: d.packet } : { kind: "malformed", detail: d.error });
    });
    socket.on("close", () => finish({ kind: "network", detail: "connection closed before a full answer" }));
  });
}
