import { describe, expect, it } from "vitest";
import { createMtaStsChecks, policyUrl } from "../../../../audit/checks/email/mtasts";
import type { StartTlsProbe, StartTlsResult } from "../../../../audit/smtp";
import type { HttpResult, TlsHandshakeResult } from "../../../../audit/types";
import { context, fakeDns, fakeHttp, fakeTls, get, okText, runModule, statusOf, target, type Zone } from "./fakes";

const D = "acme.example";
const URL = policyUrl(D);
const POLICY = "version: STSv1\r\nmode: enforce\r\nmx: mx1.acme.example\r\nmx: *.backup.acme.example\r\nmax_age: 604800\r\n";
const ZONE: Zone = {
  [D]: { MX: [{ preference: 10, exchange: "mx1.acme.example" }, { preference: 20, exchange: "b1.backup.acme.example" }] },
  [`_mta-sts.${D}`]: { TXT: ["v=STSv1; id=20261129"] },
  [`mta-sts.${D}`]: { A: ["192.0.2.10"] },
};

function probeFrom(results: Record<string, StartTlsResult>): StartTlsProbe & { probed: string[] } {
  const probed: string[] = [];
  return {
    probed,
    probe: (host) => {
      probed.push(host);
      return Promise.resolve(results[host] ?? { kind: "error", host, reason: "connect ETIMEDOUT" });
    },
  };
}
const secure = (host: string): StartTlsResult => ({ kind: "secure", host, connectedTo: "192.0.2.25:25", banner: "ESMTP", protocol: "TLSv1.3" });

interface Opts {
  zone?: Zone;
  policy?: HttpResult;
  tls?: Record<string, TlsHandshakeResult>;
  probe?: StartTlsProbe;
  smtp?: boolean;
}
async function mtasts(o: Opts = {}) {
  const module = createMtaStsChecks(o.probe ? { smtpProbe: o.probe } : {});
  return runModule(
    module,
    target(D),
    context({ dns: fakeDns(o.zone ?? ZONE), http: fakeHttp(o.policy ? { [URL]: o.policy } : { [URL]: okText(URL, POLICY) }), tls: fakeTls(o.tls ?? {}), probes: o.smtp ? ["smtp"] : [] }),
  );
}

describe("MTA-STS on a well-configured domain", () => {
  it("passes record, fetch, syntax, coverage and (with --probe smtp) MX TLS", async () => {
    const probe = probeFrom({ "mx1.acme.example": secure("mx1.acme.example"), "b1.backup.acme.example": secure("b1.backup.acme.example") });
    const r = await mtasts({ probe, smtp: true });
    for (const id of ["mtasts.record", "mtasts.policy_fetch", "mtasts.policy_syntax", "mtasts.mx_coverage", "mtasts.mx_tls"] as const) expect([id, statusOf(r, id)]).toEqual([id, "pass"]);
    expect(probe.probed.sort()).toEqual(["b1.backup.acme.example", "mx1.acme.example"]);
  });
});

describe("mtasts.record", () => {
  it("warns when absent and skips the rest with the reason", async () => {
    const r = await mtasts({ zone: { [D]: ZONE[D] ?? {} } });
    expect(statusOf(r, "mtasts.record")).toBe("warn");
    expect(get(r, "mtasts.policy_fetch")).toMatchObject({ status: "skip", summary: expect.stringContaining("not enabled") });
  });
  it("fails with several records or an invalid id", async () => {
    expect(statusOf(await mtasts({ zone: { ...ZONE, [`_mta-sts.${D}`]: { TXT: ["v=STSv1; id=1", "v=STSv1; id=2"] } } }), "mtasts.record")).toBe("fail");
    expect(get(await mtasts({ zone: { ...ZONE, [`_mta-sts.${D}`]: { TXT: ["v=STSv1; id=not-valid!"] } } }), "mtasts.record")).toMatchObject({ status: "fail", summary: expect.stringContaining("letters or digits") });
  });
  it("is an error when the lookup fails", async () => {
    expect(statusOf(await mtasts({ zone: { ...ZONE, [`_mta-sts.${D}`]: "slow" } }), "mtasts.record")).toBe("error");
  });
});

describe("mtasts.policy_fetch (RFC 8461 §3.3)", () => {
  it("fails any redirect, naming the target", async () => {
    const r = await mtasts({ policy: okText(URL, "", "text/html", 301, { location: ["https://www.acme.example/mta-sts.txt"] }) });
    expect(get(r, "mtasts.policy_fetch")).toMatchObject({ status: "fail", summary: expect.stringContaining("301 redirect") });
    expect(statusOf(r, "mtasts.policy_syntax")).toBe("skip");
  });
  it("fails a non-200 answer", async () => {
    expect(statusOf(await mtasts({ policy: okText(URL, "not found", "text/plain", 404) }), "mtasts.policy_fetch")).toBe("fail");
  });
  it("warns on another content type but still judges the policy", async () => {
    const r = await mtasts({ policy: okText(URL, POLICY, "application/octet-stream") });
    expect(statusOf(r, "mtasts.policy_fetch")).toBe("warn");
    expect(statusOf(r, "mtasts.policy_syntax")).toBe("pass");
  });
  it("fails a bad certificate", async () => {
    const r = await mtasts({
      policy: { kind: "error", url: URL, reason: "certificate has expired", elapsedMs: 1 },
      tls: { [`mta-sts.${D}`]: { kind: "connected", protocol: "TLSv1.3", authorized: false, authorizationError: "CERT_HAS_EXPIRED", chain: [] } },
    });
    expect(get(r, "mtasts.policy_fetch")).toMatchObject({ status: "fail", summary: expect.stringContaining("CERT_HAS_EXPIRED") });
  });
  it("fails when the policy host does not resolve", async () => {
    const zone = { ...ZONE };
    delete (zone as Record<string, unknown>)[`mta-sts.${D}`];
    const r = await mtasts({ zone, policy: { kind: "error", url: URL, reason: "no address", elapsedMs: 1 } });
    expect(get(r, "mtasts.policy_fetch")).toMatchObject({ status: "fail", summary: expect.stringContaining("does not resolve") });
  });
  it("is an error when the fetch timed out and the certificate is fine", async () => {
    const r = await mtasts({
      policy: { kind: "error", url: URL, reason: "no complete response within 5000 ms", elapsedMs: 5000 },
      tls: { [`mta-sts.${D}`]: { kind: "connected", protocol: "TLSv1.3", authorized: true, chain: [] } },
    });
    expect(statusOf(r, "mtasts.policy_fetch")).toBe("error");
  });
});

describe("mtasts.policy_syntax", () => {
  const serve = (text: string) => mtasts({ policy: okText(URL, text) });
  it("warns in testing mode and with a short max_age", async () => {
    expect(get(await serve(POLICY.replace("enforce", "testing")), "mtasts.policy_syntax")).toMatchObject({ status: "warn", summary: expect.stringContaining("testing") });
    expect(get(await serve(POLICY.replace("604800", "3600")), "mtasts.policy_syntax")).toMatchObject({ status: "warn", summary: expect.stringContaining("under a day") });
  });
  it("fails an invalid policy", async () => {
    const r = await serve("version: STSv1\r\nmode: strict\r\nmax_age: 604800\r\n");
    expect(get(r, "mtasts.policy_syntax")).toMatchObject({ status: "fail", summary: expect.stringContaining("mode: strict") });
    expect(statusOf(r, "mtasts.mx_coverage")).toBe("skip");
  });
});

describe("mtasts.mx_coverage (RFC 8461 §4.1)", () => {
  const zoneWithMx = (hosts: string[]): Zone => ({ ...ZONE, [D]: { MX: hosts.map((exchange, i) => ({ preference: i, exchange })) } });
  it("fails an MX the enforcing policy does not match (the wildcard covers one label only)", async () => {
    const r = await mtasts({ zone: zoneWithMx(["mx1.acme.example", "a.b.backup.acme.example"]) });
    expect(get(r, "mtasts.mx_coverage")).toMatchObject({ status: "fail", evidence: { uncovered: ["a.b.backup.acme.example"] } });
  });
  it("warns about an uncovered MX in testing mode", async () => {
    const r = await mtasts({ zone: zoneWithMx(["other.example"]), policy: okText(URL, POLICY.replace("enforce", "testing")) });
    expect(statusOf(r, "mtasts.mx_coverage")).toBe("warn");
  });
  it("is an error when the MX lookup fails", async () => {
    const r = await mtasts({ zone: { ...ZONE, [D]: { MX: "error" } } });
    expect(statusOf(r, "mtasts.mx_coverage")).toBe("error");
  });
});

describe("mtasts.mx_tls (opt-in SMTP probe)", () => {
  it("skips with the reason when --probe smtp is not given, and connects to nothing", async () => {
    const probe = probeFrom({});
    const r = await mtasts({ probe });
    expect(get(r, "mtasts.mx_tls")).toMatchObject({ status: "skip", summary: expect.stringContaining("--probe smtp") });
    expect(probe.probed).toEqual([]);
  });
  it("fails an MX with an invalid certificate or without STARTTLS", async () => {
    const bad = probeFrom({
      "mx1.acme.example": { kind: "bad-certificate", host: "mx1.acme.example", connectedTo: "192.0.2.25:25", reason: "ERR_TLS_CERT_ALTNAME_INVALID" },
      "b1.backup.acme.example": secure("b1.backup.acme.example"),
    });
    expect(get(await mtasts({ probe: bad, smtp: true }), "mtasts.mx_tls")).toMatchObject({ status: "fail", summary: expect.stringContaining("ALTNAME") });
    const plain = probeFrom({
      "mx1.acme.example": { kind: "no-starttls", host: "mx1.acme.example", connectedTo: "192.0.2.25:25", banner: "ESMTP", extensions: ["PIPELINING"] },
      "b1.backup.acme.example": secure("b1.backup.acme.example"),
    });
    expect(get(await mtasts({ probe: plain, smtp: true }), "mtasts.mx_tls")).toMatchObject({ status: "fail", summary: expect.stringContaining("does not offer STARTTLS") });
  });
  it("is an error when a probe could not connect", async () => {
    const r = await mtasts({ probe: probeFrom({ "mx1.acme.example": secure("mx1.acme.example") }), smtp: true });
    expect(get(r, "mtasts.mx_tls")).toMatchObject({ status: "error", summary: expect.stringContaining("ETIMEDOUT") });
  });
});

describe("MTA-STS on a domain that takes no mail", () => {
  it("skips with the reason instead of warning about a missing record", async () => {
    const r = await mtasts({ zone: { [D]: { MX: [{ preference: 0, exchange: "" }] } } });
    expect(get(r, "mtasts.record")).toMatchObject({ status: "skip", summary: expect.stringContaining("null MX") });
  });
});
