/**
 * A domain whose apex did not resolve: every renderer says it once, with the cause and its fix, and names how many
 * checks it blocked; none of them gets a line and an unrelated fix of its own; JSON names the blocker per check.
 */
import { describe, expect, it } from "vitest";
import { checkDefinition, type CheckId } from "../../../checklist";
import { buildSarif, formatHuman, formatJson, formatMarkdown } from "../../../audit/report";
import type { AuditReport, CheckResult } from "../../../audit/types";

const BLOCKED: readonly CheckId[] = ["caa.present", "caa.syntax", "hsts.present", "hdr.xcto", "spf.record"];

function unresolved(): AuditReport {
  const resolve: CheckResult = { id: "dns.resolve", status: "error", summary: "could not resolve dark.test: SOA dark.test: 127.0.0.1:53 did not answer", evidence: {}, remediation: "Check the resolver." };
  const blocked = BLOCKED.map((id): CheckResult => ({ id, status: "error", summary: "not run: blocked by dns.resolve (dark.test could not be resolved)", evidence: { dependsOn: "dns.resolve" }, remediation: "", blockedBy: "dns.resolve" }));
  const ok: CheckResult = { id: "dns.resolve", status: "pass", summary: "ok.test answers NS and SOA", evidence: {}, remediation: "" };
  return { domains: [{ domain: "dark.test", checks: [resolve, ...blocked] }, { domain: "ok.test", checks: [ok] }], counts: { pass: 1, warn: 0, fail: 0, info: 0, error: 6, skip: 0 } };
}

describe("checks blocked by an unresolvable apex", () => {
  it("human: the cause and its fix once, then one line for the blocked checks", () => {
    const text = formatHuman(unresolved());
    expect(text.match(/^\s+ERROR\s/gm)).toHaveLength(1);
    expect(text.match(/fix: /g)).toHaveLength(1);
    expect(text).toContain("fix: Check the resolver.");
    expect(text).toContain("5 other checks not run, blocked by dns.resolve (reported as error; --json names them)");
    for (const id of BLOCKED) {
      expect(text).not.toContain(checkDefinition(id).remediation);
      expect(text).not.toMatch(new RegExp(`\\s${id.replace(".", "\\.")}\\s`));
    }
  });

  it("markdown: one table row for the cause, one sentence for the blocked checks", () => {
    const md = formatMarkdown(unresolved());
    expect(md.match(/^\| DNS and redirects \| ⛔ error \|/gm)).toHaveLength(1);
    expect(md).toContain("_5 other checks not run, blocked by dns.resolve (reported as error; --json names them)._");
    expect(md).not.toContain("`caa.present`");
  });

  it("json: each blocked check stays `error` and carries `blockedBy`; other checks have no such key", () => {
    const doc = JSON.parse(formatJson(unresolved())) as { domains: { checks: Record<string, unknown>[] }[] };
    const [dark, ok] = doc.domains;
    expect(dark?.checks[0]).not.toHaveProperty("blockedBy");
    expect(dark?.checks.slice(1).map((c) => [c["id"], c["status"], c["blockedBy"], c["remediation"]])).toEqual(BLOCKED.map((id) => [id, "error", "dns.resolve", ""]));
    expect(Object.keys(ok?.checks[0] ?? {})).toEqual(["id", "status", "summary", "evidence", "remediation"]);
  });

  it("sarif: blocked checks stay results (so their alerts are not closed as fixed) and name the blocker, no fix", () => {
    const results = buildSarif(unresolved(), { ruleIds: ["dns.resolve", ...BLOCKED], toolVersion: "test" }).runs[0]?.results ?? [];
    expect(results).toHaveLength(1 + BLOCKED.length);
    const blocked = results.filter((r) => r.ruleId !== "dns.resolve");
    for (const r of blocked) {
      expect(r.message.text).toBe("dark.test: not checked, blocked by dns.resolve (see its result for the cause and the fix).");
      expect(r.properties?.["blockedBy"]).toBe("dns.resolve");
    }
    expect(results.find((r) => r.ruleId === "dns.resolve")?.message.text).toContain("Fix: Check the resolver.");
  });
});
