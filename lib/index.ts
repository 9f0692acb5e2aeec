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
/** The validator `Domain` runs on its args, exported so a program (or its tests) can check args before `pulumi up`. */
export { validateDomainArgs } from "../config/validate";
export type { ConfigIssue, ConfigReport } from "../config/issues";
export type { DomainSpec } from "../core/spec";
// Email authentication (issue 10): the component, its args, its validator and the pure planner it runs.
export { Email, EMAIL_TYPE, emailSummary, type EmailInputs } from "../components/email/email";
export type { DkimCnameArgs, DkimKeyArgs, DkimTxtArgs, EmailArgs, EmailSectionArgs, EmailSenderArgs } from "../components/email/args";
export { validateEmailArgs } from "../config/email";
export { planEmail, type EmailPlan, type EmailPlanInput, type PlannedEmailRecord } from "../core/email/build";
