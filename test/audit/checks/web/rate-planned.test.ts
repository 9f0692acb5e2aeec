/**
 * The rate probes with `--stack`: the burst is sized to the limit the stack plans for each endpoint (the same
 * planner the preview prints), and the lab's endpoints show a planned limit enforced, one enforced only later, and
 * none at all.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { expectedFromDomain } from "../../../../audit/expected/from-spec";
import { rateModule } from "../../../../audit/checks/web/rate";
import { createHttpClient } from "../../../../audit/http/client";
import { createTlsProbe } from "../../../../audit/http/tls-probe";
import type { AuditContext, CheckResult, ExpectedDomainState } from "../../../../audit/types";
import { validateDomainArgs } from "../../../../config/validate";
import { judgeRateProbe } from "../../../../core/judges/rate";
import { labPkiAvailable } from "../../lab/pki";
import { startWebLab, type WebLab } from "../../lab/web/server";

let lab: WebLab;
let client: ReturnType<typeof createHttpClient>;

/** What `--stack` gives the auditor for a domain: validated like a stack entry, planned like the preview. */
function fromStack(domain: string, plan: "free" | "business", rateLimits: unknown[]): ExpectedDomainState {
  const report = validateDomainArgs({ name: domain, cloudflare: { plan }, rateLimits });
  if (report.value === undefined) throw new Error(report.errors.map((e) => `${e.path}: ${e.message}`).join("; "));
  return expectedFromDomain(report.value);
}

async function probe(domain: string, expected: ExpectedDomainState): Promise<Map<string, CheckResult>> {
  const ctx: AuditContext = {
    dns: lab.dns,
    http: client,
    tls: createTlsProbe({ connectTo: lab.connectTo, caPem: lab.rootPem, timeoutMs: 4000, dns: lab.dns }),
    expected,
    probes: new Set(["rate" as const]),
    now: () => new Date(),
    signal: new AbortController().signal,
  };
  const results = await rateModule().run({ name: domain, display: domain, orgDomain: domain }, ctx);
  return new Map(results.map((r) => [r.id, r]));
}

describe.runIf(labPkiAvailable())("rate probes against the planned limit (--stack)", () => {
  beforeAll(async () => {
    lab = await startWebLab();
    client = createHttpClient({ connectTo: lab.connectTo, caPem: lab.rootPem, timeoutMs: 4000, dns: lab.dns });
  });
  afterAll(async () => {
    await client?.close();
    await lab?.close();
  });
  beforeEach(() => lab.resetCounters());

  it("the stack plans login at 5 per 10 s and the lab answers 429 at request 6: enforced, in a burst sized to the plan", async () => {
    const expected = fromStack("good.test", "business", ["login"]);
    expect(expected.rateLimits?.login).toEqual({ requests: 5, periodSeconds: 10 });
    const login = (await probe("good.test", expected)).get("rate.login");
    expect(login).toMatchObject({ status: "pass", evidence: { outcome: "limited" } });
    expect(login?.summary).toMatch(/answered 429 at request 6 \(Retry-After: 30\) \(planned: 5 per 10 s\)/);
    expect(lab.hits.get("good.test /login")).toBe(6);
  });

  it("a lab endpoint that limits only after 15 requests fails: looser than planned, after a burst of at most 9", async () => {
    const login = (await probe("looserate.test", fromStack("looserate.test", "business", ["login"]))).get("rate.login");
    expect(login).toMatchObject({ status: "fail", evidence: { outcome: "looser-than-planned" } });
    expect(login?.summary).toMatch(/9 POST requests to https:\/\/looserate\.test\/login were all accepted, more than the planned limit \(planned: 5 per 10 s\)/);
    expect(lab.hits.get("looserate.test /login")).toBe(9);
  });

  it("an endpoint with no limit at all fails too", async () => {
    const login = (await probe("norate.test", fromStack("norate.test", "business", ["login"]))).get("rate.login");
    expect(login?.status).toBe("fail");
  });

  it("a planned limit above the probe's bound cannot be confirmed without a 429: cannot tell, never a pass", async () => {
    const expected = fromStack("norate.test", "business", [{ name: "login", path: "/login", requests: 100, periodSeconds: 60 }]);
    const login = (await probe("norate.test", expected)).get("rate.login");
    expect(login?.status).toBe("error");
    expect(login?.summary).toMatch(/above the probe's bound of 30 requests/);
    expect(lab.hits.get("norate.test /login")).toBe(30);
  });
});

describe("the rate probe judge", () => {
  const base = { url: "https://acme.example/login", method: "POST", rateHeaders: [], burst: 30 };
  it.each([
    ["a 429 with no plan known", { statuses: [200, 200, 429] }, "pass"],
    ["a 429 within the planned limit", { statuses: [200, 200, 200, 200, 200, 429], planned: { requests: 5, periodSeconds: 10 } }, "pass"],
    ["a 429 after the planned limit plus slack", { statuses: [...Array<number>(12).fill(200), 429], planned: { requests: 5, periodSeconds: 10 } }, "fail"],
    ["no 429, no plan", { statuses: Array<number>(30).fill(200) }, "fail"],
    ["no 429, rate-limit headers only", { statuses: Array<number>(30).fill(200), rateHeaders: ["ratelimit"] }, "warn"],
  ] as const)("%s", (_label, over, status) => {
    expect(judgeRateProbe("rate.login", { ...base, ...over }).status).toBe(status);
  });
});
