import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backupRules, MIN_RPO_HOURS, restoreTestingSchedule, START_WINDOW_MINUTES } from "../../../core/backup/plan";
import { fireTimes, GAP_EPOCH, parseBackupSchedule, parseSchedule, type Schedule, worstGap } from "../../../core/backup/schedule";

function parsed(expr: string): Schedule {
  const r = parseSchedule(expr);
  if ("error" in r) throw new Error(r.error);
  return r.schedule;
}
const gapHours = (...exprs: string[]): number => worstGap(exprs.map(parsed)).worstMinutes / 60;
const iso = (t: number): string => new Date(t).toISOString().slice(0, 16);
const DAY = 86_400_000;

describe("AWS schedule expressions", () => {
  it("reads rate() in minutes, hours and days, singular for 1", () => {
    expect(gapHours("rate(1 hour)")).toBe(1);
    expect(gapHours("rate(12 hours)")).toBe(12);
    expect(gapHours("rate(2 days)")).toBe(48);
    expect(gapHours("rate(30 minutes)")).toBe(0.5);
  });

  it("refuses rate(1 hours) and rate(2 hour), as AWS does", () => {
    expect(parseSchedule("rate(1 hours)")).toMatchObject({ error: expect.stringMatching(/singular unit for 1/) });
    expect(parseSchedule("rate(2 hour)")).toMatchObject({ error: expect.stringMatching(/plural/) });
  });

  it("needs six fields and exactly one `?` between day-of-month and day-of-week", () => {
    expect(parseSchedule("cron(0 3 * * *)")).toMatchObject({ error: expect.stringMatching(/5 field\(s\): AWS cron takes six/) });
    expect(parseSchedule("cron(0 3 * * * *)")).toMatchObject({ error: expect.stringMatching(/must be `\?`/) });
    expect(parseSchedule("cron(0 3 ? * ? *)")).toMatchObject({ error: expect.stringMatching(/must be `\?`/) });
    expect(parseSchedule("cron(61 3 * * ? *)")).toMatchObject({ error: expect.stringMatching(/minutes: `61` is not a value from 0 to 59/) });
    expect(parseSchedule("daily")).toMatchObject({ error: expect.stringMatching(/neither/) });
  });

  it("daily, every 4 hours, weekly and monthly have the gaps a calendar gives", () => {
    expect(gapHours("cron(0 3 * * ? *)")).toBe(24);
    expect(gapHours("cron(0 0/4 * * ? *)")).toBe(4);
    // 0/5: 00:15, 05:15 … 20:15, then 00:15 the next day (4 h): the worst is 5 h, not the step across midnight.
    expect(gapHours("cron(15 0/5 * * ? *)")).toBe(5);
  });

  it("weekly on Sunday is 7 days; MON-FRI at 02:00 leaves the weekend gap of 3 days", () => {
    expect(gapHours("cron(0 4 ? * SUN *)")).toBe(168);
    expect(gapHours("cron(0 2 ? * MON-FRI *)")).toBe(72);
  });

  it("monthly on the 1st: the worst gap is the longest month, 31 days", () => {
    expect(gapHours("cron(0 5 1 * ? *)")).toBe(31 * 24);
  });

  it("L, W, LW and # fire on the days AWS names", () => {
    const jan2027 = (expr: string) => fireTimes(parsed(expr), Date.UTC(2027, 0, 1), Date.UTC(2027, 1, 1)).map(iso);
    expect(jan2027("cron(0 0 L * ? *)")).toEqual(["2027-01-31T00:00"]);
    // 2027-01-31 is a Sunday: the last weekday is Friday the 29th.
    expect(jan2027("cron(0 0 LW * ? *)")).toEqual(["2027-01-29T00:00"]);
    // 2027-01-16 is a Saturday: nearest weekday Friday the 15th; the 1st is a Friday.
    expect(jan2027("cron(0 0 16W * ? *)")).toEqual(["2027-01-15T00:00"]);
    expect(jan2027("cron(0 0 ? * 3#2 *)")).toEqual(["2027-01-12T00:00"]); // second Tuesday
    expect(jan2027("cron(0 0 ? * 5L *)")).toEqual(["2027-01-28T00:00"]); // last Thursday
    expect(jan2027("cron(0 0 ? * L *)")).toEqual(["2027-01-02T00:00", "2027-01-09T00:00", "2027-01-16T00:00", "2027-01-23T00:00", "2027-01-30T00:00"]); // Saturdays
    // 1W when the 1st is a Saturday (May 2027) stays in the month: Monday the 3rd.
    expect(fireTimes(parsed("cron(0 0 1W * ? *)"), Date.UTC(2027, 4, 1), Date.UTC(2027, 5, 1)).map(iso)).toEqual(["2027-05-03T00:00"]);
  });

  it("a schedule limited to past years never runs again: no next backup", () => {
    expect(worstGap([parsed("cron(0 3 * * ? 2020)")]).worstMinutes).toBe(Infinity);
    expect(worstGap([parsed("cron(0 3 * * ? 2027)")]).worstMinutes).toBe(Infinity);
    expect(gapHours("cron(0 3 * * ? 2026-2199)")).toBe(24);
  });

  it("a leap day is missed three years in four; a year list with holes has the hole as its gap", () => {
    // Feb 29 and Aug 29: in a non-leap year only Aug 29 runs, a year after the last one.
    expect(worstGap([parsed("cron(0 0 29 2,8 ? *)")]).worstMinutes / 1440).toBe(365);
    expect(worstGap([parsed("cron(0 0 29 2 ? *)")]).worstMinutes / 1440).toBeGreaterThanOrEqual(4 * 365);
    // Nothing runs 2028-2030: the gap is from 31 Dec 2027 to 1 Jan 2031 (and the schedule then stops for good).
    expect(worstGap([parsed("cron(0 3 * * ? 2027,2031)")]).worstMinutes).toBe(Infinity);
    expect(worstGap([parsed("cron(0 3 * * ? 2027-2039,2041-2199)")]).worstMinutes / 1440).toBe(367);
    expect(worstGap([parsed("cron(0 3 * * ? 2027-2034,2040-2199)")]).worstMinutes / 1440).toBeGreaterThan(5 * 365);
  });

  it("a rate beside a cron: its phase is unknown, so the worst case is the shorter of the two, never their lucky union", () => {
    // rate(24 hours) could run at 03:00 next to the cron, or at 00:00 (a 21 h gap): the worst case is 24 h.
    expect(gapHours("rate(24 hours)", "cron(0 3 * * ? *)")).toBe(24);
    expect(gapHours("rate(6 hours)", "cron(0 3 * * ? *)")).toBe(6);
  });

  it("several rules together: the gap of their union", () => {
    expect(gapHours("cron(0 4 ? * SUN *)", "cron(0 3 * * ? *)")).toBe(24);
    expect(gapHours("cron(0 0 * * ? *)", "cron(0 12 * * ? *)")).toBe(12);
  });
});

describe("worst-case gap: properties", () => {
  it("every N hours (N divides 24) at any minute: exactly N hours", () => {
    fc.assert(
      fc.property(fc.constantFrom(1, 2, 3, 4, 6, 8, 12), fc.integer({ min: 0, max: 59 }), (n, m) => {
        expect(gapHours(`cron(${m} 0/${n} * * ? *)`)).toBe(n);
      }),
      { numRuns: 30 },
    );
  });

  it("any set of hours in a day: the gap is the largest difference between consecutive hours, wrapping at midnight", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 23 }), { minLength: 1, maxLength: 24 }), fc.integer({ min: 0, max: 59 }), (hours, m) => {
        const sorted = [...hours].sort((a, b) => a - b);
        const diffs = sorted.map((h, i) => ((sorted[(i + 1) % sorted.length] ?? h) - h + 24) % 24 || 24);
        expect(gapHours(`cron(${m} ${sorted.join(",")} * * ? *)`)).toBe(Math.max(...diffs));
      }),
      { numRuns: 40 },
    );
  });

  it("any set of weekdays at one time: the gap is the largest run of days between them, wrapping at the week's end", () => {
    const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }), fc.integer({ min: 0, max: 23 }), fc.boolean(), (days, h, named) => {
        const sorted = [...days].sort((a, b) => a - b);
        const diffs = sorted.map((d, i) => ((sorted[(i + 1) % sorted.length] ?? d) - d + 7) % 7 || 7);
        const field = sorted.map((d) => (named ? DAYS[d - 1] : String(d))).join(",");
        expect(gapHours(`cron(0 ${h} ? * ${field} *)`)).toBe(Math.max(...diffs) * 24);
      }),
      { numRuns: 40 },
    );
  });

  it("adding a schedule never lengthens the gap; the union's gap is at most the shorter one's", () => {
    const expr = fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 23 })).map(([m, h]) => `cron(${m} ${h} * * ? *)`),
      fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 1, max: 7 })).map(([h, d]) => `cron(0 ${h} ? * ${d} *)`),
      fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 1, max: 28 })).map(([h, d]) => `cron(0 ${h} ${d} * ? *)`),
      fc.integer({ min: 1, max: 48 }).map((n) => `rate(${n} ${n === 1 ? "hour" : "hours"})`),
    );
    fc.assert(
      fc.property(expr, expr, (a, b) => {
        const both = gapHours(a, b);
        expect(both).toBeLessThanOrEqual(gapHours(a));
        expect(both).toBeLessThanOrEqual(gapHours(b));
      }),
      { numRuns: 40 },
    );
  });

  it("the gap never depends on where the horizon starts (any Monday over 28 years)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 52 * 28 }), fc.constantFrom("cron(0 3 * * ? *)", "cron(0 4 ? * SUN *)", "cron(0 5 1 * ? *)", "cron(0 0 ? * 2#1 *)"), (weeks, expr) => {
        expect(worstGap([parsed(expr)], GAP_EPOCH + weeks * 7 * DAY).worstMinutes).toBe(worstGap([parsed(expr)]).worstMinutes);
      }),
      { numRuns: 25 },
    );
  });

  it("every plan the toolkit makes meets its RPO with its start window, for every rpoHours from 2 to 168", () => {
    for (let rpo = MIN_RPO_HOURS; rpo <= 168; rpo++) {
      const rules = backupRules(rpo, 35);
      expect(gapHours(...rules.map((r) => r.schedule)) + START_WINDOW_MINUTES / 60).toBeLessThanOrEqual(rpo);
    }
    // A day's RPO: every 12 hours (daily plus the start window would be 25 h).
    expect(backupRules(24, 35)[0]).toMatchObject({ ruleName: "every-12h", schedule: "cron(0 0/12 * * ? *)" });
    expect(backupRules(25, 35)[0]).toMatchObject({ ruleName: "daily" });
  });

  it("AWS Backup schedules are cron only: rate() is refused with the fix", () => {
    expect(parseBackupSchedule("rate(12 hours)")).toMatchObject({ error: expect.stringMatching(/cron expressions only, not rate\(\)/) });
    expect(parseBackupSchedule("cron(0 0/12 * * ? *)")).toHaveProperty("schedule");
  });
});

describe("restore testing schedules", () => {
  it("daily, weekly, monthly", () => {
    expect(gapHours(restoreTestingSchedule("daily"))).toBe(24);
    expect(gapHours(restoreTestingSchedule("weekly"))).toBe(168);
    expect(gapHours(restoreTestingSchedule("monthly"))).toBe(31 * 24);
  });
});
