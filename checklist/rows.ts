import type { ScorecardRow, ScorecardRowId } from "./types";

/** The launch scorecard rows, as the launch checklist names them. */
export const SCORECARD_ROWS: Readonly<Record<ScorecardRowId, ScorecardRow>> = {
  "ssl-tls": { id: "ssl-tls", title: "SSL/TLS, HTTPS everywhere" },
  "dns-redirects": { id: "dns-redirects", title: "DNS and redirects" },
  "email-auth": { id: "email-auth", title: "Email authentication" },
  "rate-limiting": { id: "rate-limiting", title: "Rate limiting" },
  secrets: { id: "secrets", title: "Secrets handling" },
  monitoring: { id: "monitoring", title: "Monitoring/alerting" },
  backup: { id: "backup", title: "Backup/recovery" },
  "auth-protection": {
    id: "auth-protection",
    title: "Auth protection",
    outOfScope:
      "an application concern: the toolkit rate-limits login endpoints and the auditor inspects session cookies; `launch-ready probe authz` verifies that private routes refuse missing and bad credentials (a scorecard given its report shows the result), but nothing here proves your login flow resists credential stuffing or session fixation",
  },
  "api-authorization": {
    id: "api-authorization",
    title: "API authorization",
    outOfScope:
      "an application concern: the auditor flags permissive CORS; `launch-ready probe authz` replays the stack's route inventory as other tenants and lower roles (a scorecard given its report shows the result); without that report nothing here proves each API route checks the caller's tenant and role",
  },
  "logging-hygiene": {
    id: "logging-hygiene",
    title: "Logging hygiene",
    outOfScope:
      "an application concern: the toolkit keeps secrets out of stack inputs and outputs, but cannot see whether your application logs tokens, passwords or personal data",
  },
};
