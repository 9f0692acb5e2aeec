/**
 * Fault injection: the email checks over a DNS server that times out, SERVFAILs, refuses, truncates and sends
 * garbage. Nothing may hang, crash, or turn an unanswered question into a pass or a "missing record" fail.
 */
import type * as dnsPacket from "dns-packet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMAIL_CHECKS } from "../../../../audit/checks/email";
import { createDnsClient, parseResolverAddress } from "../../../../audit/dns";
import { runAudit } from "../../../../audit/run/run-audit";
import { parseTarget } from "../../../../audit/target";
import type { AuditStatus, CheckResult } from "../../../../audit/types";
import type { CheckId } from "../../../../checklist";
import { startFaultDnsServer, type FaultMode, type FaultServer } from "../dns";
import { fakeHttp, fakeTls } from "../../checks/email/fakes";

const D = "faulty.test";
const txt = (name: string, value: string): dnsPacket.Answer => ({ type: "TXT", name, ttl: 300, class: "IN", data: value });

/** Per name: how the server misbehaves. Everything else answers from the table (or NXDOMAIN). */
const FAULTS: Readonly<Record<string, FaultMode>> = {
  "slow.faulty.test": "timeout",
  [`_dmarc.${D}`]: "timeout",
  [`_mta-sts.${D}`]: "refused",
  [`_smtp._tls.${D}`]: "malformed",
  [`google._domainkey.${D}`]: "servfail",
};

describe("email checks under DNS faults", () => {
  let server: FaultServer;
  let results: Map<CheckId, CheckResult>;
  let elapsed = 0;

  beforeAll(async () => {
    server = await startFaultDnsServer({
      records: [txt(D, "v=spf1 include:slow.faulty.test -all")],
      mode: (q) => {
        if (q.name.replace(/\.$/, "").toLowerCase() === D && q.type === "MX") return "servfail";
        // The SPF record itself comes truncated over UDP: the client must retry over TCP (RFC 7766 §5).
        if (q.name.replace(/\.$/, "").toLowerCase() === D && q.type === "TXT" && q.transport === "udp") return "truncate";
        return FAULTS[q.name.replace(/\.$/, "").toLowerCase()] ?? "answer";
      },
    });
    const dns = createDnsClient({ resolvers: [parseResolverAddress(server.address)], timeoutMs: 300, tries: 1 });
    const started = Date.now();
    const report = await runAudit({
      targets: [parseTarget(D)],
      modules: EMAIL_CHECKS,
      contextFor: (_t, signal) => ({ dns, http: fakeHttp({}), tls: fakeTls(), probes: new Set(), now: () => new Date(), signal }),
      concurrency: 1,
      deadlineMs: 20_000,
    });
    elapsed = Date.now() - started;
    results = new Map((report.domains[0]?.checks ?? []).map((c) => [c.id, c]));
  }, 30_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("finishes well within the deadline", () => {
    expect(elapsed).toBeLessThan(10_000);
  });

  it("reads the truncated SPF record over TCP", () => {
    expect(results.get("spf.record")?.status).toBe("pass");
    expect(server.questions.some((q) => q.name.replace(/\.$/, "") === D && q.type === "TXT" && q.transport === "tcp")).toBe(true);
  });

  it.each([
    ["spf.lookups", "error"],
    ["spf.loop", "error"],
    ["spf.void_lookups", "error"],
    ["spf.syntax", "error"],
    ["spf.parked", "error"],
    ["spf.mx_addresses", "error"],
    ["dmarc.record", "error"],
    ["dmarc.policy", "error"],
    ["dkim.selector", "error"],
    ["mtasts.record", "error"],
    ["tlsrpt.record", "error"],
    ["mx.records", "error"],
    ["mx.null", "error"],
  ] as const)("%s is %s, never a missing record", (id: CheckId, status: AuditStatus) => {
    expect({ id, status: results.get(id)?.status, summary: results.get(id)?.summary }).toMatchObject({ id, status });
  });

  it("fails nothing and passes nothing it could not see", () => {
    const failed = [...results.values()].filter((r) => r.status === "fail").map((r) => `${r.id}: ${r.summary}`);
    expect(failed).toEqual([]);
    const passed = [...results.values()].filter((r) => r.status === "pass").map((r) => r.id).sort();
    // The record itself, its size and its own "-all" were seen; everything else depended on a failed answer.
    expect(passed).toEqual(["spf.all", "spf.record", "spf.size"]);
  });
});
