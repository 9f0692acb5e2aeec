/**
 * Every pre-apply rule, one per checklist ID. The offline preview and the CrossGuard pack both run this list.
 */
import type { PlanRule } from "../rule";
import { backupPlan } from "./backup-plan";
import { backupRestoreTesting } from "./backup-restore-testing";
import { backupRetention } from "./backup-retention";
import { backupVaultProtected } from "./backup-vault-protected";
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
