/**
 * The planned CAA records of each zone, read back from `DnsRecord` inputs (structured `data`, or `content`), and
 * grouped the way CAs see them (RFC 8659 §3: the relevant set of a name). Reading only: the judging is in
 * core/judges/dns.
 */
import { readCaa } from "../../../core/edge/caa";
import type { CaaEntry, CaaSet } from "../../../core/judges/dns";
import type { PlannedResource } from "../../resource";
import { type EdgeZone, isRecord, str } from "./edge";

export interface PlannedCaa {
  /** The record's name, lower case. */
  readonly name: string;
  readonly urn: string;
  readonly entry: CaaEntry;
}

export function caaRecords(zone: EdgeZone): PlannedCaa[] {
  return zone.records.filter((r) => r.inputs["type"] === "CAA").map(readPlannedCaa);
}

function readPlannedCaa(r: PlannedResource): PlannedCaa {
  const name = String(r.inputs["name"] ?? "").toLowerCase();
  const data = r.inputs["data"];
  if (isRecord(data)) {
    const flags = typeof data["flags"] === "number" ? data["flags"] : Number(data["flags"] ?? 0);
    const tag = str(data["tag"]);
    const value = str(data["value"]);
    if (tag === undefined || value === undefined) return { name, urn: r.urn, entry: { unreadable: JSON.stringify(data), why: "CAA data without a tag or value" } };
    return { name, urn: r.urn, entry: { record: { flags, tag, value } } };
  }
  const content = str(r.inputs["content"]);
  if (content === undefined) return { name, urn: r.urn, entry: { unreadable: "(empty)", why: "neither CAA data nor content" } };
  const read = readCaa(content);
  return { name, urn: r.urn, entry: read.ok ? { record: read.record } : { unreadable: content, why: read.error } };
}

/** The planned CAA records at one name, as a set (with the resources that carry them). */
export function setAt(all: readonly PlannedCaa[], name: string): { readonly set: CaaSet; readonly urns: string[] } | undefined {
  const here = all.filter((c) => c.name === name);
  return here.length === 0 ? undefined : { set: { at: name, entries: here.map((c) => c.entry) }, urns: here.map((c) => c.urn) };
}

/**
 * The relevant CAA set for `host` (RFC 8659 §3): the records at the closest enclosing name that has any. A name
 * whose only records cannot be read still counts: the CA sees the records, whatever we could parse.
 */
export function relevantSet(all: readonly PlannedCaa[], host: string): { readonly set: CaaSet; readonly urns: string[] } | undefined {
  const labels = host.toLowerCase().split(".");
  for (let i = 0; i < labels.length; i++) {
    const found = setAt(all, labels.slice(i).join("."));
    if (found !== undefined) return found;
  }
  return undefined;
}
