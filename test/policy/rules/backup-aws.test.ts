/** The backup.* and secrets.* plan rules on planned resources: what the engine hands over, unknowns included. */
import { describe, expect, it } from "vitest";
import { backupPlan } from "../../../policy/rules/backup-plan";
import { backupRetention } from "../../../policy/rules/backup-retention";
import { evaluateRule } from "../../../policy/scorecard";
import { UNKNOWN } from "../../../policy/unknowns";
import { planned } from "../../helpers/planned";

const PLAN = "aws:backup/plan:Plan";
const SELECTION = "aws:backup/selection:Selection";

function withSelection(rules: unknown) {
  const plan = planned(PLAN, { name: "p", rules });
  const sel = planned(SELECTION, { name: "s", planId: "x" }, { propertyDependencies: { planId: [plan.urn] } });
  return [plan, sel];
}

describe("backup.retention on planned plans", () => {
  it("a deleteAfter not known before apply is cannot-tell, never 'kept for ever'", () => {
    const r = evaluateRule(backupRetention, withSelection([{ ruleName: "daily", schedule: "cron(0 0/12 * * ? *)", lifecycle: { deleteAfter: UNKNOWN } }]));
    expect(r.status).toBe("cannot-tell");
    const lifecycle = evaluateRule(backupRetention, withSelection([{ ruleName: "daily", schedule: "cron(0 0/12 * * ? *)", lifecycle: UNKNOWN }]));
    expect(lifecycle.status).toBe("cannot-tell");
    expect(evaluateRule(backupRetention, withSelection(UNKNOWN)).status).toBe("cannot-tell");
  });

  it("a plan with no rules keeps nothing and fails; a rule without lifecycle keeps for ever and passes", () => {
    expect(evaluateRule(backupRetention, withSelection([]))).toMatchObject({ status: "fail" });
    expect(evaluateRule(backupRetention, withSelection([{ ruleName: "daily", schedule: "cron(0 0/12 * * ? *)" }])).status).toBe("pass");
  });
});

describe("backup.plan on planned plans", () => {
  it("a schedule not known before apply is cannot-tell, not AWS's default", () => {
    expect(evaluateRule(backupPlan, withSelection([{ ruleName: "daily", schedule: UNKNOWN, startWindow: 60 }])).status).toBe("cannot-tell");
  });

  it("reads each rule's start window; unset is AWS's 8 hours", () => {
    expect(evaluateRule(backupPlan, withSelection([{ ruleName: "r", schedule: "cron(0 0/12 * * ? *)", startWindow: 60 }])).status).toBe("pass");
    expect(evaluateRule(backupPlan, withSelection([{ ruleName: "r", schedule: "cron(0 3 * * ? *)", startWindow: 60 }])).status).toBe("fail");
    expect(evaluateRule(backupPlan, withSelection([{ ruleName: "r", schedule: "cron(0 0/12 * * ? *)" }])).status).toBe("pass"); // 12 h + 8 h = 20 h
    expect(evaluateRule(backupPlan, withSelection([{ ruleName: "r", schedule: "cron(0 0/18 * * ? *)" }])).status).toBe("fail"); // 18 h gap + 8 h
  });
});
