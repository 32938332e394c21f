/**
 * Proleptic Gregorian calendar arithmetic on plain `{ year, month, day }` triples, independent of the
 * host's time zone (all through `Date.UTC`).
 */

/** A calendar day; `month` is 1-12. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const MS_PER_DAY = 86_400_000;

/** Parses `YYYY-MM-DD`; null for anything else or an impossible day. */
export function parseIsoDay(iso: string | null): CalendarDay | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const day = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDay(day.year, day.month, day.day) ? day : null;
}

/** Whether the triple names a real day (30 February does not). */
export function isValidDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Days in a month (February by leap year). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toEpochDays(d: CalendarDay): number {
  return Math.round(Date.UTC(d.year, d.month - 1, d.day) / MS_PER_DAY);
}

function fromEpochDays(n: number): CalendarDay {
  const date = new Date(n * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The day `n` days later (negative: earlier). */
export function addDays(d: CalendarDay, n: number): CalendarDay {
  return fromEpochDays(toEpochDays(d) + n);
}

/** Adds whole months, clamping the day to the target month's length. */
export function addMonths(d: CalendarDay, n: number): CalendarDay {
  const index = d.year * 12 + (d.month - 1) + n;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(d: CalendarDay): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

/** Sign of a - b. */
export function compareDays(a: CalendarDay, b: CalendarDay): number {
  return toEpochDays(a) - toEpochDays(b);
}

/** The `nth` (1-based; -1 = last) given weekday of a month. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, nth: number): CalendarDay {
  if (nth > 0) {
    const first = weekdayOf({ year, month, day: 1 });
    return { year, month, day: 1 + ((weekday - first + 7) % 7) + (nth - 1) * 7 };
  }
  const lastDay = daysInMonth(year, month);
  const last = weekdayOf({ year, month, day: lastDay });
  return { year, month, day: lastDay - ((last - weekday + 7) % 7) };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function yearOk(year: number): boolean {
  return Number.isInteger(year) && year >= 0 && year <= 9999;
}

/** `YYYY`; null outside 0-9999. */
export function formatYear(year: number): string | null {
  return yearOk(year) ? String(year).padStart(4, '0') : null;
}

/** `YYYY-MM`; null outside years 0-9999. */
export function formatMonth(year: number, month: number): string | null {
  return yearOk(year) ? `${String(year).padStart(4, '0')}-${pad2(month)}` : null;
}

/** `YYYY-MM-DD`; null outside years 0-9999. */
export function formatDay(d: CalendarDay): string | null {
  return yearOk(d.year) ? `${String(d.year).padStart(4, '0')}-${pad2(d.month)}-${pad2(d.day)}` : null;
}
