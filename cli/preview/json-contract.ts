/**
 * The contract of `launch-ready preview --json`, as a schema: docs/CHECKS.md is generated from it (`npm run docs`)
 * and the tests parse the real output with it, strictly. `satisfies` keeps it in step with `PreviewDocument`.
 */
import { z } from "zod";
import { isCheckId, SCORECARD_ROW_IDS } from "../../checklist";
import { acknowledgementJson } from "../../config/acknowledgements";
import type { PlanCheckStatus, RowStatus } from "../../policy/scorecard";
import type { PreviewDocument } from "./report";

/** Every member of the union `T`, as a tuple: a status added to the type and not here fails to compile. */
function every<T extends string>() {
  return <const A extends readonly [T, ...T[]]>(values: A & ([T] extends [A[number]] ? unknown : never)): A => values;
}

export const PLAN_CHECK_STATUSES = every<PlanCheckStatus>()(["pass", "info", "warn", "fail", "not-applicable", "cannot-tell"]);
export const ROW_STATUSES = every<RowStatus>()(["pass", "warn", "fail", "acknowledged", "not-applicable", "not-covered", "out-of-scope"]);

const checkId = z.string().refine(isCheckId, "not a checklist ID");

export const PREVIEW_JSON = z
  .strictObject({
    stack: z.string().describe("the stack name (`stacks/Pulumi.<stack>.yaml`)"),
    mode: z.enum(["preview", "up"]).describe("`preview`: ids unknown, as `pulumi preview`; `up`: as after apply"),
    resources: z
      .array(
        z.strictObject({
          type: z.string().describe("the Pulumi type token, e.g. `cloudflare:index/dnsRecord:DnsRecord`"),
          name: z.string().describe("the resource name"),
          parent: z.string().optional().describe("the parent's name; absent for top-level resources"),
          action: z.enum(["create", "import"]).describe("`import` adopts an existing object"),
          inputs: z.record(z.string(), z.unknown()).describe("the planned inputs; secret values read `\"[secret]\"`"),
          options: z.record(z.string(), z.unknown()).describe("resource options (`import`, `retainOnDelete`, `protect`, …)"),
        }),
      )
      .describe("every resource `pulumi up` would register"),
    checks: z
      .array(
        z.strictObject({
          id: checkId.describe("a checklist ID"),
          title: z.string().describe("the checklist title"),
          status: z.enum(PLAN_CHECK_STATUSES).describe("see Statuses"),
          scorecardRow: z.string().describe("the scorecard row's title"),
          severity: z.enum(["mandatory", "advisory"]).describe("a failing `mandatory` check blocks the launch (exit 1)"),
          message: z.string().describe("what was found, naming the resources"),
          why: z.string().optional().describe("why it matters; on `fail` and `warn`"),
          remediation: z.string().optional().describe("how to fix it; on `fail` and `warn`"),
          resources: z.array(z.string()).describe("names of the resources the verdict is about"),
          acknowledgement: acknowledgementJson("true until the end of `until`: the failure then does not block").describe("on a `fail` or `warn` check the stack acknowledges (`launch-ready:acknowledge`)"),
        }),
      )
      .describe("one entry per plan rule (checks judged before apply)"),
    scorecard: z
      .array(
        z.strictObject({
          row: z.enum(SCORECARD_ROW_IDS).describe("the scorecard row's ID"),
          title: z.string().describe("the row's title"),
          status: z.enum(ROW_STATUSES).describe("see Statuses"),
          note: z.string().describe("one line about the row (what is not covered, why it is out of scope)"),
          checks: z.array(checkId).describe("the IDs judged in this row"),
          notProvisioned: z.array(checkId).describe("IDs of the row nothing judges yet: the row is then never `pass`"),
        }),
      )
      .describe("every scorecard row, in order"),
    blocked: z.boolean().describe("true when a mandatory check fails (the exit status is then 1)"),
    outputs: z.record(z.string(), z.unknown()).describe("the stack outputs (DS records to publish, …)"),
    warnings: z
      .array(
        z.strictObject({
          path: z.string().describe("the config field, e.g. `launch-ready:domains[0].rateLimits`"),
          message: z.string(),
          unprovisionedRow: z.enum(SCORECARD_ROW_IDS).optional().describe("the scorecard row a validated-but-not-provisioned section leaves unchecked"),
        }),
      )
      .describe("config warnings (the config is valid)"),
    logs: z
      .array(z.strictObject({ severity: z.enum(["info", "warning", "error"]), message: z.string() }))
      .describe("what the program logged, beyond the config warnings"),
  })
  .describe("`launch-ready preview --json`") satisfies z.ZodType<PreviewDocument>;
