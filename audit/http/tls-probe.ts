/**
 * One TLS handshake with the name as SNI, reporting the negotiated protocol, whether the chain verifies against the
 * trust anchors (with the reason when not), and the peer chain leaf first. Min/max version pin a single protocol so
 * `tls.protocols` can ask "is TLS 1.0 offered?".
 *
 * The probe runs at OpenSSL security level 0: OpenSSL 3 refuses TLS 1.0/1.1 and weak keys at level 1 and above on the
 * client side, which would make an old protocol or a 1024-bit key look "not offered" instead of being reported.
 * Verification of the chain and name is unaffected and is reported, never enforced, here; the name is matched as
 * browsers match it (`server-identity.ts`: subjectAltName only, never the subject CN).
 */
import { X509Certificate } from "node:crypto";
import { isIP } from "node:net";
import { connect, type DetailedPeerCertificate, type SecureVersion } from "node:tls";
import { secureContextFor } from "./trust";
import type { CertificateSummary, TlsHandshakeOptions, TlsHandshakeResult, TlsProbe } from "../types";
import type { HttpClientOptions } from "./client";
import { dialTarget } from "./dial-target";
import { identityCheckFor } from "./server-identity";

const VERSIONS: readonly SecureVersion[] = ["TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"];

function asVersion(v: string | undefined, which: string): SecureVersion | undefined {
  if (v === undefined) return undefined;
  const found = VERSIONS.find((x) => x === v);
  if (!found) throw new Error(`TLS probe: ${which} "${v}" is not one of ${VERSIONS.join(", ")}`);
  return found;
}

/** Errors that mean "the server answered and declined this handshake", as opposed to "could not reach it". */
function isHandshakeRefusal(err: Error): boolean {
  const code = "code" in err && typeof err.code === "string" ? err.code : "";
  return /^ERR_SSL_/.test(code) || /alert|unsupported protocol|wrong version number|no protocols available|handshake failure/i.test(err.message);
}

export function summarizeCertificate(pem: string | Buffer): CertificateSummary {
  const x = new X509Certificate(pem);
  const key = x.publicKey;
  const type = key.asymmetricKeyType;
  const details = key.asymmetricKeyDetails;
  const keyType: CertificateSummary["keyType"] = type === "rsa" || type === "rsa-pss" ? "RSA" : type === "ec" ? "EC" : type === "ed25519" ? "ED25519" : "other";
  const curveBits: Record<string, number> = { prime256v1: 256, secp384r1: 384, secp521r1: 521, secp224r1: 224, secp192r1: 192, prime192v1: 192 };
  const keyBits = details?.modulusLength ?? (details?.namedCurve ? curveBits[details.namedCurve] ?? 0 : keyType === "ED25519" ? 256 : 0);
  const sans = (x.subjectAltName ?? "")
    .split(/,\s*/)
    .filter((s) => s.startsWith("DNS:"))
    .map((s) => s.slice(4));
  return {
    subject: x.subject.replace(/\n/g, ", "),
    issuer: x.issuer.replace(/\n/g, ", "),
    subjectAltNames: sans,
    validFrom: new Date(x.validFrom).toISOString(),
    validTo: new Date(x.validTo).toISOString(),
    keyType,
    keyBits,
    signatureAlgorithm: signatureAlgorithm(x),
    fingerprint256: x.fingerprint256,
  };
}

/**
 * Node 20 exposes no signature algorithm on X509Certificate; read it from the DER: Certificate ::= SEQUENCE {
 * tbsCertificate, signatureAlgorithm AlgorithmIdentifier, ... } (RFC 5280 §4.1.1.2).
 */
const SIG_OIDS: Record<string, string> = {
  "1.2.840.113549.1.1.5": "sha1WithRSAEncryption",
  "1.2.840.113549.1.1.4": "md5WithRSAEncryption",
  "1.2.840.113549.1.1.11": "sha256WithRSAEncryption",
  "1.2.840.113549.1.1.12": "sha384WithRSAEncryption",
  "1.2.840.113549.1.1.13": "sha512WithRSAEncryption",
  "1.2.840.113549.1.1.10": "rsassaPss",
  "1.2.840.10045.4.1": "ecdsa-with-SHA1",
  "1.2.840.10045.4.3.2": "ecdsa-with-SHA256",
  "1.2.840.10045.4.3.3": "ecdsa-with-SHA384",
  "1.2.840.10045.4.3.4": "ecdsa-with-SHA512",
  "1.3.101.112": "ed25519",
};

function signatureAlgorithm(x: X509Certificate): string {
  const der = x.raw;
  let pos = 0;
  const readHeader = (): { len: number; start: number } => {
    pos += 1; // tag
    const first = der[pos++] ?? 0;
    if (first < 0x80) return { len: first, start: pos };
    let len = 0;
    for (let i = 0; i < (first & 0x7f); i++) len = len * 256 + (der[pos++] ?? 0);
    return { len, start: pos };
  };
  try {
    readHeader(); // Certificate SEQUENCE
    const tbs = readHeader();
    pos = tbs.start + tbs.len; // skip tbsCertificate
    readHeader(); // AlgorithmIdentifier SEQUENCE
    if (der[pos] !== 0x06) return "unknown";
    const oid = readHeader();
    const bytes = der.subarray(oid.start, oid.start + oid.len);
    // The first byte packs the first two arcs (X.690 §8.19.4); the rest are base-128 with a continuation bit.
    const head = bytes[0] ?? 0;
    const parts: number[] = [Math.min(2, Math.floor(head / 40)), head - Math.min(2, Math.floor(head / 40)) * 40];
    let v = 0;
    for (const b of bytes.subarray(1)) {
      v = v * 128 + (b & 0x7f);
      if ((b & 0x80) === 0) {
        parts.push(v);
        v = 0;
      }
    }
    const dotted = parts.join(".");
    return SIG_OIDS[dotted] ?? dotted;
  } catch {
    return "unknown";
  }
}

function chainOf(peer: DetailedPeerCertificate): CertificateSummary[] {
  const out: CertificateSummary[] = [];
  const seen = new Set<string>();
  let cur: DetailedPeerCertificate | undefined = peer;
  while (cur && cur.raw && !seen.has(cur.fingerprint256)) {
    seen.add(cur.fingerprint256);
    out.push(summarizeCertificate(cur.raw));
    cur = cur.issuerCertificate;
  }
  return out;
}

export function createTlsProbe(opts: HttpClientOptions): TlsProbe {
  // One handshake per (host, port, options) for the run, as the DNS client and the web snapshot share their answers:
  // the CAA check and the certificate checks read the same certificate, and a second look costs a handshake.
  const seen = new Map<string, Promise<TlsHandshakeResult>>();
  return {
    handshake(host, port, v = {}) {
      const key = JSON.stringify([host, port, v.minVersion ?? null, v.maxVersion ?? null, v.certificates !== false]);
      let answer = seen.get(key);
      if (answer === undefined) {
        answer = handshakeOnce(opts, host, port, v);
        seen.set(key, answer);
      }
      return answer;
    },
  };
}

async function handshakeOnce(opts: HttpClientOptions, host: string, port: number, v: TlsHandshakeOptions): Promise<TlsHandshakeResult> {
  let minVersion: SecureVersion | undefined;
  let maxVersion: SecureVersion | undefined;
  try {
    minVersion = asVersion(v.minVersion, "minVersion");
    maxVersion = asVersion(v.maxVersion, "maxVersion");
  } catch (err) {
    return { kind: "error", reason: err instanceof Error ? err.message : String(err) };
  }
  const target = await dialTarget(opts.connectTo, opts.dns, host, port);
  if (target.kind === "error") return { kind: "error", reason: `${host}:${port}: ${target.reason}` };
  return new Promise<TlsHandshakeResult>((resolve) => {
    let settled = false;
    let connected = false;
    const finish = (r: TlsHandshakeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(r);
    };
    const socket = connect({
      host: target.address,
      port: target.port,
      // RFC 6066 §3: no IP literal as SNI.
      ...(isIP(host.replace(/^\[(.*)\]$/, "$1")) === 0 ? { servername: host } : {}),
      rejectUnauthorized: false,
      // The name is judged against the SAN only, as browsers do (Node's default falls back to the subject CN).
      checkServerIdentity: identityCheckFor(host),
      // Security level 0 so that old protocols and weak keys are reported, not hidden as "not offered".
      secureContext: secureContextFor({
        ciphers: "DEFAULT:@SECLEVEL=0",
        ...(opts.caPem !== undefined ? { caPem: opts.caPem } : {}),
        ...(minVersion ? { minVersion } : {}),
        ...(maxVersion ? { maxVersion } : {}),
      }),
    });
    const timer = setTimeout(
      () => finish({ kind: "error", reason: `${host}:${port}${target.via}: no TLS handshake within ${opts.timeoutMs} ms` }),
      opts.timeoutMs,
    );
    socket.once("connect", () => {
      connected = true;
    });
    socket.once("secureConnect", () => {
      const reason: unknown = socket.authorizationError; // a string code at runtime (e.g. CERT_HAS_EXPIRED)
      finish({
        kind: "connected",
        protocol: socket.getProtocol() ?? "unknown",
        authorized: socket.authorized,
        ...(reason ? { authorizationError: String(reason) } : {}),
        chain: v.certificates === false ? [] : chainOf(socket.getPeerCertificate(true)),
      });
    });
    socket.once("error", (err: Error) => {
      const what = `${host}:${port}${target.via}: ${err.message}`;
      // A reset after TCP connected during a version-pinned handshake is how some servers decline a version.
      const code = "code" in err ? err.code : undefined;
      const declined = code === "ECONNREFUSED" || connected && (isHandshakeRefusal(err) || (code === "ECONNRESET" && (minVersion !== undefined || maxVersion !== undefined)));
      finish(declined ? { kind: "refused", reason: what } : { kind: "error", reason: what });
    });
    socket.once("close", () => {
      const what = `${host}:${port}${target.via}: connection closed during the TLS handshake`;
      const pinned = minVersion !== undefined || maxVersion !== undefined;
      finish(connected && pinned ? { kind: "refused", reason: what } : { kind: "error", reason: what });
    });
  });
}
