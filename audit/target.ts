/**
 * Turns what the user typed into an audit target: A-labels to query (IDNA via WHATWG `domainToASCII`), U-labels to
 * show, and the organisational domain from the public suffix list (RFC 7489 §3.2 uses it for DMARC alignment).
 */
import { isIP } from "node:net";
import { domainToASCII, domainToUnicode } from "node:url";
import { getDomain } from "tldts";
import type { AuditTarget } from "./types";

export class TargetError extends Error {}

const LDH_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

export function parseTarget(input: string): AuditTarget {
  const raw = input.trim();
  const say = (what: string, fix: string): TargetError => new TargetError(`"${input}" ${what}: ${fix}`);
  if (raw === "") throw say("is empty", "give a domain name such as acme.example");
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) || raw.includes("/")) {
    throw say("is a URL, not a domain name", "give the bare domain, e.g. acme.example instead of https://acme.example/");
  }
  if (raw.includes("@")) throw say("is an email address", "give the domain after the @");
  const bare = raw.replace(/\.$/, "");
  if (isIP(bare) !== 0 || isIP(bare.replace(/^\[|\]$/g, "")) !== 0) {
    throw say("is an IP address", "give the domain name; use --connect-to to reach a specific address");
  }
  if (bare.includes(":")) throw say("contains a port", "give the domain only; use --connect-to HOST:443:IP:PORT for other ports");
  const ascii = domainToASCII(bare).toLowerCase();
  if (ascii === "") throw say("is not a valid domain name", "check for spaces, empty labels or characters IDNA does not allow");
  if (ascii.length > 253) throw say("is longer than 253 characters", "DNS names are limited to 253 characters (RFC 1035 §2.3.4)");
  const labels = ascii.split(".");
  if (labels.length < 2) throw say("has a single label", "give a fully qualified domain such as acme.example");
  for (const label of labels) {
    if (!LDH_LABEL.test(label)) {
      throw say(`has an invalid label "${label}"`, "labels are 1-63 letters, digits or hyphens, not starting or ending with a hyphen (RFC 1035 §2.3.1)");
    }
  }
  const orgDomain = getDomain(ascii);
  if (orgDomain === null) throw say("is a public suffix", "give a registered domain below it, e.g. acme." + ascii);
  return { name: ascii, display: domainToUnicode(ascii), orgDomain };
}
