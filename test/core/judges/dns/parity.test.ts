/**
 * One verdict per checklist ID: the plan rule over the planned resources and the audit module over a DNS serving the
 * same records give the same status and outcome, for caa.present, caa.syntax, caa.issuer_match and dnssec.chain.
 *
 * caa.issuer_match's live part: there is no certificate before apply, so the plan side has none; the audit side is
 * served a Let's Encrypt leaf, one of the Cloudflare CAs both sides require, so the live part can never decide what
 * the platform part has not. The audit side reads the CAs to require from `expectedFromRecords`, as `--stack` does.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { caaModule } from "../../../../audit/checks/dns/caa";
import { dnssecModule } from "../../../../audit/checks/dns/dnssec";
import { expectedFromRecords } from "../../../../audit/expected";
import type { CaaRecord, CheckResult } from "../../../../audit/types";
import type { CheckId } from "../../../../checklist";
import { planDomainRecords } from "../../../../core/dns/record-plan";
import { planCaa } from "../../../../core/edge/caa";
import { caaIssuerMatchSubjects } from "../../../../policy/rules/caa-issuer-match";
import { caaPresentSubjects } from "../../../../policy/rules/caa-present";
import { caaSyntaxSubjects } from "../../../../policy/rules/caa-syntax";
import { dnssecChainSubjects } from "../../../../policy/rules/dnssec-chain";
import type { SubjectVerdict } from "../../../../policy/rule";
import type { PlannedResource } from "../../../../policy/resource";
import { target } from "../../../audit/checks/email/fakes";
import { domainSpec, liveZone, plannedResources, withCaa, ZONE } from "./fixtures";

const LE = "C=US, O=Let's Encrypt, CN=E6";

interface Seen {
  readonly status: string;
  readonly outcome?: unknown;
}

/** The plan side: the one subject's verdict (these cases plan one zone, one CAA set at its apex). */
function planSide(subjects: readonly SubjectVerdict[]): Seen {
  if (subjects.length === 0) return { status: "not-applicable" };
  if (subjects.length !== 1) throw new Error(`expected one subject, got ${subjects.length}`);
  const v = subjects[0]!.verdict;
  return "outcome" in v ? { status: v.status, outcome: v.outcome } : { status: v.status };
}

/** The audit side, in the judge's terms: skip is not-applicable, error is cannot-tell. */
function auditSide(results: readonly CheckResult[], id: CheckId): Seen {
  const r = results.find((x) => x.id === id);
  if (!r) throw new Error(`no ${id} result`);
  const status = r.status === "skip" ? "not-applicable" : r.status === "error" ? "cannot-tell" : r.status;
  return r.evidence["outcome"] === undefined ? { status } : { status, outcome: r.evidence["outcome"] };
}

const RULES: ReadonlyArray<readonly [CheckId, (p: readonly PlannedResource[]) => SubjectVerdict[]]> = [
  ["caa.present", caaPresentSubjects],
  ["caa.syntax", caaSyntaxSubjects],
  ["caa.issuer_match", caaIssuerMatchSubjects],
];

async function compareCaa(origin: "aws" | "ip", caa: readonly CaaRecord[]): Promise<Array<readonly [CheckId, Seen, Seen]>> {
  const spec = domainSpec(origin);
  const records = withCaa(planDomainRecords(spec), caa);
  const resources = plannedResources(records, "active");
  const ctx = { ...liveZone({ caa, signed: true, issuer: LE }), expected: expectedFromRecords(spec, records) };
  const results = await caaModule.run(target(ZONE), ctx);
  return RULES.map(([id, subjects]) => [id, planSide(subjects(resources)), auditSide(results, id)] as const);
}

const rec = (flags: number, tag: string, value: string): CaaRecord => ({ flags, tag, value });
const CF = ["letsencrypt.org", "pki.goog", "ssl.com", "sectigo.com"];
const allow = (cas: readonly string[]) => cas.flatMap((c) => [rec(0, "issue", c), rec(0, "issuewild", c)]);

describe("CAA parity: plan rule and auditor give one verdict for the same records", () => {
  const cases: ReadonlyArray<readonly [string, "aws" | "ip", readonly CaaRecord[], Record<string, string>]> = [
    ["the planner's set, AWS origin", "aws", planCaa({ cloudflare: true, acm: true, extraIssuers: [], iodef: "mailto:security@acme.example" }), { "caa.present": "pass:present", "caa.syntax": "pass:well-formed", "caa.issuer_match": "pass:allows-platform" }],
    ["the planner's set, own origin", "ip", planCaa({ cloudflare: true, acm: false, extraIssuers: ["digicert.com"] }), { "caa.present": "pass:present", "caa.syntax": "pass:well-formed", "caa.issuer_match": "pass:allows-platform" }],
    ["no CAA", "ip", [], { "caa.present": "warn:absent", "caa.syntax": "not-applicable", "caa.issuer_match": "not-applicable" }],
    ["only iodef", "ip", [rec(0, "iodef", "mailto:security@acme.example")], { "caa.present": "warn:no-issue", "caa.syntax": "pass:well-formed", "caa.issuer_match": "pass:allows-platform" }],
    ["http iodef, contactemail, critical issuevmc (defect 1)", "ip", [...allow(CF), rec(0, "iodef", "http://acme.example/caa"), rec(0, "contactemail", "domains@acme.example"), rec(128, "issuevmc", "digicert.com")], { "caa.present": "pass:present", "caa.syntax": "pass:well-formed", "caa.issuer_match": "pass:allows-platform" }],
    ["Cloudflare's CAs without Sectigo (defect 2)", "ip", allow(["letsencrypt.org", "pki.goog", "ssl.com"]), { "caa.present": "pass:present", "caa.syntax": "pass:well-formed", "caa.issuer_match": "fail:blocks-platform" }],
    ["Cloudflare's CAs on an AWS origin without amazon.com", "aws", allow(CF), { "caa.present": "pass:present", "caa.syntax": "pass:well-formed", "caa.issuer_match": "fail:blocks-platform" }],
    ["an unknown critical tag", "ip", [...allow(CF), rec(128, "tbs", "x")], { "caa.present": "pass:present", "caa.syntax": "fail:unknown-critical", "caa.issuer_match": "fail:blocks-platform" }],
    ["an unknown non-critical tag", "ip", [...allow(CF), rec(0, "futuretag", "x")], { "caa.present": "pass:present", "caa.syntax": "warn:nonstandard", "caa.issuer_match": "pass:allows-platform" }],
    ["a malformed issuer value", "ip", [rec(0, "issue", "letsencrypt.org.")], { "caa.present": "pass:present", "caa.syntax": "fail:malformed", "caa.issuer_match": "fail:blocks-platform" }],
  ];

  it.each(cases)("%s", async (_name, origin, caa, expected) => {
    for (const [id, plan, audit] of await compareCaa(origin, caa)) {
      const [status, outcome] = (expected[id] ?? "").split(":");
      expect({ id, plan }).toEqual({ id, plan: outcome === undefined ? { status } : { status, outcome } });
      expect({ id, audit }).toEqual({ id, audit: plan });
    }
  });

  it("agrees on generated CAA sets (planner output, mutations, arbitrary records)", async () => {
    const tag = fc.constantFrom("issue", "issuewild", "iodef", "issuemail", "issuevmc", "contactemail", "contactphone", "futuretag", "tbs", "Issue");
    const value = fc.constantFrom(
      "letsencrypt.org",
      "pki.goog; cansignhttpexchanges=yes",
      "ssl.com",
      "sectigo.com",
      "amazon.com",
      "amazontrust.com",
      "digicert.com",
      ";",
      "letsencrypt.org.",
      "not a domain",
      "mailto:security@acme.example",
      "https://acme.example/caa",
      "http://acme.example/caa",
      "ftp://acme.example/",
      "domains@acme.example",
      "+1 555 010 0199",
    );
    const arbitrary = fc.record({ flags: fc.constantFrom(0, 0, 0, 128, 1), tag, value });
    const planner = fc.record({ acm: fc.boolean(), extra: fc.array(fc.constantFrom("digicert.com", "globalsign.com"), { maxLength: 2 }) }).map(({ acm, extra }) => planCaa({ cloudflare: true, acm, extraIssuers: extra }));
    const set = fc.oneof(
      planner,
      fc.array(arbitrary, { maxLength: 6 }),
      fc.tuple(planner, arbitrary).map(([p, extra]) => [...p, extra]),
      fc.tuple(planner, fc.nat()).map(([p, i]) => p.filter((_, j) => j !== i % p.length)),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<"aws" | "ip">("aws", "ip"), set, async (origin, caa) => {
        for (const [id, plan, audit] of await compareCaa(origin, caa)) expect({ id, audit }).toEqual({ id, audit: plan });
      }),
      { numRuns: 60 },
    );
  });
});

describe("dnssec.chain parity: what the plan says will be, the audit finds before the DS is published", () => {
  async function compare(planned: "active" | "disabled" | "none"): Promise<readonly [Seen, Seen]> {
    const spec = domainSpec("ip");
    const resources = plannedResources(planDomainRecords(spec), planned);
    // After apply: an active ZoneDnssec signs the zone; the DS reaches the parent only when the user publishes it.
    const ctx = liveZone({ caa: [], signed: planned === "active", issuer: LE });
    const results = await dnssecModule.run(target(ZONE), ctx);
    return [planSide(dnssecChainSubjects(resources)), auditSide(results, "dnssec.chain")];
  }

  it.each([
    ["active", { status: "warn", outcome: "signed-ds-pending" }],
    ["disabled", { status: "warn", outcome: "insecure" }],
    ["none", { status: "warn", outcome: "insecure" }],
  ] as const)("ZoneDnssec %s", async (planned, expected) => {
    const [plan, audit] = await compare(planned);
    expect(plan).toEqual(expected);
    expect(audit).toEqual(plan);
  });

  it("agrees for any planned status (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<"active" | "disabled" | "none">("active", "disabled", "none"), async (planned) => {
        const [plan, audit] = await compare(planned);
        expect(audit).toEqual(plan);
      }),
      { numRuns: 6 },
    );
  });
});
