/** What the CAA judges read: the records one name answers, as planned or as observed. */
import { caaContent, type CaaRecord } from "../../edge/caa";

/** A CAA record as found, or one that could not be read (a planned `content` that does not parse). */
export type CaaEntry = { readonly record: CaaRecord } | { readonly unreadable: string; readonly why: string };

/** The relevant CAA RRset of a name (RFC 8659 §3): the records at the closest enclosing name that has any. */
export interface CaaSet {
  /** The name the records are at (the audited name or an ancestor). */
  readonly at: string;
  readonly entries: readonly CaaEntry[];
}

/** A record as a user reads it in a zone file or the dashboard: `0 issue "letsencrypt.org"`. */
export const caaText = (r: CaaRecord): string => caaContent(r);

export function entryText(e: CaaEntry): string {
  return "record" in e ? caaText(e.record) : e.unreadable;
}

export function recordsOf(set: CaaSet): CaaRecord[] {
  return set.entries.flatMap((e) => ("record" in e ? [e.record] : []));
}
