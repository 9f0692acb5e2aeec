/**
 * The contract of `launch-ready init --json`, as a schema: docs/CHECKS.md is generated from it (`npm run docs`) and
 * the tests parse the real output with it, strictly. `satisfies` keeps it in step with `InitDocument`.
 */
import { z } from "zod";
import { AUDIT_STATUSES } from "../../audit/types";
import { isCheckId } from "../../checklist";
import { PLAN_CHECK_STATUSES } from "../preview/json-contract";
import type { InitDocument } from "./document";

const checkId = z.string().refine(isCheckId, "not a checklist ID");

export const INIT_JSON = z
  .strictObject({
    command: z.literal("init").describe("always `init`"),
    domain: z.string().describe("the domain as given, in U-labels"),
    stack: z.string().describe("the stack name"),
    file: z.string().describe("the stack file written"),
    notes: z.array(z.string()).describe("what could not be seen or carried over, and what to do about it (also at the top of the file)"),
    blocked: z.boolean().describe("the new stack's offline preview still fails a mandatory check (exit 1)"),
    checks: z
      .array(
        z.strictObject({
          id: checkId.describe("a checklist ID"),
          live: z.enum(AUDIT_STATUSES).optional().describe("the live audit's status now; absent when the auditor does not check the ID"),
          plan: z.enum(PLAN_CHECK_STATUSES).optional().describe("the written stack's offline preview status; absent when no plan rule judges the ID"),
        }),
      )
      .describe("before and after, one entry per checklist ID either side judges"),
  })
  .describe("`launch-ready init --json`: the stack file written, and the checks before (live) and after (the new stack's plan)") satisfies z.ZodType<InitDocument>;
