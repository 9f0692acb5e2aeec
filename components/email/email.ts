import * as aws from "../aws/services";
import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import { validateEmailArgs } from "../../config/email";
import { txtFromValue } from "../../core/dns/txt";
import type { EmailPlan, PlannedEmailRecord } from "../../core/email/build";
import { MANAGED_COMMENT } from "../dns/records";
import type { EmailArgs } from "./args";
import { mtaStsWorkerName, mtaStsWorkerScript } from "./mta-sts-worker";

export type { DkimCnameArgs, DkimKeyArgs, DkimTxtArgs, EmailArgs, EmailSectionArgs, EmailSenderArgs } from "./args";

/** The component's type token: part of every child's URN, so it never changes. */
export const EMAIL_TYPE = "launch-ready:email:Email";

/** SES Easy DKIM key length: 2048-bit RSA (RSA_1024_BIT is the API's other choice; refused here). */
export const SES_DKIM_KEY_LENGTH = "RSA_2048_BIT";

/** SES Easy DKIM always gives three tokens, each one `<token>._domainkey` CNAME to `<token>.dkim.amazonses.com`. */
export const SES_DKIM_TOKENS = 3;

/** What the plan rules read from the component (its registered inputs). */
export interface EmailInputs {
  readonly domain: string;
  readonly parked: boolean;
  readonly spf: EmailPlan["spf"];
  readonly dkimSelectors: readonly string[];
  readonly missingDkim: EmailPlan["missingDkim"];
  readonly ses?: { readonly region: string; readonly mailFromDomain: string; readonly keyLength: string; readonly dkimCnames: number };
  readonly mtaSts?: { readonly mode: string; readonly id: string; readonly host: string; readonly policy: string; readonly mx: readonly string[] };
  /** What must come from a provider's console, or be done by someone else. */
  readonly notes: readonly string[];
}

function resourceKey(r: PlannedEmailRecord, domain: string, i: number): string {
  const rel = r.name === domain ? "apex" : r.name.endsWith(`.${domain}`) ? r.name.slice(0, -domain.length - 1) : r.name;
  const label = rel.replace(/\*/g, "wildcard").replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "").toLowerCase();
  return `${r.role}-${label}${r.type === "MX" ? `-mx${i}` : ""}`;
}

/**
 * A domain's mail authentication: SPF merged from its senders, DKIM (Amazon SES Easy DKIM at 2048 bits with a
 * custom MAIL FROM, other providers' selectors), DMARC, MTA-STS served by a Cloudflare Worker on
 * `mta-sts.<domain>`, TLS-RPT; or, for a domain that sends nothing, the parked lock-down. The records come from one
 * pure plan (`planEmail`), which the preview's checks and the auditor's `--stack` expectations read too.
 *
 * Bad settings throw a `ResourceError` naming each field before any child is registered. Children are
 * `${name}-<role>-<name>` DNS records, `${name}-ses` (+ `-ses-mail-from`, `-ses-dkim-0..2`), `${name}-mta-sts-worker`
 * and `${name}-mta-sts-domain`.
 */
export class Email extends pulumi.ComponentResource {
  /** The plan: every record, the SPF lookup budget, what must come from a provider's console. */
  public readonly plan: EmailPlan;
  /** Resource name → the DNS record, SES DKIM CNAMEs included. */
  public readonly records: Readonly<Record<string, cloudflare.DnsRecord>>;
  /** The SES domain identity with Easy DKIM (2048-bit); undefined without `amazon-ses`. */
  public readonly sesIdentity?: aws.sesv2.EmailIdentity;
  /** The SES custom MAIL FROM (`mail.<domain>` by default), so SPF aligns; undefined without `amazon-ses`. */
  public readonly sesMailFrom?: aws.sesv2.EmailIdentityMailFromAttributes;
  /** The Worker serving the MTA-STS policy; undefined without MTA-STS. */
  public readonly mtaStsWorker?: cloudflare.WorkersScript;
  /** The Worker's custom domain `mta-sts.<domain>`; undefined without MTA-STS. */
  public readonly mtaStsDomain?: cloudflare.WorkersCustomDomain;

  constructor(name: string, args: EmailArgs, opts?: pulumi.ComponentResourceOptions) {
    const report = validateEmailArgs(args.email, args.domain, ["args", "email"], {
      managedDomains: args.managedDomains ?? [args.domain],
      now: new Date(),
      ...(args.mx !== undefined ? { mx: args.mx } : {}),
      ...(args.awsRegion !== undefined ? { awsRegion: args.awsRegion } : {}),
    });
    const plan = report.value;
    const inputs: EmailInputs | Record<string, never> =
      plan === undefined
        ? {}
        : {
            domain: plan.domain,
            parked: plan.parked,
            spf: plan.spf,
            dkimSelectors: plan.dkimSelectors,
            missingDkim: plan.missingDkim,
            ...(plan.ses ? { ses: { ...plan.ses, keyLength: SES_DKIM_KEY_LENGTH, dkimCnames: SES_DKIM_TOKENS } } : {}),
            ...(plan.mtaSts ? { mtaSts: { mode: plan.mtaSts.mode, id: plan.mtaSts.id, host: plan.mtaSts.host, policy: plan.mtaSts.policy, mx: plan.mtaSts.mx } } : {}),
            notes: plan.notes,
          };
    super(EMAIL_TYPE, name, { ...inputs }, opts);
    if (plan === undefined) {
      throw new pulumi.ResourceError(`Email ${name} has ${report.errors.length} problem(s) in its args:\n${report.errors.map((e) => `  ✗ ${e.path}: ${e.message}`).join("\n")}`, this);
    }
    if (plan.mtaSts !== undefined && args.accountId === undefined) {
      throw new pulumi.ResourceError(`Email ${name}: args.accountId is required for MTA-STS (the policy is served by a Cloudflare Worker in that account): give the zone's account id, or set email.mtaSts.mode: none`, this);
    }
    for (const w of report.warnings) pulumi.log.warn(`${w.path}: ${w.message}`, this);
    this.plan = plan;
    const records: Record<string, cloudflare.DnsRecord> = {};
    const counts = new Map<string, number>();
    for (const r of plan.records) {
      const base = resourceKey(r, plan.domain, 0);
      const n = counts.get(base) ?? 0;
      counts.set(base, n + 1);
      const resourceName = `${name}-${n === 0 ? base : `${base}-${n}`}`;
      records[resourceName] = new cloudflare.DnsRecord(
        resourceName,
        {
          zoneId: args.zoneId,
          name: r.name,
          type: r.type,
          // TXT in the API's normal form: quoted, split into 255-byte strings (RFC 7208 §3.3 joins them back).
          content: r.type === "TXT" ? txtFromValue(r.value) : r.value,
          ttl: 3600,
          proxied: false,
          comment: MANAGED_COMMENT,
          ...(r.priority !== undefined ? { priority: r.priority } : {}),
        },
        { parent: this },
      );
    }

    if (plan.ses !== undefined) {
      // SES v2 domain identity with Easy DKIM; `nextSigningKeyLength` picks the key SES generates (AWS SES API
      // DkimSigningAttributes: RSA_1024_BIT | RSA_2048_BIT).
      const identity = new aws.sesv2.EmailIdentity(
        `${name}-ses`,
        { emailIdentity: plan.domain, region: plan.ses.region, dkimSigningAttributes: { nextSigningKeyLength: SES_DKIM_KEY_LENGTH } },
        { parent: this },
      );
      this.sesIdentity = identity;
      // The MAIL FROM subdomain's MX and SPF are planned above; SES checks the MX before using it.
      this.sesMailFrom = new aws.sesv2.EmailIdentityMailFromAttributes(
        `${name}-ses-mail-from`,
        { emailIdentity: identity.emailIdentity, region: plan.ses.region, mailFromDomain: plan.ses.mailFromDomain, behaviorOnMxFailure: "USE_DEFAULT_VALUE" },
        { parent: this },
      );
      // Easy DKIM's three tokens: `<token>._domainkey.<domain>` CNAME `<token>.dkim.amazonses.com` (SES developer
      // guide, "Easy DKIM"). The tokens are known after apply.
      const tokens = identity.dkimSigningAttributes.apply((a) => a.tokens);
      for (let i = 0; i < SES_DKIM_TOKENS; i++) {
        const token = tokens.apply((t) => {
          const v = t[i];
          if (v === undefined) throw new pulumi.ResourceError(`SES returned ${t.length} DKIM tokens for ${plan.domain}, not ${SES_DKIM_TOKENS}`, this);
          return v;
        });
        const resourceName = `${name}-ses-dkim-${i}`;
        records[resourceName] = new cloudflare.DnsRecord(
          resourceName,
          { zoneId: args.zoneId, name: pulumi.interpolate`${token}._domainkey.${plan.domain}`, type: "CNAME", content: pulumi.interpolate`${token}.dkim.amazonses.com`, ttl: 3600, proxied: false, comment: MANAGED_COMMENT },
          { parent: this },
        );
      }
    }

    if (plan.mtaSts !== undefined && args.accountId !== undefined) {
      const scriptName = mtaStsWorkerName(plan.domain);
      // Module syntax: `content` with `mainModule` naming it (cloudflare_workers_script, provider v5 docs).
      this.mtaStsWorker = new cloudflare.WorkersScript(
        `${name}-mta-sts-worker`,
        { accountId: args.accountId, scriptName, content: mtaStsWorkerScript(plan.mtaSts.policy), mainModule: "worker.js", compatibilityDate: "2025-01-01" },
        { parent: this },
      );
      // A Worker custom domain: Cloudflare creates the DNS record and certificate for the host itself.
      this.mtaStsDomain = new cloudflare.WorkersCustomDomain(
        `${name}-mta-sts-domain`,
        { accountId: args.accountId, zoneId: args.zoneId, hostname: plan.mtaSts.host, service: this.mtaStsWorker.scriptName },
        { parent: this },
      );
    }
    this.records = records;
    pulumi.log.info(emailSummary(plan), this);
    this.registerOutputs({});
  }
}

/** One line for the plan output: the records and what is left to someone else. */
export function emailSummary(plan: EmailPlan): string {
  if (plan.parked) return `${plan.domain} mail: parked (null MX, v=spf1 -all, DMARC p=reject, every DKIM selector revoked)`;
  const parts = [`${plan.domain} mail: SPF ${plan.spf.value} (${plan.spf.lookups}${plan.spf.complete ? "" : "+"} of 10 DNS lookups)`, `DMARC ${plan.dmarc}`];
  if (plan.ses) parts.push(`SES identity with Easy DKIM (2048-bit, three CNAMEs) and MAIL FROM ${plan.ses.mailFromDomain}`);
  if (plan.mtaSts) parts.push(`MTA-STS ${plan.mtaSts.mode} served by a Worker at https://${plan.mtaSts.host}/.well-known/mta-sts.txt`);
  return parts.join("; ");
}
