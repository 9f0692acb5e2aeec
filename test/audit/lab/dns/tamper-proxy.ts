/**
 * An on-path attacker (or a broken signer) in front of the lab's Knot, on loopback: it forwards every question to
 * Knot over TCP and rewrites the answer for the RRsets it is told to tamper with, so one RRset can be bogus while
 * the zone's DNSKEY and SOA stay valid. Re-signing (an expired or not-yet-valid RRSIG that is otherwise genuine)
 * uses the zone's real ZSK, read from Knot's key store.
 */
import { sign, type KeyObject } from "node:crypto";
import dgram from "node:dgram";
import net from "node:net";
import * as dnsPacket from "dns-packet";
import { serveDnsOverTcp } from "./tcp-framing";
import { signedData } from "../../../../audit/dnssec/canonical";
import { tcpExchange } from "../../../../audit/dns/transport";

export type Tamper =
  /** Data tampering on one RRset (owner, type) wherever it appears in an answer. */
  | {
      readonly owner: string;
      readonly type: string;
      readonly how:
        | "corrupt-signature" // one byte of every RRSIG over it flipped
        | "strip-signature" // its RRSIGs removed
        | "expired" // re-signed with the zone's ZSK, expired 3 days ago (RFC 4035 §5.3.1)
        | "not-yet-valid" // re-signed with the zone's ZSK, valid from 3 days on
        | "expiring" // re-signed with the zone's ZSK, valid but expiring in 3 days
        | "forge-data"; // the data replaced, the genuine RRSIG kept (a spoofed answer)
    }
  /** A forged absence of the DS at a delegation (a downgrade to insecure, RFC 4035 §5.2). */
  | {
      readonly owner: string;
      readonly type: "DS";
      readonly how:
        | "deny-without-proof" // NODATA with the parent's signed SOA and no NSEC/NSEC3
        | "deny-replaying-nsec" // NODATA with the parent's genuine NSEC at the child (which lists DS)
        | "deny-with-other-proof"; // NODATA with the parent's genuine NSEC/NSEC3 for another, missing, name
    };

export interface ZoneSigner {
  readonly keyTag: number;
  readonly key: KeyObject;
}

export interface TamperProxy {
  readonly address: string;
  readonly port: number;
  stop(): Promise<void>;
}

const lower = (n: string): string => n.replace(/\.$/, "").toLowerCase();
const DAY = 86_400;

function forged(a: dnsPacket.Answer): dnsPacket.Answer {
  switch (a.type) {
    case "TXT":
      return { ...a, data: "v=spf1 +all" };
    case "A":
      return { ...a, data: "127.0.0.66" };
    case "AAAA":
      return { ...a, data: "::66" };
    case "MX":
      return { ...a, data: { preference: 10, exchange: "mx.attacker.test" } };
    case "CAA":
      return { ...a, data: { ...a.data, value: "attacker.example" } };
    default:
      return a;
  }
}

function tamperSection(section: dnsPacket.Answer[], rules: readonly Tamper[], signers: ReadonlyMap<string, ZoneSigner>): dnsPacket.Answer[] {
  let out = section;
  for (const rule of rules) {
    if (rule.how.startsWith("deny")) continue;
    const owner = lower(rule.owner);
    const isSet = (a: dnsPacket.Answer): boolean => lower(a.name) === owner && a.type === rule.type;
    const isSig = (a: dnsPacket.Answer): boolean => lower(a.name) === owner && a.type === "RRSIG" && a.data.typeCovered === rule.type;
    if (!out.some(isSet)) continue;
    switch (rule.how) {
      case "strip-signature":
        out = out.filter((a) => !isSig(a));
        break;
      case "forge-data":
        out = out.map((a) => (isSet(a) ? forged(a) : a));
        break;
      case "corrupt-signature":
        out = out.map((a) => {
          if (!isSig(a) || a.type !== "RRSIG") return a;
          const signature = Buffer.from(a.data.signature);
          signature[signature.length - 1] = (signature[signature.length - 1] ?? 0) ^ 0xff;
          return { ...a, data: { ...a.data, signature } };
        });
        break;
      case "expired":
      case "expiring":
      case "not-yet-valid": {
        const now = Math.floor(Date.now() / 1000);
        // Beyond unbound's clock-skew allowance (val-sig-skew-max, 24 h), so the independent validator agrees.
        const window =
          rule.how === "expired"
            ? { inception: now - 30 * DAY, expiration: now - 3 * DAY }
            : rule.how === "expiring"
              ? { inception: now - DAY, expiration: now + 3 * DAY }
              : { inception: now + 3 * DAY, expiration: now + 30 * DAY };
        const rrset = out.flatMap((a) => (isSet(a) && a.type !== "OPT" ? [{ name: lower(a.name), type: a.type, ttl: a.ttl ?? 0, data: a.data }] : []));
        out = out.map((a) => {
          if (!isSig(a) || a.type !== "RRSIG") return a;
          const signer = signers.get(lower(a.data.signersName));
          if (!signer) throw new Error(`tamper proxy: no ZSK known for ${a.data.signersName}`);
          const fields = { ...a.data, ...window, keyTag: signer.keyTag, signersName: lower(a.data.signersName) };
          const signature = sign("sha256", signedData(rrset, { ...fields, originalTTL: fields.originalTTL ?? 0, signature: Buffer.alloc(0) }), { key: signer.key, dsaEncoding: "ieee-p1363" });
          return { ...a, data: { ...fields, signature } };
        });
        break;
      }
    }
  }
  return out;
}

async function askKnot(knotPort: number, name: string, type: dnsPacket.RecordType): Promise<dnsPacket.DecodedPacket | undefined> {
  const id = Math.floor(Math.random() * 0xffff);
  const q = dnsPacket.encode({
    type: "query",
    id,
    questions: [{ name, type, class: "IN" }],
    additionals: [{ type: "OPT", name: ".", udpPayloadSize: 1232, extendedRcode: 0, ednsVersion: 0, flags: dnsPacket.DNSSEC_OK, flag_do: true, options: [] }],
  });
  const out = await tcpExchange({ ip: "127.0.0.1", port: knotPort, family: 4 }, q, id, { timeoutMs: 1000 });
  return out.kind === "packet" ? out.packet : undefined;
}

/** The forged "no DS here" answer for `owner`, with the proof the rule asks for. */
async function deniedDs(rule: Extract<Tamper, { type: "DS" }>, knotPort: number): Promise<dnsPacket.Answer[]> {
  const owner = lower(rule.owner);
  const [label, ...rest] = owner.split(".");
  const parent = rest.join(".");
  const soa = await askKnot(knotPort, parent, "SOA");
  const authority = (soa?.answers ?? []).filter((a) => a.type === "SOA" || (a.type === "RRSIG" && a.data.typeCovered === "SOA"));
  if (rule.how === "deny-without-proof") return authority;
  // A name just after the child in canonical order ("child-" sorts right after "child"): its NXDOMAIN proof carries
  // the parent's NSEC owned by the child; a random missing name's proof is about other names.
  const probe = rule.how === "deny-replaying-nsec" ? `${label ?? ""}-.${parent}` : `nope-${Math.random().toString(36).slice(2, 8)}.${parent}`;
  const nx = await askKnot(knotPort, probe, "A");
  const denial = (nx?.authorities ?? []).filter((a) => a.type === "NSEC" || a.type === "NSEC3" || (a.type === "RRSIG" && (a.data.typeCovered === "NSEC" || a.data.typeCovered === "NSEC3")));
  const kept = rule.how === "deny-replaying-nsec" ? denial.filter((a) => lower(a.name) === owner) : denial.filter((a) => lower(a.name) !== owner);
  if (kept.length === 0) throw new Error(`tamper proxy: Knot gave no ${rule.how === "deny-replaying-nsec" ? `NSEC at ${owner}` : "other proof"} to replay`);
  return [...authority, ...kept];
}

async function rewrite(query: Buffer, knotPort: number, rules: readonly Tamper[], signers: ReadonlyMap<string, ZoneSigner>): Promise<Buffer | undefined> {
  let req: dnsPacket.DecodedPacket;
  try {
    req = dnsPacket.decode(query);
  } catch {
    return undefined;
  }
  const id = req.id ?? 0;
  const forwarded = await tcpExchange({ ip: "127.0.0.1", port: knotPort, family: 4 }, query, id, { timeoutMs: 2000 });
  if (forwarded.kind !== "packet") return undefined;
  const res = forwarded.packet;
  const q = req.questions?.[0];
  const deny = rules.find((r): r is Extract<Tamper, { type: "DS" }> => r.type === "DS" && r.how.startsWith("deny") && q !== undefined && q.type === "DS" && lower(q.name) === lower(r.owner));
  const answers = deny ? [] : tamperSection(res.answers ?? [], rules, signers);
  const authorities = deny ? await deniedDs(deny, knotPort) : tamperSection(res.authorities ?? [], rules, signers);
  // NOERROR with the RCODE bits of Knot's header kept otherwise (a denial is always NODATA here).
  const flags = deny ? (res.flags ?? 0) & ~0xf : (res.flags ?? 0);
  return dnsPacket.encode({ type: "response", id, flags, questions: res.questions ?? [], answers, authorities, additionals: res.additionals ?? [] });
}

export async function startTamperProxy(knotPort: number, rules: readonly Tamper[], signers: ReadonlyMap<string, ZoneSigner>): Promise<TamperProxy> {
  const sockets = new Set<net.Socket>();
  for (let attempt = 0; ; attempt++) {
    const tcp = net.createServer((sock) => serveDnsOverTcp(sock, sockets, (msg) => rewrite(msg, knotPort, rules, signers)));
    await new Promise<void>((resolve, reject) => {
      tcp.once("error", reject);
      tcp.listen(0, "127.0.0.1", () => resolve());
    });
    const addr = tcp.address();
    const port = typeof addr === "object" && addr ? addr.port : 0;
    const udp = dgram.createSocket("udp4");
    const bound = await new Promise<boolean>((resolve) => {
      udp.once("error", () => resolve(false));
      udp.bind(port, "127.0.0.1", () => resolve(true));
    });
    if (!bound) {
      await new Promise<void>((r) => tcp.close(() => r()));
      if (attempt > 20) throw new Error("tamper proxy: no port free for both UDP and TCP");
      continue;
    }
    udp.on("message", (msg, rinfo) => {
      void rewrite(msg, knotPort, rules, signers).then((out) => {
        if (!out) return;
        // Larger than the smallest EDNS buffer we offer: truncate, so the client retries over TCP (RFC 7766).
        const send = out.length > 1232 ? truncated(out) : out;
        udp.send(send, rinfo.port, rinfo.address);
      });
    });
    return {
      address: `127.0.0.1:${port}`,
      port,
      stop: async () => {
        for (const s of sockets) s.destroy();
        await Promise.all([new Promise<void>((r) => tcp.close(() => r())), new Promise<void>((r) => udp.close(() => r()))]);
      },
    };
  }
}

function truncated(full: Buffer): Buffer {
  const p = dnsPacket.decode(full);
  return dnsPacket.encode({ type: "response", id: p.id ?? 0, flags: (p.flags ?? 0) | dnsPacket.TRUNCATED_RESPONSE, questions: p.questions ?? [] });
}
