/**
 * The DKIM judges (dkim.*). A selector is either a TXT key published here (judged from its text) or a CNAME to a
 * provider that hosts the key (before apply only the CNAME is known; SES Easy DKIM keys are generated at the length
 * the identity asks for).
 */
import { cannotTell, judged, notApplicable, type Verdict } from "../../judge";
import { dkimKeyStrength, dkimKeyUnusable, parseDkimKey } from "../../email/dkim";

export type DkimSelectorFacts =
  | { readonly selector: string; readonly kind: "txt"; readonly txt: readonly string[] }
  | { readonly selector: string; readonly kind: "cname"; readonly target: string; readonly keyBits?: number }
  | { readonly selector: string; readonly kind: "missing"; readonly hint?: string };

export interface DkimInput {
  readonly domain: string;
  readonly parked: boolean;
  /** Every selector the domain's senders sign with, and what is published for it. */
  readonly selectors: readonly DkimSelectorFacts[];
}

function parkedOrNone(input: DkimInput): Verdict | undefined {
  if (input.parked) return notApplicable(`${input.domain} is parked: it signs nothing`);
  if (input.selectors.length === 0) return notApplicable(`no DKIM selector is configured for ${input.domain}`);
  return undefined;
}

export function judgeDkimSelector(input: DkimInput): Verdict {
  if (input.parked) return judged("dkim.selector", "none-configured", [`${input.domain} is parked: it signs nothing, so no selector is published (every one is revoked)`]);
  const na = parkedOrNone(input);
  if (na !== undefined) return na;
  const missing = input.selectors.filter((s) => s.kind === "missing" || (s.kind === "txt" && s.txt.length === 0));
  if (missing.length > 0) {
    const hints = missing.flatMap((s) => (s.kind === "missing" && s.hint !== undefined ? [s.hint] : []));
    return judged("dkim.selector", "missing", [`${missing.map((s) => `${s.selector}._domainkey.${input.domain}`).join(", ")} ${missing.length === 1 ? "is" : "are"} not published${hints.length > 0 ? `: ${hints.join("; ")}` : ""}`]);
  }
  return judged("dkim.selector", "published", [`every DKIM selector of ${input.domain} is published: ${input.selectors.map((s) => (s.kind === "cname" ? `${s.selector} (CNAME ${s.target})` : `${s.selector} (TXT)`)).join(", ")}`]);
}

export function judgeDkimSyntax(input: DkimInput): Verdict {
  const na = parkedOrNone(input);
  if (na !== undefined) return na;
  const bad: string[] = [];
  const hosted: string[] = [];
  for (const s of input.selectors) {
    if (s.kind === "cname") {
      if (s.keyBits === undefined) hosted.push(s.selector);
      continue;
    }
    if (s.kind !== "txt") continue;
    for (const t of s.txt) {
      const p = parseDkimKey(t);
      const problems = p.record === undefined || p.errors.length > 0 ? p.errors : dkimKeyUnusable(p.record);
      if (problems.length > 0) bad.push(`${s.selector}: ${problems[0] ?? "unreadable"}`);
    }
  }
  if (bad.length > 0) return judged("dkim.syntax", "invalid", [`DKIM key records of ${input.domain} are unusable: ${bad.join("; ")}`]);
  if (hosted.length > 0) return cannotTell(`the keys of ${hosted.join(", ")} are hosted by the provider behind a CNAME: only \`launch-ready audit\` can read them`);
  return judged("dkim.syntax", "valid", [`every DKIM key record of ${input.domain} is valid for email signatures`]);
}

export function judgeDkimKeyStrength(input: DkimInput): Verdict {
  const na = parkedOrNone(input);
  if (na !== undefined) return na;
  const weak: string[] = [];
  const short: string[] = [];
  const hosted: string[] = [];
  const strong: string[] = [];
  for (const s of input.selectors) {
    if (s.kind === "cname") {
      if (s.keyBits === undefined) hosted.push(s.selector);
      else if (s.keyBits >= 2048) strong.push(`${s.selector} (${s.keyBits}-bit, provider-generated)`);
      else (s.keyBits >= 1024 ? weak : short).push(`${s.selector} (${s.keyBits}-bit)`);
      continue;
    }
    if (s.kind !== "txt") continue;
    for (const t of s.txt) {
      const p = parseDkimKey(t);
      if (p.record === undefined || p.record.revoked) continue;
      const k = dkimKeyStrength(p.record);
      if (k.kind === "ed25519") strong.push(`${s.selector} (ed25519)`);
      else if (k.kind === "rsa") (k.bits >= 2048 ? strong : k.bits >= 1024 ? weak : short).push(`${s.selector} (${k.bits}-bit RSA)`);
    }
  }
  if (short.length > 0) return judged("dkim.key_strength", "too-short", [`DKIM keys of ${input.domain} below 1024 bits, which receivers reject (RFC 8301 §3.2): ${short.join(", ")}`]);
  if (weak.length > 0) return judged("dkim.key_strength", "rsa-1024", [`DKIM keys of ${input.domain} below 2048 bits: ${weak.join(", ")}`]);
  if (hosted.length > 0) return cannotTell(`the keys of ${hosted.join(", ")} are hosted by the provider behind a CNAME: only \`launch-ready audit\` can measure them`);
  // Nothing measured (every key revoked, unparsable or missing): no "strong" verdict about keys nobody read.
  if (strong.length === 0) return notApplicable(`no DKIM key of ${input.domain} could be measured: every one is revoked, unparsable or unpublished (see dkim.revoked, dkim.syntax, dkim.selector)`);
  return judged("dkim.key_strength", "strong", [`every DKIM key of ${input.domain} is RSA ≥ 2048 or ed25519: ${strong.join(", ")}`]);
}

export function judgeDkimRevoked(input: DkimInput): Verdict {
  const na = parkedOrNone(input);
  if (na !== undefined) return na;
  const revoked = input.selectors.filter((s) => s.kind === "txt" && s.txt.some((t) => parseDkimKey(t).record?.revoked === true));
  if (revoked.length > 0) return judged("dkim.revoked", "revoked", [`active selector(s) of ${input.domain} publish a revoked key (empty p=): ${revoked.map((s) => s.selector).join(", ")}`]);
  return judged("dkim.revoked", "active", [`no active DKIM selector of ${input.domain} is revoked`]);
}
