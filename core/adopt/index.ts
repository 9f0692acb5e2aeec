/**
 * `launch-ready adopt`'s pure part: a live zone and a domain's plan in, the diff and what the stack file must
 * declare out (zone id, `adoptRecords`, `rulesetIds`). No I/O: the API reader and the command live in cli/adopt.
 */
import { planDomainRecords, type PlannedRecord } from "../dns/record-plan";
import { planZoneSettings } from "../edge/zone-settings";
import type { AdoptedRecordSpec, DomainSpec } from "../spec";
import { adoptionEntries } from "./entries";
import { type AdoptablePhase, type EntrypointDiff, matchEntrypoints, plannedPhases } from "./entrypoints";
import type { LiveZone } from "./live";
import { matchRecords, type RecordDiff } from "./match";
import { matchSettings, type SettingDiff } from "./settings";
import { matchUnadoptable } from "./unadoptable";

export * from "./entries";
export * from "./entrypoints";
export * from "./live";
export * from "./match";
export * from "./settings";
export * from "./unadoptable";

export interface DomainAdoption {
  readonly domain: string;
  readonly zoneId: string;
  readonly records: RecordDiff;
  readonly entrypoints: EntrypointDiff;
  readonly settings: readonly SettingDiff[];
  /** What the stack file's `cloudflare` section must hold. */
  readonly adoptRecords: readonly AdoptedRecordSpec[];
  readonly rulesetIds: Readonly<Partial<Record<AdoptablePhase, string>>>;
}

/** The records the stack plans before any adoption: what the live zone is matched against. */
export function plannedWithoutAdoption(d: DomainSpec): PlannedRecord[] {
  return planDomainRecords({ ...d, cloudflare: { ...d.cloudflare, adoptRecords: [] } });
}

/**
 * `others`: records other parts of the stack create that cannot be adopted (the email component's); they are
 * created, or reported as conflicts with the live zone.
 */
export function planAdoption(d: DomainSpec, zone: LiveZone, others: readonly PlannedRecord[] = []): DomainAdoption {
  const planned = plannedWithoutAdoption(d);
  const own = matchRecords(planned, zone.records);
  const extra = matchUnadoptable(others, zone.records);
  const records: RecordDiff = { ...own, create: [...own.create, ...extra.create], conflicts: [...own.conflicts, ...extra.conflicts] };
  const entrypoints = matchEntrypoints(plannedPhases(d), zone.entrypoints);
  // The import step keeps Always Use HTTPS while an adopted redirect entrypoint keeps its live rules.
  const keepAlwaysUseHttps = entrypoints.adopt.http_request_dynamic_redirect !== undefined;
  const settings = d.web === undefined ? [] : matchSettings(planZoneSettings(d.web, { keepAlwaysUseHttps }), zone.settings);
  return { domain: d.name, zoneId: zone.id, records, entrypoints, settings, adoptRecords: adoptionEntries(planned, own.adopt), rulesetIds: entrypoints.adopt };
}
