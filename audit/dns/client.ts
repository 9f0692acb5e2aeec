import { randomInt } from "node:crypto";
import * as dnsPacket from "dns-packet";
import type { DnsClient, DnsLookup, DnsRecordData, DnsRecordType, SignedRecord } from "../types";
import { interpretResponse, type Interpretation } from "./interpret";
import { deadlineOf } from "./deadline";
import { createLimiter } from "./limiter";
import { convertRecords, normaliseName } from "./records";
import { formatResolver, type ResolverAddress } from "./resolver-address";
import { tcpExchange, udpExchange, type ExchangeOutcome } from "./transport";

export interface DnsClientOptions {
  /** Where every query goes, tried in order. Required: there is no fallback to the system resolver. */
  readonly resolvers: readonly ResolverAddress[];
  /** Per attempt, in milliseconds. */
  readonly timeoutMs?: number;
  /** Attempts per server when it does not answer at all. */
  readonly tries?: number;
  /** Queries in flight at once. */
  readonly concurrency?: number;
  /** Aborts every pending and future query (the audit deadline). */
  readonly signal?: AbortSignal;
  readonly now?: () => number;
}

export interface AuditDnsClient extends DnsClient {
  querySigned(name: string, type: DnsRecordType): Promise<DnsLookup<SignedRecord>>;
  /** Datagrams/connections actually sent (for tests and the bench: proves the per-run cache). */
  readonly sent: () => number;
}

type Asked =
  | { readonly kind: "interpreted"; readonly result: Interpretation; readonly authenticated: boolean; readonly server: string }
  | { readonly kind: "error"; readonly reason: string };

const MAX_CNAME_CHASE = 8;

export function createDnsClient(opts: DnsClientOptions): AuditDnsClient {
  if (opts.resolvers.length === 0) throw new Error("no DNS resolver given: pass --resolver IP:PORT");
  const timeoutMs = opts.timeoutMs ?? 2000;
  const tries = opts.tries ?? 2;
  const limiter = createLimiter(opts.concurrency ?? 16);
  const now = opts.now ?? (() => performance.now());
  const cache = new Map<string, Promise<Asked>>();
  const deadline = deadlineOf(opts.signal);
  let sent = 0;

  async function exchangeOnce(server: ResolverAddress, name: string, type: string, dnssec: boolean): Promise<ExchangeOutcome> {
    const id = randomInt(0, 0x10000);
    const query = dnsPacket.encode({
      type: "query",
      id,
      // RD; AD asks a validating resolver to report validation (RFC 6840 §5.7); CD lets us validate bogus data ourselves.
      flags: dnsPacket.RECURSION_DESIRED | dnsPacket.AUTHENTIC_DATA | (dnssec ? dnsPacket.CHECKING_DISABLED : 0),
      questions: [{ type: toPacketType(type), name, class: "IN" }],
      additionals: [{ type: "OPT", name: ".", udpPayloadSize: 1232, extendedRcode: 0, ednsVersion: 0, flags: dnssec ? dnsPacket.DNSSEC_OK : 0, flag_do: dnssec, options: [] }],
    });
    sent++;
    const udp = await udpExchange(server, query, id, { timeoutMs, deadline });
    if (udp.kind === "packet" && udp.packet.flag_tc) {
      // RFC 7766 §5: a truncated UDP answer is retried over TCP.
      sent++;
      return tcpExchange(server, query, id, { timeoutMs, deadline });
    }
    return udp;
  }

  async function askServers(name: string, type: string, dnssec: boolean): Promise<Asked> {
    const failures: string[] = [];
    for (const server of opts.resolvers) {
      const where = formatResolver(server);
      let lastTimeout: ExchangeOutcome | undefined;
      let attempt = 0;
      for (; attempt < tries; attempt++) {
        if (opts.signal?.aborted) return { kind: "error", reason: `${type} ${name}: not asked, the audit deadline passed` };
        const outcome = await exchangeOnce(server, name, type, dnssec);
        if (outcome.kind === "timeout") {
          lastTimeout = outcome;
          continue;
        }
        lastTimeout = undefined;
        if (outcome.kind === "packet") {
          const result = interpretResponse(outcome.packet, name, type);
          if (result.kind === "rcode") {
            failures.push(`${where} answered ${result.rcode}`);
          } else if (result.kind === "mismatch") {
            failures.push(`${where} sent an unusable answer: ${result.detail}`);
          } else {
            return { kind: "interpreted", result, authenticated: outcome.packet.flag_ad, server: where };
          }
        } else if (outcome.kind === "malformed") {
          failures.push(`${where} sent a malformed answer (${outcome.detail})`);
        } else {
          failures.push(`${where}: ${outcome.detail}`);
        }
        break;
      }
      if (lastTimeout && lastTimeout.kind === "timeout") {
        const wrongId = lastTimeout.ignoredWrongId > 0 ? `; ignored ${lastTimeout.ignoredWrongId} answer(s) with a wrong query ID` : "";
        failures.push(`${where} did not answer within ${timeoutMs} ms (${tries} ${tries === 1 ? "try" : "tries"}${wrongId})`);
      }
    }
    return { kind: "error", reason: `${type} ${name}: ${failures.join("; ")}` };
  }

  function ask(name: string, type: string, dnssec: boolean): Promise<Asked> {
    const key = `${name}\u0000${type}\u0000${dnssec ? "do" : ""}`;
    let pending = cache.get(key);
    if (!pending) {
      // The in-flight promise is cached, so concurrent identical queries share one exchange.
      pending = limiter.run(() => askServers(name, type, dnssec));
      cache.set(key, pending);
    }
    return pending;
  }

  async function resolveChain(name: string, type: string, dnssec: boolean): Promise<
    | { kind: "answer"; records: readonly dnsPacket.Answer[]; signatures: readonly dnsPacket.Answer[]; proof: readonly dnsPacket.Answer[]; authenticated: boolean }
    | { kind: "absent"; reason: "NXDOMAIN" | "NODATA"; proof: readonly dnsPacket.Answer[] }
    | { kind: "error"; reason: string }
  > {
    let current = normaliseName(name);
    const seen = new Set<string>();
    let authenticated = true;
    // Every hop's CNAMEs and denial records, for a validator (querySigned).
    const proof: dnsPacket.Answer[] = [];
    for (let i = 0; i <= MAX_CNAME_CHASE; i++) {
      if (seen.has(current)) return { kind: "error", reason: `${type} ${name}: CNAME loop through ${current}` };
      seen.add(current);
      const asked = await ask(current, type, dnssec);
      if (asked.kind === "error") return asked;
      authenticated = authenticated && asked.authenticated;
      const r = asked.result;
      if (r.kind === "answer" || r.kind === "absent" || r.kind === "follow") proof.push(...r.proof);
      if (r.kind === "answer") return { kind: "answer", records: r.records, signatures: r.signatures, proof, authenticated };
      if (r.kind === "absent") return { kind: "absent", reason: r.reason, proof };
      if (r.kind === "follow") {
        current = r.target;
        continue;
      }
      return { kind: "error", reason: `${type} ${name}: unexpected answer from ${asked.server}` };
    }
    return { kind: "error", reason: `${type} ${name}: CNAME chain longer than ${MAX_CNAME_CHASE}` };
  }

  return {
    sent: () => sent,
    async query<T extends DnsRecordType>(name: string, type: T): Promise<DnsLookup<DnsRecordData[T]>> {
      const started = now();
      const r = await resolveChain(name, type, false);
      const elapsedMs = Math.round(now() - started);
      if (r.kind === "answer") return { kind: "answer", records: convertRecords(type, r.records), authenticated: r.authenticated, elapsedMs };
      if (r.kind === "absent") return { kind: "absent", reason: r.reason, elapsedMs };
      return { kind: "error", reason: r.reason, elapsedMs };
    },
    async querySigned(name: string, type: DnsRecordType): Promise<DnsLookup<SignedRecord>> {
      const started = now();
      const r = await resolveChain(name, type, true);
      const elapsedMs = Math.round(now() - started);
      if (r.kind === "answer") {
        const records = signedRecords([...r.records, ...r.signatures]);
        return { kind: "answer", records, proof: signedRecords(r.proof), authenticated: r.authenticated, elapsedMs };
      }
      if (r.kind === "absent") return { kind: "absent", reason: r.reason, proof: signedRecords(r.proof), elapsedMs };
      return { kind: "error", reason: r.reason, elapsedMs };
    },
  };
}

function signedRecords(answers: readonly dnsPacket.Answer[]): SignedRecord[] {
  const out: SignedRecord[] = [];
  for (const a of answers) {
    if (a.type !== "OPT") out.push({ name: normaliseName(a.name), type: a.type, ttl: a.ttl ?? 0, data: a.data });
  }
  return out;
}

function toPacketType(type: string): dnsPacket.RecordType {
  const known: readonly dnsPacket.RecordType[] = ["A", "AAAA", "CNAME", "MX", "NS", "SOA", "TXT", "CAA", "DS", "DNSKEY", "RRSIG"];
  const found = known.find((k) => k === type);
  if (!found) throw new Error(`unsupported DNS type ${type}`);
  return found;
}
