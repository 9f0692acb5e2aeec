/**
 * One verdict before and after apply: the planned records of a stack, served by an in-memory DNS (and the planned
 * Worker's policy by an in-memory HTTPS client), give the auditor's email checks the same status per ID as the
 * preview's plan rules give from the planned resources. The providers' own records (Google's SPF includes, SES's
 * DKIM keys) are stood in with what the planner's dated table says they cost.
 */
import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { EMAIL_CHECKS } from "../../../../audit/checks/email";
import type { CheckResult, DnsRecordData, ExpectedDomainState } from "../../../../audit/types";
import type { CheckId } from "../../../../checklist";
import { txtValue } from "../../../../core/dns/txt";
import type { OfflineRun } from "../../../../engine/run";
import { plannedMail, servedPolicy } from "../../../../policy/rules/support/email";
import { PLAN_RULES } from "../../../../policy/rules";
import type { JudgedRule } from "../../../../policy/rules/support/setting-rule";
import { judgeDmarcPct, judgeDmarcPolicy, judgeDmarcRecord, judgeDmarcRua, judgeDmarcSubdomainPolicy, judgeDmarcSyntax, judgeMxNull, judgeSpfAll, judgeSpfRecord, judgeSpfSize, judgeSpfSyntax } from "../../../../core/judges/email";
import { context, fakeDns, fakeHttp, fakeTls, okText, target, type Zone, type ZoneEntry } from "../../../audit/checks/email/fakes";
import { readStack, runStack } from "../../../stacks/support/run-stack";

const DNS = "cloudflare:index/dnsRecord:DnsRecord";
const KEY = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "der" }).toString("base64");

type Mutable = { -readonly [K in keyof DnsRecordData]?: DnsRecordData[K][] };

/** The zone a resolver would answer after apply: every planned record, plus the providers' records. */
function zoneOf(run: OfflineRun): Zone {
  const zone = new Map<string, Mutable>();
  const at = (name: string): Mutable => {
    const e = zone.get(name) ?? {};
    zone.set(name, e);
    return e;
  };
  for (const r of run.resources.filter((x) => x.type === DNS)) {
    const name = String(r.inputs["name"]).toLowerCase();
    const content = String(r.inputs["content"] ?? "");
    switch (r.inputs["type"]) {
      case "TXT":
        (at(name).TXT ??= []).push(txtValue(content));
        break;
      case "MX":
        (at(name).MX ??= []).push({ preference: Number(r.inputs["priority"] ?? 0), exchange: content });
        break;
      case "CNAME": {
        (at(name).CNAME ??= []).push(content);
        // SES hosts the Easy DKIM keys behind the CNAMEs: 2048-bit, as the identity asks.
        if (content.endsWith(".dkim.amazonses.com")) (at(content).TXT ??= []).push(`p=${KEY}`);
        break;
      }
      case "A":
        (at(name).A ??= []).push(content);
        break;
    }
  }
  // Google's SPF: the include and the three netblocks it includes (4 lookups, as the planner's table says).
  at("_spf.google.com").TXT = ["v=spf1 include:_netblocks.google.com include:_netblocks2.google.com include:_netblocks3.google.com ~all"];
  for (const n of ["_netblocks.google.com", "_netblocks2.google.com", "_netblocks3.google.com"]) at(n).TXT = ["v=spf1 ip4:192.0.2.0/24 ~all"];
  at("amazonses.com").TXT = ["v=spf1 ip4:198.51.100.0/24 -all"];
  at("smtp.google.com").A = ["192.0.2.27"];
  at("inbound-smtp.eu-west-1.amazonaws.com").A = ["192.0.2.28"];
  for (const name of [...zone.keys()]) if (name.startsWith("_mta-sts.")) at(name.replace(/^_mta-sts\./, "mta-sts.")).A = ["192.0.2.80"];
  return Object.fromEntries([...zone].map(([k, v]) => [k, v as ZoneEntry]));
}

const AS_PLAN: Record<string, string> = { pass: "pass", warn: "warn", fail: "fail", info: "info", skip: "not-applicable", error: "cannot-tell" };

async function compare(stack: string): Promise<{ id: CheckId; domain: string; plan: string; audit: string }[]> {
  const { run } = await runStack(readStack(stack), false);
  const zone = zoneOf(run);
  const rows: { id: CheckId; domain: string; plan: string; audit: string }[] = [];
  for (const mail of plannedMail(run.resources)) {
    const served = servedPolicy(run.resources, mail);
    const url = `https://mta-sts.${mail.domain}/.well-known/mta-sts.txt`;
    const selectors = [...mail.dkimSelectors.filter((s) => s !== "ses" && s !== "*"), ...run.resources.filter((r) => r.type === DNS && r.parentUrn === mail.urn && /-ses-dkim-\d$/.test(r.name)).map((r) => String(r.inputs["name"]).split(".")[0] ?? "")];
    const expected: ExpectedDomainState = { sending: !mail.parked, dkimSelectors: selectors, mxHosts: mail.at(mail.domain).mx.filter((m) => m.exchange !== "").map((m) => m.exchange), caaIssuers: [], aliases: [], endpoints: {} };
    const ctx = context({ dns: fakeDns(zone), http: fakeHttp(served ? { [url]: okText(url, served.policy) } : {}), tls: fakeTls(), expected });
    const results: CheckResult[] = [];
    for (const m of EMAIL_CHECKS) results.push(...(await m.run(target(mail.domain), ctx)));
    // The plan rules' subject for this domain: one per Email component, in plannedMail's order.
    const index = plannedMail(run.resources).findIndex((m) => m.urn === mail.urn);
    for (const r of results) {
      const rule = PLAN_RULES.find((x) => x.id === r.id);
      if (rule === undefined || !("verdicts" in rule)) continue; // live-only IDs (mtasts.mx_tls)
      const verdict = (rule as JudgedRule).verdicts(run.resources)[index]?.verdict;
      rows.push({ id: r.id, domain: mail.domain, plan: verdict?.status ?? "none", audit: AS_PLAN[r.status] ?? r.status });
    }
  }
  return rows;
}

describe("the preview's judges and the auditor agree on the same records", () => {
  it.each(["example", "parked", "custom-sender"])("stack %s: every email ID has the same status before and after apply", async (stack) => {
    const rows = await compare(stack);
    expect(rows.length).toBeGreaterThanOrEqual(26);
    expect(rows.filter((r) => r.plan !== r.audit).map((r) => `${r.domain} ${r.id}: preview ${r.plan}, audit ${r.audit}`)).toEqual([]);
  });
});

describe("the same DMARC record texts get the same verdicts from the judges and the auditor", () => {
  const RECORDS = [
    "v=DMARC1; p=reject; rua=mailto:d@acme.example",
    "v=DMARC1; p=quarantine; rua=mailto:d@acme.example",
    "v=DMARC1; p=none; pct=50; rua=mailto:a@acme.example,mailto:b@acme.example,mailto:c@acme.example; foo=bar",
    "v=DMARC1; p=reject; sp=none; adkim=x; rua=mailto:r@acme.example",
    "v=DMARC1; p=rejectt; sp=reject; rua=mailto:d@acme.example",
    "v=DMARC1; p=reject; sp=bogus; rua=mailto:d@acme.example",
    "v=DMARC1; p=reject; sp=rejct",
    "v=DMARC1; p=reject",
    "v=DMARC1; p=reject; rua=mailto:d@acme.example; ruf=mailto:f@acme.example",
  ];
  const IDS = ["dmarc.record", "dmarc.syntax", "dmarc.policy", "dmarc.subdomain_policy", "dmarc.pct", "dmarc.rua"] as const;
  it.each(RECORDS)("%s", async (record) => {
    const D = "acme.example";
    const ctx = context({ dns: fakeDns({ [`_dmarc.${D}`]: { TXT: [record] } }) });
    const audit = new Map<string, string>();
    for (const m of EMAIL_CHECKS.filter((x) => x.ids.includes("dmarc.record"))) for (const r of await m.run(target(D), ctx)) audit.set(r.id, AS_PLAN[r.status] ?? r.status);
    const judges = {
      "dmarc.record": judgeDmarcRecord,
      "dmarc.syntax": judgeDmarcSyntax,
      "dmarc.policy": judgeDmarcPolicy,
      "dmarc.subdomain_policy": judgeDmarcSubdomainPolicy,
      "dmarc.pct": judgeDmarcPct,
      "dmarc.rua": judgeDmarcRua,
    } as const;
    const mismatches = IDS.flatMap((id) => {
      const plan = judges[id]({ domain: D, txt: [record] }).status;
      return plan === audit.get(id) ? [] : [`${id}: judge ${plan}, audit ${audit.get(id) ?? "none"}`];
    });
    expect(mismatches).toEqual([]);
  });
});

describe("the same SPF record texts get the same verdicts from the judges and the auditor", () => {
  const CASES: readonly (readonly [readonly string[], string | undefined])[] = [
    [["v=spf1 -all"], undefined],
    [["v=spf1 +all"], "v=DMARC1; p=reject; rua=mailto:d@acme.example"],
    [["v=spf1 ip4:192.0.2.0/24 ~all"], "v=DMARC1; p=reject; rua=mailto:d@acme.example"],
    [["v=spf1 ip4:192.0.2.0/24 ~all"], "v=DMARC1; p=none; rua=mailto:d@acme.example"],
    [["v=spf1 ip4:192.0.2.0/24 ~all"], undefined],
    [["v=spf1 ?all"], undefined],
    [["v=spf1 ip4:192.0.2.300 -all"], undefined],
    [["v=spf1 ip4:192.0.2.1"], undefined],
    [["v=spf1 -all", "v=spf1 ~all"], undefined],
    [[`v=spf1 ${Array.from({ length: 30 }, (_, i) => `ip4:198.51.100.${i}`).join(" ")} -all`], undefined],
  ];
  it.each(CASES)("%j with DMARC %s", async (txt, dmarc) => {
    const D = "acme.example";
    const ctx = context({ dns: fakeDns({ [D]: { TXT: [...txt], MX: [{ preference: 10, exchange: "mx.acme.example" }] }, ...(dmarc ? { [`_dmarc.${D}`]: { TXT: [dmarc] } } : {}) }), expected: { sending: true, dkimSelectors: [], mxHosts: [], caaIssuers: [], aliases: [], endpoints: {} } });
    const audit = new Map<string, string>();
    for (const m of EMAIL_CHECKS.filter((x) => x.ids.includes("spf.record"))) for (const r of await m.run(target(D), ctx)) audit.set(r.id, AS_PLAN[r.status] ?? r.status);
    const record = txt.filter((t) => t.startsWith("v=spf1")).length === 1 ? txt[0] : undefined;
    const policy = dmarc === undefined ? undefined : judgeDmarcPolicy({ domain: D, txt: [dmarc] }).status === "pass" ? (dmarc.includes("p=reject") ? "reject" : "quarantine") : "none";
    const plan: Record<string, string> = {
      "spf.record": judgeSpfRecord({ domain: D, txt, parked: false }).status,
      "spf.syntax": judgeSpfSyntax({ domain: D, record }).status,
      "spf.all": judgeSpfAll({ domain: D, record, dmarcPolicy: policy }).status,
      "spf.size": judgeSpfSize({ domain: D, record }).status,
    };
    expect(Object.entries(plan).filter(([id, s]) => s !== audit.get(id)).map(([id, s]) => `${id}: judge ${s}, audit ${audit.get(id) ?? "none"}`)).toEqual([]);
  });
});

describe("the same MX sets get the same mx.null verdict from the judge and the auditor", () => {
  const NULL = { preference: 0, exchange: "" };
  const REAL = { preference: 10, exchange: "mx.acme.example" };
  it.each([
    [[NULL], true],
    [[NULL], false],
    [[NULL, REAL], true],
    [[NULL, REAL], false],
    [[REAL], true],
    [[REAL], false],
    [[], true],
  ])("MX %j, parked %s", async (mx, parked) => {
    const D = "acme.example";
    const ctx = context({ dns: fakeDns({ [D]: { MX: mx, TXT: [parked ? "v=spf1 -all" : "v=spf1 include:_spf.google.com ~all"] }, "mx.acme.example": { A: ["192.0.2.25"] } }), expected: { sending: !parked, dkimSelectors: [], mxHosts: [], caaIssuers: [], aliases: [], endpoints: {} } });
    const results = await EMAIL_CHECKS.find((m) => m.ids.includes("mx.null"))?.run(target(D), ctx);
    const audit = results?.find((r) => r.id === "mx.null")?.status;
    const judge = judgeMxNull({ domain: D, parked, mx: mx.map((m) => ({ preference: m.preference, exchange: m.exchange === "" ? "." : m.exchange })), targets: new Map() }).status;
    expect(judge).toBe(AS_PLAN[audit ?? ""] ?? audit);
  });
});
