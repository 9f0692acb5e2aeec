/**
 * AWS schedule expressions, as AWS Backup plans and restore testing plans take them (the EventBridge dialect):
 * `rate(value unit)` and `cron(minutes hours day-of-month month day-of-week year)`.
 *
 * The dialect (EventBridge "Cron expressions reference"): six fields, all in UTC unless a time zone is given;
 * day-of-month and day-of-week cannot both be set, one of them must be `?`; `*`, `,`, `-` and `/` in every field;
 * `L` in day-of-month (last day of the month) and in day-of-week (`L` alone: Saturday; `5L`: the last Thursday);
 * `W` in day-of-month (`15W`: the weekday nearest the 15th, never crossing into another month; `LW`: the last
 * weekday); `#` in day-of-week (`3#2`: the second Tuesday). Day-of-week runs 1-7 from Sunday (SUN-SAT);
 * months 1-12 (JAN-DEC); years 1970-2199. `rate()` takes `minute(s)`, `hour(s)`, `day(s)`, singular for 1.
 *
 * Pure: no clock, no I/O. Times are UTC milliseconds.
 */

export type Schedule =
  | { readonly kind: "rate"; readonly everyMinutes: number }
  | {
      readonly kind: "cron";
      readonly minutes: ReadonlySet<number>;
      readonly hours: ReadonlySet<number>;
      /** Day-of-month matcher, or undefined when the field is `?`. */
      readonly dayOfMonth?: DayOfMonth;
      readonly months: ReadonlySet<number>;
      /** Day-of-week matcher, or undefined when the field is `?`. */
      readonly dayOfWeek?: DayOfWeek;
      /** undefined: every year. */
      readonly years?: ReadonlySet<number>;
    };

type DayOfMonth = { readonly days: ReadonlySet<number>; readonly last: boolean; readonly lastWeekday: boolean; readonly nearestWeekday: readonly number[] };
type DayOfWeek = { readonly days: ReadonlySet<number>; readonly lastOf: readonly number[]; readonly nth: readonly { readonly day: number; readonly n: number }[] };

export type ParseResult = { readonly schedule: Schedule } | { readonly error: string };

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

class ScheduleError extends Error {}

/** Parses `rate(…)` or `cron(…)`; the error names the field and what is wrong, never guessing. */
export function parseSchedule(expression: string): ParseResult {
  try {
    return { schedule: parse(expression.trim()) };
  } catch (err) {
    if (err instanceof ScheduleError) return { error: `\`${expression}\`: ${err.message}` };
    throw err;
  }
}

/**
 * Parses a schedule AWS Backup takes: a backup rule's `ScheduleExpression` and a restore testing plan's are cron
 * only (AWS Backup API, `BackupRuleInput.ScheduleExpression`: "A CRON expression in UTC"); `rate()` is refused.
 * Secrets Manager rotation takes both (`parseSchedule`).
 */
export function parseBackupSchedule(expression: string): ParseResult {
  if (/^\s*rate\(/i.test(expression)) return { error: `\`${expression}\`: AWS Backup takes cron expressions only, not rate(); write e.g. \`cron(0 0/12 * * ? *)\` for every 12 hours` };
  return parseSchedule(expression);
}

/** The schedule AWS Backup gives a rule that sets none (AWS Backup API, `BackupRuleInput.ScheduleExpression`). */
export const AWS_BACKUP_DEFAULT_SCHEDULE = "cron(0 5 ? * * *)";

/** A backup rule's start window when unset: AWS Backup's default of 8 hours (`StartWindowMinutes`). */
export const AWS_BACKUP_DEFAULT_START_WINDOW_MINUTES = 480;

function parse(text: string): Schedule {
  const rate = /^rate\(\s*(\d+)\s+(minutes?|hours?|days?)\s*\)$/i.exec(text);
  if (rate) {
    const value = Number(rate[1]);
    const unit = (rate[2] ?? "").toLowerCase();
    if (value < 1) throw new ScheduleError("a rate must be a positive whole number");
    if ((value === 1) !== !unit.endsWith("s")) throw new ScheduleError(`write \`${value} ${value === 1 ? unit.replace(/s$/, "") : `${unit.replace(/s$/, "")}s`}\` (AWS wants the singular unit for 1 and the plural otherwise)`);
    const per = unit.startsWith("minute") ? 1 : unit.startsWith("hour") ? 60 : 1440;
    return { kind: "rate", everyMinutes: value * per };
  }
  const cron = /^cron\((.*)\)$/i.exec(text);
  if (!cron) throw new ScheduleError("is neither `rate(value unit)` nor `cron(minutes hours day-of-month month day-of-week year)`");
  const fields = (cron[1] ?? "").trim().split(/\s+/);
  if (fields.length !== 6) throw new ScheduleError(`has ${fields.length} field(s): AWS cron takes six (minutes hours day-of-month month day-of-week year)`);
  const [min = "", hour = "", dom = "", month = "", dow = "", year = ""] = fields;
  if ((dom === "?") === (dow === "?")) throw new ScheduleError("one of day-of-month and day-of-week must be `?`, and only one");
  return {
    kind: "cron",
    minutes: numbers(min, 0, 59, "minutes"),
    hours: numbers(hour, 0, 23, "hours"),
    ...(dom === "?" ? {} : { dayOfMonth: dayOfMonth(dom) }),
    months: numbers(month, 1, 12, "month", MONTHS),
    ...(dow === "?" ? {} : { dayOfWeek: dayOfWeek(dow) }),
    ...(year === "*" ? {} : { years: numbers(year, 1970, 2199, "year") }),
  };
}

function value(text: string, lo: number, hi: number, field: string, names?: readonly string[]): number {
  const named = names?.indexOf(text.toUpperCase()) ?? -1;
  const n = named >= 0 ? named + lo : /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < lo || n > hi) throw new ScheduleError(`${field}: \`${text}\` is not a value from ${lo} to ${hi}${names ? ` or ${names[0]}-${names[names.length - 1]}` : ""}`);
  return n;
}

/** `*`, `a`, `a-b`, `a/s`, `a-b/s`, `* /s`, comma lists of these. */
function numbers(text: string, lo: number, hi: number, field: string, names?: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (const part of text.split(",")) {
    if (part === "") throw new ScheduleError(`${field}: empty list item in \`${text}\``);
    const [range = "", stepText] = part.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new ScheduleError(`${field}: \`/${stepText ?? ""}\` is not a positive step`);
    let from: number;
    let to: number;
    if (range === "*") [from, to] = [lo, hi];
    else if (range.includes("-")) {
      const [a = "", b = ""] = range.split("-");
      from = value(a, lo, hi, field, names);
      to = value(b, lo, hi, field, names);
      if (to < from) throw new ScheduleError(`${field}: \`${range}\` runs backwards`);
    } else {
      from = value(range, lo, hi, field, names);
      to = stepText === undefined ? from : hi;
    }
    for (let n = from; n <= to; n += step) out.add(n);
  }
  return out;
}

function dayOfMonth(text: string): DayOfMonth {
  const days = new Set<number>();
  let last = false;
  let lastWeekday = false;
  const nearestWeekday: number[] = [];
  for (const part of text.split(",")) {
    if (part === "L") last = true;
    else if (part === "LW") lastWeekday = true;
    else if (/^\d+W$/.test(part)) nearestWeekday.push(value(part.slice(0, -1), 1, 31, "day-of-month"));
    else for (const n of numbers(part, 1, 31, "day-of-month")) days.add(n);
  }
  return { days, last, lastWeekday, nearestWeekday };
}

function dayOfWeek(text: string): DayOfWeek {
  const days = new Set<number>();
  const lastOf: number[] = [];
  const nth: { day: number; n: number }[] = [];
  for (const part of text.split(",")) {
    if (part === "L") days.add(7);
    else if (/L$/.test(part)) lastOf.push(value(part.slice(0, -1), 1, 7, "day-of-week", DAYS));
    else if (part.includes("#")) {
      const [d = "", n = ""] = part.split("#");
      nth.push({ day: value(d, 1, 7, "day-of-week", DAYS), n: value(n, 1, 5, "day-of-week (#)") });
    } else for (const n of numbers(part, 1, 7, "day-of-week", DAYS)) days.add(n);
  }
  return { days, lastOf, nth };
}

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Does the cron's date part (day, month, year) match this UTC day? */
function dayMatches(s: Extract<Schedule, { kind: "cron" }>, year: number, month: number, day: number): boolean {
  if (s.years !== undefined && !s.years.has(year)) return false;
  if (!s.months.has(month)) return false;
  const dim = daysInMonth(year, month);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1; // 1 = Sunday
  const dom = s.dayOfMonth;
  if (dom !== undefined) {
    if (dom.days.has(day) || (dom.last && day === dim)) return true;
    if (dom.lastWeekday && day === nearestWeekdayTo(year, month, dim)) return true;
    return dom.nearestWeekday.some((n) => n <= dim && day === nearestWeekdayTo(year, month, n));
  }
  const dow = s.dayOfWeek;
  if (dow === undefined) return false;
  if (dow.days.has(weekday)) return true;
  if (dow.lastOf.includes(weekday) && day + 7 > dim) return true;
  return dow.nth.some((x) => x.day === weekday && Math.ceil(day / 7) === x.n);
}

/** The weekday nearest day `n` of the month, never leaving the month (the `W` rule). */
function nearestWeekdayTo(year: number, month: number, n: number): number {
  const dim = daysInMonth(year, month);
  const wd = new Date(Date.UTC(year, month - 1, n)).getUTCDay();
  if (wd === 6) return n === 1 ? 3 : n - 1; // Saturday → Friday, or Monday the 3rd
  if (wd === 0) return n === dim ? n - 2 : n + 1; // Sunday → Monday, or Friday before the month's end
  return n;
}

/** Every time the schedule fires in [from, to), ascending. A `rate()` counts from `from`. */
export function fireTimes(s: Schedule, from: number, to: number): number[] {
  const out: number[] = [];
  if (s.kind === "rate") {
    for (let t = from; t < to; t += s.everyMinutes * MINUTE) out.push(t);
    return out;
  }
  const minutes = [...s.minutes].sort((a, b) => a - b);
  const hours = [...s.hours].sort((a, b) => a - b);
  for (let day = Math.floor(from / DAY) * DAY; day < to; day += DAY) {
    const d = new Date(day);
    if (!dayMatches(s, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())) continue;
    for (const h of hours) for (const m of minutes) {
      const t = day + (h * 60 + m) * MINUTE;
      if (t >= from && t < to) out.push(t);
    }
  }
  return out;
}

/**
 * The horizon the gap is measured over: eight years, so every monthly, `#`, `L` and `W` pattern repeats and a leap
 * day is both seen and missed (a `29 2` schedule runs in 2028 and 2032 only). Years after the horizon are read from
 * the year field: a hole in a year list is a gap (`yearHoleGap`).
 */
export const GAP_HORIZON_DAYS = 8 * 366;
/** A fixed start, so the same schedule always gives the same answer (a Monday). */
export const GAP_EPOCH = Date.UTC(2027, 0, 4);

export interface ScheduleGap {
  /** The longest time between two consecutive backups, in minutes; Infinity when the schedules stop firing. */
  readonly worstMinutes: number;
  /** How many times the schedules fired over the horizon. */
  readonly fires: number;
}

type Cron = Extract<Schedule, { kind: "cron" }>;

/**
 * The worst-case gap between consecutive runs of several schedules together (a plan's rules all back up the same
 * selection). Cron schedules name absolute times, so their union is exact: the longest interval between one run and
 * the next over `GAP_HORIZON_DAYS` from `epoch`, counting the time from the last run to the horizon's end (a
 * schedule that stops gives a gap at least that long) and the holes of a year list (`2027,2031` runs in no year
 * between). One whose years all end, or that never fires, gives Infinity (after its last run there is no next one).
 * A `rate()` counts from when the rule was created, which the plan does not say: its runs may fall right beside the
 * cron runs, so with a rate the worst case is taken as the shortest of the rate and the cron union's gap (an upper
 * bound: never shorter than the truth).
 */
export function worstGap(schedules: readonly Schedule[], epoch: number = GAP_EPOCH): ScheduleGap {
  const end = epoch + GAP_HORIZON_DAYS * DAY;
  const crons = schedules.filter((s): s is Cron => s.kind === "cron");
  const rates = schedules.filter((s): s is Extract<Schedule, { kind: "rate" }> => s.kind === "rate");
  const { worst, fires } = cronGap(crons, epoch, end);
  const rateFires = rates.reduce((n, r) => n + Math.ceil((end - epoch) / (r.everyMinutes * MINUTE)), 0);
  const rateGap = rates.length > 0 ? Math.min(...rates.map((r) => r.everyMinutes)) : Infinity;
  return { worstMinutes: Math.min(worst, rateGap), fires: fires + rateFires };
}

/** The union's runs, day by day (no list of every run: a per-minute cron over eight years is millions). */
function cronGap(crons: readonly Cron[], epoch: number, end: number): { worst: number; fires: number } {
  let fires = 0;
  let prev: number | undefined;
  let worst = 0;
  for (let day = Math.floor(epoch / DAY) * DAY; day < end; day += DAY) {
    const today = [...new Set(crons.flatMap((s) => fireTimes(s, Math.max(day, epoch), Math.min(day + DAY, end))))].sort((a, b) => a - b);
    for (const t of today) {
      if (prev !== undefined) worst = Math.max(worst, t - prev);
      prev = t;
      fires++;
    }
  }
  if (prev === undefined || fires < 2) return { worst: Infinity, fires };
  // With every schedule limited to listed years, the last run may be the last run ever.
  if (crons.every((s) => s.years !== undefined)) {
    const lastYear = Math.max(...crons.flatMap((s) => (s.years ? [...s.years] : [])));
    if (lastYear <= new Date(end).getUTCFullYear()) return { worst: Infinity, fires };
    worst = Math.max(worst, yearHoleGap(crons));
  }
  // From the last run to the horizon's end: part of a real gap (the next run is later still).
  worst = Math.max(worst, end - prev);
  return { worst: worst / MINUTE, fires };
}

/** The longest gap across a hole (years no schedule lists): the last run before it to the first after it. */
function yearHoleGap(crons: readonly Cron[]): number {
  const sorted = [...new Set(crons.flatMap((s) => (s.years ? [...s.years] : [])))].sort((a, b) => a - b);
  let worst = 0;
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1] ?? 0;
    const b = sorted[i] ?? 0;
    if (b - a < 2) continue;
    const before = crons.flatMap((s) => fireTimes(s, Date.UTC(a, 0, 1), Date.UTC(a + 1, 0, 1)));
    const after = crons.flatMap((s) => fireTimes(s, Date.UTC(b, 0, 1), Date.UTC(b + 1, 0, 1)));
    if (before.length === 0 || after.length === 0) return Infinity;
    worst = Math.max(worst, Math.min(...after) - Math.max(...before));
  }
  return worst;
}

/** `90 min` → `1.5 h`; whole days as days. */
export function describeMinutes(minutes: number): string {
  if (!Number.isFinite(minutes)) return "no next run (the schedule stops)";
  if (minutes % 1440 === 0) return `${minutes / 1440} day(s)`;
  if (minutes % 60 === 0) return `${minutes / 60} h`;
  return `${(minutes / 60).toFixed(2).replace(/\.?0+$/, "")} h`;
}
