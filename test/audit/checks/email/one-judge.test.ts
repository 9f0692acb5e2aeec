/**
 * One verdict per checklist ID: every email ID of the catalog is judged by the one function registered for it in
 * EMAIL_JUDGES (core/judges/email), and both the preview's plan rule and the auditor's check call that function.
 * An ID may stay outside only on the list below, with the reason; the list may only shrink.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EMAIL_CHECKS } from "../../../../audit/checks/email";
import { CHECKS, type CheckId } from "../../../../checklist";
import { EMAIL_JUDGES } from "../../../../core/judges/email";

const ROOT = join(__dirname, "../../../..");
const EMAIL_ID = /^(spf|dmarc|dkim|mtasts|tlsrpt|mx)\./;

// "Calls": imports the judge from core/judges/email and uses it beyond the import (called, or handed to a helper).
/** IDs whose audit check does not (yet) hand its facts to the shared judge, and why. */
const AUDIT_OWN_VERDICT: Readonly<Partial<Record<CheckId, string>>> = {
  "mtasts.mx_tls": "live only: an SMTP STARTTLS handshake with each MX; nothing is planned to judge",
};

const emailIds = (Object.keys(CHECKS) as CheckId[]).filter((id) => EMAIL_ID.test(id));
const auditFile = (id: CheckId): string => join(ROOT, "audit/checks/email", `${id.split(".")[0] ?? ""}.ts`);
const ruleFile = (id: CheckId): string => join(ROOT, "policy/rules", `${id.replace(/[._]/g, "-")}.ts`);
const calls = (source: string, fn: string): boolean => new RegExp(`import\\s*\\{[^}]*\\b${fn}\\b[^}]*\\}\\s*from\\s*"[./]+/core/judges/email"`).test(source) && source.split(fn).length >= 3;

describe("one judge per email checklist ID, called by the preview and the auditor", () => {
  it("covers every email ID of the catalog", () => {
    expect(emailIds.length).toBeGreaterThanOrEqual(27);
    for (const id of emailIds) expect([id, EMAIL_CHECKS.some((m) => m.ids.includes(id))]).toEqual([id, true]);
  });

  it.each(emailIds.filter((id) => id !== "mtasts.mx_tls"))("%s: a judge is registered and its plan rule calls it", (id) => {
    const judge = EMAIL_JUDGES[id];
    expect(judge, `${id} has no judge in EMAIL_JUDGES`).toBeDefined();
    expect(calls(readFileSync(ruleFile(id), "utf8"), judge?.name ?? "?"), `${ruleFile(id)} does not call ${judge?.name ?? "?"}`).toBe(true);
  });

  it.each(emailIds.filter((id) => AUDIT_OWN_VERDICT[id] === undefined))("%s: the audit check imports and calls the same judge", (id) => {
    const judge = EMAIL_JUDGES[id];
    expect(calls(readFileSync(auditFile(id), "utf8"), judge?.name ?? "?"), `${auditFile(id)} does not call ${judge?.name ?? "?"}`).toBe(true);
  });

  it("lists as exceptions only IDs whose audit check really does not call the judge (the list only shrinks)", () => {
    const stale = Object.keys(AUDIT_OWN_VERDICT).filter((id) => {
      const judge = EMAIL_JUDGES[id as CheckId];
      return judge !== undefined && calls(readFileSync(auditFile(id as CheckId), "utf8"), judge.name);
    });
    expect(stale).toEqual([]);
  });
});
