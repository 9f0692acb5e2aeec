/**
 * The `adopt --json` document: per domain, the diff between the live zone and the plan and what the stack file
 * gets; then whether it was written and the file's new text. Built from `planAdoption`'s result, no I/O.
 */
import type { DomainAdoption } from "../../core/adopt";
import type { ExitCode } from "../exit-codes";

export interface AdoptDomainDocument {
  readonly domain: string;
  readonly zoneId: string;
  readonly records: {
    readonly create: readonly { name: string; type: string; content: string; purpose: string }[];
    readonly adoptUnchanged: readonly { name: string; type: string; id: string; content: string }[];
    readonly adoptThenChange: readonly { name: string; type: string; id: string; changes: readonly { field: string; live: unknown; planned: unknown }[] }[];
    readonly foreign: readonly { name: string; type: string; id: string; content: string }[];
    readonly conflicts: readonly { name: string; type: string; content: string; reason: string }[];
  };
  readonly rulesets: { readonly adopt: Readonly<Record<string, string>>; readonly create: readonly string[]; readonly foreign: readonly { phase: string; id: string }[] };
  readonly settings: readonly { settingId: string; live: unknown; planned: unknown; changes: boolean }[];
  readonly adoptRecords: readonly { name: string; type: string; id: string; content?: string }[];
  readonly rulesetIds: Readonly<Record<string, string>>;
}

export interface AdoptDocument {
  readonly command: "adopt";
  readonly stack: string;
  readonly exitCode: ExitCode;
  readonly domains: readonly AdoptDomainDocument[];
  /** What the file declares that the rewrite would drop or change (refused without --force). */
  readonly unexpected: readonly { path: string; message: string }[];
  readonly written: boolean;
  /** The stack file as written, or as `--write` would write it. */
  readonly yaml: string;
}

export function domainDocument(a: DomainAdoption): AdoptDomainDocument {
  const ids = (m: Readonly<Partial<Record<string, string>>>) => Object.fromEntries(Object.entries(m).filter((e): e is [string, string] => e[1] !== undefined));
  return {
    domain: a.domain,
    zoneId: a.zoneId,
    records: {
      create: a.records.create.map((p) => ({ name: p.name, type: p.type, content: p.content, purpose: p.purpose })),
      adoptUnchanged: a.records.adopt.filter((x) => x.changes.length === 0).map((x) => ({ name: x.planned.name, type: x.planned.type, id: x.live.id, content: x.live.content })),
      adoptThenChange: a.records.adopt.filter((x) => x.changes.length > 0).map((x) => ({ name: x.planned.name, type: x.planned.type, id: x.live.id, changes: x.changes.map((c) => ({ ...c })) })),
      foreign: a.records.foreign.map((l) => ({ name: l.name, type: l.type, id: l.id, content: l.content })),
      conflicts: a.records.conflicts.map((c) => ({ name: c.planned.name, type: c.planned.type, content: c.planned.content, reason: c.reason })),
    },
    rulesets: { adopt: ids(a.entrypoints.adopt), create: [...a.entrypoints.create], foreign: a.entrypoints.foreign.map((f) => ({ ...f })) },
    settings: a.settings.map((s) => ({ ...s })),
    adoptRecords: a.adoptRecords.map((r) => ({ ...r })),
    rulesetIds: ids(a.rulesetIds),
  };
}

/** The comment written above each `adoptRecords` entry. */
export function adoptionNote(changes: readonly { field: string; live: unknown; planned: unknown }[]): string {
  if (changes.length === 0) return "adopted unchanged";
  return `adopted as it is live; with imported: true the next up changes ${changes.map((c) => `${c.field} ${JSON.stringify(c.live)} → ${JSON.stringify(c.planned)}`).join(", ")}`;
}
