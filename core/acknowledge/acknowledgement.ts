/**
 * Acknowledgements: a team that knowingly ships with a failing or warning check (say `ssl: full` until the origin
 * has a certificate) writes down why and until when. An active acknowledgement turns that check's failure into a
 * reported, non-blocking exception; after `until` it counts again. Pure: the caller passes the clock.
 */
import type { CheckId } from "../../checklist";

export interface Acknowledgement {
  readonly id: CheckId;
  /** Why the team accepts it, shown wherever the check is reported. */
  readonly reason: string;
  /** Last day it holds (UTC, `YYYY-MM-DD`, inclusive). */
  readonly until: string;
}

export type AcknowledgementState =
  | { readonly kind: "active"; readonly ack: Acknowledgement }
  | { readonly kind: "expired"; readonly ack: Acknowledgement };

const DAY_MS = 86_400_000;

/** The end of the `until` day, UTC; undefined when `until` is not a real calendar date. */
export function expiresAt(until: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(until);
  if (!m) return undefined;
  const start = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(start);
  // Date.UTC rolls 2027-02-30 over into March: a date that does not round-trip is not a date.
  if (d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return undefined;
  return new Date(start + DAY_MS - 1);
}

/**
 * The acknowledgement that covers `id` at `now`: an active one before an expired one (so an expired entry left
 * beside a renewed one does not resurface), the latest-ending expired one otherwise.
 */
export function acknowledgementFor(acks: readonly Acknowledgement[], id: CheckId, now: Date): AcknowledgementState | undefined {
  const ranked = acks.filter((a) => a.id === id).sort((a, b) => b.until.localeCompare(a.until));
  const isActive = (a: Acknowledgement): boolean => {
    const end = expiresAt(a.until);
    return end !== undefined && now.getTime() <= end.getTime();
  };
  const active = ranked.find(isActive);
  if (active) return { kind: "active", ack: active };
  const expired = ranked[0];
  return expired ? { kind: "expired", ack: expired } : undefined;
}

/** One line for reports: `acknowledged until 2027-03-31: origin certificate ordered`. */
export function describeAcknowledgement(s: AcknowledgementState): string {
  return s.kind === "active"
    ? `acknowledged until ${s.ack.until}: ${s.ack.reason}`
    : `acknowledgement expired on ${s.ack.until} (${s.ack.reason}): counts again`;
}
