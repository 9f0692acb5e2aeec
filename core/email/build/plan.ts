/**
 * Plans every email record of one domain from who sends its mail: SPF merged from the senders with a static lookup
 * budget, DKIM selectors, DMARC (and the report authorisation it needs), MTA-STS, TLS-RPT, and the lock-down of a
 * domain that sends nothing. Pure: the same input gives the same records, so the preview, the component and the
 * auditor's `--stack` expectations all read one plan.
 */
import { createHash } from "node:crypto";
import { buildDmarc, type DmarcPolicy } from "../dmarc";
import { dkimKeyStrength, parseDkimKey } from "../dkim";
import { buildMtaStsPolicy, buildMtaStsRecord, type MtaStsMode } from "../mtasts";
import { SPF_LOOKUP_LIMIT } from "../spf/evaluate";
import { PARKED_SPF, SPF_RECORD_SIZE_LIMIT } from "../spf/build";
import { normalizeName } from "../lookup";
import { GOOGLE_MX, type KnownSender, microsoftDkimTarget, SENDERS, SPF_COSTS_CHECKED } from "./senders";

/** A DKIM selector the provider hosts (CNAME to its target) or whose public key is published here (TXT). */
export type DkimKeyInput =
  | { readonly selector: string; readonly target: string }
  /** `weakKeyReason`: why a 1024-bit key is accepted (the provider issues no longer ones); without it such a key is refused. */
  | { readonly selector: string; readonly publicKey: string; readonly weakKeyReason?: string };

export type SenderInput =
  /** `region` undefined: the input's `awsRegion`, else us-east-1. */
  | { readonly provider: "amazon-ses"; readonly region?: string; readonly mailFrom: string }
  | { readonly provider: "google-workspace"; readonly dkim?: { readonly selector: string; readonly publicKey: string; readonly weakKeyReason?: string } }
  | { readonly provider: "microsoft-365"; readonly tenant?: string; readonly dkim?: readonly DkimKeyInput[] }
  | { readonly provider: "postmark" | "sendgrid" | "mailgun"; readonly dkim: readonly DkimKeyInput[] }
  | {
      readonly provider: "custom";
      readonly name: string;
      readonly include: readonly string[];
      readonly ip4: readonly string[];
      readonly ip6: readonly string[];
      /** DNS lookups the includes need below themselves, when known (the auditor measures them live). */
      readonly nestedLookups?: number;
      readonly dkim: readonly DkimKeyInput[];
    };

export interface EmailPlanInput {
  /** The domain, A-labels. */
  readonly domain: string;
  /** `[]`: the domain sends no mail (parked). */
  readonly senders: readonly SenderInput[];
  /** The SPF `all`: `~` (softfail, the default: DMARC decides) or `-` (fail). Never `?` or `+`. */
  readonly spfAll: "~" | "-";
  readonly dmarc: {
    readonly policy: DmarcPolicy;
    /** Required with `none`: the last day `p=none` is meant to stay (YYYY-MM-DD). */
    readonly noneUntil?: string;
    readonly subdomainPolicy?: DmarcPolicy;
    readonly adkim: "r" | "s";
    readonly aspf: "r" | "s";
    /** `mailto:` URIs for aggregate reports. */
    readonly rua: readonly string[];
  };
  /** Absent or mode `none`: no MTA-STS. */
  readonly mtaSts?: { readonly mode: MtaStsMode; readonly maxAgeSeconds: number };
  /** TLS-RPT report URIs; empty: the DMARC `rua` addresses are used. */
  readonly tlsRptRua: readonly string[];
  /** MX records of the domain planned elsewhere (the stack's `dns.records`). */
  readonly mx: readonly { readonly priority: number; readonly host: string }[];
  /** Every domain this stack manages (for DMARC report authorisation records). */
  readonly managedDomains: readonly string[];
  /** Other domains whose DMARC reports this domain receives: it publishes `<other>._report._dmarc.<domain>`. */
  readonly acceptReportsFor?: readonly string[];
  /** The stack's AWS region, for SES senders that name none. */
  readonly awsRegion?: string;
  /** Today, YYYY-MM-DD (for `noneUntil`); injected so the plan stays pure. */
  readonly today: string;
}

export type EmailRecordRole = "spf" | "dmarc" | "dmarc-report-auth" | "dkim" | "mx" | "mail-from-mx" | "mail-from-spf" | "mta-sts" | "tls-rpt";

export interface PlannedEmailRecord {
  /** FQDN, lower case. */
  readonly name: string;
  readonly type: "TXT" | "CNAME" | "MX";
  /** The value: for TXT the joined text (split into 255-byte strings when published), for MX the host. */
  readonly value: string;
  readonly priority?: number;
  readonly role: EmailRecordRole;
  /** Why the record exists, one short sentence. */
  readonly why: string;
}

export interface EmailIssue {
  /** Relative to the domain's `email` section, e.g. `senders[2]`. */
  readonly path: string;
  readonly message: string;
}

export interface SpfBudgetLine {
  readonly term: string;
  readonly sender: string;
  /** Lookups, or undefined when the include's nested cost is not known. */
  readonly lookups: number | undefined;
}

export interface EmailPlan {
  readonly domain: string;
  readonly parked: boolean;
  /** Every record to publish, SES DKIM CNAMEs excepted (their names come from the SES identity at apply). */
  readonly records: readonly PlannedEmailRecord[];
  readonly spf: { readonly value: string; readonly lookups: number; readonly complete: boolean; readonly budget: readonly SpfBudgetLine[] };
  readonly dmarc: string;
  readonly ses?: { readonly region: string; readonly mailFromDomain: string };
  readonly mtaSts?: { readonly mode: MtaStsMode; readonly policy: string; readonly id: string; readonly host: string; readonly mx: readonly string[] };
  /** DKIM selectors planned (SES's three are `ses` until apply). */
  readonly dkimSelectors: readonly string[];
  /** Senders that sign mail but whose DKIM values are not in config: where to get them. */
  readonly missingDkim: readonly { readonly selector: string; readonly hint: string }[];
  readonly errors: readonly EmailIssue[];
  readonly warnings: readonly EmailIssue[];
  /** Things someone else must do (the destination of external DMARC reports, keys from a console). */
  readonly notes: readonly string[];
}

/** SPF at or above this many lookups warns: one provider change from permerror. */
export const SPF_LOOKUP_WARN = 8;
export const DEFAULT_MTA_STS_MAX_AGE = 604_800;

/** RFC 8461 §3.1: `id` is 1–32 alphanumerics; derived from the policy text so it changes exactly when the text does. */
export function mtaStsId(policy: string): string {
  return createHash("sha256").update(policy, "utf8").digest("hex").slice(0, 32);
}

/** The domain part of a `mailto:` URI (lower case), or undefined. */
export function mailtoDomain(uri: string): string | undefined {
  const m = /^mailto:[^@]+@([^!?]+)/i.exec(uri.trim());
  return m?.[1] !== undefined ? normalizeName(m[1]) : undefined;
}

function isUnder(name: string, domain: string): boolean {
  return name === domain || name.endsWith(`.${domain}`);
}

/** The SPF value from its terms: `v=spf1`, ip4/ip6, includes, then the `all`. */
function spfValue(terms: readonly string[], all: "~" | "-"): string {
  return ["v=spf1", ...terms, `${all}all`].join(" ");
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function dkimRecords(domain: string, path: string, keys: readonly DkimKeyInput[], label: string, out: PlannedEmailRecord[], errors: EmailIssue[], warnings: EmailIssue[], single = false): void {
  keys.forEach((k, i) => {
    const name = `${k.selector}._domainkey.${domain}`;
    if ("target" in k) {
      out.push({ name, type: "CNAME", value: normalizeName(k.target), role: "dkim", why: `${label} DKIM selector \`${k.selector}\` (the provider hosts the key)` });
      return;
    }
    const value = /^v=DKIM1/.test(k.publicKey) ? k.publicKey : `v=DKIM1; k=rsa; p=${k.publicKey.replace(/\s+/g, "")}`;
    const parsed = parseDkimKey(value);
    const at = single ? `${path}.dkim` : `${path}.dkim[${i}]`;
    if (parsed.errors.length > 0 || parsed.record === undefined) {
      errors.push({ path: at, message: `is not a DKIM key record (${parsed.errors[0] ?? "unreadable"}): paste the key exactly as ${label} shows it` });
      return;
    }
    const strength = dkimKeyStrength(parsed.record);
    if (strength.kind === "unreadable") errors.push({ path: at, message: `${strength.reason}: paste the public key exactly as ${label} shows it` });
    else if (strength.kind === "rsa" && strength.bits < 1024) errors.push({ path: at, message: `is a ${strength.bits}-bit RSA key, which receivers reject (RFC 8301 §3.2): generate a 2048-bit key in ${label}` });
    else if (strength.kind === "rsa" && strength.bits < 2048 && (k.weakKeyReason ?? "").trim().length < 10) {
      errors.push({ path: at, message: `is a ${strength.bits}-bit RSA key; keys below 2048 bits are refused: generate a 2048-bit key in ${label}, or, if ${label} only issues ${strength.bits}-bit keys, say so in \`weakKeyReason\` (a sentence a reviewer can check)` });
    } else if (strength.kind === "rsa" && strength.bits < 2048) warnings.push({ path: at, message: `is a ${strength.bits}-bit RSA key, accepted because: ${k.weakKeyReason ?? ""}. Rotate to 2048 bits when ${label} allows` });
    out.push({ name, type: "TXT", value, role: "dkim", why: `${label} DKIM public key, selector \`${k.selector}\`` });
  });
}

/** Plans one domain's email records. Never throws: problems are `errors` (refuse to apply) and `warnings`. */
export function planEmail(input: EmailPlanInput): EmailPlan {
  const domain = normalizeName(input.domain);
  const errors: EmailIssue[] = [];
  const warnings: EmailIssue[] = [];
  const notes: string[] = [];
  const records: PlannedEmailRecord[] = [];
  const parked = input.senders.length === 0;
  const managed = input.managedDomains.map(normalizeName);

  const dmarcRua = input.dmarc.rua;
  if (dmarcRua.length === 0 && !parked) errors.push({ path: "dmarc.rua", message: `is required: without aggregate reports nobody sees who sends as ${domain}, nor when it is safe to tighten the policy. Add e.g. \`rua: [mailto:dmarc@${domain}]\`` });

  if (parked) {
    records.push({ name: domain, type: "MX", value: ".", priority: 0, role: "mx", why: "null MX: the domain takes no mail (RFC 7505)" });
    records.push({ name: domain, type: "TXT", value: PARKED_SPF, role: "spf", why: "no host may send as the domain" });
    const dmarc = buildDmarc({ policy: "reject", subdomainPolicy: "reject", adkim: "s", aspf: "s", ...(dmarcRua.length > 0 ? { rua: dmarcRua } : {}) });
    records.push({ name: `_dmarc.${domain}`, type: "TXT", value: dmarc, role: "dmarc", why: "receivers reject all mail claiming to be from the domain" });
    records.push({ name: `*._domainkey.${domain}`, type: "TXT", value: "v=DKIM1; p=", role: "dkim", why: "every DKIM selector is revoked (RFC 6376 §3.6.1)" });
    if (input.mx.length > 0) errors.push({ path: "senders", message: `is empty (a parked domain, which publishes a null MX), but \`dns.records\` has MX records for ${domain}: remove them, or list the senders` });
    if (input.mtaSts !== undefined && input.mtaSts.mode !== "none") errors.push({ path: "mtaSts", message: "is set on a parked domain, which receives no mail: remove it" });
    reportAuth(domain, dmarcRua, managed, input.acceptReportsFor ?? [], records, notes);
    return { domain, parked, records, spf: { value: PARKED_SPF, lookups: 0, complete: true, budget: [] }, dmarc, dkimSelectors: ["*"], missingDkim: [], errors, warnings, notes };
  }

  // SPF: merged from the senders.
  const ip: string[] = [];
  const includes: string[] = [];
  const budget: SpfBudgetLine[] = [];
  const dkimSelectors: string[] = [];
  const missingDkim: { selector: string; hint: string }[] = [];
  let ses: EmailPlan["ses"];
  const seen = new Set<string>();
  input.senders.forEach((s, i) => {
    const path = `senders[${i}]`;
    const key = s.provider === "custom" ? `custom:${s.name}` : s.provider;
    if (seen.has(key)) errors.push({ path, message: `\`${key}\` is listed twice: list each sender once` });
    seen.add(key);
    if (s.provider === "custom") {
      for (const r of s.ip4) ip.push(`ip4:${r}`);
      for (const r of s.ip6) ip.push(`ip6:${r}`);
      s.include.forEach((inc, j) => {
        includes.push(`include:${inc}`);
        const nested = j === 0 ? s.nestedLookups : 0;
        budget.push({ term: `include:${inc}`, sender: s.name, lookups: nested === undefined ? undefined : 1 + nested });
      });
      if (s.include.length > 0 && s.nestedLookups === undefined) {
        warnings.push({ path: `${path}.nestedLookups`, message: `is not given, so the SPF lookup budget cannot count what ${s.include.join(", ")} need below themselves: set it (\`launch-ready audit\` measures it live)` });
      }
      dkimRecords(domain, path, s.dkim, s.name, records, errors, warnings);
      dkimSelectors.push(...s.dkim.map((k) => k.selector));
      if (s.dkim.length === 0) notes.push(`${s.name}: no DKIM selector is configured; mail it sends passes DMARC only through SPF alignment`);
      return;
    }
    const facts = SENDERS[s.provider as KnownSender];
    if (facts.include !== undefined) {
      includes.push(`include:${facts.include}`);
      budget.push({ term: `include:${facts.include}`, sender: s.provider, lookups: facts.lookups });
    }
    switch (s.provider) {
      case "amazon-ses": {
        const mailFromDomain = `${s.mailFrom}.${domain}`;
        const region = s.region ?? input.awsRegion ?? "us-east-1";
        ses = { region, mailFromDomain };
        // SES custom MAIL FROM: MX to the region's feedback endpoint and SPF authorising SES, so SPF aligns (relaxed).
        records.push({ name: mailFromDomain, type: "MX", value: `feedback-smtp.${region}.amazonses.com`, priority: 10, role: "mail-from-mx", why: "SES custom MAIL FROM: bounces return to SES" });
        records.push({ name: mailFromDomain, type: "TXT", value: spfValue(["include:amazonses.com"], input.spfAll), role: "mail-from-spf", why: "SES custom MAIL FROM: SPF passes, aligned with the domain" });
        dkimSelectors.push("ses");
        break;
      }
      case "google-workspace":
        if (s.dkim !== undefined) {
          dkimRecords(domain, path, [s.dkim], "Google Workspace", records, errors, warnings, true);
          dkimSelectors.push(s.dkim.selector);
        } else {
          const hint = `Google Workspace: no DKIM key configured: generate a 2048-bit key in the Admin console and set \`${path}.dkim: { selector: google, publicKey: … }\``;
          notes.push(hint);
          missingDkim.push({ selector: "google", hint });
        }
        break;
      case "microsoft-365": {
        const keys = s.dkim ?? (s.tenant !== undefined ? (["selector1", "selector2"] as const).map((sel) => ({ selector: sel, target: microsoftDkimTarget(domain, sel, s.tenant ?? "") })) : []);
        if (keys.length === 0) {
          const hint = `Microsoft 365: no DKIM selectors configured: set \`${path}.tenant\` (e.g. acme.onmicrosoft.com) or the two CNAME targets the Defender portal shows in \`${path}.dkim\``;
          notes.push(hint);
          missingDkim.push({ selector: "selector1", hint }, { selector: "selector2", hint });
        }
        dkimRecords(domain, path, keys, "Microsoft 365", records, errors, warnings);
        dkimSelectors.push(...keys.map((k) => k.selector));
        break;
      }
      default:
        if (s.dkim.length === 0) {
          const hint = `${facts.label}: no DKIM selector configured: copy the selector and its ${facts.dkim} into \`${path}.dkim\``;
          notes.push(hint);
          missingDkim.push({ selector: `(${s.provider})`, hint });
        }
        dkimRecords(domain, path, s.dkim, facts.label, records, errors, warnings);
        dkimSelectors.push(...s.dkim.map((k) => k.selector));
    }
  });
  const value = spfValue([...ip, ...includes], input.spfAll);
  const complete = budget.every((b) => b.lookups !== undefined);
  const lookups = budget.reduce((n, b) => n + (b.lookups ?? 1), 0);
  if (lookups > SPF_LOOKUP_LIMIT) {
    const heavy = [...budget].filter((b) => b.lookups !== undefined).sort((a, b) => (b.lookups ?? 0) - (a.lookups ?? 0));
    const list = heavy.map((b) => `${b.sender} (${b.lookups ?? "?"})`).join(", ");
    errors.push({ path: "senders", message: `need ${lookups} SPF DNS lookups, over the limit of ${SPF_LOOKUP_LIMIT} (RFC 7208 §4.6.4), so every receiver would fail SPF with permerror. Lookups per sender (as of ${SPF_COSTS_CHECKED}): ${list}. Drop a sender, or move one to a subdomain (e.g. \`mail.${domain}\`) with its own SPF` });
  } else if (lookups >= SPF_LOOKUP_WARN) {
    warnings.push({ path: "senders", message: `need ${lookups} SPF DNS lookups (limit ${SPF_LOOKUP_LIMIT}): one provider change from permerror; consider moving a sender to a subdomain` });
  }
  const bytes = Buffer.byteLength(value, "utf8");
  if (bytes > SPF_RECORD_SIZE_LIMIT) warnings.push({ path: "senders", message: `make an SPF record of ${bytes} bytes, over ${SPF_RECORD_SIZE_LIMIT} (RFC 7208 §3.4), so answers may not fit a UDP response: merge ip ranges or move a sender to a subdomain` });
  records.unshift({ name: domain, type: "TXT", value, role: "spf", why: `SPF: ${input.senders.map((s) => (s.provider === "custom" ? s.name : s.provider)).join(", ")}` });

  // MX: the stack's own, else Google Workspace's when it is a sender.
  let mx = input.mx.map((m) => ({ priority: m.priority, host: normalizeName(m.host) }));
  if (mx.length === 0 && input.senders.some((s) => s.provider === "google-workspace")) {
    mx = [GOOGLE_MX];
    records.push({ name: domain, type: "MX", value: GOOGLE_MX.host, priority: GOOGLE_MX.priority, role: "mx", why: "Google Workspace receives the domain's mail" });
  }
  if (mx.some((m) => m.host === "" || m.host === ".")) errors.push({ path: "senders", message: `list senders, but \`dns.records\` has a null MX for ${domain}: a sending domain must not publish one (RFC 7505 §4)` });

  // DMARC.
  const policy = input.dmarc.policy;
  if (policy === "none") {
    if (input.dmarc.noneUntil === undefined || !DAY.test(input.dmarc.noneUntil)) errors.push({ path: "dmarc.noneUntil", message: "is required with `policy: none`: `none` only monitors, so give the last day it stays (YYYY-MM-DD), then move to `quarantine`" });
    else if (input.dmarc.noneUntil < input.today) errors.push({ path: "dmarc.noneUntil", message: `${input.dmarc.noneUntil} has passed: set \`policy: quarantine\` (or a new end date if reports still show unaligned mail)` });
    else warnings.push({ path: "dmarc.policy", message: `is \`none\` until ${input.dmarc.noneUntil}: spoofed mail still reaches inboxes meanwhile` });
  }
  const dmarc = buildDmarc({ policy, subdomainPolicy: input.dmarc.subdomainPolicy ?? policy, adkim: input.dmarc.adkim, aspf: input.dmarc.aspf, ...(dmarcRua.length > 0 ? { rua: dmarcRua } : {}) });
  records.push({ name: `_dmarc.${domain}`, type: "TXT", value: dmarc, role: "dmarc", why: `DMARC p=${policy}` });
  reportAuth(domain, dmarcRua, managed, input.acceptReportsFor ?? [], records, notes);

  // MTA-STS and TLS-RPT.
  let mtaSts: EmailPlan["mtaSts"];
  if (input.mtaSts !== undefined && input.mtaSts.mode !== "none") {
    if (mx.length === 0) errors.push({ path: "mtaSts", message: `needs MX records to protect: ${domain} has none (add them to \`dns.records\`), or remove \`mtaSts\`` });
    else {
      const patterns = [...new Set(mx.map((m) => m.host))].sort();
      const policyText = buildMtaStsPolicy({ mode: input.mtaSts.mode, maxAge: input.mtaSts.maxAgeSeconds, mx: patterns });
      const id = mtaStsId(policyText);
      mtaSts = { mode: input.mtaSts.mode, policy: policyText, id, host: `mta-sts.${domain}`, mx: patterns };
      records.push({ name: `_mta-sts.${domain}`, type: "TXT", value: buildMtaStsRecord(id), role: "mta-sts", why: "announces the MTA-STS policy; id follows the policy text" });
    }
  }
  const tlsRua = input.tlsRptRua.length > 0 ? input.tlsRptRua : dmarcRua;
  if (mx.length > 0) {
    if (tlsRua.length === 0) warnings.push({ path: "tlsRpt.rua", message: "is empty and so is `dmarc.rua`: no TLS reports will be requested" });
    else records.push({ name: `_smtp._tls.${domain}`, type: "TXT", value: `v=TLSRPTv1; rua=${tlsRua.join(",")}`, role: "tls-rpt", why: "TLS failure reports for mail sent to the domain" });
  }
  return { domain, parked, records, spf: { value, lookups, complete, budget }, dmarc, ...(ses ? { ses } : {}), ...(mtaSts ? { mtaSts } : {}), dkimSelectors, missingDkim, errors, warnings, notes };
}

/**
 * RFC 7489 §7.1: reports to another domain need `<domain>._report._dmarc.<dest>` published at the destination. A
 * destination this stack manages publishes it itself (`acceptReportsFor`); any other must be asked to.
 */
function reportAuth(domain: string, rua: readonly string[], managed: readonly string[], accept: readonly string[], records: PlannedEmailRecord[], notes: string[]): void {
  for (const uri of rua) {
    const dest = mailtoDomain(uri);
    if (dest === undefined || isUnder(dest, domain) || managed.some((m) => isUnder(dest, m))) continue;
    notes.push(`DMARC reports go to ${dest}, outside ${domain}: ${dest} must publish TXT \`${domain}._report._dmarc.${dest}\` = \`v=DMARC1\` (RFC 7489 §7.1), or receivers drop the reports (a stack file does this itself when ${dest} is one of its domains; a program sets \`acceptReportsFor\` on ${dest}'s email)`);
  }
  for (const other of [...new Set(accept.map(normalizeName))].sort()) {
    records.push({ name: `${other}._report._dmarc.${domain}`, type: "TXT", value: "v=DMARC1", role: "dmarc-report-auth", why: `${domain} accepts DMARC reports for ${other} (RFC 7489 §7.1)` });
  }
}

/** The domains whose `dmarc.rua` points into `dest` (so `dest` must authorise them): for `acceptReportsFor`. */
export function reportSenders(dest: string, domains: readonly { readonly domain: string; readonly rua: readonly string[] }[]): string[] {
  const d = normalizeName(dest);
  return domains.filter((x) => normalizeName(x.domain) !== d && x.rua.some((u) => { const m = mailtoDomain(u); return m !== undefined && isUnder(m, d); })).map((x) => normalizeName(x.domain));
}
