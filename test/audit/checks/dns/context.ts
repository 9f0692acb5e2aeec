import type { AuditContext, CertificateSummary, DnsClient, TlsProbe } from "../../../../audit/types";

/** A TLS probe that reports one leaf with the given issuer: CAA checks only read the issuer. */
export function fakeTls(issuer: string | undefined): TlsProbe {
  const leaf = (i: string): CertificateSummary => ({
    subject: "CN=lab",
    issuer: i,
    subjectAltNames: [],
    validFrom: "2026-01-01T00:00:00.000Z",
    validTo: "2027-01-01T00:00:00.000Z",
    keyType: "EC",
    keyBits: 256,
    signatureAlgorithm: "ecdsa-with-SHA256",
    fingerprint256: "00",
  });
  return {
    handshake: async () => (issuer === undefined ? { kind: "error", reason: "connection refused" } : { kind: "connected", protocol: "TLSv1.3", authorized: true, chain: [leaf(issuer)] }),
  };
}

export function labContext(dns: DnsClient, opts: { issuer?: string; trustAnchors?: readonly string[]; now?: Date } = {}): AuditContext {
  return {
    dns,
    http: { request: async (req) => ({ kind: "error", url: req.url, reason: "no HTTP in DNS tests", elapsedMs: 0 }) },
    tls: fakeTls(opts.issuer),
    probes: new Set(),
    now: () => opts.now ?? new Date(),
    signal: new AbortController().signal,
    ...(opts.trustAnchors ? { dnssecTrustAnchors: opts.trustAnchors } : {}),
  };
}
