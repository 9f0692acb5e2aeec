/**
 * One verdict per checklist ID: the same site, fed to the plan rules as planned resources and to the auditor as the
 * live answers that plan would give once applied (`live-edge.ts`, hop by hop from the same redirect simulator), gets
 * the same status and the same outcome for every web-family ID judged on both sides. The auditor starts at the apex
 * and www (`/`); paths only a plan knows (legacy paths, the probe's query) are the plan rules' own tests.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WEB_CHECKS } from "../../../../audit/checks/web";
import type { CheckResult } from "../../../../audit/types";
import type { CheckId } from "../../../../checklist";
import { EDGE_ORDERS, type EdgeOrder } from "../../../../core/edge/redirect-sim";
import type { ZoneSettingPlan } from "../../../../core/edge/zone-settings";
import type { PlannedResource } from "../../../../policy/resource";
import { hstsIncludeSubdomains } from "../../../../policy/rules/hsts-include-subdomains";
import { hstsMaxAge } from "../../../../policy/rules/hsts-max-age";
import { hstsPreloadReady } from "../../../../policy/rules/hsts-preload-ready";
import { hstsPresent } from "../../../../policy/rules/hsts-present";
import type { JudgedRule } from "../../../../policy/rules/support/setting-rule";
import { tlsProtocols } from "../../../../policy/rules/tls-protocols";
import { webHttps } from "../../../../policy/rules/web-https";
import { webRedirectDowngrade } from "../../../../policy/rules/web-redirect-downgrade";
import { webRedirectFirstHop } from "../../../../policy/rules/web-redirect-first-hop";
import { webRedirectHops } from "../../../../policy/rules/web-redirect-hops";
import { context, expectedState, target } from "../../../audit/checks/email/fakes";
import { edgePlan } from "../../../policy/rules/support/edge-plan";
import { liveEdge } from "./live-edge";

const D = "acme.example";
const RULES: readonly JudgedRule[] = [webHttps, hstsPresent, hstsMaxAge, hstsIncludeSubdomains, hstsPreloadReady, webRedirectFirstHop, webRedirectHops, webRedirectDowngrade, tlsProtocols];

interface Site {
  readonly canonical: "apex" | "www";
  readonly alias: boolean;
  readonly ssl: "off" | "flexible" | "full" | "strict";
  readonly hsts: { readonly maxAgeSeconds: number; readonly includeSubdomains: boolean; readonly preload: boolean };
  readonly hstsSetting: "planned" | "disabled" | "missing";
  readonly alwaysUseHttps: boolean;
  readonly minTls: "1.0" | "1.1" | "1.2" | "1.3";
  readonly tls13: "on" | "off" | "zrt";
}

const BASE: Site = { canonical: "apex", alias: true, ssl: "strict", hsts: { maxAgeSeconds: 31536000, includeSubdomains: true, preload: false }, hstsSetting: "planned", alwaysUseHttps: false, minTls: "1.2", tls13: "on" };

function planOf(s: Site): PlannedResource[] {
  const canonical = s.canonical === "apex" ? D : `www.${D}`;
  const other = s.canonical === "apex" ? `www.${D}` : D;
  const settings = (planned: ZoneSettingPlan[]): { settingId: string; value: unknown }[] =>
    planned.flatMap((x): { settingId: string; value: unknown }[] => {
      if (x.settingId === "always_use_https") return [{ settingId: x.settingId, value: s.alwaysUseHttps ? "on" : "off" }];
      if (x.settingId === "min_tls_version") return [{ settingId: x.settingId, value: s.minTls }];
      if (x.settingId === "tls_1_3") return [{ settingId: x.settingId, value: s.tls13 }];
      if (x.settingId === "security_header") {
        if (s.hstsSetting === "missing") return [];
        if (s.hstsSetting === "disabled") return [{ settingId: x.settingId, value: { strict_transport_security: { ...x.value.strict_transport_security, enabled: false } } }];
      }
      return [x];
    });
  return edgePlan({ canonical, aliases: s.alias ? [other] : [], ssl: s.ssl, hsts: s.hsts, settings });
}

type Seen = { readonly status: string; readonly outcome: string | undefined };

function planSide(plan: readonly PlannedResource[]): Map<CheckId, Seen> {
  return new Map(
    RULES.map((rule) => {
      const vs = rule.verdicts(plan);
      if (vs.length !== 1) throw new Error(`${rule.id}: ${vs.length} verdicts for one zone`);
      const v = vs[0]!.verdict;
      const status = v.status === "not-applicable" ? "skip" : v.status === "cannot-tell" ? "error" : v.status;
      return [rule.id, { status, outcome: "outcome" in v ? v.outcome : undefined }];
    }),
  );
}

async function liveSide(s: Site, plan: readonly PlannedResource[], order: EdgeOrder): Promise<Map<CheckId, Seen & { summary: string }>> {
  const edge = liveEdge(plan, order);
  const ctx = context({ ...edge, expected: expectedState({ canonicalHost: s.canonical === "apex" ? D : `www.${D}` }) });
  const results: CheckResult[] = [];
  for (const m of WEB_CHECKS) results.push(...(await m.run(target(D), ctx)));
  const ids = new Set<CheckId>(RULES.map((r) => r.id));
  return new Map(
    results.filter((r) => ids.has(r.id)).map((r) => [r.id, { status: r.status, outcome: typeof r.evidence["outcome"] === "string" ? r.evidence["outcome"] : undefined, summary: r.summary }]),
  );
}

const RANK: Readonly<Record<string, number>> = { fail: 5, warn: 4, error: 3, info: 2, pass: 1, skip: 0 };

/**
 * Cloudflare does not document whether Always Use HTTPS answers before the redirect rules, so the plan rules judge
 * both orders and report the worse. The live edge runs one: the plan's verdict is the worse of what it would see
 * under either (with Always Use HTTPS off the two are the same edge, so this is exact parity).
 */
async function liveWorst(s: Site, plan: readonly PlannedResource[]): Promise<Map<CheckId, Seen & { summary: string }>> {
  const runs = await Promise.all((s.alwaysUseHttps ? EDGE_ORDERS : (["redirects-first"] as const)).map((o) => liveSide(s, plan, o)));
  const out = new Map<CheckId, Seen & { summary: string }>();
  for (const run of runs) {
    for (const [id, r] of run) {
      const prev = out.get(id);
      if (prev === undefined || (RANK[r.status] ?? 0) > (RANK[prev.status] ?? 0)) out.set(id, r);
    }
  }
  return out;
}

async function compare(s: Site): Promise<{ plan: Map<CheckId, Seen>; live: Map<CheckId, Seen> }> {
  const plan = planOf(s);
  const before = planSide(plan);
  const after = await liveWorst(s, plan);
  for (const rule of RULES) {
    const a = after.get(rule.id);
    expect({ id: rule.id, ...before.get(rule.id) }, `${rule.id} live: ${a?.summary ?? "(none)"} — site ${JSON.stringify(s)}`).toEqual({ id: rule.id, status: a?.status, outcome: a?.outcome });
  }
  return { plan: before, live: after };
}

const TABLE: readonly [string, Partial<Site>, Partial<Record<CheckId, string>>][] = [
  ["the toolkit's defaults", {}, { "web.https": "both", "hsts.present": "one-valid", "hsts.max_age": "one-year", "hsts.preload_ready": "not-requested", "web.redirect_hops": "one-hop", "tls.protocols": "modern" }],
  ["www canonical with the apex as alias", { canonical: "www" }, { "web.https": "both", "web.redirect_first_hop": "https" }],
  ["www canonical, no alias: the apex answers nothing", { canonical: "www", alias: false }, { "web.https": "apex-no-https", "hsts.present": "no-https", "web.redirect_first_hop": "no-answer", "web.redirect_hops": "broken" }],
  ["apex canonical, no www", { alias: false }, { "web.https": "www-missing" }],
  ["SSL off", { ssl: "off" }, { "web.https": "apex-no-https", "hsts.present": "no-https", "web.redirect_hops": "loop", "web.redirect_downgrade": "downgrade" }],
  ["SSL flexible (HTTPS at the edge still)", { ssl: "flexible" }, { "web.https": "both", "hsts.present": "one-valid" }],
  ["HSTS half a year", { hsts: { maxAgeSeconds: 15552000, includeSubdomains: true, preload: false } }, { "hsts.max_age": "half-year" }],
  ["HSTS 300 s without includeSubDomains", { hsts: { maxAgeSeconds: 300, includeSubdomains: false, preload: false } }, { "hsts.max_age": "short", "hsts.include_subdomains": "absent" }],
  ["preload, eligible", { hsts: { maxAgeSeconds: 63072000, includeSubdomains: true, preload: true } }, { "hsts.preload_ready": "eligible" }],
  ["preload with www canonical: http://apex goes first to www", { canonical: "www", hsts: { maxAgeSeconds: 63072000, includeSubdomains: true, preload: true } }, { "hsts.preload_ready": "ineligible" }],
  ["HSTS disabled", { hstsSetting: "disabled" }, { "hsts.present": "missing" }],
  ["no security_header setting", { hstsSetting: "missing" }, { "hsts.present": "missing" }],
  ["Always Use HTTPS on (if it answers first, www takes two hops)", { alwaysUseHttps: true }, { "web.redirect_hops": "extra-hops", "web.redirect_first_hop": "https" }],
  ["TLS minimum 1.0", { minTls: "1.0" }, { "tls.protocols": "legacy" }],
  ["TLS 1.3 off", { tls13: "off" }, { "tls.protocols": "no-tls-1-3" }],
];

describe("plan and audit give the same status and outcome for every web-family ID", () => {
  it.each(TABLE)("%s", async (_name, change, expected) => {
    const { plan } = await compare({ ...BASE, ...change });
    for (const [id, outcome] of Object.entries(expected)) expect(plan.get(id as CheckId)?.outcome, id).toBe(outcome);
  });

  it("for any generated site: canonical host, aliases, SSL mode, HSTS policy, Always Use HTTPS, TLS settings", async () => {
    const site: fc.Arbitrary<Site> = fc.record({
      canonical: fc.constantFrom("apex" as const, "www" as const),
      alias: fc.boolean(),
      ssl: fc.constantFrom("off" as const, "flexible" as const, "full" as const, "strict" as const),
      hsts: fc.record({ maxAgeSeconds: fc.oneof(fc.constantFrom(0, 300, 15551999, 15552000, 31535999, 31536000, 63072000), fc.integer({ min: 0, max: 63072000 })), includeSubdomains: fc.boolean(), preload: fc.boolean() }),
      hstsSetting: fc.constantFrom("planned" as const, "planned" as const, "disabled" as const, "missing" as const),
      alwaysUseHttps: fc.boolean(),
      minTls: fc.constantFrom("1.0" as const, "1.1" as const, "1.2" as const, "1.3" as const),
      tls13: fc.constantFrom("on" as const, "off" as const, "zrt" as const),
    });
    await fc.assert(
      fc.asyncProperty(site, async (s) => {
        await compare(s);
      }),
      { numRuns: 60 },
    );
  });
});
