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
  | { readonly selector: string; readonly kind: "missing"; readonly hint?: string }
  /** The live lookup failed (timeout, SERVFAIL): what is published there is unknown, never read as absent. */
  | { readonly selector: string; readonly kind: "unknown"; readonly reason: string };

export interface DkimInput {
  readonly domain: string;
  readonly parked: boolean;
  /** Every selector the domain's senders sign with, and what is published for it. */
  readonly selectors: readonly DkimSelectorFacts[];
  /**
   * Whether `selectors` are the ones the senders sign with (true, the default: from the stack) or merely common
   * names tried live (false: an unpublished one is not a defect, and a revoked one may be unused).
   */
  readonly selectorsKnown?: boolean;
}

const known = (input: DkimInput): boolean => input.selectorsKnown !== false;
const name = (input: DkimInput, selector: string): string => `${selector}._domainkey.${input.domain}`;
const published = (input: DkimInput): DkimSelectorFacts[] => input.selectors.filter((s) => s.kind === "cname" || (s.kind === "txt" && s.txt.length > 0));
const failedLookups = (input: DkimInput): { selector: string; reason: string }[] => input.selectors.flatMap((s) => (s.kind === "unknown" ? [{ selector: s.selector, reason: s.reason }] : []));

/** No key published to judge: cannot tell when a lookup failed, otherwise nothing applies. */
function nothingPublished(input: DkimInput): Verdict | undefined {
  if (published(input).length > 0) return undefined;
  const f = failedLookups(input)[0];
  if (f !== undefined) return cannotTell(`no DKIM key record could be read: the lookup of ${name(input, f.selector)} failed (${f.reason})`);
  return notApplicable(`no DKIM key record found at ${input.domain} to judge`);
}

/** A pass over the keys read is withheld while a selector the senders use could not be looked up. */
function unlessFailed(input: DkimInput, v: Verdict): Verdict {
  const f = failedLookups(input)[0];
  if (!known(input) || f === undefined || v.status !== "pass") return v;
  return cannotTell(`the lookup of configured selector ${name(input, f.selector)} failed (${f.reason}), so its key is unjudged`);
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
  const failed = failedLookups(input);
  if (!known(input)) {
    const found = published(input);
    if (found.length > 0) return judged("dkim.selector", "published", [`DKIM selector(s) found: ${found.map((s) => s.selector).join(", ")} (discovered; give --stack to check the selectors you use)`]);
    if (failed.length > 0) return cannotTell(`no common DKIM selector found, and ${failed.length} lookup(s) failed (${failed[0]?.reason ?? ""})`);
    return judged("dkim.selector", "none-found", [`no DKIM selector configured and none of the common ones (${input.selectors.map((s) => s.selector).join(", ")}) found at ${input.domain}; give --stack to check yours`]);
  }
  const missing = input.selectors.filter((s) => s.kind === "missing" || (s.kind === "txt" && s.txt.length === 0));
  if (missing.length > 0) {
    const hints = missing.flatMap((s) => (s.kind === "missing" && s.hint !== undefined ? [s.hint] : []));
    return judged("dkim.selector", "missing", [`${missing.map((s) => name(input, s.selector)).join(", ")} ${missing.length === 1 ? "is" : "are"} not published${hints.length > 0 ? `: ${hints.join("; ")}` : ""}`]);
  }
  const f = failed[0];
  if (f !== undefined) return cannotTell(`the lookup of ${name(input, f.selector)} failed (${f.reason})`);
  return judged("dkim.selector", "published", [`every DKIM selector of ${input.domain} is published: ${input.selectors.map((s) => (s.kind === "cname" ? `${s.selector} (CNAME ${s.target})` : `${s.selector} (TXT)`)).join(", ")}`]);
}

export function judgeDkimSyntax(input: DkimInput): Verdict {
  const na = parkedOrNone(input) ?? nothingPublished(input);
  if (na !== undefined) return na;
  const bad: string[] = [];
  const hosted: string[] = [];
  const several: string[] = [];
  const testing: string[] = [];
  const strict: string[] = [];
  for (const s of input.selectors) {
    if (s.kind === "cname") {
      if (s.keyBits === undefined) hosted.push(s.selector);
      continue;
    }
    if (s.kind !== "txt") continue;
    if (s.txt.length > 1) several.push(`${name(input, s.selector)} has ${s.txt.length} TXT records`);
    for (const t of s.txt) {
      const p = parseDkimKey(t);
      // Tags that change what a verifier does (RFC 6376 §3.6.1 h=, s=, k=; RFC 8463) rule a key out as surely as a syntax error.
      const problems = p.record === undefined || p.errors.length > 0 ? p.errors : dkimKeyUnusable(p.record);
      if (problems.length > 0) bad.push(`${name(input, s.selector)}: ${problems[0] ?? "unreadable"}`);
      if (p.record?.testing === true && !testing.includes(name(input, s.selector))) testing.push(name(input, s.selector));
      // t=s: the signature's i= must be in d= exactly (RFC 6376 §3.6.1); a fact, not a defect.
      if (p.record?.strict === true && !strict.includes(name(input, s.selector))) strict.push(name(input, s.selector));
    }
  }
  if (several.length > 0) return judged("dkim.syntax", "several", [`${several.join("; ")}: receivers cannot tell which key to use`]);
  if (bad.length > 0) return judged("dkim.syntax", "invalid", [`DKIM key records of ${input.domain} are unusable: ${bad.join("; ")}`]);
  if (testing.length > 0) return judged("dkim.syntax", "testing", [`${testing.join(", ")} has t=y (testing): some receivers treat its signatures as unsigned`]);
  if (hosted.length > 0) return cannotTell(`the keys of ${hosted.join(", ")} are hosted by the provider behind a CNAME: only \`launch-ready audit\` can read them`);
  return unlessFailed(input, judged("dkim.syntax", "valid", [`every DKIM key record of ${input.domain} is valid for email signatures${strict.length > 0 ? `; t=s at ${strict.join(", ")}: signatures must use i= in d= itself` : ""}`]));
}

export function judgeDkimKeyStrength(input: DkimInput): Verdict {
  const na = parkedOrNone(input);
  if (na !== undefined) return na;
  const weak: string[] = [];
  const short: string[] = [];
  const unreadable: string[] = [];
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
      else unreadable.push(`${s.selector} (${k.reason})`);
    }
  }
  if (short.length > 0) return judged("dkim.key_strength", "too-short", [`DKIM keys of ${input.domain} below 1024 bits, which receivers reject (RFC 8301 §3.2): ${short.join(", ")}`]);
  if (unreadable.length > 0) return judged("dkim.key_strength", "unreadable", [`DKIM keys of ${input.domain} that cannot be read as a key: ${unreadable.join(", ")}`]);
  if (weak.length > 0) return judged("dkim.key_strength", "rsa-1024", [`DKIM keys of ${input.domain} below 2048 bits: ${weak.join(", ")}`]);
  if (hosted.length > 0) return cannotTell(`the keys of ${hosted.join(", ")} are hosted by the provider behind a CNAME: only \`launch-ready audit\` can measure them`);
  const f = known(input) ? failedLookups(input)[0] : undefined;
  if (f !== undefined) return cannotTell(`the lookup of configured selector ${name(input, f.selector)} failed (${f.reason}), so its key is unjudged`);
  // Nothing measured (every key revoked, unparsable or missing): no "strong" verdict about keys nobody read.
  if (strong.length === 0) return notApplicable(`no DKIM key of ${input.domain} could be measured: every one is revoked, unparsable or unpublished (see dkim.revoked, dkim.syntax, dkim.selector)`);
  return judged("dkim.key_strength", "strong", [`every DKIM key of ${input.domain} is RSA ≥ 2048 or ed25519: ${strong.join(", ")}`]);
}

export function judgeDkimRevoked(input: DkimInput): Verdict {
  const na = parkedOrNone(input) ?? nothingPublished(input);
  if (na !== undefined) return na;
  const revoked = input.selectors.filter((s) => s.kind === "txt" && s.txt.some((t) => parseDkimKey(t).record?.revoked === true));
  const names = revoked.map((s) => name(input, s.selector)).join(", ");
  if (revoked.length > 0 && known(input)) return judged("dkim.revoked", "revoked", [`configured DKIM selector ${names} is revoked (empty p=): every message signed with it fails DKIM`]);
  if (revoked.length > 0) return judged("dkim.revoked", "revoked-unused", [`DKIM selector ${names} is revoked (empty p=) but still published`]);
  return unlessFailed(input, judged("dkim.revoked", "active", [`no active DKIM selector of ${input.domain} is revoked`]));
}
