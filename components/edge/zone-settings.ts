import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import { settingSlug, type ZoneSettingPlan } from "../../core/edge/zone-settings";

export interface ZoneSettingsArgs {
  /** The zone the settings apply to. */
  readonly zoneId: pulumi.Input<string>;
  /** The settings, planned by `planZoneSettings` (typed setting ids and values). */
  readonly settings: readonly ZoneSettingPlan[];
  /**
   * What `always_use_https: off` waits for: the redirect ruleset whose catch-all rule takes over the upgrade. Without
   * this order, an apply that fails on the ruleset would still switch the upgrade off and serve plain http.
   */
  readonly alwaysUseHttpsAfter?: pulumi.Resource;
}

/**
 * HTTPS everywhere for one zone: one `cloudflare.ZoneSetting` per setting (v6 has no ZoneSettingsOverride). A zone
 * setting always exists, so "creating" one only sets its value on the existing zone, and the provider's delete does
 * nothing (terraform-provider-cloudflare v5 `zone_setting/resource.go`: `Delete` is empty). Each setting is therefore
 * registered `retainOnDelete`, so the plan says what really happens: after `pulumi destroy` or removing `web`, the
 * zone keeps the last value the stack set (runbooks/https-redirects.md says which and why that is safe).
 */
export class ZoneSettings extends pulumi.ComponentResource {
  /** Setting id → value, as planned (plain data: nothing here is computed by the provider). */
  public readonly values: Readonly<Record<string, ZoneSettingPlan["value"]>>;
  /** Setting id → its `cloudflare.ZoneSetting`, named `${name}-<setting>`. */
  public readonly settings: Readonly<Record<string, cloudflare.ZoneSetting>>;

  constructor(name: string, args: ZoneSettingsArgs, opts?: pulumi.ComponentResourceOptions) {
    // Released as `launch-ready:edge:Settings` (class EdgeSettings): the alias keeps stacks made then from
    // replacing every setting, since a component's type is part of its children's URNs.
    super(ZONE_SETTINGS_TYPE, name, {}, { ...opts, aliases: [...(opts?.aliases ?? []), { type: ZONE_SETTINGS_FORMER_TYPE }] });
    const values: Record<string, ZoneSettingPlan["value"]> = {};
    const settings: Record<string, cloudflare.ZoneSetting> = {};
    for (const s of args.settings) {
      const after = s.settingId === "always_use_https" && s.value === "off" && args.alwaysUseHttpsAfter !== undefined ? [args.alwaysUseHttpsAfter] : [];
      settings[s.settingId] = new cloudflare.ZoneSetting(`${name}-${settingSlug(s.settingId)}`, zoneSettingArgs(args.zoneId, s), {
        parent: this,
        retainOnDelete: true,
        ...(after.length > 0 ? { dependsOn: after } : {}),
      });
      values[s.settingId] = s.value;
    }
    this.values = values;
    this.settings = settings;
    this.registerOutputs({ values: this.values });
  }
}

export const ZONE_SETTINGS_TYPE = "launch-ready:edge:ZoneSettings";
export const ZONE_SETTINGS_FORMER_TYPE = "launch-ready:edge:Settings";

/** The SDK types `value` as `any`: the narrow type lives in `ZoneSettingPlan`, and only it reaches here. */
export function zoneSettingArgs(zoneId: pulumi.Input<string>, s: ZoneSettingPlan): cloudflare.ZoneSettingArgs {
  return { zoneId, settingId: s.settingId, value: s.value };
}
