import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import { settingSlug, type ZoneSettingPlan } from "../../core/edge/zone-settings";

export interface EdgeSettingsArgs {
  /** The zone the settings apply to. */
  readonly zoneId: pulumi.Input<string>;
  /** The settings, planned by `planZoneSettings` (typed setting ids and values). */
  readonly settings: readonly ZoneSettingPlan[];
}

/**
 * HTTPS everywhere for one zone: one `cloudflare.ZoneSetting` per setting (v6 has no ZoneSettingsOverride). A zone
 * setting always exists, so "creating" one only sets its value on the existing zone.
 */
export class EdgeSettings extends pulumi.ComponentResource {
  /** Setting id → value, as planned (plain data: nothing here is computed by the provider). */
  public readonly values: Readonly<Record<string, ZoneSettingPlan["value"]>>;

  constructor(name: string, args: EdgeSettingsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("launch-ready:edge:Settings", name, {}, opts);
    const values: Record<string, ZoneSettingPlan["value"]> = {};
    for (const s of args.settings) {
      new cloudflare.ZoneSetting(`${name}-${settingSlug(s.settingId)}`, zoneSettingArgs(args.zoneId, s), { parent: this });
      values[s.settingId] = s.value;
    }
    this.values = values;
    this.registerOutputs({ values: this.values });
  }
}

/** The SDK types `value` as `any`: the narrow type lives in `ZoneSettingPlan`, and only it reaches here. */
export function zoneSettingArgs(zoneId: pulumi.Input<string>, s: ZoneSettingPlan): cloudflare.ZoneSettingArgs {
  return { zoneId, settingId: s.settingId, value: s.value };
}
