/**
 * `launch-ready:acknowledge`: dated exceptions to the checklist, in the stack file so they are reviewed like code.
 *   launch-ready:acknowledge:
 *     - { id: tls.ssl_strict, reason: "origin certificate ordered, ticket OPS-12", until: 2027-03-31 }
 * The schema checks the shape; `acknowledgementIssues` the things that depend on the clock.
 */
import { z } from "zod";
import { CHECKS, isCheckId } from "../checklist";
import { type Acknowledgement, expiresAt } from "../core/acknowledge";
import { closest, type ConfigIssue, formatPath } from "./issues";

/** An acknowledgement is a dated exception, not a switch: at most this far ahead, then it must be renewed. */
export const MAX_ACKNOWLEDGEMENT_DAYS = 366;

const checkIdField = z
  .string()
  .superRefine((id, ctx) => {
    if (isCheckId(id)) return;
    const guess = closest(id, Object.keys(CHECKS));
    ctx.addIssue({ code: "custom", message: `\`${id}\` is not a checklist ID${guess !== undefined ? `: did you mean \`${guess}\`?` : " (docs/CHECKS.md lists them)"}` });
  })
  .meta({ description: "The checklist ID acknowledged, e.g. `tls.ssl_strict`." });

export const acknowledgementSchema = z.strictObject({
  id: checkIdField,
  reason: z
    .string()
    .trim()
    .min(10, { message: "must say why in a sentence a reviewer can check (at least 10 characters)" })
    .max(300)
    .meta({ description: "Why the team accepts this, shown wherever the check is reported." }),
  until: z
    .union([z.string(), z.date()])
    .transform((v, ctx) => {
      // YAML reads an unquoted 2027-03-31 as a timestamp: accept it as the date it names.
      const text = v instanceof Date ? v.toISOString().slice(0, 10) : v.trim();
      if (expiresAt(text) === undefined) {
        ctx.addIssue({ code: "custom", message: `'${text}' is not a date: write the last day it holds as YYYY-MM-DD, e.g. 2027-03-31` });
        return z.NEVER;
      }
      return text;
    })
    .meta({ description: "The last day the acknowledgement holds (UTC, YYYY-MM-DD); after it the check counts again." }),
});

export const acknowledgementsSchema = z
  .array(acknowledgementSchema)
  .default([])
  .meta({ description: "Checks the team knowingly ships failing or warning, each with a reason and an end date: reported as acknowledged (never as passing) and non-blocking until then." });

/** How an acknowledged check appears in `preview --json` and `audit --json`: one shape, documented once. */
export const acknowledgementJson = (active: string) =>
  z
    .strictObject({
      reason: z.string().describe("why the team accepts it"),
      until: z.string().describe("its last day, YYYY-MM-DD (UTC)"),
      active: z.boolean().describe(active),
    })
    .optional();

export function toAcknowledgements(parsed: z.output<typeof acknowledgementsSchema>): Acknowledgement[] {
  return parsed.flatMap((a) => (isCheckId(a.id) ? [{ id: a.id, reason: a.reason, until: a.until }] : []));
}

/** Clock-dependent problems: too far ahead is an error; expired is a warning (the check simply counts again). */
export function acknowledgementIssues(acks: readonly Acknowledgement[], now: Date, key = "launch-ready:acknowledge"): { errors: ConfigIssue[]; warnings: ConfigIssue[] } {
  const errors: ConfigIssue[] = [];
  const warnings: ConfigIssue[] = [];
  acks.forEach((a, i) => {
    const end = expiresAt(a.until);
    if (end === undefined) return;
    const path = formatPath([key, i, "until"]);
    const days = Math.ceil((end.getTime() - now.getTime()) / 86_400_000);
    if (days > MAX_ACKNOWLEDGEMENT_DAYS) {
      errors.push({ path, message: `${a.until} is ${days} days ahead: an acknowledgement holds at most ${MAX_ACKNOWLEDGEMENT_DAYS} days, then it is reviewed and renewed; pick a nearer date` });
    } else if (end.getTime() < now.getTime()) {
      warnings.push({ path, message: `expired on ${a.until}: ${a.id} counts again; fix it, or renew the acknowledgement with a new date and reason` });
    }
  });
  return { errors, warnings };
}
