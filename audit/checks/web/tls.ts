/** tls.cert_valid, tls.cert_expiry, tls.protocols, tls.key_sig: from TLS handshakes with the name as SNI. */
import type { AuditCheckModule, AuditContext, CertificateSummary, CheckResult, Evidence, TlsHandshakeResult } from "../../types";
import { judgeTlsProtocols, type Offer, TLS_VERSIONS, type TlsVersionName } from "../../../core/judges/web";
import { ALTNAME_INVALID, NO_SAN } from "../../http/server-identity";
import { fromVerdict } from "../verdict";
import { each, result } from "./result";
import { webSnapshot, type WebSnapshot } from "./snapshot";

const DAY = 86_400_000;
const IDS = ["tls.cert_valid", "tls.cert_expiry", "tls.protocols", "tls.key_sig"] as const;

function certEvidence(c: CertificateSummary): Evidence {
  return { subject: c.subject, issuer: c.issuer, subjectAltNames: c.subjectAltNames, validFrom: c.validFrom, validTo: c.validTo, key: `${c.keyType} ${c.keyBits}`, signature: c.signatureAlgorithm };
}

/** What an OpenSSL / Node verification code means for a person. */
function explain(code: string, host: string, leaf: CertificateSummary | undefined): string {
  switch (code) {
    case "CERT_HAS_EXPIRED":
      return `the certificate expired on ${leaf?.validTo ?? "?"}`;
    case "CERT_NOT_YET_VALID":
      return `the certificate is not valid until ${leaf?.validFrom ?? "?"}`;
    case ALTNAME_INVALID:
      return `the certificate does not name ${host} (it names ${leaf?.subjectAltNames.join(", ") || "no DNS names"})`;
    case NO_SAN:
      // RFC 9110 §4.3.4, RFC 6125 §6.4.4: the subject CN is not a name browsers check.
      return `the certificate has no subjectAltName naming ${host}${leaf ? ` (its subject is ${leaf.subject}; browsers ignore the CN)` : ""}`;
    case "DEPTH_ZERO_SELF_SIGNED_CERT":
    case "SELF_SIGNED_CERT_IN_CHAIN":
      return "the certificate is self-signed or chains to an untrusted root";
    case "UNABLE_TO_GET_ISSUER_CERT_LOCALLY":
    case "UNABLE_TO_GET_ISSUER_CERT":
    case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
      return "the chain is incomplete (intermediate not served) or the issuer is not trusted";
    default:
      return `verification failed (${code})`;
  }
}

interface Probe {
  readonly host: string;
  readonly r: TlsHandshakeResult;
}

function probes(s: WebSnapshot): Probe[] {
  return s.tlsWww ? [{ host: s.apex, r: s.tlsApex }, { host: s.www, r: s.tlsWww }] : [{ host: s.apex, r: s.tlsApex }];
}

/** A handshake that never reached TLS because nothing listens on 443: web.https reports that. */
function noHttps(r: TlsHandshakeResult): boolean {
  return r.kind === "refused" && /ECONNREFUSED/.test(r.reason);
}

function certValid(s: WebSnapshot): CheckResult {
  const fails: string[] = [];
  const errors: string[] = [];
  const evidence: Record<string, Evidence | string> = {};
  for (const { host, r } of probes(s)) {
    if (r.kind === "connected") {
      const leaf = r.chain[0];
      evidence[host] = leaf ? { ...certEvidence(leaf), authorized: r.authorized, chainLength: r.chain.length } : "no certificate";
      if (!r.authorized) fails.push(`${host}: ${explain(r.authorizationError ?? "unknown", host, leaf)}`);
    } else {
      evidence[host] = r.reason;
      if (noHttps(r)) continue;
      if (r.kind === "refused") fails.push(`${host}: the TLS handshake was refused (${r.reason})`);
      else errors.push(`${host}: ${r.reason}`);
    }
  }
  if (fails.length > 0) return result("tls.cert_valid", "fail", `Invalid certificate — ${fails.join("; ")}`, evidence);
  if (errors.length > 0) return result("tls.cert_valid", "error", `Could not complete a TLS handshake — ${errors.join("; ")}`, evidence);
  if (probes(s).every(({ r }) => noHttps(r))) return result("tls.cert_valid", "skip", `Nothing answers on port 443 of ${s.apex} (see web.https)`, evidence);
  return result("tls.cert_valid", "pass", `The certificate chains to a trusted root, names the host and is in its validity window`, evidence);
}

function certExpiry(s: WebSnapshot, now: Date): CheckResult {
  const evidence: Record<string, Evidence | string> = {};
  let worst: { status: "pass" | "warn" | "fail"; text: string } | undefined;
  const rank = { pass: 0, warn: 1, fail: 2 } as const;
  const errors: string[] = [];
  for (const { host, r } of probes(s)) {
    const leaf = r.kind === "connected" ? r.chain[0] : undefined;
    if (!leaf) {
      if (!noHttps(r)) errors.push(`${host}: ${r.kind === "connected" ? "no certificate" : r.reason}`);
      continue;
    }
    const to = Date.parse(leaf.validTo);
    const from = Date.parse(leaf.validFrom);
    const left = (to - now.getTime()) / DAY;
    const lifetime = (to - from) / DAY;
    const days = Math.floor(left);
    evidence[host] = { validFrom: leaf.validFrom, validTo: leaf.validTo, daysLeft: days, lifetimeDays: Math.round(lifetime) };
    let status: "pass" | "warn" | "fail" = "pass";
    let text = `${host}: ${days} days left`;
    // The 14- and 30-day thresholds count the whole days shown, so "14 days left" is never a mere warning.
    if (left <= 0) [status, text] = ["fail", `${host}: expired on ${leaf.validTo}`];
    else if (days <= 14) [status, text] = ["fail", `${host}: ${days} days left (≤ 14)`];
    else if (days <= 30) [status, text] = ["warn", `${host}: ${days} days left (≤ 30)`];
    else if (left <= lifetime / 3) [status, text] = ["warn", `${host}: ${days} days left of a ${Math.round(lifetime)}-day lifetime (≤ ⅓): renewal looks overdue`];
    if (!worst || rank[status] > rank[worst.status]) worst = { status, text };
  }
  if (errors.length > 0 && (!worst || worst.status === "pass")) return result("tls.cert_expiry", "error", `Could not read the certificate — ${errors.join("; ")}`, evidence);
  if (!worst) return result("tls.cert_expiry", "skip", `Nothing answers on port 443 of ${s.apex} (see web.https)`, evidence);
  return result("tls.cert_expiry", worst.status, worst.text, evidence);
}

/**
 * Each version is offered if a handshake pinned to it completes; judged in `core/judges/web` like the planned ones.
 * The version the snapshot's own handshake negotiated was offered (it completed), so it is not asked again; every
 * other version is, since a server that negotiates TLS 1.3 may still accept 1.0 when pinned to it.
 */
async function protocols(s: WebSnapshot, ctx: AuditContext): Promise<CheckResult> {
  const host = s.apex;
  const apex = s.tlsApex;
  if (noHttps(apex)) return fromVerdict("tls.protocols", judgeTlsProtocols({ kind: "no-https", host, reason: apex.kind === "connected" ? "" : apex.reason }));
  const answers = await Promise.all(
    TLS_VERSIONS.map((v) => (apex.kind === "connected" && apex.protocol === v ? apex : ctx.tls.handshake(host, 443, { minVersion: v, maxVersion: v, certificates: false }))),
  );
  const seen: Record<string, string> = {};
  const offer = (i: number): Offer => {
    const a = answers[i];
    return a === undefined ? "unknown" : a.kind === "connected" ? "offered" : a.kind === "refused" ? "not-offered" : "unknown";
  };
  TLS_VERSIONS.forEach((name, i) => {
    const a = answers[i];
    seen[name] = a === undefined ? "not probed" : a.kind === "connected" ? "offered" : a.kind === "refused" ? "not offered" : `error: ${a.reason}`;
  });
  const versions: Record<TlsVersionName, Offer> = { TLSv1: offer(0), "TLSv1.1": offer(1), "TLSv1.2": offer(2), "TLSv1.3": offer(3) };
  return fromVerdict("tls.protocols", judgeTlsProtocols({ kind: "versions", host, versions }), { host, versions: seen });
}

function keySig(s: WebSnapshot): CheckResult {
  const r = s.tlsApex;
  if (r.kind !== "connected") {
    return noHttps(r) ? result("tls.key_sig", "skip", `Nothing answers on port 443 of ${s.apex} (see web.https)`) : result("tls.key_sig", r.kind === "refused" ? "fail" : "error", `No certificate to inspect: ${r.reason}`);
  }
  const leaf = r.chain[0];
  if (!leaf) return result("tls.key_sig", "error", `${s.apex} sent no certificate`);
  const problems: string[] = [];
  if (leaf.keyType === "RSA" && leaf.keyBits < 2048) problems.push(`RSA ${leaf.keyBits}-bit key (< 2048)`);
  if (leaf.keyType === "EC" && leaf.keyBits < 256) problems.push(`EC ${leaf.keyBits}-bit key (< P-256)`);
  if (leaf.keyType === "other") problems.push("unrecognised key type");
  // Self-signed roots' own signatures do not matter (trust is in the key); every other signature must be SHA-2.
  for (const c of r.chain) {
    if (c.subject === c.issuer && c !== leaf) continue;
    if (/sha1|md5|md2/i.test(c.signatureAlgorithm)) problems.push(`${c.subject} is signed with ${c.signatureAlgorithm}`);
  }
  const evidence = { chain: r.chain.map((c) => ({ subject: c.subject, key: `${c.keyType} ${c.keyBits}`, signature: c.signatureAlgorithm })) };
  if (problems.length > 0) return result("tls.key_sig", "fail", `Weak certificate on ${s.apex}: ${problems.join("; ")}`, evidence);
  return result("tls.key_sig", "pass", `${leaf.keyType} ${leaf.keyBits}-bit key, ${leaf.signatureAlgorithm}`, evidence);
}

export const tlsModule: AuditCheckModule = {
  ids: IDS,
  async run(target, ctx) {
    const s = await webSnapshot(target, ctx);
    try {
      return [certValid(s), certExpiry(s, ctx.now()), await protocols(s, ctx), keySig(s)];
    } catch (err) {
      return each(IDS, "error", `TLS checks of ${target.name} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  },
};
