/**
 * Reads the planned mail of each domain back out of the planned resources, as a receiver would see it after apply:
 * the TXT, MX and CNAME records at each name (whoever planned them: the `Email` component, `dns.records`, or the
 * user's own program), the MTA-STS policy the Worker would serve, and what the `Email` component knows before apply
 * (the SPF lookup budget, SES's pending DKIM CNAMEs). The email rules hand these to the judges in core/judges/email.
 */
import { parseQuotedTxt, txtValue } from "../../../core/dns/txt";
import { isKnownProviderMx, KNOWN_INCLUDES } from "../../../core/email/build/senders";
import { type DmarcPolicy, isDmarcRecord, parseDmarc } from "../../../core/email/dmarc";
import { normalizeName } from "../../../core/email/lookup";
import { parseSpf } from "../../../core/email/spf";
import { type EdgeOrder, EDGE_ORDERS, followChain } from "../../../core/edge/redirect-sim";
import type { DkimSelectorFacts, MtaStsFetchInput } from "../../../core/judges/email";
import { ofType, TYPES } from "../../rule";
import type { PlannedResource } from "../../resource";
import { isRecord, simZones, webZones } from "./edge";
import { memoByIdentity } from "./memo";

export const EMAIL_COMPONENT = "launch-ready:email:Email";
export const WORKER_TYPES = { script: "cloudflare:index/workersScript:WorkersScript", customDomain: "cloudflare:index/workersCustomDomain:WorkersCustomDomain" } as const;
export const NO_EMAIL = "The stack plans no mail for any domain (no `email` section).";

export interface PlannedRecordSet {
  readonly txt: { readonly value: string; readonly strings: readonly string[]; readonly urn: string }[];
  readonly mx: { readonly preference: number; readonly exchange: string; readonly urn: string }[];
  readonly cname: { readonly target: string; readonly urn: string }[];
  readonly address: string[];
}

export interface PlannedMail {
  readonly domain: string;
  readonly urn: string;
  readonly parked: boolean;
  readonly spfBudget?: { readonly value: string; readonly lookups: number; readonly complete: boolean };
  readonly dkimSelectors: readonly string[];
  readonly missingDkim: readonly { readonly selector: string; readonly hint: string }[];
  readonly ses?: { readonly keyLength: string; readonly cnames: number };
  readonly mtaStsHost?: string;
  /** Every name → its planned records, across the stack (names lower case, no trailing dot). */
  readonly at: (name: string) => PlannedRecordSet;
  /** Domains the stack manages (DMARC report destinations it can answer for). */
  readonly managed: readonly string[];
}

const EMPTY: PlannedRecordSet = { txt: [], mx: [], cname: [], address: [] };

const recordsOnce = memoByIdentity((resources: readonly PlannedResource[]): Map<string, PlannedRecordSet> => {
  const byName = new Map<string, PlannedRecordSet>();
  for (const r of ofType(resources, TYPES.dnsRecord)) {
    const name = normalizeName(String(r.inputs["name"] ?? ""));
    const type = String(r.inputs["type"] ?? "");
    const content = typeof r.inputs["content"] === "string" ? r.inputs["content"] : "";
    const set = byName.get(name) ?? { txt: [], mx: [], cname: [], address: [] };
    if (type === "TXT") {
      const parsed = content.trimStart().startsWith('"') ? parseQuotedTxt(content) : undefined;
      set.txt.push({ value: txtValue(content), strings: parsed?.ok === true ? parsed.strings : [content], urn: r.urn });
    } else if (type === "MX") set.mx.push({ preference: typeof r.inputs["priority"] === "number" ? r.inputs["priority"] : 0, exchange: normalizeName(content), urn: r.urn });
    else if (type === "CNAME") set.cname.push({ target: normalizeName(content), urn: r.urn });
    else if (type === "A" || type === "AAAA") set.address.push(content);
    byName.set(name, set);
  }
  return byName;
});

function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

/** Every domain with an `Email` component, with the planned records the judges read. */
export const plannedMail = memoByIdentity((resources: readonly PlannedResource[]): PlannedMail[] => {
  const byName = recordsOnce(resources);
  const components = resources.filter((r) => r.type === EMAIL_COMPONENT);
  const managed = [...new Set([...components.map((c) => normalizeName(str(c.inputs["domain"]) ?? c.name)), ...webZones(resources).map((z) => z.label)])];
  return components.map((c) => {
    const domain = normalizeName(str(c.inputs["domain"]) ?? c.name);
    const spf = isRecord(c.inputs["spf"]) ? c.inputs["spf"] : undefined;
    const ses = isRecord(c.inputs["ses"]) ? c.inputs["ses"] : undefined;
    const mtaSts = isRecord(c.inputs["mtaSts"]) ? c.inputs["mtaSts"] : undefined;
    const sesCnames = resources.filter((r) => r.parentUrn === c.urn && r.type === TYPES.dnsRecord && /-ses-dkim-\d+$/.test(r.name)).length;
    const missing = Array.isArray(c.inputs["missingDkim"]) ? c.inputs["missingDkim"].filter(isRecord).map((m) => ({ selector: String(m["selector"] ?? ""), hint: String(m["hint"] ?? "") })) : [];
    return {
      domain,
      urn: c.urn,
      parked: c.inputs["parked"] === true,
      ...(spf !== undefined && typeof spf["value"] === "string" && typeof spf["lookups"] === "number" ? { spfBudget: { value: spf["value"], lookups: spf["lookups"], complete: spf["complete"] === true } } : {}),
      dkimSelectors: Array.isArray(c.inputs["dkimSelectors"]) ? c.inputs["dkimSelectors"].filter((s): s is string => typeof s === "string") : [],
      missingDkim: missing,
      ...(ses !== undefined ? { ses: { keyLength: String(ses["keyLength"] ?? ""), cnames: sesCnames } } : {}),
      ...(mtaSts !== undefined && typeof mtaSts["host"] === "string" ? { mtaStsHost: mtaSts["host"] } : {}),
      at: (name: string) => byName.get(normalizeName(name)) ?? EMPTY,
      managed,
    };
  });
});

/** The one SPF record at the domain, or undefined. */
export function spfOf(m: PlannedMail): { value: string; strings: readonly string[]; urn: string } | undefined {
  const records = m.at(m.domain).txt.filter((t) => /^v=spf1(?: |$)/i.test(t.value));
  return records.length === 1 ? records[0] : undefined;
}

export function txtAt(m: PlannedMail, name: string): string[] {
  return m.at(name).txt.map((t) => t.value);
}

/** The policy receivers apply from the planned DMARC record, or undefined when there is no single valid one. */
export function dmarcPolicyOf(m: PlannedMail): DmarcPolicy | undefined {
  const records = txtAt(m, `_dmarc.${m.domain}`).filter(isDmarcRecord);
  if (records.length !== 1) return undefined;
  const p = parseDmarc(records[0] ?? "");
  return p.errors.length === 0 ? p.record.p : undefined;
}

/** The include targets of the planned SPF record that are not known providers (their existence is not known offline). */
export function unknownIncludes(record: string): string[] {
  const terms = parseSpf(record).record.terms;
  const out: string[] = [];
  for (const t of terms) {
    if (t.type === "directive" && (t.mechanism.kind === "include" || t.mechanism.kind === "exists") && !KNOWN_INCLUDES.includes(normalizeName(t.mechanism.domain))) out.push(normalizeName(t.mechanism.domain));
    if (t.type === "modifier" && t.name === "redirect") out.push(normalizeName(t.value));
  }
  return out;
}

/** The facts for each selector the domain signs with. */
export function dkimFacts(m: PlannedMail): DkimSelectorFacts[] {
  const out: DkimSelectorFacts[] = [];
  for (const sel of m.dkimSelectors) {
    if (sel === "*") continue;
    if (sel === "ses") {
      // Easy DKIM: three CNAMEs from the identity's tokens, keys generated by SES at the length asked for.
      const bits = m.ses?.keyLength === "RSA_2048_BIT" ? 2048 : m.ses?.keyLength === "RSA_1024_BIT" ? 1024 : undefined;
      if ((m.ses?.cnames ?? 0) >= 3) out.push({ selector: "ses (Easy DKIM ×3)", kind: "cname", target: "<token>.dkim.amazonses.com", ...(bits !== undefined ? { keyBits: bits } : {}) });
      else out.push({ selector: "ses (Easy DKIM)", kind: "missing", hint: `SES Easy DKIM needs its three token CNAMEs; ${m.ses?.cnames ?? 0} planned` });
      continue;
    }
    const set = m.at(`${sel}._domainkey.${m.domain}`);
    if (set.cname[0] !== undefined) out.push({ selector: sel, kind: "cname", target: set.cname[0].target });
    else if (set.txt.length > 0) out.push({ selector: sel, kind: "txt", txt: set.txt.map((t) => t.value) });
    else out.push({ selector: sel, kind: "missing" });
  }
  for (const x of m.missingDkim) out.push({ selector: x.selector, kind: "missing", hint: x.hint });
  return out;
}

/** The MTA-STS policy text embedded in the planned Worker serving `mta-sts.<domain>`, if any. */
export function servedPolicy(resources: readonly PlannedResource[], m: PlannedMail): { readonly policy: string; readonly worker: PlannedResource; readonly contentType: string } | undefined {
  const host = m.mtaStsHost ?? `mta-sts.${m.domain}`;
  const domainRes = resources.find((r) => r.type === WORKER_TYPES.customDomain && normalizeName(String(r.inputs["hostname"] ?? "")) === host);
  if (domainRes === undefined) return undefined;
  const service = str(domainRes.inputs["service"]);
  const worker = resources.find((r) => r.type === WORKER_TYPES.script && str(r.inputs["scriptName"]) === service);
  const content = worker !== undefined ? str(worker.inputs["content"]) : undefined;
  if (worker === undefined || content === undefined) return undefined;
  const policy = /^const POLICY = ("(?:[^"\\]|\\.)*");$/m.exec(content)?.[1];
  const type = /"content-type": "([^"]+)"/.exec(content)?.[1];
  if (policy === undefined || type === undefined || !content.includes('"/.well-known/mta-sts.txt"')) return undefined;
  const parsed: unknown = JSON.parse(policy);
  return typeof parsed === "string" ? { policy: parsed, worker, contentType: type } : undefined;
}

/**
 * What a sender's fetch of the policy gets from the planned edge: the zone's redirect rules run first (the
 * simulator, under both orders of Always Use HTTPS), then the Worker answers.
 */
export function plannedPolicyFetch(resources: readonly PlannedResource[], m: PlannedMail): MtaStsFetchInput["fetch"] {
  const served = servedPolicy(resources, m);
  const host = m.mtaStsHost ?? `mta-sts.${m.domain}`;
  if (m.mtaStsHost === undefined && served === undefined) return { kind: "none" };
  if (served === undefined) return { kind: "unknown", reason: `no planned Worker recognisably serves https://${host}/.well-known/mta-sts.txt: only \`launch-ready audit\` can fetch it` };
  const zones = simZones(webZones(resources)).map((z) => (host === z.name || host.endsWith(`.${z.name}`) ? { ...z, hosts: [...z.hosts, host] } : z));
  const url = `https://${host}/.well-known/mta-sts.txt`;
  for (const order of EDGE_ORDERS as readonly EdgeOrder[]) {
    const chain = followChain(zones, url, order);
    if (chain.end.kind === "unreadable") return { kind: "unknown", reason: `redirect rule ${chain.end.ref} cannot be read (${chain.end.reason}), so whether it touches ${url} is not known` };
    const hop = chain.hops[0];
    if (hop !== undefined) return { kind: "redirected", to: hop.to, by: hop.by };
  }
  return { kind: "served", status: 200, contentType: served.contentType, by: `Worker ${str(served.worker.inputs["scriptName"]) ?? served.worker.name}; no redirect rule matches (simulated)` };
}

/** What each MX target is, from the plan: a record in the stack, a known provider host, or not known (never guessed absent). */
export function mxTargets(m: PlannedMail): Map<string, "address" | "cname" | "absent" | undefined> {
  const out = new Map<string, "address" | "cname" | "absent" | undefined>();
  for (const mx of m.at(m.domain).mx) {
    const set = m.at(mx.exchange);
    out.set(mx.exchange, set.cname.length > 0 ? "cname" : set.address.length > 0 || isKnownProviderMx(mx.exchange) ? "address" : undefined);
  }
  return out;
}
