import { getDomain } from "tldts";

/**
 * The organisational domain DMARC falls back to (RFC 7489 §3.2): the public suffix plus one label. The whole public
 * suffix list is used, private section included, as receivers such as OpenDMARC load it: for `app.foo.github.io`
 * that is `foo.github.io`, never `github.io` (whose record is no policy of the audited owner). Undefined for a name
 * that is itself a public suffix.
 */
export function dmarcOrganizationalDomain(name: string): string | undefined {
  return getDomain(name.replace(/\.$/, "").toLowerCase(), { allowPrivateDomains: true }) ?? undefined;
}
