/**
 * `DomainArgs` is written by hand (for its JSDoc); the stack file's schema is zod's. The two must describe the same
 * keys: the stack program passes parsed entries to `Domain` (a type error when the schema has a key the args lack
 * or types it differently), and this test catches the args naming a key the schema does not have. Sections a
 * domain validates but does not provision yet (email, monitoring) join the args as they land.
 */
import { describe, expect, it } from "vitest";
import type { CaaArgs, DomainArgs, DomainCloudflareArgs, DomainWebArgs, HstsArgs } from "../../components/domain/args";
import type { RateLimitRuleArgs } from "../../components/rate-limits/args";
import type { EmailSectionArgs } from "../../components/email/args";
import { domainSchema } from "../../config/schema";
import { z } from "zod";

function keysOf(schema: z.core.$ZodType): string[] {
  let s: z.core.$ZodType = schema;
  for (let i = 0; i < 5; i++) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodPrefault) s = s.unwrap();
    else if (s instanceof z.ZodPipe) s = s.in;
  }
  return s instanceof z.ZodObject ? Object.keys(s.shape).sort() : [];
}

const NOT_YET_PROVISIONED = ["monitoring"];

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
    ["the domain", domain, keysOf(domainSchema).filter((k) => !NOT_YET_PROVISIONED.includes(k))],
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
