/**
 * parse → normalise → cross-field rules → `{ value, errors, warnings }`, every issue with its field path.
 * Pure: the caller gets all errors at once and decides (the program registers nothing; the CLI exits 2).
 * Only what the config itself can say lives here (shapes, clashes, names outside the zone, provider limits): whether
 * a value passes, warns or fails a checklist ID is its judge's word (`core/judges/`), said once, in the preview.
 */
import { isIPv4, isIPv6 } from "node:net";
import { z } from "zod";
import { hostNameProblem, isWithinZone, toALabels } from "../core/dns/names";
import { adopt, planDomainRecords, REDIRECT_ONLY_ORIGIN } from "../core/dns/record-plan";
import { parseQuotedTxt } from "../core/dns/txt";
import { blockedIssuers, type CaaRecord, parseCaa, platformIssuers } from "../core/edge/caa";
import { missingCoreTargets, uptimeTargets } from "../core/monitoring/plan";
import { isPresetName, PRESETS } from "../core/rate-limits/presets";
import type { RouteInventorySpec } from "../core/routes/inventory";
import { acknowledgementIssues, toAcknowledgements } from "./acknowledgements";
import { type ConfigIssue, type ConfigReport, formatPath, fromZodIssues } from "./issues";
import { domainEmailPlan, emailClashes, type EmailContext, emailIssues, normaliseEmail, withReportDestinations } from "./email";
import { normaliseRoutes } from "./routes";
import { backupIssues, fromConfigIssues } from "./stack-aws";
import { type DomainConfig, domainSchema, type LaunchReadyConfig, launchReadyConfigSchema } from "./schema";
import type { DomainSpec, LaunchReadySpec, LegacyPathSpec, Origin, RateLimitSpec, WebHostSpec, WebSpec } from "./spec";

export const NAMESPACE = "launch-ready";

/**
 * Validates the `launch-ready:*` keys of a stack's config (other namespaces, such as `aws:` or `cloudflare:`,
 * are the providers' business and are ignored here).
 */
export function validateConfig(
  config: Readonly<Record<string, unknown>>,
  options: { readonly secretPaths?: readonly string[]; readonly now?: Date } = {},
): ConfigReport<LaunchReadySpec> {
  const ours = Object.fromEntries(Object.entries(config).filter(([k]) => k.startsWith(`${NAMESPACE}:`)));
  // reportInput: a value of the wrong type reads "must be a boolean, got string", not "is required".
  const parsed = launchReadyConfigSchema.safeParse(ours, { reportInput: true });
  if (!parsed.success) {
    const secret = (i: ConfigIssue): boolean =>
      (options.secretPaths ?? []).some((p) => i.path === p || i.path.startsWith(`${p}.`) || i.path.startsWith(`${p}[`));
    // An encrypted value reads as a placeholder offline: where the field needs a particular shape, say that the
    // field should not be encrypted rather than blame a value we cannot see.
    const errors = fromZodIssues(parsed.error.issues, knownKeysAt).map((i) =>
      secret(i)
        ? { path: i.path, message: "is encrypted (secure:), but this field holds no secret and needs a readable value: set it without --secret" }
        : i,
    );
    return { errors: sortIssues(errors), warnings: [] };
  }
  const errors: ConfigIssue[] = [];
  const warnings: ConfigIssue[] = [];
  const spec = normalise(parsed.data, errors, warnings, { awsRegion: typeof config["aws:region"] === "string" ? config["aws:region"] : undefined, now: options.now ?? new Date() });
  // AWS secrets (issue 12): a secret read from config must be set with --secret; the value is never echoed.
  if (options.secretPaths !== undefined) errors.push(...fromConfigIssues(spec.secrets, config, options.secretPaths));
  errors.push(...backupIssues(spec.backups));
  const acks = acknowledgementIssues(spec.acknowledgements, options.now ?? new Date());
  errors.push(...acks.errors);
  warnings.push(...acks.warnings);
  return errors.length > 0 ? { errors: sortIssues(errors), warnings } : { value: spec, errors: [], warnings };
}

/**
 * One domain on its own, as the `Domain` component receives it (`lib/`): the same schema, defaults and rules as a
 * `launch-ready:domains[]` entry of a stack file, with every path under `root` (e.g. `["args"]`). What needs the
 * other domains of a stack (a name declared twice, legacy paths inherited by a redirect-only domain) is the stack
 * file's business, not this.
 */
export function validateDomainArgs(raw: unknown, root: readonly PropertyKey[] = []): ConfigReport<DomainSpec> {
  const parsed = domainSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    // zod's paths start at the domain: put them under `root`.
    const errors = fromZodIssues(parsed.error.issues, (p) => knownKeysAt(p, domainSchema)).map((i) => ({ ...i, path: rootPath(root, i.path) }));
    return { errors: sortIssues(errors), warnings: [] };
  }
  const errors: ConfigIssue[] = [];
  const warnings: ConfigIssue[] = [];
  const at = (...p: PropertyKey[]) => formatPath([...root, ...p]);
  const spec = normaliseDomain(parsed.data, at, errors, warnings, { managedDomains: [], now: new Date() });
  checkRedirectRuleCount(spec, at("web"), errors);
  return errors.length > 0 ? { errors: sortIssues(errors), warnings } : { value: spec, errors: [], warnings };
}

/**
 * Validates a `RateLimits` component's endpoint list like a domain's `rateLimits` (the same schema and defaults);
 * paths are under `root` (e.g. `args.rateLimits[2].periodSeconds`).
 */
export function validateRateLimitArgs(raw: unknown, root: readonly PropertyKey[] = []): ConfigReport<RateLimitSpec[]> {
  const schema = domainSchema.shape.rateLimits;
  const parsed = schema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    const errors = fromZodIssues(parsed.error.issues, (p) => knownKeysAt(p, schema)).map((i) => ({ ...i, path: rootPath(root, i.path) }));
    return { errors: sortIssues(errors), warnings: [] };
  }
  const errors: ConfigIssue[] = [];
  const value = normaliseRateLimits(parsed.data, (...p) => formatPath([...root, ...p]), errors);
  return errors.length > 0 ? { errors: sortIssues(errors), warnings: [] } : { value, errors: [], warnings: [] };
}

/** `args` + `web.hsts` → `args.web.hsts`; `args` + `(stack config)` → `args`. */
function rootPath(root: readonly PropertyKey[], path: string): string {
  const head = formatPath(root);
  if (root.length === 0) return path;
  if (path === "(stack config)") return head;
  return path.startsWith("[") ? `${head}${path}` : `${head}.${path}`;
}

function normalise(cfg: LaunchReadyConfig, errors: ConfigIssue[], warnings: ConfigIssue[], env: { readonly awsRegion: string | undefined; readonly now: Date }): LaunchReadySpec {
  const seen = new Map<string, number>();
  const managedDomains = cfg["launch-ready:domains"].map((d) => d.name);
  const reporting = withReportDestinations(cfg["launch-ready:domains"]);
  const domains = reporting.map((d, i) => {
    const at = (...p: PropertyKey[]) => formatPath(["launch-ready:domains", i, ...p]);
    const first = seen.get(d.name);
    if (first !== undefined) errors.push({ path: at("name"), message: `\`${d.name}\` is already declared at launch-ready:domains[${first}]: declare each domain once` });
    else seen.set(d.name, i);
    return normaliseDomain(d, at, errors, warnings, { managedDomains, now: env.now, ...(env.awsRegion !== undefined ? { awsRegion: env.awsRegion } : {}) });
  });
  const linked = linkRedirectOnlyDomains(domains);
  linked.forEach((d, i) => checkRedirectRuleCount(d, formatPath(["launch-ready:domains", i, "web"]), errors));
  const alerts = cfg["launch-ready:alerts"];
  const backups = cfg["launch-ready:backups"];
  const secrets = cfg["launch-ready:secrets"];
  const secretNames = new Set<string>();
  secrets.forEach((s, i) => {
    if (secretNames.has(s.name)) errors.push({ path: formatPath(["launch-ready:secrets", i, "name"]), message: `\`${s.name}\` is declared twice: secret names must be unique` });
    secretNames.add(s.name);
  });
  checkMonitoringRoute(cfg, warnings);
  const routes = normaliseRoutes(cfg["launch-ready:roles"], cfg["launch-ready:routes"], errors);
  checkMonitoringTargets(linked, routes, warnings);
  const [tagKey, tagValue] = backups ? (Object.entries(backups.selectionTag)[0] ?? ["", ""]) : ["", ""];
  return {
    domains: linked,
    ...(alerts ? { alerts: { emails: alerts.emails, ...(alerts.webhookUrl !== undefined ? { webhookUrl: alerts.webhookUrl } : {}) } } : {}),
    secrets,
    ...(backups ? { backups: { ...backups, selectionTag: { key: tagKey, value: tagValue } } } : {}),
    acknowledgements: toAcknowledgements(cfg["launch-ready:acknowledge"]),
    ...(routes ? { routes } : {}),
  };
}


function normaliseDomain(d: DomainConfig, at: (...p: PropertyKey[]) => string, errors: ConfigIssue[], warnings: ConfigIssue[], emailContext: EmailContext): DomainSpec {
  const web = d.web ? normaliseWeb(d.name, d.web, (...p) => at("web", ...p), errors) : undefined;
  const webHosts = new Set(web?.hosts.map((h) => h.name) ?? []);
  d.dns.records.forEach((r, j) => {
    checkRecordContent(r.type, r.content, at("dns", "records", j, "content"), errors);
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
  const rateLimits = normaliseRateLimits(d.rateLimits, (...p) => at("rateLimits", ...p), errors);
  checkUserCaa(d, web?.caa.acm ?? false, at, errors);
  const spec: DomainSpec = {
    name: d.name,
    cloudflare: {
      plan: d.cloudflare.plan,
      ...(d.cloudflare.zoneId ? { zoneId: d.cloudflare.zoneId } : {}),
      rulesetIds: Object.fromEntries(Object.entries(d.cloudflare.rulesetIds).filter(([, id]) => id !== undefined)),
      adoptRecords: d.cloudflare.adoptRecords,
      imported: d.cloudflare.imported,
    },
    ...(web ? { web } : {}),
    dnssec: d.dnssec,
    dnsRecords: d.dns.records,
    ...(d.email ? { email: normaliseEmail(d.email) } : {}),
    rateLimits,
    ...(d.monitoring ? { monitoring: d.monitoring } : {}),
  };
  // email (issue 10): the planner's refusals and what must come from a provider's console.
  const emailPlan = domainEmailPlan(spec, emailContext);
  if (emailPlan !== undefined) {
    const issues = emailIssues(emailPlan, at("email"));
    errors.push(...issues.errors, ...emailClashes(spec, emailPlan, at));
    warnings.push(...issues.warnings);
  }
  if (d.cloudflare.rulesetIds.http_request_dynamic_redirect !== undefined && web === undefined) {
    errors.push({ path: at("cloudflare", "rulesetIds", "http_request_dynamic_redirect"), message: "adopts a redirect ruleset, but the domain has no `web` section, so the stack plans none: remove it or add `web`" });
  }
  if (d.cloudflare.rulesetIds.http_request_firewall_managed !== undefined && (rateLimits.length === 0 || d.cloudflare.plan === "free")) {
    errors.push({
      path: at("cloudflare", "rulesetIds", "http_request_firewall_managed"),
      message: d.cloudflare.plan === "free" ? "adopts a managed WAF ruleset, but on Free the stack manages none (the free managed ruleset is Cloudflare's): remove it" : "adopts a managed WAF ruleset, but the domain lists no `rateLimits`, which is what deploys the managed WAF: remove it or add `rateLimits`",
    });
  }
  if (d.cloudflare.rulesetIds.http_ratelimit !== undefined && rateLimits.length === 0) {
    errors.push({ path: at("cloudflare", "rulesetIds", "http_ratelimit"), message: "adopts a rate limiting ruleset, but the domain lists no `rateLimits`, so the stack plans none: remove it or add `rateLimits`" });
  }
  if ((d.cloudflare.adoptRecords.length > 0 || Object.values(d.cloudflare.rulesetIds).some((id) => id !== undefined)) && d.cloudflare.zoneId === undefined) {
    errors.push({ path: at("cloudflare", "zoneId"), message: "is required when adopting records or rulesets: import ids contain it (`<zoneId>/<recordId>`, `zones/<zoneId>/<rulesetId>`); copy it from the dashboard's Overview page" });
  }
  if (d.cloudflare.adoptRecords.length > 0) {
    const planned = planDomainRecords({ ...spec, cloudflare: { ...spec.cloudflare, adoptRecords: [] } });
    for (const p of adopt(planned, d.cloudflare.adoptRecords).problems) errors.push({ path: at("cloudflare", "adoptRecords", p.index), message: p.message });
  }
  if (!d.dnssec) {
    warnings.push({ path: at("dnssec"), message: "is false: the stack does not sign the zone (a zone signed before stays signed: see runbooks/dnssec.md to turn it off safely)" });
  }
  return spec;
}

/**
 * Single-redirect rules per zone entrypoint by plan (Cloudflare's Single Redirects availability table; an
 * Enterprise zone can have more by contract, so that limit is a floor).
 */
export const SINGLE_REDIRECT_LIMITS = { free: 10, pro: 25, business: 50, enterprise: 300 } as const;

function checkRedirectRuleCount(d: DomainSpec, path: string, errors: ConfigIssue[]): void {
  const web = d.web;
  if (web === undefined) return;
  const count = web.aliases.length + web.legacyPaths.length;
  const limit = SINGLE_REDIRECT_LIMITS[d.cloudflare.plan];
  if (count > limit) {
    errors.push({
      path,
      message: `plans ${count} single-redirect rules (${web.aliases.length} aliases, ${web.legacyPaths.length} legacy paths) but the ${d.cloudflare.plan} plan allows ${limit} per zone: drop old legacy paths, or move them to Bulk Redirects`,
    });
  }
}

/** A, AAAA, CNAME, MX and NS content must be what the type holds (RFC 1035 §3.3, RFC 3596). */
function checkAddressOrTarget(type: string, content: string, path: string, errors: ConfigIssue[]): void {
  if (type === "A" && !isIPv4(content)) errors.push({ path, message: `'${content}' is not an IPv4 address: an A record holds one, e.g. 192.0.2.10 (use AAAA for IPv6, CNAME for a name)` });
  if (type === "AAAA" && !isIPv6(content)) errors.push({ path, message: `'${content}' is not an IPv6 address: an AAAA record holds one, e.g. 2001:db8::10` });
  if (type === "CNAME" || type === "MX" || type === "NS") {
    const ascii = toALabels(content.replace(/\.$/, ""));
    const problem = ascii === undefined ? "is not a host name" : hostNameProblem(ascii);
    if (problem !== undefined) errors.push({ path, message: `'${content}' ${problem}: a ${type} record points at a host name such as mx.example.net` });
  }
}

/** TXT must be readable as raw text or as well-formed quoted strings; CAA must be well formed (RFC 8659 §4). */
function checkRecordContent(type: string, content: string, path: string, errors: ConfigIssue[]): void {
  checkAddressOrTarget(type, content, path, errors);
  if (type === "TXT" && content.startsWith('"')) {
    const parsed = parseQuotedTxt(content);
    if (!parsed.ok) errors.push({ path, message: `${parsed.error}: write the value unquoted (the toolkit quotes and splits it) or as "…" "…" strings` });
  }
  if (type === "CAA") {
    const parsed = parseCaa(content);
    if (!parsed.ok) errors.push({ path, message: `${parsed.error}` });
  }
}

/**
 * A user CAA set (from `dns.records`) is the relevant set for its name and every name below it (RFC 8659 §3): if it
 * leaves out a CA the platform renews with, renewals there stop. The apex set is the toolkit's (`web.caa`).
 */
function checkUserCaa(d: DomainConfig, acm: boolean, at: (...p: PropertyKey[]) => string, errors: ConfigIssue[]): void {
  const byName = new Map<string, { index: number; record: CaaRecord }[]>();
  d.dns.records.forEach((r, j) => {
    if (r.type !== "CAA") return;
    const parsed = parseCaa(r.content);
    if (!parsed.ok) return;
    byName.set(r.name, [...(byName.get(r.name) ?? []), { index: j, record: parsed.record }]);
  });
  const required = platformIssuers({ cloudflare: true, acm });
  for (const [name, entries] of byName) {
    const first = entries[0]!.index;
    if (name === d.name) {
      errors.push({ path: at("dns", "records", first), message: `a CAA record at the apex \`${name}\` would clash with the toolkit's CAA set: add the CA under \`web.caa.issuers\` instead` });
      continue;
    }
    const blocked = blockedIssuers(entries.map((e) => e.record), required);
    const missing = [...new Set([...blocked.issue, ...blocked.issuewild])];
    if (missing.length > 0) {
      errors.push({
        path: at("dns", "records", first),
        message: `this CAA set for \`${name}\` would block certificate renewals by ${missing.map((m) => `\`${m}\``).join(", ")}, which the platform issues with: add \`0 issue\` (and \`0 issuewild\`) records for them, or remove the CAA records at \`${name}\` so the apex set applies`,
      });
    }
  }
}

/**
 * Redirect-only domains: when the target is a domain of this stack and the redirect-only domain lists no legacy
 * paths of its own, the target's apply on the redirect-only hosts too, so `https://old.example/pricing.html` reaches the page's new place in one hop. Where the target itself
 * redirects, the redirect checks say so (their judges, not config validation, decide what that means).
 */
function linkRedirectOnlyDomains(domains: readonly DomainSpec[]): DomainSpec[] {
  const servedBy = new Map(domains.flatMap((d) => (d.web !== undefined && d.web.redirectTo === undefined ? [[d.web.canonicalHost, d.web] as const] : [])));
  return domains.map((d) => {
    const web = d.web;
    // Its own list wins: a domain that lists legacy paths says where each of them goes.
    if (web?.redirectTo === undefined || web.legacyPaths.length > 0) return d;
    const host = new URL(web.redirectTo).hostname;
    const target = servedBy.get(host);
    return target === undefined ? d : { ...d, web: { ...web, legacyPaths: target.legacyPaths } };
  });
}

/** Origins whose certificate is usually ACM's: an AWS load balancer, API Gateway or CloudFront. */
const AWS_ORIGIN = /\.(amazonaws\.com|cloudfront\.net)$/;

function normaliseWeb(
  zone: string,
  w: NonNullable<DomainConfig["web"]>,
  at: (...p: PropertyKey[]) => string,
  errors: ConfigIssue[],
): WebSpec {
  const redirectTo = w.redirectTo === undefined ? undefined : parseRedirectTo(w.redirectTo, zone, at("redirectTo"), errors);
  if (w.redirectTo !== undefined) {
    for (const [key, present] of [
      ["origin", w.origin !== undefined],
      ["canonicalHost", w.canonicalHost !== undefined],
      ["hosts", w.hosts.length > 0],
    ] as const) {
      if (present) errors.push({ path: at(key), message: `cannot be used with \`redirectTo\`: a redirect-only domain serves nothing itself; remove \`${key}\` or \`redirectTo\`` });
    }
  } else if (w.origin === undefined) {
    errors.push({ path: at("origin"), message: "is required: give the origin's host name or IP address (or set `redirectTo` for a redirect-only domain)" });
  }
  // Without an origin (an error already says so) the discard address stands in, so validation can go on.
  const origin = w.redirectTo !== undefined || w.origin === undefined ? REDIRECT_ONLY_ORIGIN : parseOrigin(w.origin, at("origin"), errors);
  const canonicalHost = redirectTo !== undefined ? new URL(redirectTo).hostname : (w.canonicalHost ?? zone);
  if (redirectTo === undefined && !isWithinZone(canonicalHost, zone)) {
    errors.push({ path: at("canonicalHost"), message: `\`${canonicalHost}\` is outside \`${zone}\`: the canonical host must be the domain or one of its subdomains` });
  }
  const wwwOf = `www.${zone}`;
  const aliases =
    w.aliases ?? (redirectTo !== undefined ? [zone, wwwOf] : canonicalHost === zone ? [wwwOf] : canonicalHost === wwwOf ? [zone] : []);
  const hosts: WebHostSpec[] = redirectTo !== undefined ? [] : [{ name: canonicalHost, origin }];
  const taken = new Map<string, string>(redirectTo !== undefined ? [] : [[canonicalHost, at("canonicalHost")]]);
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
  const legacyPaths = normaliseLegacyPaths(w.legacyPaths, canonicalHost, at, errors);
  const acm = w.caa.acm ?? hosts.some((h) => h.origin.kind === "hostname" && AWS_ORIGIN.test(h.origin.value));
  return {
    canonicalHost,
    aliases,
    hosts,
    hsts: w.hsts,
    ssl: w.ssl,
    caa: { issuers: w.caa.issuers.map((i) => i.toLowerCase()), ...(w.caa.iodef !== undefined ? { iodef: w.caa.iodef } : {}), acm },
    legacyPaths,
    ...(redirectTo !== undefined ? { redirectTo } : {}),
  };
}

/** `https://host` with no path, query or fragment, outside this zone. */
function parseRedirectTo(raw: string, zone: string, path: string, errors: ConfigIssue[]): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    errors.push({ path, message: `'${raw}' is not a URL: write the destination as https://acme.example` });
    return undefined;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    errors.push({ path, message: `'${raw}' is not an http(s) URL: write the destination as https://acme.example` });
    return undefined;
  }
  if ((url.pathname !== "/" && url.pathname !== "") || url.search !== "" || url.hash !== "" || url.port !== "" || url.username !== "") {
    errors.push({ path, message: `'${raw}' has more than a scheme and host: the request's path and query are kept, so give only https://host` });
    return undefined;
  }
  if (isWithinZone(url.hostname, zone)) {
    errors.push({ path, message: `'${raw}' is inside \`${zone}\` itself, so the domain would redirect to itself: point it at the main domain's canonical host` });
    return undefined;
  }
  return `${url.protocol}//${url.hostname}`;
}

function normaliseLegacyPaths(
  paths: NonNullable<DomainConfig["web"]>["legacyPaths"],
  canonicalHost: string,
  at: (...p: PropertyKey[]) => string,
  errors: ConfigIssue[],
): LegacyPathSpec[] {
  const froms = new Map<string, number>();
  const out: LegacyPathSpec[] = [];
  paths.forEach((p, j) => {
    const prev = froms.get(p.from);
    if (prev !== undefined) errors.push({ path: at("legacyPaths", j, "from"), message: `\`${p.from}\` is already listed at legacyPaths[${prev}]: list each old path once` });
    froms.set(p.from, j);
    let to: URL;
    try {
      to = new URL(p.to, `https://${canonicalHost}`);
    } catch {
      errors.push({ path: at("legacyPaths", j, "to"), message: `'${p.to}' is neither a path nor a URL: write /new-path or https://host/new-path` });
      return;
    }
    if (to.protocol !== "https:" && to.protocol !== "http:") {
      errors.push({ path: at("legacyPaths", j, "to"), message: `'${p.to}' is not an http(s) URL` });
      return;
    }
    out.push({ from: p.from, to: to.href });
  });
  return out;
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
function knownKeysAt(path: readonly PropertyKey[], root: z.core.$ZodType = launchReadyConfigSchema): readonly string[] {
  let schema: z.core.$ZodType | undefined = root;
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

/**
 * Rate-limit entries to requests: a preset's name gets the preset's values; a full rule named like a preset takes
 * the preset's values for what it leaves out; any other rule must give its limit.
 */
function normaliseRateLimits(entries: DomainConfig["rateLimits"], at: (...p: PropertyKey[]) => string, errors: ConfigIssue[]): RateLimitSpec[] {
  const names = new Set<string>();
  const out: RateLimitSpec[] = [];
  entries.forEach((r, j) => {
    const name = typeof r === "string" ? r : r.name;
    if (names.has(name)) errors.push({ path: at(j), message: `\`${name}\` is listed twice: list each endpoint once` });
    names.add(name);
    if (typeof r === "string") {
      out.push(PRESETS[r]);
      return;
    }
    const base = isPresetName(r.name) ? PRESETS[r.name] : undefined;
    if (r.method !== undefined && r.methods !== undefined) errors.push({ path: at(j, "method"), message: "is given with `methods`: keep one (`methods: [POST]`)" });
    const requests = r.requests ?? base?.requests;
    const periodSeconds = r.periodSeconds ?? base?.periodSeconds;
    if (requests === undefined) errors.push({ path: at(j, "requests"), message: `is required: \`${r.name}\` is not a preset, so give its limit (e.g. \`requests: 10\`)` });
    if (periodSeconds === undefined) errors.push({ path: at(j, "periodSeconds"), message: `is required: \`${r.name}\` is not a preset, so give its period (e.g. \`periodSeconds: 60\`)` });
    const match = r.path !== undefined ? { path: r.path } : r.prefix !== undefined ? { prefix: r.prefix } : base?.match;
    if (requests === undefined || periodSeconds === undefined || match === undefined) return;
    out.push({
      name: r.name,
      match,
      methods: r.methods ?? (r.method !== undefined ? [r.method] : (base?.methods ?? [])),
      requests,
      periodSeconds,
      action: r.action ?? base?.action ?? "block",
      mitigationSeconds: r.mitigationSeconds ?? base?.mitigationSeconds ?? periodSeconds,
    });
  });
  return out;
}

/**
 * Monitoring pages someone only through `launch-ready:alerts`: without it no alarm is planned (one nobody receives
 * is no alarm), and the monitoring checks say "not configured". A warning, so the rest of the stack still previews.
 */
function checkMonitoringRoute(cfg: LaunchReadyConfig, warnings: ConfigIssue[]): void {
  if (cfg["launch-ready:alerts"] !== undefined) return;
  cfg["launch-ready:domains"].forEach((d, i) => {
    if (d.monitoring === undefined) return;
    warnings.push({
      path: formatPath(["launch-ready:domains", i, "monitoring"]),
      message: `plans no alarm without \`launch-ready:alerts\` (an alarm nobody receives is no alarm), so the monitoring checks say "not configured": add \`launch-ready:alerts: { emails: [oncall@${d.name}] }\``,
    });
  });
}

/**
 * What a domain's monitoring leaves out of the minimum (the homepage, login, the API's health endpoint), with the
 * route inventory's login and health routes counted. Limits (latency, days, 5xx source) are the component's to warn.
 */
function checkMonitoringTargets(domains: readonly DomainSpec[], routes: RouteInventorySpec | undefined, warnings: ConfigIssue[]): void {
  domains.forEach((d, i) => {
    if (d.monitoring === undefined) return;
    const web = d.web;
    const canonicalHost = web !== undefined && web.redirectTo === undefined ? web.canonicalHost : undefined;
    const targets = uptimeTargets({ ...(canonicalHost !== undefined ? { canonicalHost } : {}), checks: d.monitoring.checks, ...(routes !== undefined ? { routes } : {}) });
    const missing = missingCoreTargets(targets);
    if (missing.length > 0) {
      warnings.push({
        path: formatPath(["launch-ready:domains", i, "monitoring", "checks"]),
        message: `does not check ${missing.join(", ")}: add them to \`monitoring.checks\` (or declare GET routes of kind login/health in launch-ready:routes)`,
      });
    }
  });
}
