import { isIPv6 } from "node:net";
import { checkDomainSpec, checkMacroString } from "./macro";
import type { SpfMechanism, SpfParseResult, SpfQualifier, SpfTerm } from "./types";

/** `v=spf1` followed by a space or the end (RFC 7208 §4.5): `v=spf10` is not SPF. */
export function isSpfRecord(txt: string): boolean {
  return /^v=spf1(?: |$)/i.test(txt);
}

const QUALIFIERS = new Set(["+", "-", "~", "?"]);
const MECHANISMS = new Set(["all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists"]);
const MODIFIER = /^([A-Za-z][A-Za-z0-9._-]*)=(.*)$/;
const QNUM = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const IP4 = new RegExp(`^${QNUM}\\.${QNUM}\\.${QNUM}\\.${QNUM}$`);

/** A CIDR length: no leading zeros, within `max` (RFC 7208 §12 ip4-cidr-length / ip6-cidr-length). */
function parseCidr(text: string, max: number): number | undefined {
  if (!/^(?:0|[1-9]\d{0,2})$/.test(text)) return undefined;
  const n = Number(text);
  return n <= max ? n : undefined;
}

/** Splits `domain-spec/cidr4//cidr6` for `a` and `mx`. */
function parseDualCidr(
  arg: string,
  errors: string[],
  raw: string,
): { domain?: string; cidr4?: number; cidr6?: number } {
  const m = /^([^/]*)(?:\/([^/]*))?(?:\/\/(.*))?$/.exec(arg);
  if (!m) {
    errors.push(`"${raw}": cannot read the CIDR lengths`);
    return {};
  }
  const out: { domain?: string; cidr4?: number; cidr6?: number } = {};
  if (m[1] !== undefined && m[1] !== "") out.domain = m[1];
  if (m[2] !== undefined) {
    const n = parseCidr(m[2], 32);
    if (n === undefined) errors.push(`"${raw}": IPv4 CIDR length "/${m[2]}" must be 0–32`);
    else out.cidr4 = n;
  }
  if (m[3] !== undefined) {
    const n = parseCidr(m[3], 128);
    if (n === undefined) errors.push(`"${raw}": IPv6 CIDR length "//${m[3]}" must be 0–128`);
    else out.cidr6 = n;
  }
  return out;
}

function checkDomain(domain: string, raw: string, errors: string[]): void {
  for (const e of checkDomainSpec(domain).errors) errors.push(`"${raw}": ${e}`);
}

function parseMechanism(name: string, arg: string | undefined, raw: string, errors: string[]): SpfMechanism | undefined {
  // `arg` is what follows ":" (undefined when there is no ":"); a CIDR may follow directly with "/".
  switch (name) {
    case "all":
      if (arg !== undefined) errors.push(`"${raw}": all takes no argument`);
      return { kind: "all" };
    case "include":
    case "exists": {
      if (arg === undefined || arg === "") {
        errors.push(`"${raw}": ${name} needs a domain (${name}:example.com)`);
        return undefined;
      }
      checkDomain(arg, raw, errors);
      return { kind: name, domain: arg };
    }
    case "ptr": {
      if (arg === "") errors.push(`"${raw}": empty domain after ":"`);
      if (arg) checkDomain(arg, raw, errors);
      return arg ? { kind: "ptr", domain: arg } : { kind: "ptr" };
    }
    case "ip4":
    case "ip6": {
      if (arg === undefined || arg === "") {
        errors.push(`"${raw}": ${name} needs an address (${name === "ip4" ? "ip4:192.0.2.0/24" : "ip6:2001:db8::/32"})`);
        return undefined;
      }
      const slash = arg.indexOf("/");
      const network = slash < 0 ? arg : arg.slice(0, slash);
      const cidrText = slash < 0 ? undefined : arg.slice(slash + 1);
      const valid = name === "ip4" ? IP4.test(network) : isIPv6(network);
      if (!valid) errors.push(`"${raw}": "${network}" is not a valid ${name === "ip4" ? "IPv4" : "IPv6"} address`);
      if (cidrText === undefined) return { kind: name, network };
      const prefix = parseCidr(cidrText, name === "ip4" ? 32 : 128);
      if (prefix === undefined) {
        errors.push(`"${raw}": CIDR length "/${cidrText}" must be 0–${name === "ip4" ? 32 : 128}`);
        return { kind: name, network };
      }
      return { kind: name, network, prefix };
    }
    default:
      return undefined;
  }
}

/** Parses one SPF record (RFC 7208 §12). Never throws: problems are returned as errors naming the term. */
export function parseSpf(text: string): SpfParseResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  const terms: SpfTerm[] = [];
  let redirect: string | undefined;
  let exp: string | undefined;

  if (!isSpfRecord(text)) {
    return { record: { terms }, errors: [`the record does not start with "v=spf1": ${JSON.stringify(text.slice(0, 40))}`], warnings };
  }
  // Terms are separated by one or more SP (RFC 7208 §12: 1*SP); tabs and other whitespace are invalid.
  const rest = text.slice(6);
  if (/[^\x20-\x7e]/.test(rest)) errors.push("the record contains a character other than printable ASCII and space (tabs are not allowed)");
  const rawTerms = rest.split(/[^\x21-\x7e]+/).filter((t) => t !== "");

  let allSeen = false;
  for (const raw of rawTerms) {
    const modifier = MODIFIER.exec(raw);
    if (modifier && !/^[+\-~?]/.test(raw)) {
      const name = (modifier[1] ?? "").toLowerCase();
      const value = modifier[2] ?? "";
      if (name === "redirect" || name === "exp") {
        if ((name === "redirect" ? redirect : exp) !== undefined) {
          errors.push(`"${raw}": ${name}= may appear only once (RFC 7208 §6)`);
          continue;
        }
        if (name === "redirect") {
          checkDomain(value, raw, errors);
          redirect = value;
        } else {
          checkDomain(value, raw, errors);
          exp = value;
        }
      } else {
        for (const e of checkMacroString(value).errors) errors.push(`"${raw}": ${e}`);
      }
      terms.push({ type: "modifier", name, value, raw });
      continue;
    }

    const first = raw[0] ?? "";
    const explicitQualifier = QUALIFIERS.has(first);
    const qualifier: SpfQualifier = explicitQualifier ? (first as SpfQualifier) : "+";
    const body = explicitQualifier ? raw.slice(1) : raw;
    const m = /^([A-Za-z][A-Za-z0-9]*)(.*)$/.exec(body);
    const name = (m?.[1] ?? "").toLowerCase();
    if (!m || !MECHANISMS.has(name)) {
      errors.push(`"${raw}" is not an SPF mechanism or modifier (mechanisms: ${[...MECHANISMS].join(", ")})`);
      continue;
    }
    const tail = m[2] ?? "";
    let mechanism: SpfMechanism | undefined;
    if (name === "a" || name === "mx") {
      if (tail !== "" && !tail.startsWith(":") && !tail.startsWith("/")) {
        errors.push(`"${raw}" is not an SPF mechanism or modifier`);
        continue;
      }
      const hasDomain = tail.startsWith(":");
      const dual = parseDualCidr(hasDomain ? tail.slice(1) : tail, errors, raw);
      if (hasDomain && dual.domain === undefined) errors.push(`"${raw}": empty domain after ":"`);
      if (dual.domain !== undefined) checkDomain(dual.domain, raw, errors);
      mechanism = { kind: name, ...dual };
    } else {
      if (tail !== "" && !tail.startsWith(":")) {
        errors.push(`"${raw}" is not an SPF mechanism or modifier`);
        continue;
      }
      mechanism = parseMechanism(name, tail === "" ? undefined : tail.slice(1), raw, errors);
    }
    if (!mechanism) continue;
    if (allSeen) warnings.push(`"${raw}" follows "all" and is never evaluated`);
    if (mechanism.kind === "all") allSeen = true;
    terms.push({ type: "directive", qualifier, explicitQualifier, mechanism, raw });
  }
  // RFC 7208 §6.1: redirect is ignored when the record has an `all` mechanism.
  if (redirect !== undefined && allSeen) warnings.push(`"redirect=${redirect}" is ignored because the record has an "all" mechanism`);

  const record = { terms, ...(redirect !== undefined ? { redirect } : {}), ...(exp !== undefined ? { exp } : {}) };
  return { record, errors, warnings };
}

/** The terminal `all` directive, if any (the first one: evaluation stops there). */
export function findAll(terms: readonly SpfTerm[]): Extract<SpfTerm, { type: "directive" }> | undefined {
  for (const t of terms) if (t.type === "directive" && t.mechanism.kind === "all") return t;
  return undefined;
}
