/**
 * A DNS server for tests, on loopback only: answers from a table, or misbehaves on purpose (per question) so tests
 * prove the client neither hangs nor passes by mistake. UDP and TCP share one port, like a real server.
 */
import dgram from "node:dgram";
import net from "node:net";
import * as dnsPacket from "dns-packet";
import { serveDnsOverTcp } from "./tcp-framing";

export type FaultMode = "answer" | "timeout" | "servfail" | "refused" | "truncate" | "malformed" | "wrong-id";

export interface FaultQuestion {
  readonly name: string;
  readonly type: string;
  readonly transport: "udp" | "tcp";
}

export interface FaultServerOptions {
  /** The table: every answer this server knows. A name with no record at all is NXDOMAIN. */
  readonly records: readonly dnsPacket.Answer[];
  /** How to treat each question; `answer` unless said otherwise. */
  readonly mode?: (q: FaultQuestion) => FaultMode;
  /** Milliseconds to wait before answering each question (a slow server). */
  readonly delayMs?: (q: FaultQuestion) => number;
  /** Sets the AD bit on answers (a validating resolver would). */
  readonly authenticated?: boolean;
  readonly host?: "127.0.0.1" | "::1";
}

export interface FaultServer {
  /** `127.0.0.1:PORT` or `[::1]:PORT`. */
  readonly address: string;
  readonly port: number;
  /** Every question received, in order. */
  readonly questions: FaultQuestion[];
  stop(): Promise<void>;
}

function lower(n: string): string {
  return n.replace(/\.$/, "").toLowerCase();
}

function answerFor(req: dnsPacket.DecodedPacket, opts: FaultServerOptions, truncated: boolean): Buffer {
  const q = req.questions?.[0];
  const base = { type: "response" as const, id: req.id ?? 0, questions: req.questions ?? [] };
  const flags = dnsPacket.RECURSION_AVAILABLE | dnsPacket.RECURSION_DESIRED | (opts.authenticated ? dnsPacket.AUTHENTIC_DATA : 0);
  if (!q) return dnsPacket.encode({ ...base, flags: flags | 1 });
  if (truncated) return dnsPacket.encode({ ...base, flags: flags | dnsPacket.TRUNCATED_RESPONSE });
  const answers: dnsPacket.Answer[] = [];
  let name = lower(q.name);
  for (let i = 0; i < 8; i++) {
    const cname = opts.records.find((r) => r.type === "CNAME" && lower(r.name) === name);
    if (!cname || cname.type !== "CNAME" || q.type === "CNAME") break;
    answers.push(cname);
    name = lower(cname.data);
  }
  const wantSigs = q.type;
  answers.push(...opts.records.filter((r) => lower(r.name) === name && (r.type === q.type || (r.type === "RRSIG" && r.data.typeCovered === wantSigs))));
  const exists = opts.records.some((r) => lower(r.name) === name);
  const rcode = exists ? 0 : 3; // NOERROR or NXDOMAIN
  return dnsPacket.encode({ ...base, flags: flags | rcode, answers });
}

function respond(msg: Buffer, transport: "udp" | "tcp", opts: FaultServerOptions, questions: FaultQuestion[]): Buffer | undefined {
  let req: dnsPacket.DecodedPacket;
  try {
    req = dnsPacket.decode(msg);
  } catch {
    return undefined;
  }
  const q = req.questions?.[0];
  const fq: FaultQuestion = { name: lower(q?.name ?? ""), type: q?.type ?? "", transport };
  questions.push(fq);
  const mode = opts.mode?.(fq) ?? "answer";
  const id = req.id ?? 0;
  switch (mode) {
    case "timeout":
      return undefined;
    case "servfail":
      return dnsPacket.encode({ type: "response", id, flags: dnsPacket.RECURSION_AVAILABLE | 2, questions: req.questions ?? [] });
    case "refused":
      return dnsPacket.encode({ type: "response", id, flags: 5, questions: req.questions ?? [] });
    case "malformed": {
      // The right ID and a header promising one answer, then bytes that are no answer at all.
      const junk = Buffer.from([0, 0, 0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0, 0xc0, 0xff, 0xff, 0x07]);
      junk.writeUInt16BE(id, 0);
      return junk;
    }
    case "wrong-id": {
      const good = answerFor(req, opts, false);
      good.writeUInt16BE((id + 1) & 0xffff, 0);
      return good;
    }
    case "truncate":
      return answerFor(req, opts, transport === "udp");
    case "answer":
      return answerFor(req, opts, false);
  }
}

export async function startFaultDnsServer(opts: FaultServerOptions): Promise<FaultServer> {
  const host = opts.host ?? "127.0.0.1";
  const questions: FaultQuestion[] = [];
  const sockets = new Set<net.Socket>();
  for (let attempt = 0; ; attempt++) {
    const tcp = net.createServer((sock) => serveDnsOverTcp(sock, sockets, (msg) => respond(msg, "tcp", opts, questions)));
    await new Promise<void>((resolve, reject) => {
      tcp.once("error", reject);
      tcp.listen(0, host, () => resolve());
    });
    const addr = tcp.address();
    const port = typeof addr === "object" && addr ? addr.port : 0;
    const udp = dgram.createSocket(host === "::1" ? "udp6" : "udp4");
    const bound = await new Promise<boolean>((resolve) => {
      udp.once("error", () => resolve(false));
      udp.bind(port, host, () => resolve(true));
    });
    if (!bound) {
      await new Promise<void>((r) => tcp.close(() => r()));
      if (attempt > 20) throw new Error("fault DNS server: no port free for both UDP and TCP");
      continue;
    }
    udp.on("message", (msg, rinfo) => {
      const out = respond(msg, "udp", opts, questions);
      const q = questions[questions.length - 1];
      const delay = q && opts.delayMs ? opts.delayMs(q) : 0;
      if (out) setTimeout(() => udp.send(out, rinfo.port, rinfo.address), delay);
    });
    return {
      address: host === "::1" ? `[::1]:${port}` : `127.0.0.1:${port}`,
      port,
      questions,
      stop: async () => {
        for (const s of sockets) s.destroy();
        await Promise.all([new Promise<void>((r) => tcp.close(() => r())), new Promise<void>((r) => udp.close(() => r()))]);
      },
    };
  }
}
