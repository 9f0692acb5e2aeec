/**
 * The zone settings the stack manages, live against planned: what the first `pulumi up` changes. Settings are not
 * imported (a zone setting always exists; the provider's create sets it), so this is only for the diff.
 */
import { isDeepStrictEqual } from "node:util";
import type { ZoneSettingPlan } from "../edge/zone-settings";

export interface SettingDiff {
  readonly settingId: string;
  /** Undefined: the setting could not be read. */
  readonly live: unknown;
  readonly planned: unknown;
  readonly changes: boolean;
}

export function matchSettings(planned: readonly ZoneSettingPlan[], live: Readonly<Record<string, unknown>>): SettingDiff[] {
  return planned.map((s) => {
    const current = live[s.settingId];
    return { settingId: s.settingId, live: current, planned: s.value, changes: !isDeepStrictEqual(normalise(current), normalise(s.value)) };
  });
}

/** Key order is not a difference; a nested object compares field by field. */
function normalise(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalise);
  if (typeof v === "object" && v !== null) return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, normalise(x)]));
  return v;
}
