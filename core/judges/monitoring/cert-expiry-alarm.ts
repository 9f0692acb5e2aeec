import { cannotTell, judged, notApplicable, type Verdict } from "../../judge";
import { CERT_EXPIRY_MIN_DAYS } from "../../monitoring/plan";

export interface CertAlarmFacts {
  readonly ref: string;
  readonly host: string;
  readonly threshold?: number;
  readonly comparison?: string;
  readonly treatMissingData?: string;
  readonly region: string | null;
}

export interface CertExpiryInput {
  readonly domain: string;
  readonly configured: boolean;
  /** The hosts whose served certificate must be watched (every monitored URL's host). */
  readonly hosts: readonly string[];
  /** The hosts a scheduled check reads, with the region it publishes its metrics in. */
  readonly checked: readonly { readonly host: string; readonly region: string | null }[];
  readonly alarms: readonly CertAlarmFacts[];
}

/** The fewest days left at which the alarm fires, or undefined when it does not fire on few days left. */
function firesAtDays(a: CertAlarmFacts): number | undefined {
  if (a.threshold === undefined) return undefined;
  if (a.comparison === "LessThanThreshold") return a.threshold;
  if (a.comparison === "LessThanOrEqualToThreshold") return a.threshold + 1;
  return undefined;
}

/**
 * monitoring.cert_expiry_alarm: every monitored host's served certificate is read on a schedule and alarmed at
 * least 14 days before it expires, in the region the check publishes to, with a missing reading (host unreachable,
 * handshake failed) treated as breaching: an unreadable certificate is never "fine".
 */
export function judgeCertExpiryAlarm(input: CertExpiryInput): Verdict {
  if (!input.configured) return judged("monitoring.cert_expiry_alarm", "not-configured", [`${input.domain}: no certificate-expiry alarm is configured (add \`monitoring:\` to the domain)`]);
  if (input.hosts.length === 0) return notApplicable(`${input.domain} monitors no host.`);
  const missing: string[] = [];
  const late: string[] = [];
  const blind: string[] = [];
  const unsure: string[] = [];
  const ok: { host: string; days: number }[] = [];
  for (const host of input.hosts) {
    const check = input.checked.find((c) => c.host === host);
    if (check === undefined) {
      missing.push(`${host}: no scheduled check reads the certificate it serves`);
      continue;
    }
    // An alarm sees only metrics published in its own region: an unknown region on either side cannot be matched.
    const firing = input.alarms.filter((a) => a.host === host && firesAtDays(a) !== undefined);
    const alarms = firing.filter((a) => a.region !== null && check.region !== null && a.region === check.region);
    if (alarms.length === 0 && firing.some((a) => a.region === null || check.region === null)) {
      unsure.push(`${host}: the region of its certificate check or alarm is not in the plan, so whether the alarm sees the check's metric is not known`);
      continue;
    }
    if (alarms.length === 0) {
      missing.push(`${host}: no alarm on its days left${input.alarms.some((a) => a.host === host) ? ` in ${check.region ?? "the check's region"}, firing when few days are left` : ""}`);
      continue;
    }
    const best = alarms.reduce((b, a) => ((firesAtDays(a) ?? 0) > (firesAtDays(b) ?? 0) ? a : b));
    const days = firesAtDays(best) ?? 0;
    if (days < CERT_EXPIRY_MIN_DAYS) late.push(`${host}: the alarm fires with ${days} day(s) left, under the ${CERT_EXPIRY_MIN_DAYS}-day minimum`);
    else if (best.treatMissingData !== "breaching") blind.push(`${host}: alarm ${best.ref} treats a missing reading as ${best.treatMissingData ?? "missing"}, so an unreachable host or failed handshake looks fine; set treatMissingData to "breaching"`);
    else ok.push({ host, days });
  }
  if (missing.length > 0) return judged("monitoring.cert_expiry_alarm", "missing", missing.map((f) => `${input.domain}: ${f}`));
  if (late.length > 0) return judged("monitoring.cert_expiry_alarm", "too-late", late.map((f) => `${input.domain}: ${f}`));
  if (blind.length > 0) return judged("monitoring.cert_expiry_alarm", "blind-when-unreachable", blind.map((f) => `${input.domain}: ${f}`));
  if (unsure.length > 0) return cannotTell(`${input.domain}: ${unsure.join("; ")}`);
  return judged("monitoring.cert_expiry_alarm", "alarmed", [
    `${input.domain}: the certificate served on ${ok.map((o) => o.host).join(", ")} is read from outside on a schedule and alarmed under ${Math.min(...ok.map((o) => o.days))} day(s) left, and when it cannot be read`,
  ]);
}
