import { cannotTell, judged, notApplicable, type Verdict } from "../../judge";
import { HEALTH_CHECK_METRICS_REGION } from "../../monitoring/plan";

export interface PlannedHealthCheck {
  /** The resource's name, for the facts. */
  readonly ref: string;
  /** `HTTPS`, `HTTPS_STR_MATCH`, `HTTP`, … */
  readonly type?: string;
  readonly host?: string;
  readonly path?: string;
  readonly port?: number;
  readonly searchString?: string;
  /** `enableSni` as planned; absent means the provider's default (true for HTTPS only, false for HTTPS_STR_MATCH). */
  readonly enableSni?: boolean;
  /** `disabled`: Route 53 then considers the check always healthy (provider docs, `aws_route53_health_check`). */
  readonly disabled?: boolean;
  /** `invertHealthcheck`: a failing endpoint reads as healthy. */
  readonly inverted?: boolean;
  /** Inputs the plan does not show yet (unknown before apply): the check cannot be matched to a URL with certainty. */
  readonly unknownInputs?: readonly string[];
  /**
   * The regions of the alarms on its `HealthCheckStatus` that fire when it fails; `null` for one whose region the
   * plan does not show.
   */
  readonly statusAlarmRegions: readonly (string | null)[];
  /** Status alarms that can never fire on a failure (wrong namespace, comparison or threshold). */
  readonly silentStatusAlarms?: readonly string[];
  /** Status alarms whose namespace, comparison or threshold the plan does not show yet. */
  readonly unclearStatusAlarms?: readonly string[];
}

export interface UptimeChecksInput {
  readonly domain: string;
  /** `false` for a web domain with no monitoring configured: never a pass. */
  readonly configured: boolean;
  /** The URLs to check (`core/monitoring/plan.ts`). */
  readonly targets: readonly { readonly url: string; readonly host: string; readonly path: string; readonly searchString?: string }[];
  readonly healthChecks: readonly PlannedHealthCheck[];
}

/** The health check that checks this URL as configured: HTTPS on 443, its host and path, its search string. */
export function healthCheckFor<H extends PlannedHealthCheck>(target: UptimeChecksInput["targets"][number], checks: readonly H[]): H | undefined {
  return checks.find(
    (c) =>
      c.host === target.host &&
      (c.path ?? "/") === target.path &&
      (c.port === undefined || c.port === 443) &&
      (target.searchString === undefined ? c.type === "HTTPS" || c.type === "HTTPS_STR_MATCH" : c.type === "HTTPS_STR_MATCH" && c.searchString === target.searchString),
  );
}

/**
 * Whether Route 53 sends the host name (SNI) in the handshake: the provider's default is true for HTTPS only and
 * false for every other type, HTTPS_STR_MATCH included (terraform-provider-aws, `aws_route53_health_check.enable_sni`).
 */
export function sendsSni(hc: Pick<PlannedHealthCheck, "type" | "enableSni">): boolean {
  return hc.enableSni ?? hc.type === "HTTPS";
}

/**
 * monitoring.uptime_checks: every configured URL has a Route 53 HTTPS health check and an alarm on its status in
 * us-east-1 (the only region Route 53 publishes health-check metrics to, so an alarm elsewhere never fires).
 */
export function judgeUptimeChecks(input: UptimeChecksInput): Verdict {
  if (!input.configured) return judged("monitoring.uptime_checks", "not-configured", [`${input.domain}: no uptime checks are configured (add \`monitoring:\` to the domain)`]);
  if (input.targets.length === 0) return notApplicable(`${input.domain} configures monitoring but serves no URL to check.`);
  const unchecked: string[] = [];
  const elsewhere: string[] = [];
  const unsure: string[] = [];
  const ok: string[] = [];
  for (const t of input.targets) {
    const hc = healthCheckFor(t, input.healthChecks.filter((c) => (c.unknownInputs ?? []).length === 0));
    if (hc === undefined && input.healthChecks.some((c) => (c.unknownInputs ?? []).length > 0)) {
      const vague = input.healthChecks.filter((c) => (c.unknownInputs ?? []).length > 0).map((c) => `${c.ref} (${(c.unknownInputs ?? []).join(", ")} unknown)`);
      unsure.push(`${t.url}: no health check is known to check it, and ${vague.join(", ")} might`);
      continue;
    }
    if (hc === undefined) {
      unchecked.push(`${t.url} has no HTTPS health check${t.searchString !== undefined ? ` matching "${t.searchString}"` : ""}`);
      continue;
    }
    if (!sendsSni(hc)) {
      unchecked.push(`${t.url}: health check ${hc.ref} sends no SNI (enableSni ${hc.enableSni === false ? "is false" : `defaults to false for ${hc.type ?? "its type"}`}), so an edge serving many hosts (Cloudflare) cannot pick the certificate and the check fails; set enableSni: true`);
      continue;
    }
    if (hc.disabled === true || hc.inverted === true) {
      unchecked.push(`${t.url}: health check ${hc.ref} is ${hc.disabled === true ? "disabled, so Route 53 considers it always healthy" : "inverted (invertHealthcheck), so a failing endpoint reads as healthy"}; remove ${hc.disabled === true ? "disabled" : "invertHealthcheck"}`);
      continue;
    }
    const regions = hc.statusAlarmRegions;
    // An alarm elsewhere never fires, even beside a good one: whoever relies on it is misled, so it fails.
    const outside = [...new Set(regions.filter((r): r is string => r !== null && r !== HEALTH_CHECK_METRICS_REGION))];
    if (regions.length === 0 && (hc.unclearStatusAlarms ?? []).length > 0) unsure.push(`${t.url}: whether ${(hc.unclearStatusAlarms ?? []).join(", ")} fire(s) when ${hc.ref} fails is not in the plan`);
    else if (regions.length === 0 && (hc.silentStatusAlarms ?? []).length > 0)
      unchecked.push(`${t.url}: the status alarm(s) ${(hc.silentStatusAlarms ?? []).join(", ")} of ${hc.ref} never fire when it fails (HealthCheckStatus is 1 healthy, 0 failing): alarm on namespace AWS/Route53 with LessThanThreshold 1`);
    else if (regions.length === 0) unchecked.push(`${t.url}: health check ${hc.ref} has no alarm on its status`);
    else if (outside.length > 0) elsewhere.push(`${t.url}: a status alarm of ${hc.ref} is in ${outside.join(", ")}, but Route 53 health-check metrics exist only in ${HEALTH_CHECK_METRICS_REGION}, so it would never fire (create it with a us-east-1 provider)`);
    else if (regions.includes(HEALTH_CHECK_METRICS_REGION) && regions.every((r) => r !== null)) ok.push(t.url);
    else unsure.push(`${t.url}: the region of ${hc.ref}'s status alarm is not in the plan`);
  }
  if (elsewhere.length > 0) return judged("monitoring.uptime_checks", "alarm-outside-us-east-1", elsewhere.map((f) => `${input.domain}: ${f}`));
  if (unchecked.length > 0) return judged("monitoring.uptime_checks", "unchecked", unchecked.map((f) => `${input.domain}: ${f}`));
  if (unsure.length > 0) return cannotTell(`${input.domain}: ${unsure.join("; ")}`);
  return judged("monitoring.uptime_checks", "all-checked", [`${input.domain}: ${ok.length} URL(s) health-checked over HTTPS with a status alarm in ${HEALTH_CHECK_METRICS_REGION}: ${ok.join(", ")}`]);
}
