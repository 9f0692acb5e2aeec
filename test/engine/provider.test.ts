import { describe, expect, it } from "vitest";
import type { CapturedResource } from "../../engine/capture";
import { type LiveZoneState, NO_LIVE_STATE, TOKENS } from "../../engine/live";
import { providerFindings, readBack } from "../../engine/provider";

const ZONE = "0f3a2b1c4d5e6f708192a3b4c5d6e7f8";
const RULESET_ID = "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b";
const RECORD_ID = "5b1e0c7a9d2f4e6a8b3c1d0e9f8a7b6c";

function captured(type: string, name: string, inputs: Record<string, unknown>, options: Partial<CapturedResource["options"]> = {}): CapturedResource {
  return {
    type,
    name,
    urn: `urn:pulumi:test::p::${type}::${name}`,
    custom: true,
    dependsOn: [],
    inputs,
    displayInputs: inputs,
    secretInputs: [],
    propertyDependencies: {},
    options: { protect: false, retainOnDelete: true, ignoreChanges: [], ...options },
  };
}

function redirectRuleset(name: string, expression: string, options: Partial<CapturedResource["options"]> = {}, more: Record<string, unknown> = {}): CapturedResource {
  return captured(
    TOKENS.ruleset,
    name,
    {
      zoneId: ZONE,
      kind: "zone",
      phase: "http_request_dynamic_redirect",
      name: "launch-ready single redirects",
      rules: [{ ref: "http-to-https", expression, action: "redirect", actionParameters: { fromValue: { statusCode: 301, targetUrl: { expression: 'concat("https://", http.host, http.request.uri.path)' } } } }],
      ...more,
    },
    options,
  );
}

function live(inState: boolean): LiveZoneState {
  return {
    resources: new Map([
      [`${ZONE}/${RECORD_ID}`, { type: TOKENS.dnsRecord, values: { zoneId: ZONE, name: "status.acme.example", type: "CNAME" }, inState, declaredAt: "adoptRecords[0]" }],
      [`zones/${ZONE}/${RULESET_ID}`, { type: TOKENS.ruleset, values: { zoneId: ZONE, kind: "zone", phase: "http_request_dynamic_redirect" }, inState, declaredAt: "rulesetIds" }],
    ]),
    entrypoints: new Map([[`${ZONE}/http_request_dynamic_redirect`, RULESET_ID]]),
  };
}

const adoptedRecord = (ignoreChanges: string[]): CapturedResource =>
  captured(
    TOKENS.dnsRecord,
    "status",
    { zoneId: ZONE, name: "status.acme.example", type: "CNAME", content: "acme.statuspage.example.net", ttl: 1, proxied: false, comment: "managed by launch-ready" },
    { importId: `${ZONE}/${RECORD_ID}`, ignoreChanges },
  );

describe("the offline engine models Cloudflare and Pulumi: what a real `pulumi up` would refuse is a program error", () => {
  it("rejects, on apply, a ruleset whose expression names a field the rules language does not have, naming the rule's ref", () => {
    const bad = redirectRuleset("entrypoint", 'http.request.scheme eq "http"');
    const up = providerFindings([bad], NO_LIVE_STATE, "up");
    expect(up.errors).toEqual([expect.stringMatching(/entrypoint: Cloudflare rejects the whole ruleset: rule `http-to-https`: expression unknown field `http\.request\.scheme`.*`not ssl`/)]);
    // Before apply the API is not called: the plan rule redirect.rules_language reports it instead.
    expect(providerFindings([bad], NO_LIVE_STATE, "preview").errors).toEqual([]);
    expect(providerFindings([redirectRuleset("entrypoint", 'not ssl and not starts_with(http.request.uri.path, "/.well-known/")')], NO_LIVE_STATE, "up").errors).toEqual([]);
  });

  it("refuses an import whose planned inputs differ from the declared live values, or whose live values nobody declared", () => {
    const mismatch = providerFindings([adoptedRecord([])], live(false), "preview").errors;
    expect(mismatch).toEqual([expect.stringMatching(/status: the import of .* would fail, "inputs to import do not match the existing resource": `content` \(its live value is not declared\), `ttl` .*`proxied` .*`comment`/)]);
    // Keeping everything but the identity as it is live (the toolkit's import step) matches.
    expect(providerFindings([adoptedRecord(["content", "ttl", "proxied", "comment"])], live(false), "preview").errors).toEqual([]);
    // A planned identity that differs from the declared one cannot be ignored away by accident.
    const renamed = captured(TOKENS.dnsRecord, "status", { zoneId: ZONE, name: "other.acme.example", type: "CNAME" }, { importId: `${ZONE}/${RECORD_ID}` });
    expect(providerFindings([renamed], live(false), "preview").errors).toEqual([expect.stringMatching(/`name` \(live "status\.acme\.example", planned "other\.acme\.example"\)/)]);
    const undeclared = providerFindings([adoptedRecord([])], NO_LIVE_STATE, "preview").errors;
    expect(undeclared).toEqual([expect.stringMatching(/imported as .* but the stack declares nothing about that live resource/)]);
  });

  it("refuses to replace an adopted entrypoint: `name`, `kind`, `phase` and `zoneId` force replacement, so an undeclared live name must be kept (ignoreChanges)", () => {
    const opts = { importId: `zones/${ZONE}/${RULESET_ID}` };
    const renamed = providerFindings([redirectRuleset("entrypoint", "not ssl", opts)], live(true), "up").errors;
    expect(renamed).toEqual([expect.stringMatching(/entrypoint: adopted as .* but `name` is planned without matching the declared live value, and it forces a replacement/)]);
    expect(providerFindings([redirectRuleset("entrypoint", "not ssl", { ...opts, ignoreChanges: ["name"] })], live(true), "up").errors).toEqual([]);
    const moved = providerFindings([redirectRuleset("entrypoint", "not ssl", { ...opts, ignoreChanges: ["name"] }, { phase: "http_request_redirect" })], live(true), "up").errors;
    expect(moved.join("\n")).toMatch(/`phase` is planned without matching the declared live value/);
  });

  it("allows one entrypoint per phase and zone: a second one, or a new one beside an existing one, is refused", () => {
    const two = providerFindings([redirectRuleset("a", "not ssl"), redirectRuleset("b", "not ssl")], NO_LIVE_STATE, "preview").errors;
    expect(two).toEqual([expect.stringMatching(/a, b: 2 entrypoint rulesets for phase `http_request_dynamic_redirect` in zone 0f3a.*one entrypoint per phase/)]);
    const beside = providerFindings([redirectRuleset("new", "not ssl")], { resources: new Map(), entrypoints: live(false).entrypoints }, "preview").errors;
    expect(beside).toEqual([expect.stringMatching(/new: zone .* already has the `http_request_dynamic_redirect` entrypoint 9e8d.*adopt it/)]);
    // A custom ruleset is not an entrypoint.
    expect(providerFindings([redirectRuleset("a", "not ssl"), redirectRuleset("c", "not ssl", {}, { kind: "custom" })], NO_LIVE_STATE, "preview").errors).toEqual([]);
  });

  it("says that removing a zone setting leaves its value behind, unless the setting is marked kept on delete", () => {
    const auh = (retainOnDelete: boolean): CapturedResource => captured(TOKENS.zoneSetting, "auh", { zoneId: ZONE, settingId: "always_use_https", value: "off" }, { retainOnDelete });
    expect(providerFindings([auh(false)], NO_LIVE_STATE, "preview").warnings).toEqual([
      expect.stringMatching(/auh: a zone setting cannot be deleted .* if the stack stops managing `always_use_https`, the zone keeps "off"/),
    ]);
    expect(providerFindings([auh(true)], NO_LIVE_STATE, "preview").warnings).toEqual([]);
  });

  it("knows DNSSEC reads back `pending` until the DS is published, so a compared `status` never settles", () => {
    expect(readBack(TOKENS.zoneDnssec, { zoneId: ZONE, status: "active" })).toEqual({ status: "pending" });
    const dnssec = (ignoreChanges: string[]): CapturedResource => captured(TOKENS.zoneDnssec, "dnssec", { zoneId: ZONE, status: "active" }, { ignoreChanges });
    expect(providerFindings([dnssec([])], NO_LIVE_STATE, "up").warnings).toEqual([expect.stringMatching(/dnssec: the provider reads `status` back as "pending", not the planned "active", so every refresh .* never settles/)]);
    expect(providerFindings([dnssec(["status"])], NO_LIVE_STATE, "up").warnings).toEqual([]);
  });
});
