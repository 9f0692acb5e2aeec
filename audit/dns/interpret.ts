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
      /** What a validator needs besides the RRset: the chain's CNAMEs and NSEC/NSEC3 proofs with their RRSIGs. */
      readonly proof: readonly dnsPacket.Answer[];
    }
  | { readonly kind: "follow"; readonly target: string; readonly chain: readonly string[]; readonly proof: readonly dnsPacket.Answer[] }
  | { readonly kind: "absent"; readonly reason: "NXDOMAIN" | "NODATA"; readonly chain: readonly string[]; readonly proof: readonly dnsPacket.Answer[] }
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
  // The CNAMEs followed and the authority's denial records (RFC 4035 §3.1.3), each with its RRSIGs: a validator
  // checks every RRset it relies on, and a wildcard answer or an absence only with its NSEC/NSEC3 proof.
  const onChain = (a: dnsPacket.Answer): boolean => chain.includes(normaliseName(a.name)) && (a.type === "CNAME" || (a.type === "RRSIG" && a.data.typeCovered === "CNAME"));
  const denial = (a: dnsPacket.Answer): boolean =>
    a.type === "NSEC" || a.type === "NSEC3" || a.type === "SOA" || (a.type === "RRSIG" && ["NSEC", "NSEC3", "SOA"].includes(a.data.typeCovered));
  const proof = [...answers.filter(onChain), ...(packet.authorities ?? []).filter(denial)];
  const records = answers.filter((a) => a.type === type && normaliseName(a.name) === current);
  if (records.length > 0) {
    const signatures = answers.filter(
      (a) => a.type === "RRSIG" && normaliseName(a.name) === current && a.data.typeCovered === type,
    );
    return { kind: "answer", records, signatures, chain, proof };
  }
  if (rcode === "NXDOMAIN") return { kind: "absent", reason: "NXDOMAIN", chain, proof };
  if (chain.length > 0) return { kind: "follow", target: current, chain, proof };
  return { kind: "absent", reason: "NODATA", chain, proof };
}
