import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CHECKS } from "../../../checklist";
import { runbookForCheck, runbookLink } from "../../../core/runbooks/links";
import { PROJECT_DIR } from "../../helpers/temp-dir";
import { formatHuman } from "../../../audit/report/human";

/** Checks of the application's own code: their fix is in that code, not in an operational runbook. */
const APPLICATION = /^(hdr|cookie|cors|authz|routes)\./;

describe("each failing check and each alarm links to its runbook", () => {
  it("every infrastructure check names a runbook file that exists", () => {
    const missing = Object.keys(CHECKS).filter((id) => !APPLICATION.test(id) && runbookForCheck(id) === undefined);
    expect(missing).toEqual([]);
    const dangling = Object.keys(CHECKS).flatMap((id) => {
      const link = runbookLink(id);
      return link !== undefined && !existsSync(join(PROJECT_DIR, link)) ? [`${id} → ${link}`] : [];
    });
    expect(dangling).toEqual([]);
  });

  it("the checks of each runbook's trouble point to it", () => {
    expect(runbookForCheck("tls.cert_expiry")).toBe("certificate-expiry");
    expect(runbookForCheck("dmarc.policy")).toBe("email-spam");
    expect(runbookForCheck("backup.restore_testing")).toBe("restore");
    expect(runbookForCheck("secrets.repo_scan")).toBe("secret-rotation");
    expect(runbookForCheck("dnssec.chain")).toBe("dnssec");
    expect(runbookForCheck("rate.login")).toBe("error-spike");
    expect(runbookForCheck("hdr.csp")).toBeUndefined();
  });

  it("every alarm description names an existing runbook", () => {
    const source = readFileSync(join(PROJECT_DIR, "components", "monitoring", "monitoring.ts"), "utf8");
    const descriptions = [...source.matchAll(/alarmDescription: `([^`]*)`/g)].map((m) => m[1] ?? "");
    expect(descriptions.length).toBeGreaterThanOrEqual(5);
    for (const d of descriptions) {
      const link = /Runbook: (runbooks\/[a-z-]+\.md)/.exec(d)?.[1];
      expect(link, d).toBeDefined();
      expect(existsSync(join(PROJECT_DIR, link ?? "")), d).toBe(true);
    }
  });

  it("the audit's terminal report prints the runbook under a failing check, not under a passing one", () => {
    const text = formatHuman({
      domains: [
        {
          domain: "acme.example",
          checks: [
            { id: "tls.cert_expiry", status: "fail", summary: "acme.example's certificate expires in 3 days", evidence: {}, remediation: "Renew it." },
            { id: "dmarc.policy", status: "pass", summary: "p=reject", evidence: {}, remediation: "" },
          ],
        },
      ],
      counts: { pass: 1, warn: 0, fail: 1, info: 0, error: 0, skip: 0 },
    });
    expect(text).toMatch(/fix: Renew it\.\n\s+runbook: runbooks\/certificate-expiry\.md/);
    expect(text).not.toContain("runbooks/email-spam.md");
  });
});
