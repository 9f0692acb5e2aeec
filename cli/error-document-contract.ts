/**
 * The contract of the error document, as a schema. Kept apart from `error-document.ts` so that every command's
 * start-up does not load zod just to be able to print an error.
 */
import { z } from "zod";
import { EXIT } from "./exit-codes";
import type { ErrorDocument } from "./error-document";

/** The same document as a schema: docs/CHECKS.md is generated from it and the tests parse real output with it. */
export const ERROR_JSON = z
  .strictObject({
    command: z.enum(["preview", "audit", "scan", "probe", "init", "adopt"]).describe("the command that stopped (`scan` for `scan secrets`, `probe` for `probe authz`)"),
    exitCode: z.literal([EXIT.invalidInput, EXIT.incomplete, EXIT.internal]).describe("the exit status, repeated: 2, 3 or 70 (see Exit status)"),
    errors: z
      .array(
        z.strictObject({
          path: z.string().min(1).optional().describe("the config field (`launch-ready:domains[0].name`), option (`--stack`) or argument (`domains[1]`), when there is one"),
          message: z.string().min(1).describe("what is wrong and how to fix it"),
        }),
      )
      .min(1)
      .describe("every problem found, in order"),
  })
  .describe("`--json` when the command stops before it has a report") satisfies z.ZodType<ErrorDocument>;
