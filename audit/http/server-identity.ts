/**
 * The server-identity check every audit connection uses (the HTTP client and the TLS probe), in place of Node's
 * `tls.checkServerIdentity`, which still accepts a certificate that names the host only in its subject CN and
 * accepts partial-label wildcards. Browsers accept neither (`core/http/cert-names.ts` says why), so the auditor
 * must not either: a site browsers refuse would otherwise pass.
 */
import type { PeerCertificate } from "node:tls";
import { matchCertificateName, parseSubjectAltNames } from "../../core/http/cert-names";

/** The code reported (as `authorizationError`) when the certificate has no SAN of the kind the host needs. */
export const NO_SAN = "ERR_TLS_CERT_NO_SUBJECT_ALT_NAME";
/** The code Node uses when SANs exist but none names the host; kept so messages read the same. */
export const ALTNAME_INVALID = "ERR_TLS_CERT_ALTNAME_INVALID";

export class ServerIdentityError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/**
 * `undefined` when `cert` names `host`, else the error (with a `code`) that makes the connection unauthorized.
 * `host` is the name the user asked for (the URL's host), not the address dialled.
 */
export function serverIdentityError(host: string, cert: Pick<PeerCertificate, "subjectaltname" | "subject">): ServerIdentityError | undefined {
  const m = matchCertificateName(host, parseSubjectAltNames(cert.subjectaltname));
  if (m.kind === "match") return undefined;
  const cn = cert.subject?.CN;
  const cnText = Array.isArray(cn) ? cn.join(", ") : cn;
  if (m.kind === "no-san") {
    return new ServerIdentityError(
      `Certificate has no subjectAltName ${m.what === "IP" ? "IP address" : "DNS name"} for ${host}${cnText ? ` (its subject CN is ${cnText}, which browsers ignore)` : ""}`,
      NO_SAN,
    );
  }
  return new ServerIdentityError(`Hostname/IP does not match certificate's altnames: Host: ${host} is not in the cert's altnames: ${m.names.join(", ")}`, ALTNAME_INVALID);
}

/** A `checkServerIdentity` for `tls.connect` bound to the name asked for (Node passes the SNI or the dialled address). */
export function identityCheckFor(host: string): (hostname: string, cert: PeerCertificate) => Error | undefined {
  return (_hostname, cert) => serverIdentityError(host, cert);
}
