import { duplicateTags, parseTagList } from "../tag-list";

export interface TlsRptParse {
  readonly rua: readonly string[];
  readonly errors: readonly string[];
}

/** Records that take part in TLS-RPT discovery: those beginning `v=TLSRPTv1;` (RFC 8460 §3). */
export function isTlsRptRecord(txt: string): boolean {
  return /^v=TLSRPTv1(?:;|$)/.test(txt);
}

/** `v=TLSRPTv1; rua=mailto:…[,https://…]` (RFC 8460 §3): rua required, mailto: or https: URIs only. */
export function parseTlsRpt(text: string): TlsRptParse {
  const list = parseTagList(text);
  const errors = [...list.errors];
  if (list.tags[0]?.name !== "v" || list.tags[0]?.value !== "TLSRPTv1") errors.push('the record must start with "v=TLSRPTv1;"');
  for (const dup of duplicateTags(list.tags)) errors.push(`field "${dup}" appears more than once`);
  const ruaValue = list.tags.find((t) => t.name === "rua")?.value;
  const rua: string[] = [];
  if (ruaValue === undefined || ruaValue.trim() === "") {
    errors.push('"rua=" is missing: say where reports go (mailto: or https:)');
  } else {
    for (const raw of ruaValue.split(",")) {
      const uri = raw.trim();
      if (/^mailto:[^@\s]+@[^@\s]+\.[^@\s]+$/i.test(uri)) rua.push(uri);
      else if (/^https:\/\/[^\s/]+/i.test(uri) && isUrl(uri)) rua.push(uri);
      else errors.push(`rua URI "${uri}" must be mailto:address or https://host/path`);
    }
  }
  return { rua, errors };
}

function isUrl(text: string): boolean {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

export function buildTlsRpt(rua: readonly string[]): string {
  if (rua.length === 0) throw new RangeError("TLS-RPT needs at least one rua URI");
  return `v=TLSRPTv1; rua=${rua.map((u) => (/^(mailto|https):/i.test(u) ? u : `mailto:${u}`)).join(",")}`;
}
