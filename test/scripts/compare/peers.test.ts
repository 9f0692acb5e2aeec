import { describe, expect, it } from "vitest";
import { dnsvizZoneStatus } from "../../../scripts/compare/peers/dnsviz";
import { parseOpendmarcCheck, worstOf } from "../../../scripts/compare/peers/email";
import { withPrivateResolvConf } from "../../../scripts/compare/relay53";
import type { CheckResult } from "../../../audit/types";
import type { CheckId } from "../../../checklist";

describe("reading the peers' output", () => {
  it("reads opendmarc-check: a policy, a rejected record, no record", () => {
    const ok = "DMARC record for a.test:\n\tSample percentage: 100\n\tDomain policy: reject\n\tSubdomain policy: none\n";
    expect(parseOpendmarcCheck(0, ok, "")).toMatchObject({ found: true, policy: "reject", subdomainPolicy: "none" });
    expect(parseOpendmarcCheck(70, "", "opendmarc-check: opendmarc_policy_query_dmarc(b.test): Found DMARC record contained a bad token value\n")).toMatchObject({ found: true, rejected: "Found DMARC record contained a bad token value" });
    expect(parseOpendmarcCheck(70, "", "opendmarc-check: opendmarc_policy_query_dmarc(c.test): Looked up domain lacked a DMARC record\n")).toMatchObject({ found: false });
  });

  it("reads dnsviz's grok: SECURE passes, INSECURE warns, BOGUS or any RRset error fails", () => {
    const grok = {
      "s.test.": { delegation: { status: "SECURE" }, queries: { "s.test./IN/A": { answer: [{ rrsig: [{ status: "VALID" }] }] } } },
      "i.test.": { delegation: { status: "INSECURE" } },
      "b.test.": { delegation: { status: "BOGUS", errors: [{ code: "NO_SEP" }] } },
      "r.test.": { delegation: { status: "SECURE" }, queries: { "r.test./IN/TXT": { answer: [{ rrsig: [{ status: "EXPIRED" }] }] } } },
    };
    expect(dnsvizZoneStatus(grok, "s.test").status).toBe("pass");
    expect(dnsvizZoneStatus(grok, "i.test").status).toBe("warn");
    expect(dnsvizZoneStatus(grok, "b.test")).toEqual({ status: "fail", says: "BOGUS; NO_SEP" });
    expect(dnsvizZoneStatus(grok, "r.test")).toEqual({ status: "fail", says: "SECURE; EXPIRED" });
    expect(dnsvizZoneStatus(grok, "missing.test").status).toBeUndefined();
  });

  it("folds several of our IDs into the worst, a skip counting for nothing", () => {
    const c = (id: CheckId, status: CheckResult["status"]): [string, CheckResult] => [id, { id, status, summary: `${id} ${status}`, evidence: {}, remediation: "" }];
    const checks = new Map([c("spf.record", "pass"), c("spf.loop", "skip"), c("spf.lookups", "warn")]);
    expect(worstOf(checks, ["spf.record", "spf.loop", "spf.lookups"])).toEqual({ status: "warn", says: "spf.lookups: spf.lookups warn" });
    expect(worstOf(checks, ["spf.record", "spf.syntax"]).status).toBe("missing");
    expect(worstOf(new Map([c("spf.loop", "skip")]), ["spf.loop"]).status).toBe("skip");
  });

  it("runs a glibc tool with a private resolv.conf, quoting its arguments", () => {
    expect(withPrivateResolvConf("/tmp/x/resolv.conf", ["/usr/sbin/opendmarc-check", "it's.test"])).toEqual([
      "unshare",
      "--mount",
      "--propagation",
      "private",
      "sh",
      "-c",
      "mount --bind '/tmp/x/resolv.conf' /etc/resolv.conf && exec '/usr/sbin/opendmarc-check' 'it'\\''s.test'",
    ]);
  });
});
