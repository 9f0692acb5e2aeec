/**
 * The auditor's contract (the JSON side is documented in docs/CHECKS.md): check results, and the injected DNS and
 * HTTP clients every check uses.
 * Nothing under `audit/` may import Pulumi: `launch-ready audit` must start fast.
 */
import type { CheckId } from "../checklist";

export const AUDIT_STATUSES = ["pass", "warn", "fail", "info", "error", "skip"] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];

/** JSON-serialisable evidence: what was queried and seen (records, headers, redirect chain with status codes). */
export type Evidence = { readonly [key: string]: EvidenceValue };
export type EvidenceValue = string | number | boolean | null | readonly EvidenceValue[] | { readonly [key: string]: EvidenceValue };

export interface CheckResult {
  readonly id: CheckId;
  readonly status: AuditStatus;
  /** One line: what was found. Names the host or record. */
  readonly summary: string;
  readonly evidence: Evidence;
  /** How to fix it; empty for `pass`. Defaults to the checklist's remediation. */
  readonly remediation: string;
  /**
   * Set when the check was not run because another check of the same domain made it impossible (the apex did not
   * resolve): the ID that blocked it. Its status stays `error` (or `skip` for a domain that does not exist), never a
   * pass, and its remediation is empty: the fix is the blocking check's.
   */
  readonly blockedBy?: CheckId;
  /**
   * Set on a failing or warning result the stack acknowledges (`launch-ready:acknowledge`, with `--stack`). The status
   * stays as found; an active acknowledgement no longer sets the exit status, an expired one does again.
   */
  readonly acknowledgement?: { readonly reason: string; readonly until: string; readonly active: boolean };
}

export interface DomainReport {
  /** The domain as the user wrote it, shown as U-labels. */
  readonly domain: string;
  readonly checks: readonly CheckResult[];
}

export interface AuditReport {
  readonly domains: readonly DomainReport[];
  readonly counts: Readonly<Record<AuditStatus, number>>;
}

// ---------------------------------------------------------------------------------------------------------------
// DNS: tri-state answers. Only `absent` may fail a "record exists" check; `error` makes dependants `error`.

export type DnsRecordType = "A" | "AAAA" | "CNAME" | "MX" | "NS" | "SOA" | "TXT" | "CAA" | "DS" | "DNSKEY" | "RRSIG";

export type DnsLookup<T> =
  | { readonly kind: "answer"; readonly records: readonly T[]; readonly authenticated: boolean; readonly elapsedMs: number; readonly proof?: readonly SignedRecord[] }
  | {
      readonly kind: "absent";
      readonly reason: "NXDOMAIN" | "NODATA";
      readonly elapsedMs: number;
      /**
       * Optional (additive), from `querySigned` only: the CNAMEs followed and the authority section's SOA and
       * NSEC/NSEC3 records with their RRSIGs, the proof a validator needs that the absence is genuine (RFC 4035
       * §5.4). On an answer: the CNAMEs followed and any wildcard proof.
       */
      readonly proof?: readonly SignedRecord[];
    }
  | { readonly kind: "error"; readonly reason: string; readonly elapsedMs: number };

export interface MxRecord { readonly preference: number; readonly exchange: string }
export interface CaaRecord { readonly flags: number; readonly tag: string; readonly value: string }
export interface SoaRecord { readonly mname: string; readonly rname: string; readonly serial: number }

/** The records each type yields. TXT: the strings of one record joined with '' (RFC 7208 §3.3). */
export interface DnsRecordData {
  A: string;
  AAAA: string;
  CNAME: string;
  NS: string;
  MX: MxRecord;
  TXT: string;
  CAA: CaaRecord;
  SOA: SoaRecord;
  /** DNSSEC types are handed over as dns-packet decoded answers for the validator. */
  DS: unknown;
  DNSKEY: unknown;
  RRSIG: unknown;
}

export interface DnsClient {
  /** `name` in A-labels. Identical queries within one run are asked once. Never throws: failures are `error`. */
  query<T extends DnsRecordType>(name: string, type: T): Promise<DnsLookup<DnsRecordData[T]>>;
  /**
   * Optional (additive): the RRset of `type` at `name` (CNAMEs followed) together with the RRSIGs covering it, asked
   * with the DO and CD bits so a validating resolver hands over even bogus data for our own validation. Records are
   * dns-packet decoded answers. Clients that cannot do this leave it out and DNSSEC checks report `skip`.
   */
  querySigned?(name: string, type: DnsRecordType): Promise<DnsLookup<SignedRecord>>;
}

/** A resource record as received (dns-packet's decoded answer), for DNSSEC validation. */
export interface SignedRecord {
  readonly name: string;
  readonly type: string;
  readonly ttl: number;
  readonly data: unknown;
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP: one request, no redirect following (checks follow by hand to record every hop).

export interface HttpRequest {
  readonly url: string;
  readonly method?: "GET" | "HEAD" | "POST" | "OPTIONS";
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export type HttpResult =
  | {
      readonly kind: "response";
      readonly url: string;
      readonly status: number;
      /** Header names lower-cased; repeated headers (Set-Cookie, HSTS) keep every value in order. */
      readonly headers: Readonly<Record<string, readonly string[]>>;
      /** The body as text, cut at the client's byte limit (`truncated` says so). */
      readonly body: string;
      readonly truncated: boolean;
      readonly elapsedMs: number;
    }
  | { readonly kind: "error"; readonly url: string; readonly reason: string; readonly elapsedMs: number };

export interface HttpClient {
  request(req: HttpRequest): Promise<HttpResult>;
}

/** What a handshake pins and reports: without `certificates: false` the chain is read and summarised. */
export interface TlsHandshakeOptions {
  readonly minVersion?: string;
  readonly maxVersion?: string;
  /** `false`: `chain` is left empty. For a probe that only asks whether a handshake completes (a protocol version). */
  readonly certificates?: boolean;
}

/**
 * The peer certificate chain and negotiated protocol of one TLS handshake. One observation per run: the same
 * host, port and options are answered by the same handshake, so every check that reads a certificate judges the same one.
 */
export interface TlsProbe {
  handshake(host: string, port: number, opts?: TlsHandshakeOptions): Promise<TlsHandshakeResult>;
}

export type TlsHandshakeResult =
  | {
      readonly kind: "connected";
      readonly protocol: string;
      readonly authorized: boolean;
      readonly authorizationError?: string;
      /** Leaf first. PEM-free summary of each certificate. */
      readonly chain: readonly CertificateSummary[];
    }
  | { readonly kind: "refused"; readonly reason: string }
  | { readonly kind: "error"; readonly reason: string };

export interface CertificateSummary {
  readonly subject: string;
  readonly issuer: string;
  readonly subjectAltNames: readonly string[];
  readonly validFrom: string;
  readonly validTo: string;
  readonly keyType: "RSA" | "EC" | "ED25519" | "other";
  readonly keyBits: number;
  readonly signatureAlgorithm: string;
  readonly fingerprint256: string;
}

/** Everything a check gets. All I/O goes through these; tests inject lab-backed or in-memory versions. */
export interface AuditContext {
  readonly dns: DnsClient;
  readonly http: HttpClient;
  readonly tls: TlsProbe;
  /** Expected state from the stack when `--stack` is given; otherwise discovery. */
  readonly expected?: ExpectedDomainState;
  /** Opt-in active probes (`--probe rate,smtp`). */
  readonly probes: ReadonlySet<"rate" | "smtp">;
  readonly now: () => Date;
  readonly signal: AbortSignal;
  /**
   * Optional (additive): DNSSEC trust anchors as DS records in presentation format (`test. DS 1234 13 2 ABCD…`),
   * for pre-production zones below a private anchor (`--trust-anchor`). The root's anchors are always trusted.
   */
  readonly dnssecTrustAnchors?: readonly string[];
}

export interface ExpectedDomainState {
  readonly sending: boolean;
  readonly dkimSelectors: readonly string[];
  readonly mxHosts: readonly string[];
  readonly caaIssuers: readonly string[];
  readonly canonicalHost?: string;
  readonly aliases: readonly string[];
  readonly endpoints: Readonly<Partial<Record<"login" | "reset" | "invite" | "search", string>>>;
  /**
   * Optional (additive): the limit the stack plans for each endpoint, as fitted to the zone's plan (what the rule
   * covering it enforces), so the rate probes check that limit rather than any 429.
   */
  readonly rateLimits?: Readonly<Partial<Record<"login" | "reset" | "invite" | "search", { readonly requests: number; readonly periodSeconds: number }>>>;
  /** Optional (additive): the SPF and DMARC record text the stack plans, so spf.record / dmarc.record check it is live. */
  readonly plannedEmail?: { readonly spf?: string; readonly dmarc?: string };
}

// ---------------------------------------------------------------------------------------------------------------
// Check modules: one module per concern, producing the results of a family of IDs that share lookups.

export interface AuditTarget {
  /** A-labels, lower case, no trailing dot: what is queried. */
  readonly name: string;
  /** U-labels: what is shown. */
  readonly display: string;
  /** The organisational domain (public suffix list), A-labels. */
  readonly orgDomain: string;
}

export interface AuditCheckModule {
  /** Every ID this module reports; it must report each exactly once per target (`skip` with a reason if not run). */
  readonly ids: readonly CheckId[];
  run(target: AuditTarget, ctx: AuditContext): Promise<readonly CheckResult[]>;
}
