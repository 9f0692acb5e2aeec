/**
 * The `email` section of a domain: from its config shape to the planner's input (`core/email/build`), and the
 * planner's refusals as config issues with their field paths. The stack supplies what one domain cannot know:
 * the other domains it manages (DMARC report authorisation), `aws:region` (SES), whether `dkim.key_strength` is
 * acknowledged (1024-bit keys), and today's date (`dmarc.noneUntil`).
 */
import { type DkimKeyInput, type EmailPlan, type EmailPlanInput, planEmail, reportSenders, type SenderInput } from "../core/email/build";
import type { DomainSpec, EmailSpec } from "../core/spec";
import { type ConfigIssue, type ConfigReport, formatPath, fromZodIssues } from "./issues";
import { type DomainConfig, domainSchema } from "./schema";

type EmailConfig = NonNullable<DomainConfig["email"]>;

type DkimKeyConfig = { selector: string; target: string } | { selector: string; publicKey: string; weakKeyReason?: string | undefined };

function dkimKey(k: DkimKeyConfig): DkimKeyInput {
  if ("target" in k) return { selector: k.selector, target: k.target };
  return { selector: k.selector, publicKey: k.publicKey, ...(k.weakKeyReason !== undefined ? { weakKeyReason: k.weakKeyReason } : {}) };
}

function sender(s: EmailConfig["senders"][number]): SenderInput {
  if (typeof s === "string") {
    switch (s) {
      case "amazon-ses":
        return { provider: "amazon-ses", mailFrom: "mail" };
      case "google-workspace":
      case "microsoft-365":
        return { provider: s };
      default:
        return { provider: s, dkim: [] };
    }
  }
  if ("custom" in s) {
    const c = s.custom;
    return { provider: "custom", name: c.name, include: c.include, ip4: c.ip4, ip6: c.ip6, dkim: c.dkim.map(dkimKey), ...(c.nestedLookups !== undefined ? { nestedLookups: c.nestedLookups } : {}) };
  }
  switch (s.provider) {
    case "amazon-ses":
      return { provider: "amazon-ses", mailFrom: s.mailFrom, ...(s.region !== undefined ? { region: s.region } : {}) };
    case "google-workspace":
      return { provider: "google-workspace", ...(s.dkim !== undefined ? { dkim: { selector: s.dkim.selector, publicKey: s.dkim.publicKey, ...(s.dkim.weakKeyReason !== undefined ? { weakKeyReason: s.dkim.weakKeyReason } : {}) } } : {}) };
    case "microsoft-365":
      return { provider: "microsoft-365", ...(s.tenant !== undefined ? { tenant: s.tenant } : {}), ...(s.dkim !== undefined ? { dkim: s.dkim.map(dkimKey) } : {}) };
    default:
      return { provider: s.provider, dkim: s.dkim.map(dkimKey) };
  }
}

/** The config's `email` as the spec carries it. */
export function normaliseEmail(e: EmailConfig): EmailSpec {
  const align = e.dmarc.alignment === "strict" ? "s" : "r";
  return {
    senders: e.senders.map(sender),
    spfAll: e.spfAll === "fail" ? "-" : "~",
    dmarc: {
      policy: e.dmarc.policy,
      ...(e.dmarc.noneUntil !== undefined ? { noneUntil: e.dmarc.noneUntil } : {}),
      ...(e.dmarc.subdomainPolicy !== undefined ? { subdomainPolicy: e.dmarc.subdomainPolicy } : {}),
      adkim: align,
      aspf: align,
      rua: e.dmarc.rua,
    },
    ...(e.mtaSts !== undefined ? { mtaSts: { mode: e.mtaSts.mode, maxAgeSeconds: e.mtaSts.maxAgeSeconds } } : {}),
    tlsRptRua: e.tlsRpt?.rua ?? [],
    acceptReportsFor: e.acceptReportsFor,
  };
}

export interface EmailContext {
  /** Every domain the stack (or program) manages. */
  readonly managedDomains: readonly string[];
  readonly awsRegion?: string;
  readonly now: Date;
  /** MX records planned outside the email section (the component's caller knows them). */
  readonly mx?: readonly { readonly priority: number; readonly host: string }[];
}

/** The MX records the domain's `dns.records` plan. */
function userMx(d: DomainSpec): { priority: number; host: string }[] {
  return d.dnsRecords.filter((r) => r.type === "MX" && r.name.toLowerCase() === d.name).map((r) => ({ priority: r.priority ?? 10, host: r.content.replace(/\.$/, "").toLowerCase() }));
}

export function emailPlanInput(d: DomainSpec, email: EmailSpec, ctx: EmailContext): EmailPlanInput {
  return {
    domain: d.name,
    senders: email.senders,
    spfAll: email.spfAll,
    dmarc: email.dmarc,
    ...(email.mtaSts !== undefined ? { mtaSts: email.mtaSts } : {}),
    tlsRptRua: email.tlsRptRua,
    acceptReportsFor: email.acceptReportsFor,
    mx: userMx(d),
    managedDomains: ctx.managedDomains,
    ...(ctx.awsRegion !== undefined ? { awsRegion: ctx.awsRegion } : {}),
    today: ctx.now.toISOString().slice(0, 10),
  };
}

/** The domain's email plan, or undefined without `email`. */
export function domainEmailPlan(d: DomainSpec, ctx: EmailContext): EmailPlan | undefined {
  return d.email === undefined ? undefined : planEmail(emailPlanInput(d, d.email, ctx));
}

/**
 * The planner's errors and warnings as config issues under `at` (the domain's `email` path); what must come from a
 * provider's console is a warning, so the preview names it.
 */
export function emailIssues(plan: EmailPlan, at: string): { errors: ConfigIssue[]; warnings: ConfigIssue[] } {
  const path = (p: string) => (p === "" ? at : `${at}.${p}`);
  return {
    errors: plan.errors.map((e) => ({ path: path(e.path), message: e.message })),
    warnings: [...plan.warnings.map((w) => ({ path: path(w.path), message: w.message })), ...plan.notes.map((n) => ({ path: at, message: n }))],
  };
}

/**
 * A stack's domains with `email.acceptReportsFor` filled in: a domain that receives another stack domain's DMARC
 * reports publishes their authorisation (RFC 7489 §7.1) without being told to.
 */
export function withReportDestinations(domains: readonly DomainConfig[]): DomainConfig[] {
  const ruas = domains.flatMap((d) => (d.email !== undefined ? [{ domain: d.name, rua: d.email.dmarc.rua }] : []));
  return domains.map((d) => {
    if (d.email === undefined) return d;
    const senders = reportSenders(d.name, ruas);
    const accept = [...new Set([...d.email.acceptReportsFor, ...senders])].sort();
    return accept.length === d.email.acceptReportsFor.length ? d : { ...d, email: { ...d.email, acceptReportsFor: accept } };
  });
}

/**
 * Validates an `Email` component's settings like a stack file's `email` section (the same schema, defaults and
 * planner), paths under `root`; `value` is the plan when there is no error.
 */
export function validateEmailArgs(raw: unknown, domain: string, root: readonly PropertyKey[], ctx: EmailContext): ConfigReport<EmailPlan> {
  const schema = domainSchema.shape.email.unwrap();
  const parsed = schema.safeParse(raw, { reportInput: true });
  const prefix = formatPath(root);
  const under = (p: string) => (p === "(stack config)" ? prefix : p.startsWith("[") ? `${prefix}${p}` : `${prefix}.${p}`);
  if (!parsed.success) return { errors: fromZodIssues(parsed.error.issues, () => []).map((i) => ({ ...i, path: under(i.path) })), warnings: [] };
  const spec = normaliseEmail(parsed.data);
  const plan = planEmail({
    domain,
    senders: spec.senders,
    spfAll: spec.spfAll,
    dmarc: spec.dmarc,
    ...(spec.mtaSts !== undefined ? { mtaSts: spec.mtaSts } : {}),
    tlsRptRua: spec.tlsRptRua,
    acceptReportsFor: spec.acceptReportsFor,
    mx: ctx.mx ?? [],
    managedDomains: ctx.managedDomains.length > 0 ? ctx.managedDomains : [domain],
    ...(ctx.awsRegion !== undefined ? { awsRegion: ctx.awsRegion } : {}),
    today: ctx.now.toISOString().slice(0, 10),
  });
  const issues = emailIssues(plan, prefix);
  return issues.errors.length > 0 ? { errors: issues.errors, warnings: issues.warnings } : { value: plan, errors: [], warnings: issues.warnings };
}

/**
 * Records in `dns.records` that the email section also publishes: two SPF (or DMARC, MTA-STS, TLS-RPT) records at one
 * name make receivers ignore both (RFC 7208 §4.5, RFC 7489 §6.6.3), so the config refuses them.
 */
export function emailClashes(d: DomainSpec, plan: EmailPlan, at: (...p: PropertyKey[]) => string): ConfigIssue[] {
  const kinds: readonly [RegExp, string][] = [
    [/^"?v=spf1(?: |"|$)/i, "SPF"],
    [/^"?v=DMARC1/, "DMARC"],
    [/^"?v=STSv1/, "MTA-STS"],
    [/^"?v=TLSRPTv1/, "TLS-RPT"],
    [/^"?v=DKIM1/, "DKIM"],
  ];
  const out: ConfigIssue[] = [];
  d.dnsRecords.forEach((r, j) => {
    if (r.type !== "TXT") return;
    const kind = kinds.find(([re]) => re.test(r.content.trim()))?.[1];
    if (kind === undefined) return;
    const planned = plan.records.some((p) => p.type === "TXT" && p.name === r.name.toLowerCase() && kinds.find(([re]) => re.test(p.value))?.[1] === kind);
    if (planned) out.push({ path: at("dns", "records", j), message: `is ${/^[SM]/.test(kind) ? "an" : "a"} ${kind} record at ${r.name}, which \`email\` publishes too: two would make receivers ignore both. Remove this entry (say who sends mail in \`email.senders\`)` });
  });
  return out;
}
