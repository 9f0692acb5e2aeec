import { API_AUTHORIZATION, AUTH_PROTECTION } from "./catalog/application";
import { BACKUP } from "./catalog/backup";
import { DNS_REDIRECTS } from "./catalog/dns-redirects";
import { EMAIL_AUTH } from "./catalog/email-auth";
import { MONITORING } from "./catalog/monitoring";
import { RATE_LIMITING } from "./catalog/rate-limiting";
import { SECRETS } from "./catalog/secrets";
import { SSL_TLS } from "./catalog/ssl-tls";
import type { CheckDefinition } from "./types";

export { SCORECARD_ROWS } from "./rows";
export { NOT_PROVISIONED_YET } from "./not-provisioned";
export * from "./types";

/** Every checklist ID, defined once. `CheckId` is the type every rule and audit check must use. */
export const CHECKS = {
  ...SSL_TLS,
  ...DNS_REDIRECTS,
  ...EMAIL_AUTH,
  ...RATE_LIMITING,
  ...SECRETS,
  ...MONITORING,
  ...BACKUP,
  ...AUTH_PROTECTION,
  ...API_AUTHORIZATION,
} satisfies Record<string, CheckDefinition>;

export type CheckId = keyof typeof CHECKS;

export function isCheckId(id: string): id is CheckId {
  return Object.prototype.hasOwnProperty.call(CHECKS, id);
}

export function checkDefinition(id: CheckId): CheckDefinition {
  return CHECKS[id];
}
