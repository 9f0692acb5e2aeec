/**
 * The scheduled certificate check's logic: days left on the certificate a host serves, and what to publish.
 * Pure; the Lambda handler (`components/monitoring/cert-check-lambda.ts`) reads the certificate over TLS and calls it.
 * An unreadable host is an error reading, never "fine": it publishes no days-left value (the alarm treats the
 * missing value as breaching) and a CheckError of 1.
 */

export const DAY_MS = 86_400_000;

/** Whole days left until `validTo` (rounded down); negative once expired. */
export function daysLeft(validTo: Date, now: Date): number {
  return Math.floor((validTo.getTime() - now.getTime()) / DAY_MS);
}

export type CertReading =
  | { readonly kind: "read"; readonly host: string; readonly validTo: Date; readonly authorized: boolean; readonly authorizationError?: string }
  | { readonly kind: "error"; readonly host: string; readonly error: string };

export interface CertMetric {
  readonly name: "DaysLeft" | "CheckError";
  readonly value: number;
}

/**
 * What the check publishes for a reading: days left and CheckError 0 when the served certificate was read and its
 * chain is trusted; CheckError 1 (and no days left) when it could not be read; both days left and CheckError 1 when
 * it was read but is not trusted (a browser would refuse it now).
 */
export function metricsFor(reading: CertReading, now: Date): CertMetric[] {
  if (reading.kind === "error") return [{ name: "CheckError", value: 1 }];
  return [
    { name: "DaysLeft", value: daysLeft(reading.validTo, now) },
    { name: "CheckError", value: reading.authorized ? 0 : 1 },
  ];
}

/** Whether an alarm set at `thresholdDays` (fires below it) fires for this reading: unreadable is always alarming. */
export function alarms(reading: CertReading, now: Date, thresholdDays: number): boolean {
  if (reading.kind === "error" || !reading.authorized) return true;
  return daysLeft(reading.validTo, now) < thresholdDays;
}
