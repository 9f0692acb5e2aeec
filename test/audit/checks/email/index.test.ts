import { describe, expect, it } from "vitest";
import { EMAIL_CHECKS } from "../../../../audit/checks/email";
import { CHECKS } from "../../../../checklist";

describe("the email check registry", () => {
  it("reports every email-auth checklist ID exactly once", () => {
    const emailIds = Object.values(CHECKS).filter((c) => c.row === "email-auth").map((c) => c.id).sort();
    const reported = EMAIL_CHECKS.flatMap((m) => [...m.ids]);
    expect(new Set(reported).size).toBe(reported.length);
    expect([...reported].sort()).toEqual(emailIds);
  });
});
