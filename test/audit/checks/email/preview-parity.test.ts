/**
 * One verdict per ID, before and after apply: the same record set, planned (resources the preview's rules read) and
 * served (a zone the auditor's checks query), gets the same status per email ID from the preview's plan rule and from
 * the auditor's check.
 */
import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { EMAIL_CHECKS } from "../../../../audit/checks/email";
import type { CheckResult, DnsRecordData } from "../../../../audit/types";
import type { CheckId } from "../../../../checklist";
import { PLAN_RULES } from "../../../../policy/rules";
import type { PlannedResource } from "../../../../policy/resource";
import { EMAIL_COMPONENT, WORKER_TYPES } from "../../../../policy/rules/support/email";
import type { JudgedRule } from "../../../../policy/rules/support/setting-rule";
import { context, expectedState, fakeDns, fakeHttp, fakeTls, okText, target, type Zone } from "./fakes";

const D = "acme.example";
const DNS_TYPE = "cloudflare:index/dnsRecord:DnsRecord";
const key = (bits: number): string => generateKeyPairSync("rsa", { modulusLength: bits }).publicKey.export({ type: "spki", format: "der" }).toString("base64");
const KEY_2048 = key(2048);
const KEY_1024 = key(1024);

type Rec = { readonly name: string; readonly type: "TXT" | "MX" | "A"; readonly content: string; readonly priority?: number };
interface RecordSet {
  readonly parked: boolean;
  readonly records: readonly Rec[];
  readonly dkimSelectors: readonly string[];
  /** The SPF lookups the Email component's planner counted (the preview's only source for spf.lookups). */
  readonly spfLookups: number;
  readonly mtaSts?: "testing" | "enforce";
}

const SPF = "v=spf1 ip4:192.0.2.0/24 -all";
const DMARC = `v=DMARC1; p=quarantine; rua=mailto:dmarc@${D}`;
const MX: Rec = { name: D, type: "MX", content: `mx1.${D}`, priority: 10 };
const MX_HOST: Rec = { name: `mx1.${D}`, type: "A", content: "192.0.2.25" };
const txt = (name: string, content: string): Rec => ({ name, type: "TXT", content });
const GOOD: RecordSet = { parked: false, dkimSelectors: ["s1"], spfLookups: 0, records: [txt(D, SPF), txt(`_dmarc.${D}`, DMARC), txt(`s1._domainkey.${D}`, `v=DKIM1; k=rsa; p=${KEY_2048}`), MX, MX_HOST] };
const replace = (set: RecordSet, name: string, content: string | undefined): readonly Rec[] => [...set.records.filter((r) => !(r.name === name && r.type === "TXT" && r.content.startsWith(name.startsWith("_dmarc") ? "v=DMARC1" : name.includes("_domainkey") ? "v=DKIM1" : "v=spf1"))), ...(content !== undefined ? [txt(name, content)] : [])];
const ELEVEN = Array.from({ length: 11 }, (_, i) => `a:h${i}.${D}`);

const CASES: Readonly<Record<string, RecordSet>> = {
  good: GOOD,
  parked: { parked: true, dkimSelectors: [], spfLookups: 0, records: [txt(D, "v=spf1 -all"), txt(`_dmarc.${D}`, `v=DMARC1; p=reject; rua=mailto:dmarc@${D}`), { name: D, type: "MX", content: ".", priority: 0 }] },
  "missing rua": { ...GOOD, records: replace(GOOD, `_dmarc.${D}`, "v=DMARC1; p=quarantine") },
  "+all": { ...GOOD, records: replace(GOOD, D, "v=spf1 ip4:192.0.2.0/24 +all") },
  "11 lookups": { ...GOOD, spfLookups: 11, records: [...replace(GOOD, D, `v=spf1 ${ELEVEN.join(" ")} -all`), ...ELEVEN.map((t, i): Rec => ({ name: t.slice(2), type: "A", content: `192.0.2.${i + 1}` }))] },
  "weak DKIM": { ...GOOD, records: replace(GOOD, `s1._domainkey.${D}`, `v=DKIM1; k=rsa; p=${KEY_1024}`) },
  "MTA-STS testing": { ...GOOD, mtaSts: "testing", records: [...GOOD.records, txt(`_mta-sts.${D}`, "v=STSv1; id=20260101"), txt(`_smtp._tls.${D}`, `v=TLSRPTv1; rua=mailto:tls@${D}`)] },
  "MTA-STS enforce": { ...GOOD, mtaSts: "enforce", records: [...GOOD.records, txt(`_mta-sts.${D}`, "v=STSv1; id=20260101"), txt(`_smtp._tls.${D}`, `v=TLSRPTv1; rua=mailto:tls@${D}`)] },
  "no MX": { ...GOOD, records: GOOD.records.filter((r) => r.type !== "MX") },
};

const policyText = (mode: string): string => `version: STSv1\nmode: ${mode}\nmx: mx1.${D}\nmax_age: 604800\n`;

function resourcesOf(set: RecordSet): PlannedResource[] {
  const base = { propertyDependencies: {}, options: { protect: false, ignoreChanges: [] } };
  const emailUrn = `urn:pulumi:test::p::${EMAIL_COMPONENT}::mail`;
  const out: PlannedResource[] = [
    { ...base, type: EMAIL_COMPONENT, name: "mail", urn: emailUrn, inputs: { domain: D, parked: set.parked, dkimSelectors: [...set.dkimSelectors], spf: { value: set.records.find((r) => r.name === D && r.content.startsWith("v=spf1"))?.content ?? "", lookups: set.spfLookups, complete: true }, ...(set.mtaSts ? { mtaSts: { host: `mta-sts.${D}` } } : {}) } },
    ...set.records.map((r, i): PlannedResource => ({ ...base, type: DNS_TYPE, name: `mail-r${i}`, urn: `urn:pulumi:test::p::${EMAIL_COMPONENT}$${DNS_TYPE}::mail-r${i}`, parentUrn: emailUrn, inputs: { name: r.name, type: r.type, content: r.content, ...(r.priority !== undefined ? { priority: r.priority } : {}) } })),
  ];
  if (set.mtaSts) {
    const content = `const POLICY = ${JSON.stringify(policyText(set.mtaSts))};\nexport default { fetch(req) { if (new URL(req.url).pathname === "/.well-known/mta-sts.txt") return new Response(POLICY, { headers: { "content-type": "text/plain; charset=utf-8" } }); } };\n`;
    out.push({ ...base, type: WORKER_TYPES.script, name: "mail-mta-sts", urn: `urn:pulumi:test::p::${WORKER_TYPES.script}::mail-mta-sts`, parentUrn: emailUrn, inputs: { scriptName: "mta-sts-acme", content } });
    out.push({ ...base, type: WORKER_TYPES.customDomain, name: "mail-mta-sts-domain", urn: `urn:pulumi:test::p::${WORKER_TYPES.customDomain}::mail-mta-sts-domain`, parentUrn: emailUrn, inputs: { hostname: `mta-sts.${D}`, service: "mta-sts-acme" } });
  }
  return out;
}

type Mutable = { TXT?: string[]; MX?: DnsRecordData["MX"][]; A?: string[] };
function zoneOf(set: RecordSet): Zone {
  const zone: Record<string, Mutable> = {};
  for (const r of set.records) {
    const e = (zone[r.name] ??= {});
    if (r.type === "TXT") (e.TXT ??= []).push(r.content);
    else if (r.type === "MX") (e.MX ??= []).push({ preference: r.priority ?? 0, exchange: r.content === "." ? "" : r.content });
    else (e.A ??= []).push(r.content);
  }
  return zone;
}

const AS_PLAN: Readonly<Record<string, string>> = { pass: "pass", warn: "warn", fail: "fail", info: "info", skip: "not-applicable", error: "cannot-tell" };

async function statuses(set: RecordSet): Promise<{ id: CheckId; plan: string; audit: string }[]> {
  const resources = resourcesOf(set);
  const url = `https://mta-sts.${D}/.well-known/mta-sts.txt`;
  const ctx = context({
    dns: fakeDns(zoneOf(set)),
    http: fakeHttp(set.mtaSts ? { [url]: okText(url, policyText(set.mtaSts)) } : {}),
    tls: fakeTls(),
    expected: expectedState({ sending: !set.parked, dkimSelectors: [...set.dkimSelectors], mxHosts: set.records.filter((r) => r.type === "MX" && r.content !== ".").map((r) => r.content) }),
  });
  const results: CheckResult[] = [];
  for (const m of EMAIL_CHECKS) results.push(...(await m.run(target(D), ctx)));
  const rows: { id: CheckId; plan: string; audit: string }[] = [];
  for (const r of results) {
    const rule = PLAN_RULES.find((x) => x.id === r.id);
    if (rule === undefined || !("verdicts" in rule)) continue; // live-only (mtasts.mx_tls)
    const verdict = (rule as JudgedRule).verdicts(resources)[0]?.verdict;
    rows.push({ id: r.id, plan: verdict?.status ?? "none", audit: AS_PLAN[r.status] ?? r.status });
  }
  return rows;
}

describe("the preview's rule and the auditor's check give the same status per email ID on the same records", () => {
  it.each(Object.keys(CASES))("%s", async (name) => {
    const set = CASES[name];
    if (set === undefined) throw new Error(name);
    const rows = await statuses(set);
    expect(rows.length).toBeGreaterThanOrEqual(26);
    expect(rows.filter((r) => r.plan !== r.audit).map((r) => `${r.id}: preview ${r.plan}, audit ${r.audit}`)).toEqual([]);
  });

  it("the table reaches the verdicts it is about", async () => {
    const of = async (name: string, id: CheckId): Promise<string | undefined> => (await statuses(CASES[name] ?? GOOD)).find((r) => r.id === id)?.audit;
    expect(await of("good", "dmarc.policy")).toBe("pass");
    expect(await of("parked", "spf.parked")).toBe("pass");
    expect(await of("missing rua", "dmarc.rua")).toBe("fail");
    expect(await of("+all", "spf.all")).toBe("fail");
    expect(await of("11 lookups", "spf.lookups")).toBe("fail");
    expect(await of("weak DKIM", "dkim.key_strength")).toBe("warn");
    expect(await of("MTA-STS testing", "mtasts.policy_syntax")).toBe("warn");
    expect(await of("MTA-STS enforce", "mtasts.policy_syntax")).toBe("pass");
    expect(await of("no MX", "mx.records")).toBe("info");
  });
});
