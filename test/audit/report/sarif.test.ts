/**
 * SARIF 2.1.0 conformance of `--sarif`, against a zod schema derived from the OASIS SARIF 2.1.0 JSON schema
 * (sarif-schema-2.1.0.json): the required properties, enums and formats of every object we emit.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { buildSarif, formatSarif } from "../../../audit/report";
import { sampleReport } from "./fixture";

const message = z.object({ text: z.string().min(1) }).or(z.object({ id: z.string().min(1) }));
const multiformat = z.object({ text: z.string(), markdown: z.string().optional() });
const level = z.enum(["none", "note", "warning", "error"]);
const propertyBag = z.record(z.string(), z.unknown()).and(z.object({ tags: z.array(z.string()).optional() }));
const reportingDescriptor = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  shortDescription: multiformat.optional(),
  fullDescription: multiformat.optional(),
  help: multiformat.optional(),
  helpUri: z.url().optional(),
  defaultConfiguration: z.object({ level: level.optional(), enabled: z.boolean().optional() }).strict().optional(),
  properties: propertyBag.optional(),
}).strict();
const logicalLocation = z.object({ name: z.string().optional(), fullyQualifiedName: z.string().optional(), kind: z.string().optional() }).strict();
const location = z.object({ logicalLocations: z.array(logicalLocation).optional(), physicalLocation: z.unknown().optional() }).strict();
const result = z.object({
  ruleId: z.string().optional(),
  ruleIndex: z.number().int().min(-1).optional(),
  level: level.optional(),
  kind: z.enum(["notApplicable", "pass", "fail", "review", "open", "informational"]).optional(),
  message,
  locations: z.array(location).optional(),
  partialFingerprints: z.record(z.string(), z.string()).optional(),
  properties: propertyBag.optional(),
}).strict();
const sarifLog = z.object({
  $schema: z.url().optional(),
  version: z.literal("2.1.0"),
  runs: z.array(
    z.object({
      tool: z.object({
        driver: z.object({ name: z.string().min(1), version: z.string().optional(), informationUri: z.url().optional(), rules: z.array(reportingDescriptor).optional() }).strict(),
      }).strict(),
      results: z.array(result).optional(),
      columnKind: z.enum(["utf16CodeUnits", "unicodeCodePoints"]).optional(),
    }).strict(),
  ),
}).strict();

describe("--sarif output", () => {
  const opts = { ruleIds: ["dns.resolve", "caa.present", "hsts.present", "dnssec.chain", "rate.login", "mx.null"] as const, toolVersion: "0.1.0" };

  it("validates against the SARIF 2.1.0 structure", () => {
    const parsed = sarifLog.safeParse(JSON.parse(formatSarif(sampleReport(), { ...opts, ruleIds: [...opts.ruleIds] })));
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it("has one rule per check ID and results only for warn, fail and error, each pointing at its rule", () => {
    const log = buildSarif(sampleReport(), { ...opts, ruleIds: [...opts.ruleIds] });
    const run = log.runs[0];
    const rules = run?.tool.driver.rules ?? [];
    expect(rules.map((r) => r.id)).toEqual([...opts.ruleIds]);
    const results = run?.results ?? [];
    expect(results.map((r) => [r.ruleId, r.level])).toEqual([
      ["caa.present", "warning"],
      ["hsts.present", "error"],
      ["dnssec.chain", "warning"],
    ]);
    for (const r of results) expect(rules[r.ruleIndex ?? -1]?.id).toBe(r.ruleId);
    expect(results[2]?.message.text).toContain("could not decide");
    expect(results[0]?.locations?.[0]?.logicalLocations?.[0]?.name).toBe("bücher.example");
  });

  it("rejects a log that misses a required property (the schema test can fail)", () => {
    const log = buildSarif(sampleReport(), { ...opts, ruleIds: [...opts.ruleIds] });
    const broken = { ...log, runs: log.runs.map((run) => ({ ...run, results: (run.results ?? []).map(({ message: _dropped, ...rest }) => rest) })) };
    expect(sarifLog.safeParse(broken).success).toBe(false);
  });
});
