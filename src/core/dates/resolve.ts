/**
 * Normalisation functions: turn a recognised expression's parts into a calendar value relative to the
 * publication date (the anchor), choosing past or future by the modifier word or the sentence's tense.
 */
import { addDays, addMonths, compareDays, formatDay, formatMonth, formatYear, isValidDay, weekdayOf } from './calendar';
import type { CalendarDay } from './calendar';
import type { Direction } from './tense';

/** How a modifier word shifts the period it governs: back one, the current one, forward one, or unknown. */
export type Shift = -1 | 0 | 1 | null;

const BACK = /^(?:last|past|this\s+past|the\s+past|the\s+last|the\s+previous|previous|the\s+prior|prior|the\s+preceding|earlier)$/i;
// "the following year" counts from an event named before, not from the publication date: no shift
const FORWARD = /^(?:next|coming|this\s+coming|the\s+coming|the\s+next|upcoming|the\s+upcoming)$/i;
const CURRENT = /^(?:this|the\s+(?:full|entire|whole)|the\s+current|current|the|this\s+year's|the\s+present)$/i;

/** Reads a modifier ("last", "the coming", "this"); null when there is none or it says nothing. */
export function shiftOf(modifier: string | undefined): Shift {
  if (!modifier) return null;
  const m = modifier.trim().replace(/\s+/g, ' ');
  if (BACK.test(m)) return -1;
  if (FORWARD.test(m)) return 1;
  if (CURRENT.test(m)) return 0;
  return null;
}

/** A weekday name (0 = Sunday) against the anchor: "last" is strictly before, "next" strictly after. */
export function resolveWeekday(anchor: CalendarDay, weekday: number, shift: Shift, direction: Direction): CalendarDay {
  const today = weekdayOf(anchor);
  if (shift === -1) return addDays(anchor, -(((today - weekday + 7) % 7) || 7));
  if (shift === 1) return addDays(anchor, ((weekday - today + 7) % 7) || 7);
  if (direction === 1) return addDays(anchor, (weekday - today + 7) % 7);
  return addDays(anchor, -((today - weekday + 7) % 7));
}

/**
 * The year of a month named without one ("in November"): by the modifier, else by tense, else the
 * nearest occurrence.
 */
export function yearOfMonth(anchor: CalendarDay, month: number, shift: Shift, direction: Direction): number {
  if (shift === -1) return month < anchor.month ? anchor.year : anchor.year - 1;
  if (shift === 1) return month > anchor.month ? anchor.year : anchor.year + 1;
  if (shift === 0) return anchor.year;
  if (direction === 1) return month >= anchor.month ? anchor.year : anchor.year + 1;
  if (direction === -1) return month <= anchor.month ? anchor.year : anchor.year - 1;
  const ahead = (month - anchor.month + 12) % 12;
  if (ahead === 0) return anchor.year;
  // no tense evidence: the nearer of the two, ties to the past as news mostly reports
  return ahead < 6 ? (month > anchor.month ? anchor.year : anchor.year + 1) : month < anchor.month ? anchor.year : anchor.year - 1;
}

/** Within this many days of the publication date, a month and day is taken as the nearest occurrence. */
const NEAR_DAYS = 60;

/**
 * The year of a month and day named without one ("Jan. 15"): the nearest occurrence when it is close
 * (deadlines and record dates lie ahead as often as events behind), else by tense.
 */
export function yearOfMonthDay(anchor: CalendarDay, month: number, day: number, direction: Direction): number {
  const candidates = [anchor.year - 1, anchor.year, anchor.year + 1].filter((y) => isValidDay(y, month, day));
  if (candidates.length === 0) return anchor.year;
  const distance = (y: number): number => compareDays({ year: y, month, day }, anchor);
  const nearest = candidates.reduce((best, y) => (Math.abs(distance(y)) < Math.abs(distance(best)) ? y : best));
  if (Math.abs(distance(nearest)) <= NEAR_DAYS || direction === 0) return nearest;
  if (direction === -1) return [...candidates].reverse().find((y) => distance(y) <= 0) ?? nearest;
  return candidates.find((y) => distance(y) >= 0) ?? nearest;
}

/** The value of "last year", "this month", "next week": only years and months have calendar values. */
export function relativePeriodValue(anchor: CalendarDay, unit: string, shift: Shift): string | null {
  if (shift === null) return null;
  if (unit === 'year') return formatYear(anchor.year + shift);
  if (unit === 'month') {
    const m = addMonths(anchor, shift);
    return formatMonth(m.year, m.month);
  }
  if (unit === 'day') return formatDay(addDays(anchor, shift));
  if (unit === 'week') {
    // a week has a calendar value only as the month that holds all of it (Monday to Sunday)
    const day = addDays(anchor, 7 * shift);
    const monday = addDays(day, -((weekdayOf(day) + 6) % 7));
    const sunday = addDays(monday, 6);
    return monday.month === sunday.month ? formatMonth(monday.year, monday.month) : null;
  }
  return null;
}

/** "the weekend", "this past weekend": the Saturday that starts it, by modifier or tense. */
export function weekendValue(anchor: CalendarDay, shift: Shift, direction: Direction): string | null {
  const saturday = 6;
  if (shift === -1 || shift === 1) return formatDay(resolveWeekday(anchor, saturday, shift, direction));
  // a weekend being talked about on a Sunday started the day before
  const sunday = weekdayOf(anchor) === 0;
  if (sunday && direction !== 1) return formatDay(addDays(anchor, -1));
  return formatDay(resolveWeekday(anchor, saturday, null, direction));
}

/**
 * "three years ago" (sign -1) or "two days later" (sign 1): the day that far from the anchor. The day is
 * as fine as it gets; a reader (or a scorer) cuts it to the granularity it needs.
 */
export function offsetValue(anchor: CalendarDay, count: number | null, unit: string, sign: -1 | 1): string | null {
  if (count === null || !Number.isInteger(count)) return null;
  const n = count * sign;
  switch (unit) {
    case 'year': return formatDay(addMonths(anchor, 12 * n));
    case 'decade': return formatYear(anchor.year + 10 * n);
    case 'month': return formatDay(addMonths(anchor, n));
    case 'week': return formatDay(addDays(anchor, 7 * n));
    case 'day': return formatDay(addDays(anchor, n));
    default: return null;
  }
}
