/**
 * Does a server certificate name the host we connected to, as browsers decide it? Only the subjectAltName's
 * dNSName entries (iPAddress entries for an IP literal) count; the subject CN never does. RFC 9110 §4.3.4 and
 * RFC 6125 §6.4.4 (a client MUST NOT seek a CN match when the certificate has a DNS-ID), the CA/Browser Forum
 * Baseline Requirements (§7.1.2.7.12: the SAN carries every name; a wildcard is the whole leftmost label), and what
 * Chrome and Firefox do: no CN fallback at all. Node's `tls.checkServerIdentity` still falls back to the CN when a
 * certificate has no DNS/IP/URI SAN and accepts partial-label wildcards (`w*.example.com`), so it cannot be the judge.
 */

export interface PresentedNames {
  /** dNSName entries of subjectAltName, as presented. */
  readonly dns: readonly string[];
  /** iPAddress entries of subjectAltName, as presented. */
  readonly ip: readonly string[];
}

export type NameMatch =
  | { readonly kind: "match"; readonly by: string }
  /** The certificate has no SAN entry of the kind the host needs (e.g. CN-only, or only e-mail SANs). */
  | { readonly kind: "no-san"; readonly host: string; readonly what: "DNS" | "IP" }
  | { readonly kind: "mismatch"; readonly host: string; readonly names: readonly string[] };

/**
 * Splits Node's `subjectaltname` text ("DNS:a.example, IP Address:192.0.2.1, email:x@y"). Since Node 17 an entry
 * whose value holds a comma or a quote is written as a JSON string, so a name can never be split inside itself.
 */
export function parseSubjectAltNames(text: string | undefined): PresentedNames {
  const dns: string[] = [];
  const ip: string[] = [];
  const s = text ?? "";
  let i = 0;
  while (i < s.length) {
    while (s[i] === " " || s[i] === ",") i++;
    const colon = s.indexOf(":", i);
    if (colon === -1) break;
    const type = s.slice(i, colon);
    let value: string;
    let next: number;
    if (s[colon + 1] === '"') {
      // A JSON string: find its closing quote, skipping escaped characters.
      let j = colon + 2;
      while (j < s.length && s[j] !== '"') j += s[j] === "\\" ? 2 : 1;
      try {
        const parsed: unknown = JSON.parse(s.slice(colon + 1, j + 1));
        value = typeof parsed === "string" ? parsed : "";
      } catch {
        value = "";
      }
      next = j + 1;
    } else {
      const comma = s.indexOf(", ", colon + 1);
      next = comma === -1 ? s.length : comma;
      value = s.slice(colon + 1, next);
    }
    if (type === "DNS") dns.push(value);
    else if (type === "IP Address") ip.push(value);
    i = next;
  }
  return { dns, ip };
}

/** An IPv4 or IPv6 literal in canonical text (WHATWG URL host serialisation), or undefined for a name. */
export function canonicalIp(host: string): string | undefined {
  const bare = host.replace(/^\[(.*)\]$/, "$1");
  if (/^[0-9.]+$/.test(bare) && bare.split(".").length === 4) {
    const parts = bare.split(".").map(Number);
    return parts.every((p, k) => p >= 0 && p <= 255 && String(p) === bare.split(".")[k]) ? parts.join(".") : undefined;
  }
  if (!bare.includes(":")) return undefined;
  try {
    return new URL(`http://[${bare}]/`).hostname.replace(/^\[(.*)\]$/, "$1");
  } catch {
    return undefined;
  }
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/\.$/, "");
}

/**
 * One presented DNS-ID against the reference host (RFC 6125 §6.4.1, §6.4.3 as the Baseline Requirements narrow it):
 * equal ignoring case and a trailing dot, or `*.` + the host's parent, where `*` stands for exactly one whole label
 * and at least two labels follow it (no `*.com`, no `*.*.example`, no `w*.example`).
 */
export function dnsIdMatches(presented: string, host: string): boolean {
  const p = normalise(presented);
  const h = normalise(host);
  if (p === "" || h === "") return false;
  if (!p.includes("*")) return p === h;
  if (!p.startsWith("*.")) return false;
  const rest = p.slice(2);
  if (rest.includes("*") || rest.split(".").length < 2) return false;
  const dot = h.indexOf(".");
  if (dot <= 0) return false;
  return h.slice(dot + 1) === rest;
}

export function matchCertificateName(host: string, names: PresentedNames): NameMatch {
  const ip = canonicalIp(host);
  if (ip !== undefined) {
    // An IP literal is matched only against iPAddress SANs (RFC 6125 §1.7.2, RFC 9110 §4.3.4), never a DNS name.
    if (names.ip.length === 0) return { kind: "no-san", host, what: "IP" };
    const hit = names.ip.find((x) => canonicalIp(x) === ip);
    return hit !== undefined ? { kind: "match", by: `IP Address:${hit}` } : { kind: "mismatch", host, names: names.ip };
  }
  if (names.dns.length === 0) return { kind: "no-san", host, what: "DNS" };
  const hit = names.dns.find((d) => dnsIdMatches(d, host));
  return hit !== undefined ? { kind: "match", by: `DNS:${hit}` } : { kind: "mismatch", host, names: names.dns };
}
