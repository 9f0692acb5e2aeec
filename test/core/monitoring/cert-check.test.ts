import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { alarms, DAY_MS, daysLeft, metricsFor } from "../../../core/monitoring/cert-check";

const NOW = new Date("2026-06-01T12:00:00Z");
const at = (days: number) => new Date(NOW.getTime() + days * DAY_MS);

describe("certificate days left", () => {
  it("10 days left alarms at 14, 40 does not; an unreadable host always alarms and publishes no days left", () => {
    expect(alarms({ kind: "read", host: "a", validTo: at(10.5), authorized: true }, NOW, 14)).toBe(true);
    expect(alarms({ kind: "read", host: "a", validTo: at(40.5), authorized: true }, NOW, 14)).toBe(false);
    const unreachable = { kind: "error" as const, host: "a", error: "ECONNREFUSED" };
    expect(alarms(unreachable, NOW, 14)).toBe(true);
    expect(metricsFor(unreachable, NOW)).toEqual([{ name: "CheckError", value: 1 }]);
  });

  it("an untrusted certificate is an error reading even with days to spare", () => {
    const r = { kind: "read" as const, host: "a", validTo: at(80), authorized: false, authorizationError: "SELF_SIGNED_CERT_IN_CHAIN" };
    expect(alarms(r, NOW, 14)).toBe(true);
    expect(metricsFor(r, NOW)).toEqual([{ name: "DaysLeft", value: 80 }, { name: "CheckError", value: 1 }]);
  });

  it("days left never grow as time passes, and a certificate alarms exactly when under the threshold", () => {
    fc.assert(
      fc.property(fc.integer({ min: -100 * DAY_MS, max: 400 * DAY_MS }), fc.integer({ min: 0, max: 30 * DAY_MS }), fc.integer({ min: 1, max: 90 }), (left, later, threshold) => {
        const validTo = new Date(NOW.getTime() + left);
        expect(daysLeft(validTo, new Date(NOW.getTime() + later))).toBeLessThanOrEqual(daysLeft(validTo, NOW));
        const r = { kind: "read" as const, host: "a", validTo, authorized: true };
        expect(alarms(r, NOW, threshold)).toBe(daysLeft(validTo, NOW) < threshold);
      }),
    );
  });
});
