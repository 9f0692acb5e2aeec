/**
 * launch-ready as a Pulumi component library: `import { Domain } from "launch-ready"`.
 *
 * Each component takes the same settings as a stack file's entry (the README's stack config reference), validated the same
 * way, names its children `${name}-…` with itself as parent, and exposes them as properties. The stack program
 * (`index.ts` at the project root) is one user of this API; examples/typescript-program is another.
 */
export { Domain, DOMAIN_TYPE } from "../components/domain/domain";
export type { AdoptRecordArgs, CaaArgs, DnsRecordArgs, DomainArgs, DomainCloudflareArgs, DomainWebArgs, HstsArgs, WebHostArgs } from "../components/domain/args";
export { DnsRecords, MANAGED_COMMENT, originHostProblem, type DnsRecordsArgs } from "../components/dns/records";
export { Dnssec, type DnssecArgs, type DsRecord } from "../components/dns/dnssec";
export { Redirects, type RedirectsArgs } from "../components/edge/redirects";
export { ZoneSettings, ZONE_SETTINGS_TYPE, type ZoneSettingsArgs } from "../components/edge/zone-settings";
export { RateLimits, RATE_LIMITS_TYPE, type RateLimitEntryArgs, type RateLimitRuleArgs, type RateLimitsArgs } from "../components/rate-limits/rate-limits";
// AWS secrets and backups (stack-level components).
export { KmsKey, KMS_KEY_TYPE, validateKmsKeyArgs, type KmsKeyArgs } from "../components/secrets/key";
export { Secrets, SECRETS_TYPE, FIRST_VERSION_IGNORED, INITIAL_STAGE, type SecretArgs, type SecretsArgs, type StoredSecret } from "../components/secrets/secrets";
export { validateSecretsArgs } from "../components/secrets/validate";
export { secretReadPolicy, type PolicyDocument } from "../components/secrets/policy";
export { Backups, BACKUPS_TYPE, validateBackupsArgs, type BackupsArgs } from "../components/backups/backups";
/** The validator `Domain` runs on its args, exported so a program (or its tests) can check args before `pulumi up`. */
export { validateDomainArgs } from "../config/validate";
export type { ConfigIssue, ConfigReport } from "../config/issues";
export type { DomainSpec } from "../core/spec";

// Monitoring and alerting (issue 13): where alarms go, and a domain's uptime, latency, 5xx and certificate alarms.
export { AlertRoute, ALERT_ROUTE_TYPE, SNS_MANAGED_KEY, type AlertSubscriptionState } from "../components/monitoring/alert-route";
export { certCheckCode, Monitoring, MONITORING_TYPE, type MonitoringInputs, type UptimeCheck } from "../components/monitoring/monitoring";
export type { AlertRouteArgs, MonitoringArgs, MonitoringCheckArgs } from "../components/monitoring/args";
export { validateAlertRouteArgs, validateMonitoringArgs } from "../components/monitoring/validate";

// Email authentication (issue 10): the component, its args, its validator and the pure planner it runs.
export { Email, EMAIL_TYPE, emailSummary, type EmailInputs } from "../components/email/email";
export type { DkimCnameArgs, DkimKeyArgs, DkimTxtArgs, EmailArgs, EmailSectionArgs, EmailSenderArgs } from "../components/email/args";
export { validateEmailArgs } from "../config/email";
export { planEmail, type EmailPlan, type EmailPlanInput, type PlannedEmailRecord } from "../core/email/build";
