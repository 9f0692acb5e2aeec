/**
 * `DomainArgs` is written by hand (for its JSDoc); the stack file's schema is zod's. The two must describe the same
 * keys: the stack program passes parsed entries to `Domain` (a type error when the schema has a key the args lack
 * or types it differently), and this test catches the args naming a key the schema does not have. Sections a
 * domain validates but does not provision yet (email, monitoring) join the args as they land.
 */
import { describe, expect, it } from "vitest";
import type { CaaArgs, DomainArgs, DomainCloudflareArgs, DomainWebArgs, HstsArgs } from "../../components/domain/args";
import type { RateLimitRuleArgs } from "../../components/rate-limits/args";
import type { AlertRouteArgs, MonitoringArgs, MonitoringCheckArgs } from "../../components/monitoring/args";
import type { BackupsArgs } from "../../components/backups/args";
import type { EmailSectionArgs } from "../../components/email/args";
import type { SecretArgs } from "../../components/secrets/args";
import { alertsSchema, backupsSchema, domainSchema, secretsSchema } from "../../config/schema";
import { z } from "zod";

function keysOf(schema: z.core.$ZodType): string[] {
  let s: z.core.$ZodType = schema;
  for (let i = 0; i < 5; i++) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodPrefault) s = s.unwrap();
    else if (s instanceof z.ZodPipe) s = s.in;
  }
  return s instanceof z.ZodObject ? Object.keys(s.shape).sort() : [];
}

const NOT_YET_PROVISIONED: string[] = [];
/** Made by a component of its own beside `Domain` (the stack program passes the entry's section to it). */
const OWN_COMPONENT = ["monitoring"];

describe("DomainArgs and the stack file's domain entry have the same keys", () => {
  // Each record must list every key of its args type (a missing or extra key is a type error here).
  const domain: Record<keyof DomainArgs, true> = { name: true, cloudflare: true, dnssec: true, web: true, dns: true, rateLimits: true, email: true };
  const email: Record<keyof EmailSectionArgs, true> = { senders: true, spfAll: true, dmarc: true, mtaSts: true, acceptReportsFor: true, tlsRpt: true };
  const cloudflare: Record<keyof DomainCloudflareArgs, true> = { plan: true, zoneId: true, rulesetIds: true, adoptRecords: true, imported: true };
  const web: Record<keyof DomainWebArgs, true> = { origin: true, redirectTo: true, ssl: true, caa: true, legacyPaths: true, canonicalHost: true, aliases: true, hosts: true, hsts: true };
  const hsts: Record<keyof HstsArgs, true> = { maxAgeSeconds: true, includeSubdomains: true, preload: true };
  const caa: Record<keyof CaaArgs, true> = { issuers: true, iodef: true, acm: true };
  const rateLimitRule: Record<keyof RateLimitRuleArgs, true> = { name: true, path: true, prefix: true, method: true, methods: true, requests: true, periodSeconds: true, mitigationSeconds: true, action: true };
  const shape = domainSchema.shape;

  it.each([
    ["the domain", domain, keysOf(domainSchema).filter((k) => !NOT_YET_PROVISIONED.includes(k) && !OWN_COMPONENT.includes(k))],
    ["cloudflare", cloudflare, keysOf(shape.cloudflare)],
    ["email", email, keysOf(shape.email)],
    ["web", web, keysOf(shape.web)],
    ["web.hsts", hsts, keysOf(keysOfChild(shape.web, "hsts"))],
    ["web.caa", caa, keysOf(keysOfChild(shape.web, "caa"))],
    ["a rateLimits rule", rateLimitRule, keysOf(rateLimitRuleSchemaOf(shape.rateLimits))],
  ])("%s", (_label, args, schemaKeys) => {
    expect(Object.keys(args).sort()).toEqual(schemaKeys);
  });
});

function keysOfChild(schema: z.core.$ZodType, key: string): z.core.$ZodType {
  let s: z.core.$ZodType = schema;
  for (let i = 0; i < 5; i++) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodPrefault) s = s.unwrap();
  }
  if (!(s instanceof z.ZodObject)) throw new Error("not an object schema");
  const child: unknown = s.shape[key];
  if (!(child instanceof z.ZodType)) throw new Error(`no ${key}`);
  return child;
}

/** The full-rule member of `rateLimits: (preset | rule)[]`. */
function rateLimitRuleSchemaOf(schema: z.core.$ZodType): z.core.$ZodType {
  let s: z.core.$ZodType = schema;
  for (let i = 0; i < 5; i++) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodPrefault) s = s.unwrap();
  }
  if (!(s instanceof z.ZodArray)) throw new Error("not an array schema");
  const element: unknown = s.element;
  if (!(element instanceof z.ZodUnion)) throw new Error("not a union");
  const rule = element.options.find((o: unknown) => o instanceof z.ZodObject);
  if (!(rule instanceof z.ZodType)) throw new Error("no rule object");
  return rule;
}

/** The elements of an array schema. */
function elementOf(schema: z.core.$ZodType): z.core.$ZodType {
  let s: z.core.$ZodType = schema;
  for (let i = 0; i < 5; i++) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodPrefault) s = s.unwrap();
  }
  if (!(s instanceof z.ZodArray)) throw new Error("not an array schema");
  const element: unknown = s.element;
  if (!(element instanceof z.ZodType)) throw new Error("no element");
  return element;
}

describe("Monitoring and AlertRoute take every key of the stack file's `monitoring:` and `launch-ready:alerts`", () => {
  // Each record lists every key of its args type; the component-only keys are named apart.
  const monitoring: Record<keyof MonitoringArgs, true> = {
    domain: true, canonicalHost: true, checks: true, routes: true, latencyP95Ms: true, certExpiryDays: true, loadBalancerArn: true,
    fiveXxRatePercent: true, alertTopicArns: true, usEast1Provider: true, certCheckSchedule: true,
  };
  /** Filled in by the stack program from the domain's web config, the route inventory and the AlertRoute. */
  const FROM_ELSEWHERE = ["alertTopicArns", "canonicalHost", "certCheckSchedule", "domain", "routes", "usEast1Provider"];
  const check: Record<keyof MonitoringCheckArgs, true> = { url: true, searchString: true };
  const alerts: Record<keyof AlertRouteArgs, true> = { emails: true, webhookUrl: true, regions: true, kmsMasterKeyId: true, publisherServices: true };
  const monitoringSchema = keysOfChild(domainSchema, "monitoring");

  it.each([
    ["monitoring", Object.keys(monitoring).filter((k) => !FROM_ELSEWHERE.includes(k)), keysOf(monitoringSchema)],
    ["a monitoring check", Object.keys(check), keysOf(elementOf(keysOfChild(monitoringSchema, "checks")))],
    ["launch-ready:alerts", Object.keys(alerts).filter((k) => !["regions", "kmsMasterKeyId", "publisherServices"].includes(k)), keysOf(alertsSchema)],
  ])("%s", (_label, argKeys, schemaKeys) => {
    expect([...argKeys].sort()).toEqual(schemaKeys);
  });
});

// AWS secrets and backups (issue 12): every key of the stack file's sections is an arg of the component it feeds.
describe("SecretsArgs / BackupsArgs and the stack file's launch-ready:secrets / launch-ready:backups", () => {
  it("each secrets entry key maps to a SecretArgs key (fromConfig becomes a secret initialValue)", () => {
    const toArgs: Record<keyof z.output<typeof secretsSchema>[number], keyof SecretArgs> = { name: "name", length: "length", rotateAfterDays: "rotateAfterDays", fromConfig: "initialValue", rotationFunctionArn: "rotationFunctionArn" };
    expect(Object.keys(toArgs).sort()).toEqual(keysOf(secretsSchema.element));
  });

  it("each backups key is a BackupsArgs key of the same name", () => {
    const backups: Record<keyof z.output<typeof backupsSchema>, keyof BackupsArgs> = {
      selectionTag: "selectionTag",
      retentionDays: "retentionDays",
      rpoHours: "rpoHours",
      rtoHours: "rtoHours",
      restoreTesting: "restoreTesting",
      restoreTestingResourceType: "restoreTestingResourceType",
      copyToVaultArn: "copyToVaultArn",
      schedule: "schedule",
      vaultLock: "vaultLock",
    };
    expect(Object.entries(backups).every(([k, v]) => k === v)).toBe(true);
    expect(Object.keys(backups).sort()).toEqual(keysOf(backupsSchema));
  });
});
