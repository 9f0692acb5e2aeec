/**
 * What the stack declares about resources that already exist in Cloudflare: the offline engine's only knowledge of
 * the live zone. Adopted records and entrypoints are declared in config (`cloudflare.adoptRecords`, `rulesetIds`),
 * with the values that identify them; `cloudflare.imported` says whether a previous `pulumi up` has already imported
 * them into the state. The provider model (`provider.ts`) compares planned inputs with these values.
 */
import type { StackFile } from "../config/stack-file";
import { validateConfig } from "../config/validate";
import { REDIRECT_PHASE } from "../core/edge/redirects";

export const TOKENS = {
  dnsRecord: "cloudflare:index/dnsRecord:DnsRecord",
  ruleset: "cloudflare:index/ruleset:Ruleset",
  zoneSetting: "cloudflare:index/zoneSetting:ZoneSetting",
  zoneDnssec: "cloudflare:index/zoneDnssec:ZoneDnssec",
} as const;

export interface LiveResource {
  /** Pulumi type token of the resource the import id names. */
  readonly type: string;
  /** Input values known to be the live ones. An input not listed here has a live value nobody declared. */
  readonly values: Readonly<Record<string, unknown>>;
  /** A previous `pulumi up` imported it: it is in the state, so Pulumi no longer compares it as an import. */
  readonly inState: boolean;
  /** Where the config declares it, for messages. */
  readonly declaredAt: string;
}

export interface LiveZoneState {
  /** By Pulumi import id (`<zoneId>/<recordId>`, `zones/<zoneId>/<rulesetId>`). */
  readonly resources: ReadonlyMap<string, LiveResource>;
  /** Existing phase entrypoints, `<zoneId>/<phase>` → ruleset id. */
  readonly entrypoints: ReadonlyMap<string, string>;
}

export const NO_LIVE_STATE: LiveZoneState = { resources: new Map(), entrypoints: new Map() };

/** The live resources a launch-ready stack declares; none when its config is not a valid launch-ready config. */
export function liveStateOf(stack: StackFile): LiveZoneState {
  if (!("launch-ready:domains" in stack.config)) return NO_LIVE_STATE;
  const report = validateConfig(stack.config, { secretPaths: stack.secretPaths });
  if (report.value === undefined) return NO_LIVE_STATE;
  const resources = new Map<string, LiveResource>();
  const entrypoints = new Map<string, string>();
  report.value.domains.forEach((d, i) => {
    const zoneId = d.cloudflare.zoneId;
    if (zoneId === undefined) return;
    const inState = d.cloudflare.imported === true;
    d.cloudflare.adoptRecords.forEach((a, j) => {
      resources.set(`${zoneId}/${a.id}`, {
        type: TOKENS.dnsRecord,
        values: { zoneId, name: a.name, type: a.type },
        inState,
        declaredAt: `launch-ready:domains[${i}].cloudflare.adoptRecords[${j}]`,
      });
    });
    const rulesetId = d.cloudflare.rulesetIds.http_request_dynamic_redirect;
    if (rulesetId !== undefined) {
      resources.set(`zones/${zoneId}/${rulesetId}`, {
        type: TOKENS.ruleset,
        values: { zoneId, kind: "zone", phase: REDIRECT_PHASE },
        inState,
        declaredAt: `launch-ready:domains[${i}].cloudflare.rulesetIds.${REDIRECT_PHASE}`,
      });
      entrypoints.set(`${zoneId}/${REDIRECT_PHASE}`, rulesetId);
    }
  });
  return { resources, entrypoints };
}
