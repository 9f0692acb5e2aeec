/** The planned CAA records of each zone, read back from `DnsRecord` inputs (structured `data`, or `content`). */
import { type CaaRecord, parseCaa } from "../../../core/edge/caa";
import type { PlannedResource } from "../../resource";
import { type EdgeZone, isRecord, str } from "./edge";

export interface PlannedCaa {
  readonly name: string;
  readonly urn: string;
  /** Undefined when the record cannot be read (then `problem` says why). */
  readonly record?: CaaRecord;
  readonly problem?: string;
}

export function caaRecords(zone: EdgeZone): PlannedCaa[] {
  return zone.records.filter((r) => r.inputs["type"] === "CAA").map(readCaa);
}

function readCaa(r: PlannedResource): PlannedCaa {
  const name = String(r.inputs["name"] ?? "").toLowerCase();
  const data = r.inputs["data"];
  if (isRecord(data)) {
    const flags = typeof data["flags"] === "number" ? data["flags"] : Number(data["flags"] ?? 0);
    const tag = str(data["tag"]);
    const value = str(data["value"]);
    if (tag === undefined || value === undefined) return { name, urn: r.urn, problem: "has CAA data without a tag or value" };
    return { name, urn: r.urn, record: { flags, tag, value } };
  }
  const content = str(r.inputs["content"]);
  if (content === undefined) return { name, urn: r.urn, problem: "has neither CAA data nor content" };
  const parsed = parseCaa(content);
  return parsed.ok ? { name, urn: r.urn, record: parsed.record } : { name, urn: r.urn, problem: parsed.error };
}

/** The relevant CAA set for `host` (RFC 8659 §3): the records at the closest enclosing name that has any. */
export function relevantSet(all: readonly PlannedCaa[], host: string): { readonly at: string; readonly set: CaaRecord[] } | undefined {
  const labels = host.split(".");
  for (let i = 0; i < labels.length - 1; i++) {
    const name = labels.slice(i).join(".");
    const set = all.filter((c) => c.name === name && c.record !== undefined).map((c) => c.record).filter((c): c is CaaRecord => c !== undefined);
    if (set.length > 0) return { at: name, set };
  }
  return undefined;
}
