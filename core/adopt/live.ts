/**
 * What `launch-ready adopt` reads from a live Cloudflare zone, as plain data (the API reader fills it), and how two
 * record contents are compared: the way the API would store them, so a quoted and an unquoted TXT are one value.
 */
import { caaContent, readCaa } from "../edge/caa";
import { normaliseTxt } from "../dns/txt";

export interface LiveRecord {
  /** The record's Cloudflare id (32 hex digits). */
  readonly id: string;
  /** FQDN as the API returns it. */
  readonly name: string;
  readonly type: string;
  /** Presentation form (for CAA `0 issue "ca"`). */
  readonly content: string;
  /** 1 = automatic. */
  readonly ttl: number;
  readonly proxied: boolean;
  readonly priority?: number;
  readonly comment?: string;
}

/** The entrypoint ruleset ids that exist, by phase (a phase with none is absent). */
export type LiveEntrypoints = Readonly<Partial<Record<string, string>>>;

export interface LiveZone {
  readonly id: string;
  readonly name: string;
  readonly records: readonly LiveRecord[];
  readonly entrypoints: LiveEntrypoints;
  /** Setting id → its live value, for the settings the stack manages. */
  readonly settings: Readonly<Record<string, unknown>>;
}

/** A record name in the form both sides compare: lower case, no trailing dot. */
export function nameKey(name: string): string {
  return name.trim().replace(/\.$/, "").toLowerCase();
}

/** A content in the form both sides compare: TXT in its normal form, CAA re-rendered, names without the dot. */
export function contentKey(type: string, content: string): string {
  if (type === "TXT") return normaliseTxt(content);
  if (type === "CAA") {
    const caa = readCaa(content);
    return caa.ok ? caaContent({ ...caa.record, tag: caa.record.tag.toLowerCase() }) : content.trim();
  }
  return content.trim().replace(/\.$/, "").toLowerCase();
}
