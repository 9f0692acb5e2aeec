/**
 * Every pre-apply rule, one per checklist ID. The offline preview and the CrossGuard pack both run this list.
 */
import type { PlanRule } from "../rule";
import { backupPlan } from "./backup-plan";
import { backupRestoreTesting } from "./backup-restore-testing";
import { backupRetention } from "./backup-retention";
import { backupVaultProtected } from "./backup-vault-protected";
import { spfRecord } from "./spf-record";
import { spfSyntax } from "./spf-syntax";
import { spfLookups } from "./spf-lookups";
import { spfVoidLookups } from "./spf-void-lookups";
import { spfMxAddresses } from "./spf-mx-addresses";
import { spfAll } from "./spf-all";
import { spfLoop } from "./spf-loop";
import { spfSize } from "./spf-size";
import { spfParked } from "./spf-parked";
import { dmarcRecord } from "./dmarc-record";
import { dmarcSyntax } from "./dmarc-syntax";
import { dmarcPolicy } from "./dmarc-policy";
import { dmarcSubdomainPolicy } from "./dmarc-subdomain-policy";
import { dmarcPct } from "./dmarc-pct";
import { dmarcRua } from "./dmarc-rua";
import { dmarcRuaAuthorized } from "./dmarc-rua-authorized";
import { dkimSelector } from "./dkim-selector";
import { dkimSyntax } from "./dkim-syntax";
import { dkimKeyStrength } from "./dkim-key-strength";
import { dkimRevoked } from "./dkim-revoked";
import { mtastsRecord } from "./mtasts-record";
import { mtastsPolicyFetch } from "./mtasts-policy-fetch";
import { mtastsPolicySyntax } from "./mtasts-policy-syntax";
import { mtastsMxCoverage } from "./mtasts-mx-coverage";
import { tlsrptRecord } from "./tlsrpt-record";
import { mxRecords } from "./mx-records";
import { mxNull } from "./mx-null";
import { caaIssuerMatch } from "./caa-issuer-match";
import { caaPresent } from "./caa-present";
import { caaSyntax } from "./caa-syntax";
import { dnsAdoptedRetained } from "./dns-adopted-retained";
import { dnsRecordFqdn } from "./dns-record-fqdn";
import { dnsTxtNormalised } from "./dns-txt-normalised";
import { dnsZoneAdopted } from "./dns-zone-adopted";
import { dnssecChain } from "./dnssec-chain";
import { hstsIncludeSubdomains } from "./hsts-include-subdomains";
import { hstsMaxAge } from "./hsts-max-age";
import { hstsPreloadReady } from "./hsts-preload-ready";
import { hstsPresent } from "./hsts-present";
import { monitoringAlertRoute } from "./monitoring-alert-route";
import { monitoringCertExpiryAlarm } from "./monitoring-cert-expiry-alarm";
import { monitoringLatencyAlarm } from "./monitoring-latency-alarm";
import { monitoringUptimeChecks } from "./monitoring-uptime-checks";
import { rateEndpointsCovered } from "./rate-endpoints-covered";
import { rateLoginDefault } from "./rate-login-default";
import { ratePlanFit } from "./rate-plan-fit";
import { redirectRulesLanguage } from "./redirect-rules-language";
import { redirectWellKnown } from "./redirect-well-known";
import { secretsGenerated } from "./secrets-generated";
import { secretsKmsRotation } from "./secrets-kms-rotation";
import { secretsNoPlaintext } from "./secrets-no-plaintext";
import { secretsRotation } from "./secrets-rotation";
import { tlsAlwaysHttps } from "./tls-always-https";
import { tlsProtocols } from "./tls-protocols";
import { tlsSslStrict } from "./tls-ssl-strict";
import { webHttps } from "./web-https";
import { webMixedContent } from "./web-mixed-content";
import { webRedirectDowngrade } from "./web-redirect-downgrade";
import { webRedirectFirstHop } from "./web-redirect-first-hop";
import { webRedirectHops } from "./web-redirect-hops";

export const PLAN_RULES: readonly PlanRule[] = [
  // SSL/TLS, HTTPS everywhere
  tlsSslStrict,
  tlsAlwaysHttps,
  tlsProtocols,
  webHttps,
  webMixedContent,
  hstsPresent,
  hstsMaxAge,
  hstsIncludeSubdomains,
  hstsPreloadReady,
  // DNS and redirects
  dnsZoneAdopted,
  dnsRecordFqdn,
  dnsTxtNormalised,
  dnsAdoptedRetained,
  caaPresent,
  caaSyntax,
  caaIssuerMatch,
  dnssecChain,
  webRedirectFirstHop,
  webRedirectHops,
  webRedirectDowngrade,
  // Email authentication (issue 10)
  spfRecord,
  spfSyntax,
  spfLookups,
  spfVoidLookups,
  spfMxAddresses,
  spfAll,
  spfLoop,
  spfSize,
  spfParked,
  dmarcRecord,
  dmarcSyntax,
  dmarcPolicy,
  dmarcSubdomainPolicy,
  dmarcPct,
  dmarcRua,
  dmarcRuaAuthorized,
  dkimSelector,
  dkimSyntax,
  dkimKeyStrength,
  dkimRevoked,
  mtastsRecord,
  mtastsPolicyFetch,
  mtastsPolicySyntax,
  mtastsMxCoverage,
  tlsrptRecord,
  mxRecords,
  mxNull,
  // Rate limiting
  ratePlanFit,
  rateEndpointsCovered,
  rateLoginDefault,
  // Monitoring/alerting
  monitoringUptimeChecks,
  monitoringAlertRoute,
  monitoringLatencyAlarm,
  monitoringCertExpiryAlarm,
  // Secrets handling
  secretsNoPlaintext,
  secretsGenerated,
  secretsRotation,
  secretsKmsRotation,
  // Backup/recovery
  backupPlan,
  backupRetention,
  backupVaultProtected,
  backupRestoreTesting,
  // Redirect rulesets Cloudflare accepts and that leave certificate validation alone
  redirectRulesLanguage,
  redirectWellKnown,
];
