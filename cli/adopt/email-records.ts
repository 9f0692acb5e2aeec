/**
 * The DNS records the email component creates for a domain (SPF, DMARC, MX, DKIM, TLS-RPT, MTA-STS), as planned
 * records for the adoption diff: the email component cannot adopt records, so each is either created or a conflict.
 * The same plan and the same context as `components/domain/domain.ts` gives the component; SES's Easy DKIM CNAMEs
 * are named by tokens known only after apply, so they are not here.
 */
import { domainEmailPlan } from "../../config/email";
import type { PlannedRecord } from "../../core/dns/record-plan";
import { txtFromValue } from "../../core/dns/txt";
import type { DomainSpec } from "../../core/spec";

export function emailRecords(d: DomainSpec, awsRegion: string | undefined): PlannedRecord[] {
  const mx = d.dnsRecords.filter((r) => r.type === "MX" && r.name === d.name).map((r) => ({ priority: r.priority ?? 10, host: r.content }));
  const plan = domainEmailPlan(d, { managedDomains: [d.name], now: new Date(), mx, ...(awsRegion !== undefined ? { awsRegion } : {}) });
  return (plan?.records ?? []).map((r, i) => ({
    key: `email-${i}`,
    name: r.name,
    type: r.type,
    content: r.type === "TXT" ? txtFromValue(r.value) : r.value,
    ttl: 3600,
    proxied: false,
    ...(r.priority !== undefined ? { priority: r.priority } : {}),
    purpose: `email ${r.role}`,
  }));
}
