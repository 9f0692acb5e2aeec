/**
 * The contract of `launch-ready audit --json`, as a schema: docs/CHECKS.md is generated from it (`npm run docs`)
 * and the tests parse the real output with it, strictly. Stable and additive: keys are never renamed or removed;
 * a new key is optional and documented here first.
 */
import { z } from "zod";
import { isCheckId } from "../../checklist";
import { acknowledgementJson } from "../../config/acknowledgements";
import { AUDIT_STATUSES } from "../types";

const checkId = z.string().refine(isCheckId, "not a checklist ID").describe("a checklist ID, e.g. `hsts.max_age` (see the catalog above)");

export const AUDIT_JSON = z
  .strictObject({
    domains: z
      .array(
        z.strictObject({
          domain: z.string().describe("the domain as given, shown as U-labels (IDNs in their own script)"),
          checks: z
            .array(
              z.strictObject({
                id: checkId,
                status: z.enum(AUDIT_STATUSES).describe("see Statuses: `error` means could not decide, never a pass"),
                summary: z.string().min(1).describe("one line: what was found, naming the host or record"),
                evidence: z.record(z.string(), z.unknown()).describe("what was queried and seen (records, headers, redirect chain); keys vary per check; `outcome` names the judge's outcome when declared"),
                remediation: z.string().describe("how to fix it; empty for `pass`, `skip`, `info` and for checks another one blocked"),
                blockedBy: checkId
                  .optional()
                  .describe("only on a check that was not run because this check of the same domain made it impossible (the apex did not resolve): the cause and the fix are on that check"),
                acknowledgement: acknowledgementJson("true until the end of `until`: the finding then does not set the exit status").describe("only on a `fail` or `warn` the stack acknowledges (`launch-ready:acknowledge`, read with `--stack`)"),
              }),
            )
            .describe("one entry per audited ID, in report order"),
        }),
      )
      .describe("one entry per domain, in the order given"),
    counts: z
      .strictObject({ pass: z.number(), warn: z.number(), fail: z.number(), info: z.number(), error: z.number(), skip: z.number() })
      .describe("how many checks of all domains ended in each status"),
  })
  .describe("`launch-ready audit --json`");
