/**
 * parse → normalise → cross-field rules → `{ value, errors, warnings }`, every issue with its field path.
 * Pure: the caller gets all errors at once and decides (the program registers nothing; the CLI exits 2).
 */
import { isIPv4, isIPv6 } from "node:net";
import { z } from "zod";
import type { ScorecardRowId } from "../checklist/types";
import { hostNameProblem, isWithinZone, toALabels } from "../core/dns/names";
import { type ConfigIssue, type ConfigReport, formatPath, fromZodIssues } from "./issues";
import { type DomainConfig, type LaunchReadyConfig, launchReadyConfigSchema } from "./schema";
import type { DomainSpec, LaunchReadySpec, Origin, RateLimitSpec, WebHostSpec, WebSpec } from "./spec";

export const NAMESPACE = "launch-ready";

/**
 * Validates the `launch-ready:*` keys of a stack's config (other namespaces, such as `aws:` or `cloudflare:`,
 * are the providers' business and are ignored here).
 */
export function validateConfig(
  config: Readonly<Record<string, unknown>>,
  options: { readonly secretPaths?: readonly string[] } = {},
): ConfigReport<LaunchReadySpec> {
  const ours = Object.fromEntries(Object.entries(config).filter(([k]) => k.startsWith(`${NAMESPACE}:`)));
  const parsed = launchReadyConfigSchema.safeParse(ours);
  if (!parsed.success) {
    const issues = fromZodIssues(parsed.error.issues, knownKeysAt);
    // An encrypted value cannot be read offline: its own errors are unknowable, not wrong (`pulumi preview` checks it).
    const secret = (i: ConfigIssue): boolean => (options.secretPaths ?? []).some((p) => i.path === p || i.path.startsWith(`${p}.`) || i.path.startsWith(`${p}[`));
    const errors = issues.filter((i) => !secret(i));
    const warnings = issues.filter(secret).map((i) => ({ path: i.path, message: "is encrypted (secure:), so the offline preview cannot check it; `pulumi preview` will" }));
    if (errors.length > 0) return { errors: sortIssues(errors), warnings };
  }
  if (!parsed.success) {
    return { errors: [{ path: "(stack config)", message: "holds encrypted values where plain ones are needed: run `pulumi preview` to validate it with the stack's key" }], warnings: [] };
  }
  const errors: ConfigIssue[] = [];
  const warnings: ConfigIssue[] = [];
  const spec = normalise(parsed.data, errors, warnings);
  return errors.length > 0 ? { errors: sortIssues(errors), warnings } : { value: spec, errors: [], warnings };
}

function normalise(cfg: LaunchReadyConfig, errors: ConfigIssue[], warnings: ConfigIssue[]): LaunchReadySpec {
  const seen = new Map<string, number>();
  const domains = cfg["launch-ready:domains"].map((d, i) => {
    const at = (...p: PropertyKey[]) => formatPath(["launch-ready:domains", i, ...p]);
    const first = seen.get(d.name);
    if (first !== undefined) errors.push({ path: at("name"), message: `\`${d.name}\` is already declared at launch-ready:domains[${first}]: declare each domain once` });
    else seen.set(d.name, i);
    return normaliseDomain(d, at, errors, warnings);
  });
  const alerts = cfg["launch-ready:alerts"];
  const backups = cfg["launch-ready:backups"];
  const secrets = cfg["launch-ready:secrets"];
  const secretNames = new Set<string>();
  secrets.forEach((s, i) => {
    if (secretNames.has(s.name)) errors.push({ path: formatPath(["launch-ready:secrets", i, "name"]), message: `\`${s.name}\` is declared twice: secret names must be unique` });
    secretNames.add(s.name);
  });
  for (const [key, present] of [
    ["launch-ready:alerts", alerts !== undefined],
    ["launch-ready:secrets", secrets.length > 0],
    ["launch-ready:backups", backups !== undefined],
  ] as const) {
    if (present) warnings.push({ path: key, message: notProvisionedYet });
  }
  const [tagKey, tagValue] = backups ? (Object.entries(backups.selectionTag)[0] ?? ["", ""]) : ["", ""];
  return {
    domains,
    ...(alerts ? { alerts: { emails: alerts.emails } } : {}),
    secrets,
    ...(backups ? { backups: { ...backups, selectionTag: { key: tagKey, value: tagValue } } } : {}),
  };
}

export const NOT_PROVISIONED_YET = "is validated, but this version does not provision it yet: the scorecard shows its row as not covered";
const notProvisionedYet = NOT_PROVISIONED_YET;

/** The scorecard row a not-yet-provisioned config section belongs to, from its path. */
export function rowOfConfigPath(path: string): ScorecardRowId | undefined {
  const last = path.split(".").pop() ?? path;
  const key = last.replace(/^launch-ready:/, "");
  const rows: Record<string, ScorecardRowId> = {
    email: "email-auth",
    rateLimits: "rate-limiting",
    monitoring: "monitoring",
    alerts: "monitoring",
    secrets: "secrets",
    backups: "backup",
  };
  return rows[key];
}

function normaliseDomain(d: DomainConfig, at: (...p: PropertyKey[]) => string, errors: ConfigIssue[], warnings: ConfigIssue[]): DomainSpec {
  const web = d.web ? normaliseWeb(d.name, d.web, (...p) => at("web", ...p), errors, warnings) : undefined;
  const webHosts = new Set(web?.hosts.map((h) => h.name) ?? []);
  d.dns.records.forEach((r, j) => {
    if (!isWithinZone(r.name, d.name)) {
      errors.push({ path: at("dns", "records", j, "name"), message: `\`${r.name}\` is outside the zone \`${d.name}\`: records must be under the domain they belong to` });
    }
    if (webHosts.has(r.name) && (r.type === "A" || r.type === "AAAA" || r.type === "CNAME")) {
      errors.push({ path: at("dns", "records", j), message: `\`${r.name}\` is a web host (see \`web\`): its ${r.type} record is managed from \`web\`; remove this entry` });
    }
    if ((r.type === "MX" || r.type === "SRV") && r.priority === undefined) {
      errors.push({ path: at("dns", "records", j, "priority"), message: `is required for ${r.type} records (e.g. 10)` });
    }
    if (r.proxied && !(r.type === "A" || r.type === "AAAA" || r.type === "CNAME")) {
      errors.push({ path: at("dns", "records", j, "proxied"), message: `only A, AAAA and CNAME records can be proxied; set \`proxied: false\`` });
    }
  });
  const names = new Set<string>();
  const rateLimits: RateLimitSpec[] = d.rateLimits.map((r, j) => {
    const name = typeof r === "string" ? r : r.name;
    if (names.has(name)) errors.push({ path: at("rateLimits", j), message: `\`${name}\` is listed twice: list each endpoint once` });
    names.add(name);
    return typeof r === "string" ? { preset: r } : r;
  });
  for (const [key, present] of [
    ["email", d.email !== undefined],
    ["rateLimits", rateLimits.length > 0],
    ["monitoring", d.monitoring !== undefined],
  ] as const) {
    if (present) warnings.push({ path: at(key), message: notProvisionedYet });
  }
  return {
    name: d.name,
    cloudflare: d.cloudflare.zoneId ? { plan: d.cloudflare.plan, zoneId: d.cloudflare.zoneId } : { plan: d.cloudflare.plan },
    ...(web ? { web } : {}),
    dnsRecords: d.dns.records,
    ...(d.email ? { email: d.email } : {}),
    rateLimits,
    ...(d.monitoring ? { monitoring: d.monitoring } : {}),
  };
}

function normaliseWeb(
  zone: string,
  w: NonNullable<DomainConfig["web"]>,
  at: (...p: PropertyKey[]) => string,
  errors: ConfigIssue[],
  warnings: ConfigIssue[],
): WebSpec {
  const origin = parseOrigin(w.origin, at("origin"), errors);
  const canonicalHost = w.canonicalHost ?? zone;
  if (!isWithinZone(canonicalHost, zone)) {
    errors.push({ path: at("canonicalHost"), message: `\`${canonicalHost}\` is outside \`${zone}\`: the canonical host must be the domain or one of its subdomains` });
  }
  const wwwOf = `www.${zone}`;
  const aliases = w.aliases ?? (canonicalHost === zone ? [wwwOf] : canonicalHost === wwwOf ? [zone] : []);
  const hosts: WebHostSpec[] = [{ name: canonicalHost, origin }];
  const taken = new Map<string, string>([[canonicalHost, at("canonicalHost")]]);
  aliases.forEach((a, j) => {
    const clash = taken.get(a);
    if (clash !== undefined) errors.push({ path: at("aliases", j), message: `\`${a}\` is already used at ${clash}: an alias must differ from the canonical host and from other aliases` });
    else if (!isWithinZone(a, zone)) errors.push({ path: at("aliases", j), message: `\`${a}\` is outside \`${zone}\`: aliases must be names in this zone` });
    taken.set(a, at("aliases", j));
    hosts.push({ name: a, origin });
  });
  w.hosts.forEach((h, j) => {
    const clash = taken.get(h.name);
    if (clash !== undefined) errors.push({ path: at("hosts", j, "name"), message: `\`${h.name}\` is already used at ${clash}: declare each host once` });
    else if (!isWithinZone(h.name, zone)) errors.push({ path: at("hosts", j, "name"), message: `\`${h.name}\` is outside \`${zone}\`` });
    taken.set(h.name, at("hosts", j, "name"));
    hosts.push({ name: h.name, origin: h.origin === undefined ? origin : parseOrigin(h.origin, at("hosts", j, "origin"), errors) });
  });
  const { hsts } = w;
  if (hsts.preload && (!hsts.includeSubdomains || hsts.maxAgeSeconds < 31536000)) {
    errors.push({
      path: at("hsts", "preload"),
      message: "preload needs `includeSubdomains: true` and `maxAgeSeconds` of at least 31536000; set those or set `preload: false`",
    });
  }
  if (hsts.maxAgeSeconds < 31536000) {
    warnings.push({ path: at("hsts", "maxAgeSeconds"), message: `${hsts.maxAgeSeconds} s is under one year: the hsts.max_age check will fail` });
  }
  return { canonicalHost, aliases, hosts, hsts };
}

function parseOrigin(raw: string, path: string, errors: ConfigIssue[]): Origin {
  if (isIPv4(raw)) return { kind: "ipv4", value: raw };
  if (isIPv6(raw)) return { kind: "ipv6", value: raw.toLowerCase() };
  const ascii = toALabels(raw);
  const problem = ascii === undefined ? "is not a host name" : hostNameProblem(ascii);
  if (ascii === undefined || problem !== undefined) {
    errors.push({ path, message: `'${raw}' ${problem ?? "is not valid"}: give the origin's host name (e.g. lb-123.eu-west-1.elb.amazonaws.com) or an IP address` });
    return { kind: "hostname", value: raw };
  }
  return { kind: "hostname", value: ascii };
}

function sortIssues(issues: ConfigIssue[]): ConfigIssue[] {
  return [...issues].sort((a, b) => a.path.localeCompare(b.path, "en", { numeric: true }));
}

/** The keys an object schema accepts at a path, for "did you mean" hints on unknown keys. */
function knownKeysAt(path: readonly PropertyKey[]): readonly string[] {
  let schema: z.core.$ZodType | undefined = launchReadyConfigSchema;
  for (const part of path) {
    schema = schema === undefined ? undefined : child(unwrap(schema), part);
  }
  const obj = schema === undefined ? undefined : unwrap(schema);
  return obj instanceof z.ZodObject ? Object.keys(obj.shape) : [];
}

function unwrap(s: z.core.$ZodType): z.core.$ZodType {
  let cur = s;
  for (let i = 0; i < 10; i++) {
    if (cur instanceof z.ZodOptional || cur instanceof z.ZodDefault || cur instanceof z.ZodPrefault) cur = cur.unwrap();
    else if (cur instanceof z.ZodPipe) cur = cur.in;
    else break;
  }
  return cur;
}

function child(s: z.core.$ZodType, part: PropertyKey): z.core.$ZodType | undefined {
  if (s instanceof z.ZodArray && typeof part === "number") return s.element;
  if (s instanceof z.ZodObject && typeof part === "string") return s.shape[part];
  if (s instanceof z.ZodUnion) {
    for (const o of s.options) {
      const c = child(unwrap(o), part);
      if (c !== undefined) return c;
    }
  }
  return undefined;
}
