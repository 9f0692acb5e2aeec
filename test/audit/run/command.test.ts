import { describe, expect, it } from "vitest";
import { EXIT } from "../../../cli/exit-codes";
import { runAuditCommand, type AuditCommandOptions } from "../../../audit/run/command";
import { parseTarget } from "../../../audit/target";
import type { AuditCheckModule } from "../../../audit/types";

const passing: AuditCheckModule = { ids: ["caa.present"], run: async () => [{ id: "caa.present", status: "pass", summary: "ok", evidence: {}, remediation: "" }] };
const failing: AuditCheckModule = { ids: ["tls.ssl_strict"], run: async () => [{ id: "tls.ssl_strict", status: "fail", summary: "origin certificate not validated", evidence: {}, remediation: "" }] };
const warning: AuditCheckModule = { ids: ["caa.present"], run: async () => [{ id: "caa.present", status: "warn", summary: "hmm", evidence: {}, remediation: "" }] };

function options(over: Partial<AuditCommandOptions>, out: { stdout: string; stderr: string }): AuditCommandOptions {
  return {
    targets: ["a.test", "b.test"].map(parseTarget),
    format: "json",
    failOn: "fail",
    // Never asked: the fake modules do no I/O; given so /etc/resolv.conf is not read.
    resolvers: [{ ip: "127.0.0.1", port: 9, family: 4 }],
    connectTo: [],
    timeoutMs: 100,
    deadlineMs: 5000,
    concurrency: 2,
    probes: new Set(),
    trustAnchors: [],
    modules: [passing],
    stdout: (s) => (out.stdout += s),
    stderr: (s) => (out.stderr += s),
    stderrIsTty: false,
    toolVersion: "test",
    ...over,
  };
}

describe("runAuditCommand", () => {
  it("shows a progress line on a terminal and clears it before the report", async () => {
    const out = { stdout: "", stderr: "" };
    expect(await runAuditCommand(options({ stderrIsTty: true }, out))).toBe(0);
    expect(out.stderr).toContain("[1/2] ");
    expect(out.stderr).toContain("[2/2] ");
    expect(out.stderr.endsWith("\r\u001b[2K")).toBe(true);
  });

  it("writes nothing to stderr when it is not a terminal", async () => {
    const out = { stdout: "", stderr: "" };
    await runAuditCommand(options({}, out));
    expect(out.stderr).toBe("");
    expect(JSON.parse(out.stdout)).toMatchObject({ counts: { pass: 2 } });
  });

  it("exits 0 on warnings, 1 (a check fails) with --fail-on warn: the code preview uses for a failing check", async () => {
    const out = { stdout: "", stderr: "" };
    expect(await runAuditCommand(options({ modules: [warning] }, out))).toBe(EXIT.ok);
    expect(await runAuditCommand(options({ modules: [warning], failOn: "warn" }, out))).toBe(EXIT.checkFailed);
  });

  it("says which domains are not in the --stack and audits them by discovery", async () => {
    const out = { stdout: "", stderr: "" };
    await runAuditCommand(options({ expected: new Map([["a.test", { sending: false, dkimSelectors: [], mxHosts: [], caaIssuers: [], aliases: [], endpoints: {} }]]) }, out));
    expect(out.stderr).toBe("launch-ready audit: b.test is not in the stack; its checks use discovery\n");
  });

  describe("acknowledgements from the stack", () => {
    const acks = (until: string) => [{ id: "tls.ssl_strict" as const, reason: "origin certificate ordered (OPS-12)", until }];
    const today = new Date().toISOString().slice(0, 10);
    const past = "2020-01-31";

    it("an active one keeps the failure in every format, marks it, suppresses it in SARIF and leaves the exit status alone", async () => {
      const json = { stdout: "", stderr: "" };
      expect(await runAuditCommand(options({ modules: [failing], acknowledgements: acks(today) }, json))).toBe(EXIT.ok);
      const doc = JSON.parse(json.stdout) as { domains: { checks: { status: string; acknowledgement?: { active: boolean; until: string } }[] }[] };
      expect(doc.domains[0]?.checks[0]).toMatchObject({ status: "fail", acknowledgement: { active: true, until: today } });
      const sarif = { stdout: "", stderr: "" };
      await runAuditCommand(options({ modules: [failing], acknowledgements: acks(today), format: "sarif" }, sarif));
      const result = (JSON.parse(sarif.stdout) as { runs: { results: { suppressions?: { kind: string; status: string; justification: string }[] }[] }[] }).runs[0]?.results[0];
      expect(result?.suppressions).toEqual([{ kind: "external", status: "accepted", justification: `origin certificate ordered (OPS-12) (until ${today})` }]);
      const human = { stdout: "", stderr: "" };
      await runAuditCommand(options({ modules: [failing], acknowledgements: acks(today), format: "human" }, human));
      expect(human.stdout).toContain(`acknowledged until ${today}: origin certificate ordered (OPS-12)`);
    });

    it("an expired one fails the run again and is not suppressed", async () => {
      const out = { stdout: "", stderr: "" };
      expect(await runAuditCommand(options({ modules: [failing], acknowledgements: acks(past), format: "sarif" }, out))).toBe(EXIT.checkFailed);
      expect(out.stdout).not.toContain("suppressions");
    });
  });
});
