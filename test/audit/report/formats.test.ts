import { describe, expect, it } from "vitest";
import { auditExitStatus, formatHuman, formatJson, formatMarkdown } from "../../../audit/report";
import type { AuditReport } from "../../../audit/types";
import { sampleReport } from "./fixture";

function withCounts(counts: Partial<AuditReport["counts"]>): AuditReport {
  return { domains: [], counts: { pass: 0, warn: 0, fail: 0, info: 0, error: 0, skip: 0, ...counts } };
}

describe("--json", () => {
  it("prints exactly the documented shape (docs/CHECKS.md)", () => {
    const doc: unknown = JSON.parse(formatJson(sampleReport()));
    expect(doc).toEqual({
      domains: sampleReport().domains.map((d) => ({ domain: d.domain, checks: d.checks.map((c) => ({ id: c.id, status: c.status, summary: c.summary, evidence: c.evidence, remediation: c.remediation })) })),
      counts: { pass: 2, warn: 1, fail: 1, info: 1, error: 1, skip: 1 },
    });
    expect(Object.keys(JSON.parse(formatJson(sampleReport())))).toEqual(["domains", "counts"]);
  });
});

describe("the human table", () => {
  const text = formatHuman(sampleReport());
  it("groups checks under their scorecard row with status, ID and summary", () => {
    const lines = text.split("\n");
    const dnsRow = lines.indexOf(`  ${"DNS and redirects"}`);
    const sslRow = lines.indexOf(`  ${"SSL/TLS, HTTPS everywhere"}`);
    expect(sslRow).toBeGreaterThan(0);
    expect(dnsRow).toBeGreaterThan(sslRow);
    expect(lines[sslRow + 1]).toMatch(/^ {4}FAIL\s+hsts\.present\s+no Strict-Transport-Security/);
    expect(text).toMatch(/PASS\s+dns\.resolve\s+xn--bcher-kva\.example answers NS and SOA/);
  });
  it("shows the fix under every non-pass and none under a pass", () => {
    expect(text).toContain("fix: Enable HSTS.");
    expect(text).toContain("fix: Keep the toolkit's CAA set.");
    expect(text.split("\n").filter((l) => l.includes("fix:")).length).toBe(3);
  });
  it("names the rows it cannot prove and ends with the counts", () => {
    expect(text).toContain("Not proven by this audit:");
    expect(text).toContain("Auth protection: an application concern");
    expect(text.trim().split("\n").at(-1)).toBe("2 domains: 2 pass, 1 warn, 1 fail, 1 info, 1 error, 1 skip");
  });
});

describe("--markdown", () => {
  const md = formatMarkdown(sampleReport());
  it("tables the problems, escaping pipes and newlines from the world", () => {
    expect(md).toContain("| SSL/TLS, HTTPS everywhere | ❌ fail | `hsts.present` | no Strict-Transport-Security \\| header on https://bücher.example/ | Enable HSTS. |");
    expect(md).toContain(`| DNS and redirects | ⚠️ warn | \`caa.present\``);
    expect(md).not.toMatch(/\| ✅ pass \|/);
  });
  it("folds the passes away and says when a domain is clean", () => {
    expect(md).toContain("<details><summary>1 passing checks</summary>");
    expect(md).toContain("### ok.example\n\nEvery check passed.");
  });
});

describe("exit status", () => {
  it.each([
    [{}, "fail", 0],
    [{ pass: 3, info: 1, skip: 2 }, "fail", 0],
    // Below the fail-on level nothing fails: warnings alone exit 0 by default.
    [{ warn: 1 }, "fail", 0],
    [{ warn: 1 }, "warn", 1],
    [{ fail: 1, warn: 2 }, "fail", 1],
    [{ error: 1, warn: 1 }, "fail", 3],
    // A finding at the fail-on level outranks "could not decide", as a fail does.
    [{ error: 1, warn: 1 }, "warn", 1],
    [{ error: 1, fail: 1 }, "fail", 1],
  ] as const)("counts %j with --fail-on %s exit %i", (counts, failOn, code) => {
    expect(auditExitStatus(withCounts(counts), failOn)).toBe(code);
  });
});
