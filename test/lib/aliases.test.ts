import { describe, expect, it } from "vitest";
import { ZONE_SETTINGS_TYPE } from "../../components/edge/zone-settings";
import { aliasUrn, parseUrn } from "../../engine/urn";
import { runProgram } from "./program";

describe("renamed components keep the URNs of stacks made before", () => {
  it("ZoneSettings (released as launch-ready:edge:Settings) is known by its old URN, so `pulumi up` replaces nothing", async () => {
    const run = await runProgram(`new Domain("acme", { name: "acme.example", web: { origin: "203.0.113.10" } });`, true);
    expect(run.errors).toEqual([]);
    const settings = run.resources.find((r) => r.type === ZONE_SETTINGS_TYPE);
    expect(settings?.urn).toBe("urn:pulumi:dev::users-program::launch-ready:index:Domain$launch-ready:edge:ZoneSettings::acme-edge");
    // The URN a stack made with the old type holds for this component: Pulumi matches it through the alias, and
    // the component's children inherit the alias (their URNs carry the parent's type chain).
    expect(settings?.aliasUrns).toContain("urn:pulumi:dev::users-program::launch-ready:index:Domain$launch-ready:edge:Settings::acme-edge");
  });

  it("no other launch-ready component changed its type: their URNs are the ones released", async () => {
    const run = await runProgram(`new Domain("acme", { name: "acme.example", web: { origin: "203.0.113.10" } });`, true);
    const types = new Set(run.resources.filter((r) => r.type.startsWith("launch-ready:")).map((r) => r.type));
    expect([...types].sort()).toEqual(["launch-ready:dns:Dnssec", "launch-ready:dns:Records", "launch-ready:edge:Redirects", "launch-ready:edge:ZoneSettings", "launch-ready:index:Domain"]);
  });
});

describe("alias URNs, as the engine resolves an alias spec", () => {
  const urn = "urn:pulumi:prod::shop::launch-ready:index:Domain$launch-ready:edge:ZoneSettings::acme-edge";
  it("puts back what the spec says changed and keeps the rest", () => {
    expect(aliasUrn(urn, { name: "", type: "launch-ready:edge:Settings", stack: "", project: "", parentUrn: "" })).toBe(
      "urn:pulumi:prod::shop::launch-ready:index:Domain$launch-ready:edge:Settings::acme-edge",
    );
    expect(aliasUrn(urn, { name: "edge", type: "", stack: "", project: "", parentUrn: null })).toBe("urn:pulumi:prod::shop::launch-ready:edge:ZoneSettings::edge");
    expect(aliasUrn(urn, { name: "", type: "", stack: "", project: "", parentUrn: "urn:pulumi:prod::shop::pulumi:pulumi:Stack::shop-prod" })).toBe(
      "urn:pulumi:prod::shop::launch-ready:edge:ZoneSettings::acme-edge",
    );
  });
  it("refuses what is not a URN", () => {
    expect(() => parseUrn("acme-edge")).toThrow(/not a Pulumi URN/);
  });
});
