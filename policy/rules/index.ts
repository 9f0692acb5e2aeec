/**
 * Every pre-apply rule, one per checklist ID. The offline preview and the CrossGuard pack both run this list.
 */
import type { PlanRule } from "../rule";
import { dnsRecordFqdn } from "./dns-record-fqdn";
import { dnsZoneAdopted } from "./dns-zone-adopted";
import { secretsNoPlaintext } from "./secrets-no-plaintext";
import { webHttps } from "./web-https";

export const PLAN_RULES: readonly PlanRule[] = [dnsZoneAdopted, dnsRecordFqdn, webHttps, secretsNoPlaintext];
