/**
 * The runbooks on-call can open (`runbooks/<name>.md`) and `launch-ready runbook <name>` fills in. Each alarm and
 * each failing check links to one of these by its file name (checklist catalog remediations, alarm descriptions).
 */
export interface RunbookEntry {
  readonly name: string;
  readonly title: string;
  /** When to open it, in on-call's words. */
  readonly when: string;
}

export const RUNBOOKS: readonly RunbookEntry[] = [
  { name: "restore", title: "Restore from AWS Backup", when: "data is lost or corrupted; a restore test failed" },
  { name: "secret-rotation", title: "Rotate a secret, or every secret after a leak", when: "a credential leaked (scan secrets, client bundle), someone left, a rotation failed" },
  { name: "dns-rollback", title: "Roll back a DNS or edge change", when: "the site or mail broke after a `pulumi up`" },
  { name: "certificate-expiry", title: "A certificate about to expire", when: "the certificate alarm fired; `tls.*` checks fail" },
  { name: "error-spike", title: "A spike of 5xx or failed logins", when: "the 5xx alarm fired; login failures or rate-limit blocks jumped" },
  { name: "email-spam", title: "Email landing in spam", when: "customers do not get mail, or it lands in spam; SPF/DKIM/DMARC checks fail" },
  { name: "dnssec", title: "Publish the DNSSEC DS at the registrar", when: "`dnssec.chain` warns or fails; moving registrar or DNS provider" },
  { name: "dns-adoption", title: "Adopt a zone's existing records", when: "bringing an existing zone under the stack" },
  { name: "https-redirects", title: "HTTPS redirects and zone settings", when: "redirect or HSTS checks fail" },
  { name: "alerts", title: "Confirm alert subscriptions, answer each alarm", when: "after the first `pulumi up`; any alarm" },
];

export function runbookNamed(name: string): RunbookEntry | undefined {
  return RUNBOOKS.find((r) => r.name === name);
}
