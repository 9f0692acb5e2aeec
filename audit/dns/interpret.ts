import type * as dnsPacket from "dns-packet";
import { normaliseName } from "./records";

/** What one response says about (name, type), before any CNAME target outside the answer is chased. */
export type Interpretation =
  | {
      readonly kind: "answer";
      /** RRs of the asked type at the end of the CNAME chain, plus the RRSIGs covering them. */
      readonly records: readonly dnsPacket.Answer[];
      readonly signatures: readonly dnsPacket.Answer[];
      /** The CNAME chain followed inside this answer (owner names). */
      readonly chain: readonly string[];
    }
  | { readonly kind: "follow"; readonly target: string; readonly chain: readonly string[] }
  | { readonly kind: "absent"; readonly reason: "NXDOMAIN" | "NODATA"; readonly chain: readonly string[] }
  | { readonly kind: "rcode"; readonly rcode: string }
  | { readonly kind: "mismatch"; readonly detail: string };

const MAX_CHAIN = 8;

export function interpretResponse(packet: dnsPacket.DecodedPacket, name: string, type: string): Interpretation {
  const q = packet.questions?.[0];
  const rcode = packet.rcode;
  // Some servers drop the question from a refusal; the response code is the news either way.
  if (!q && rcode !== "NOERROR" && rcode !== "NXDOMAIN") return { kind: "rcode", rcode };
  if (!q || normaliseName(q.name) !== normaliseName(name) || q.type !== type) {
    return { kind: "mismatch", detail: `the answer is for another question (${q ? `${q.name} ${q.type}` : "none"})` };
  }
  if (rcode !== "NOERROR" && rcode !== "NXDOMAIN") return { kind: "rcode", rcode };
  const answers = packet.answers ?? [];
  let current = normaliseName(name);
  const chain: string[] = [];
  // RFC 1034 §3.6.2: follow CNAMEs in the answer section, unless CNAME itself was asked.
  for (let i = 0; i <= MAX_CHAIN && type !== "CNAME"; i++) {
    const cname = answers.find((a) => a.type === "CNAME" && normaliseName(a.name) === current);
    if (!cname || cname.type !== "CNAME") break;
    chain.push(current);
    current = normaliseName(cname.data);
    if (chain.includes(current)) return { kind: "mismatch", detail: `CNAME loop at ${current}` };
  }
  const records = answers.filter((a) => a.type === type && normaliseName(a.name) === current);
  if (records.length > 0) {
    const signatures = answers.filter(
      (a) => a.type === "RRSIG" && normaliseName(a.name) === current && a.data.typeCovered === type,
    );
    return { kind: "answer", records, signatures, chain };
  }
  if (rcode === "NXDOMAIN") return { kind: "absent", reason: "NXDOMAIN", chain };
  if (chain.length > 0) return { kind: "follow", target: current, chain };
  return { kind: "absent", reason: "NODATA", chain };
}
