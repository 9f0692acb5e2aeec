/** CAA record syntax (RFC 8659 §4): pure. */
import type { CaaRecord } from "../../types";

export type CaaProblem = { readonly severity: "warn" | "fail"; readonly message: string };

/** Tags with defined semantics: RFC 8659, RFC 9495 (issuemail), CA/B Forum (issuevmc, contactemail, contactphone). */
export const KNOWN_TAGS: ReadonlySet<string> = new Set(["issue", "issuewild", "iodef", "issuemail", "issuevmc", "contactemail", "contactphone"]);
const TAG = /^[a-z0-9]{1,15}$/i;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;
const PARAM = /^\s*([a-z0-9]+)\s*=\s*([\x21-\x3a\x3c-\x7e]*)\s*$/i;

export function caaText(r: CaaRecord): string {
  return `${r.flags} ${r.tag} "${r.value}"`;
}

/** The issuer domain of an `issue`/`issuewild` value; "" means "no CA may issue" (RFC 8659 §4.2). */
export function issuerDomain(value: string): string {
  return (value.split(";")[0] ?? "").trim().toLowerCase().replace(/\.$/, "");
}

function issueValueProblem(value: string): string | undefined {
  const [domain = "", ...params] = value.split(";");
  const d = domain.trim();
  if (d !== "" && !d.replace(/\.$/, "").split(".").every((l) => LABEL.test(l))) return `issuer "${d}" is not a domain name`;
  for (const p of params) {
    if (p.trim() === "") continue;
    if (!PARAM.test(p)) return `parameter "${p.trim()}" is not tag=value`;
  }
  return undefined;
}

function iodefProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `iodef "${value}" is not a URL`;
  }
  if (url.protocol === "mailto:") return url.pathname.includes("@") ? undefined : `iodef "${value}" has no mail address`;
  if (url.protocol === "https:" || url.protocol === "http:") return undefined;
  return `iodef "${value}" must be a mailto:, https: or http: URL (RFC 8659 §4.4)`;
}

export function caaProblems(records: readonly CaaRecord[]): CaaProblem[] {
  const out: CaaProblem[] = [];
  for (const r of records) {
    const text = caaText(r);
    const critical = (r.flags & 0x80) !== 0;
    const tag = r.tag.toLowerCase();
    if (!TAG.test(r.tag)) {
      out.push({ severity: "fail", message: `${text}: tag "${r.tag}" must be 1-15 letters or digits` });
      continue;
    }
    if (!KNOWN_TAGS.has(tag)) {
      out.push(
        critical
          ? { severity: "fail", message: `${text}: unknown tag "${r.tag}" marked critical, so no CA may issue at all (RFC 8659 §4.1)` }
          : { severity: "warn", message: `${text}: unknown tag "${r.tag}" (ignored by CAs)` },
      );
      continue;
    }
    if (tag === "issue" || tag === "issuewild") {
      const p = issueValueProblem(r.value);
      if (p) out.push({ severity: "fail", message: `${text}: ${p}` });
    } else if (tag === "iodef") {
      const p = iodefProblem(r.value);
      if (p) out.push({ severity: "fail", message: `${text}: ${p}` });
    }
    if ((r.flags & 0x7f) !== 0) out.push({ severity: "warn", message: `${text}: flags ${r.flags} set reserved bits (only 128, critical, is defined)` });
  }
  return out;
}
