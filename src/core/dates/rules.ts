/**
 * The news lexicon of time expressions, HeidelTime-style: each rule is a precompiled pattern, the TIMEX3
 * type it yields and a normalisation function giving its calendar value against the publication date.
 * Spans follow the TimeML guidelines: determiners and modifiers in ("the past three years", "late last
 * July"), prepositions out ("in", "on", "since").
 */
import { addDays, formatDay, formatMonth, formatYear, isValidDay, nthWeekdayOfMonth } from './calendar';
import type { CalendarDay } from './calendar';
import { HEDGE, MONTH, MONTH_BEFORE_DAY, NUMBER, PERIOD_PART, UNIT, WEEKDAY, YEAR, monthNumber, parseCount, unitOf, weekdayNumber } from './lexicon';
import { offsetValue, relativePeriodValue, weekendValue, resolveWeekday, shiftOf, yearOfMonth, yearOfMonthDay } from './resolve';
import { leadChars, skipAhead } from './skipAhead';
import type { SkipAhead } from './skipAhead';
import { adjacentHint } from './tense';
import type { Direction } from './tense';
import type { TimexType } from '../types';

/** What a normalisation function may ask about its match. */
export interface MatchContext {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The publication date; null when unknown (relative expressions then get no value). */
  readonly anchor: CalendarDay | null;
  /** Tense direction of the sentence around the match (computed on demand). */
  direction(): Direction;
}

type Groups = Record<string, string | undefined>;

/** One pattern of the lexicon. */
export interface TimexRule {
  readonly name: string;
  readonly type: TimexType;
  readonly pattern: RegExp;
  /** Rejects a match that only looks like a time expression ("may" the verb, "$1990"). */
  readonly accept?: (groups: Groups, context: MatchContext) => boolean;
  readonly value?: (groups: Groups, context: MatchContext) => string | null;
  /** The type when it depends on the match ("Tuesday night" is a TIME, "Tuesdays" a SET). */
  readonly typeOf?: (groups: Groups) => TimexType;
  /** Where matches can start; without it the pattern tries every position. */
  readonly skip?: SkipAhead;
}

const SHIFT_WORD = `(?:the\\s+(?:full|entire|whole|early|late)|this\\s+past|this\\s+coming|the\\s+past|the\\s+last|the\\s+previous|the\\s+prior|the\\s+coming|the\\s+next|the\\s+following|the\\s+current|the\\s+same|the\\s+latest|last|next|this|past|coming|previous|current|that|the)`;
const TIME_OF_DAY = `(?:morning|afternoon|evening|night|overnight)`;
// a year is not followed by more digits or a percent sign
const YEAR_END = `(?!\\d|,\\d|\\.\\d|%|-(?:year|month|day|week))`;

// Skip-ahead anchors (see skipAhead.ts): each rule's anchor words begin a word in every match, with
// only its lead characters before them. Every month name in a pattern starts a word with one of these
// stems; every unit follows a space or hyphen.
const MONTH_STEMS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const UNIT_STEMS = ['second', 'minute', 'hour', 'day', 'night', 'week', 'fortnight', 'month', 'quarter', 'year', 'decade', 'centur'];
const LETTERS = leadChars();
const HYPHENATED = leadChars('-');
const COMMA_LEAD = leadChars(','); // "Tuesday, Jan. 15"
const DAY_LEAD = leadChars('0123456789,'); // "Tuesday, the 15th of January"
const CLOCK_LEAD = leadChars('0123456789:-'); // the anchor is the last digit of "about 10:30 a.m."
const YEARS_LEAD = leadChars("0123456789'’-"); // "last year's third", "the mid-1990s", "the 21st century"
const COUNT_LEAD = leadChars('0123456789-', '.,/'); // "nearly 2.5", "1,000", "1 1/2"

const SPOKEN_YEAR = `(?:nineteen[\\s-]+(?:ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|two\\s+thousand(?:\\s+and)?(?:[\\s-]+(?:one|two|three|four|five|six|seven|eight|nine|ten))?)\\b`;

/** "nineteen ninety-six" gives 1996, "two thousand and one" 2001. */
function spokenYear(words: string): number | null {
  const w = words.toLowerCase();
  const nineteen = /nineteen[\s-]+(\w+)(?:[\s-]+(\w+))?/.exec(w);
  if (nineteen) return 1900 + (parseCount(nineteen[1]) ?? 0) + (nineteen[2] ? parseCount(nineteen[2]) ?? 0 : 0);
  const twoThousand = /two\s+thousand(?:\s+and)?(?:[\s-]+(\w+))?/.exec(w);
  if (twoThousand) return 2000 + (twoThousand[1] ? parseCount(twoThousand[1]) ?? 0 : 0);
  return null;
}

const AWARD_BEFORE = /\b(?:album|book|film|movie|player|record|song|single|act|artist|team|person|man|woman|goal|coach|manager|car|product|company|event|newcomer|show|programme|program|story)\s+of\s+$/i;

const isCapitalised = (word: string | undefined): boolean => !!word && /^[A-Z]/.test(word);

/** Characters before a year that make it an amount or an identifier ("$1990", "No. 2000", "1,2000"). */
function plausibleYear(context: MatchContext, yearText: string): boolean {
  const at = context.text.lastIndexOf(yearText, context.end);
  const before = context.text.slice(Math.max(0, at - 5), at);
  if (/(?:[$£€#\d/]|\d[.,-]|No\.\s?)$/.test(before)) return false;
  const after = context.text.slice(at + yearText.length, at + yearText.length + 14);
  // a unit glued on ("1500m") makes a measure; a capital glued on is a scraped dateline ("2019China News")
  if (/^[a-z]/.test(after)) return false;
  return !/^\s+(?:people|persons|troops|soldiers|workers|employees|shares|students|feet|meters|metres|miles|kilometers|tons|tonnes|units|cars|homes|jobs|deaths|votes|yards|pounds|points|acres|barrels|copies|members)\b/i.test(after);
}

function yearFromTwoDigits(text: string): number {
  const n = Number(text);
  return text.length === 2 ? (n < 50 ? 2000 + n : 1900 + n) : n;
}

function dayValue(year: number, month: number, day: number): string | null {
  return isValidDay(year, month, day) ? formatDay({ year, month, day }) : null;
}

/** "Jan. 15" and "15 January": the year from the text, else by tense around the publication date. */
function monthDayValue(g: Groups, c: MatchContext): string | null {
  const month = monthNumber(g.mon ?? '');
  const day = Number(g.day);
  if (g.year) return dayValue(Number(g.year), month, day);
  if (!c.anchor) return null;
  // deadlines and record dates lie ahead as often as events behind: take the nearest occurrence
  const shift = shiftOf(g.shift);
  const direction = shift === -1 || shift === 1 ? shift : adjacentHint(c.text, c.start) || c.direction();
  return dayValue(yearOfMonthDay(c.anchor, month, day, direction), month, day);
}

/** Fixed-date holidays and the US floating ones. */
function holidayDay(name: string, year: number): CalendarDay | null {
  const key = name.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ');
  if (key.startsWith('christmas eve')) return { year, month: 12, day: 24 };
  if (key.startsWith('christmas')) return { year, month: 12, day: 25 };
  if (key.startsWith("new year's eve")) return { year, month: 12, day: 31 };
  if (key.startsWith('new year')) return { year, month: 1, day: 1 };
  if (key.startsWith('halloween')) return { year, month: 10, day: 31 };
  if (key.startsWith('valentine')) return { year, month: 2, day: 14 };
  if (key.startsWith('independence day') || key.includes('fourth of july') || key.includes('july fourth')) return { year, month: 7, day: 4 };
  if (key.startsWith('veterans')) return { year, month: 11, day: 11 };
  if (key.startsWith('thanksgiving')) return nthWeekdayOfMonth(year, 11, 4, 4);
  if (key.startsWith('election day')) return addDays(nthWeekdayOfMonth(year, 11, 1, 1), 1);
  if (key.startsWith('labor day')) return nthWeekdayOfMonth(year, 9, 1, 1);
  if (key.startsWith('memorial day')) return nthWeekdayOfMonth(year, 5, 1, -1);
  return null;
}

/** Day named by "today", "yesterday", "last night" and the like. */
function deicticDay(word: string, anchor: CalendarDay): CalendarDay | null {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  if (w.startsWith('yesterday') || w === 'last night' || w === 'overnight') return addDays(anchor, -1);
  if (w.startsWith('tomorrow')) return addDays(anchor, 1);
  if (w.startsWith('today') || w.startsWith('tonight') || w.startsWith('this')) return anchor;
  return null;
}

const rule = (name: string, type: TimexType, source: string, extra: Omit<TimexRule, 'name' | 'type' | 'pattern'> = {}): TimexRule => ({
  name,
  type,
  pattern: new RegExp(source, 'gi'),
  ...extra,
});

/** The rules, most specific first: on spans of equal length the earlier rule wins. */
export const TIMEX_RULES: readonly TimexRule[] = [
  rule('iso-date', 'DATE', `\\b(?<year>(?:19|20)\\d\\d)-(?<month>0[1-9]|1[0-2])-(?<day>0[1-9]|[12]\\d|3[01])\\b`, {
    value: (g) => dayValue(Number(g.year), Number(g.month), Number(g.day)),
  }),
  rule('slash-date', 'DATE', `\\b(?<month>0?[1-9]|1[0-2])\\/(?<day>0?[1-9]|[12]\\d|3[01])\\/(?<year>\\d{4}|\\d{2})(?![\\d/])`, {
    value: (g) => dayValue(yearFromTwoDigits(g.year ?? ''), Number(g.month), Number(g.day)),
  }),
  rule('slashed-iso-date', 'DATE', `\\b(?<year>(?:19|20)\\d\\d)\\/(?<month>0?[1-9]|1[0-2])\\/(?<day>0?[1-9]|[12]\\d|3[01])\\b`, {
    value: (g) => dayValue(Number(g.year), Number(g.month), Number(g.day)),
  }),
  // day first with dots, as written outside the US ("15.01.2019")
  rule('dotted-date', 'DATE', `\\b(?<day>0?[1-9]|[12]\\d|3[01])\\.(?<month>0?[1-9]|1[0-2])\\.(?<year>(?:19|20)\\d\\d)\\b`, {
    value: (g) => dayValue(Number(g.year), Number(g.month), Number(g.day)),
  }),
  rule('compact-date', 'DATE', `\\b(?<year>(?:19|20)\\d\\d)(?<month>0[1-9]|1[0-2])(?<day>0[1-9]|[12]\\d|3[01])\\b`, {
    value: (g) => dayValue(Number(g.year), Number(g.month), Number(g.day)),
  }),
  rule('month-day', 'DATE',
    `(?:\\b(?<shift>last|next|this\\s+past|this\\s+coming|this|coming|past)\\s+)?(?:\\b(?<wd>${WEEKDAY}),?\\s+)?\\b(?<mon>${MONTH_BEFORE_DAY})\\s*(?<day>[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\\d|:\\d)(?:,?\\s+(?<year>${YEAR})${YEAR_END})?`, {
    skip: skipAhead({ words: MONTH_STEMS }, COMMA_LEAD),
      accept: (g) => isCapitalised(g.mon) && (g.wd === undefined || isCapitalised(g.wd)),
      value: monthDayValue,
    }),
  rule('day-month', 'DATE',
    `(?:\\b(?<wd>${WEEKDAY}),?\\s+)?\\b(?:the\\s+)?(?<day>[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<mon>${MONTH})(?:,?\\s+(?<year>${YEAR})${YEAR_END})?`, {
    skip: skipAhead({ words: MONTH_STEMS }, DAY_LEAD),
      accept: (g) => isCapitalised(g.mon),
      value: monthDayValue,
    }),
  rule('month-year', 'DATE', `${PERIOD_PART}?\\b(?<mon>${MONTH}),?\\s+(?:of\\s+)?(?:(?<year>${YEAR})${YEAR_END}|(?<shift>this|last|next)\\s+year\\b|(?<spoken>${SPOKEN_YEAR}))`, {
    skip: skipAhead({ words: MONTH_STEMS }, HYPHENATED),
    accept: (g) => isCapitalised(g.mon),
    value: (g, c) => {
      const month = monthNumber(g.mon ?? '');
      if (g.year) return formatMonth(Number(g.year), month);
      if (g.spoken) return formatMonth(spokenYear(g.spoken) ?? NaN, month);
      return c.anchor ? formatMonth(c.anchor.year + (shiftOf(g.shift) ?? 0), month) : null;
    },
  }),
  rule('month', 'DATE', `${PERIOD_PART}?(?:\\b(?<shift>last|next|this\\s+past|this\\s+coming|this|coming|past)\\s+)?\\b(?<mon>${MONTH})`, {
    skip: skipAhead({ words: MONTH_STEMS }, HYPHENATED),
    accept: (g, c) => {
      if (!isCapitalised(g.mon)) return false;
      // "May" is mostly the modal verb: want a modifier or a preposition before it
      if (!/^may$/i.test(g.mon ?? '') || g.shift) return true;
      const monthStart = c.end - (g.mon ?? '').length; // the pattern ends with the month name
      return /\b(?:in|since|until|till|by|of|during|through|from|to|before|after|early|late|mid|between|and|or)[\s-]+$/i.test(c.text.slice(Math.max(0, monthStart - 12), monthStart));
    },
    value: (g, c) => {
      if (!c.anchor) return null;
      const month = monthNumber(g.mon ?? '');
      return formatMonth(yearOfMonth(c.anchor, month, shiftOf(g.shift), c.direction()), month);
    },
  }),
  rule('holiday', 'DATE',
    `(?:\\b(?<shift>last|next|this)\\s+)?\\b(?<name>Christmas(?:\\s+(?:Day|Eve))?|New\\s+Year['’]s(?:\\s+(?:Day|Eve))?|Thanksgiving(?:\\s+Day)?|Easter(?:\\s+Sunday)?|Independence\\s+Day|Labor\\s+Day|Memorial\\s+Day|Veterans\\s+Day|Election\\s+Day|Halloween|Valentine['’]s\\s+Day|Mother['’]s\\s+Day|Father['’]s\\s+Day|the\\s+Fourth\\s+of\\s+July|July\\s+Fourth|Ramadan|Hanukkah|Passover|Yom\\s+Kippur|Rosh\\s+Hashanah)\\b(?:,?\\s+(?<year>${YEAR})${YEAR_END})?`, {
    skip: skipAhead({ words: ['christmas', 'new', 'thanksgiving', 'easter', 'independence', 'labor', 'memorial', 'veterans', 'election', 'halloween', 'valentine', 'mother', 'father', 'fourth', 'july', 'ramadan', 'hanukkah', 'passover', 'yom', 'rosh'] }, LETTERS),
      accept: (g) => isCapitalised(g.name?.replace(/^the\s+/, '')),
      value: (g, c) => {
        const name = g.name ?? '';
        if (g.year) {
          const d = holidayDay(name, Number(g.year));
          return d ? formatDay(d) : null;
        }
        if (!c.anchor) return null;
        const probe = holidayDay(name, c.anchor.year);
        if (!probe) return null;
        const shift = shiftOf(g.shift);
        const direction = shift === -1 ? -1 : shift === 1 ? 1 : c.direction();
        const d = holidayDay(name, yearOfMonthDay(c.anchor, probe.month, probe.day, direction));
        return d ? formatDay(d) : null;
      },
    }),
  rule('weekday', 'DATE',
    `(?:\\b(?:early|late|mid-?)\\s*)?(?:\\b(?<shift>last|next|this\\s+past|this\\s+coming|this|coming|past|the\\s+previous|the\\s+following)\\s+)?\\b(?<wd>${WEEKDAY})(?<plural>s)?\\b(?:\\s+(?<tod>${TIME_OF_DAY}s?)\\b)?`, {
    skip: skipAhead({ words: ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] }, HYPHENATED),
      accept: (g) => isCapitalised(g.wd),
      typeOf: (g) => (g.plural ? 'SET' : g.tod ? 'TIME' : 'DATE'),
      value: (g, c) => {
        if (!c.anchor || g.plural) return null;
        return formatDay(resolveWeekday(c.anchor, weekdayNumber(g.wd ?? ''), shiftOf(g.shift), c.direction()));
      },
    }),
  rule('deictic-day', 'DATE',
    `(?:\\b(?:early|late|later|earlier)\\s+)?\\b(?<word>the\\s+day\\s+before\\s+yesterday|the\\s+day\\s+after\\s+tomorrow|yesterday|today|tonight|tomorrow|(?:this|last)\\s+${TIME_OF_DAY}|overnight)\\b(?:\\s+(?<tod>${TIME_OF_DAY})\\b)?`, {
    skip: skipAhead({ words: ['yesterday', 'today', 'tonight', 'tomorrow', 'overnight', 'morning', 'afternoon', 'evening', 'night'] }, LETTERS),
      typeOf: (g) => (g.tod || /night|morning|afternoon|evening|tonight/i.test(g.word ?? '') ? 'TIME' : 'DATE'),
      value: (g, c) => {
        if (!c.anchor) return null;
        const word = (g.word ?? '').toLowerCase();
        if (word.includes('before yesterday')) return formatDay(addDays(c.anchor, -2));
        if (word.includes('after tomorrow')) return formatDay(addDays(c.anchor, 2));
        const d = deicticDay(word, c.anchor);
        return d ? formatDay(d) : null;
      },
    }),
  rule('clock-time', 'TIME',
    `(?:\\b(?:about|around|approximately|shortly\\s+(?:before|after)|just\\s+(?:before|after))\\s+)?\\b(?<clock>(?:[01]?\\d|2[0-3])(?::[0-5]\\d)?\\s*(?:a\\.m\\.?|p\\.m\\.?|am\\b|pm\\b|o'clock\\b)|noon|midnight|midday|(?:mid-?)?(?:morning|afternoon))(?:\\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|local\\s+time))?(?:,?\\s+(?<wd>${WEEKDAY}|today|yesterday|tomorrow|tonight)\\b)?`, {
    skip: skipAhead({ words: ['noon', 'mid', 'morning', 'afternoon'], other: `\\d\\s*(?:a\\.m|p\\.m|am\\b|pm\\b|o'clock)` }, CLOCK_LEAD),
      accept: (g) => !/^(?:mid-?)?(?:morning|afternoon)$/i.test(g.clock ?? '') || g.wd !== undefined,
      value: (g, c) => {
        if (!c.anchor || !g.wd) return null;
        const wd = weekdayNumber(g.wd);
        const d = wd >= 0 && /^[A-Z]/.test(g.wd) ? resolveWeekday(c.anchor, wd, null, c.direction()) : deicticDay(g.wd, c.anchor);
        return d ? formatDay(d) : null;
      },
    }),
  rule('part-of-day', 'TIME', `\\b(?:the\\s+|early\\s+|late\\s+)(?:morning|afternoon|evening)\\b`, { skip: skipAhead({ words: ['morning', 'afternoon', 'evening'] }, LETTERS) }),
  rule('ago', 'DATE',
    `${HEDGE}?\\b(?<count>${NUMBER})[\\s-]+(?<unit>${UNIT})(?:\\s+or\\s+so)?\\s+(?<dir>ago|earlier|before|later|after|from\\s+now|hence|previously|back)\\b`, {
    skip: skipAhead({ words: UNIT_STEMS }, COUNT_LEAD),
      value: (g, c) => {
        if (!c.anchor) return null;
        const dir = (g.dir ?? '').toLowerCase();
        // "a year earlier" in a report is relative to the period just named, which in news is almost
        // always the reporting period: read it from the publication date like "ago"
        const sign = /^(?:later|after|from|hence)/.test(dir) ? 1 : -1;
        return offsetValue(c.anchor, parseCount(g.count ?? ''), unitOf(g.unit ?? ''), sign);
      },
    }),
  rule('year-ago-adjective', 'DATE',
    `\\b(?:the\\s+)?(?:comparable\\s+|corresponding\\s+|same\\s+)?year-(?:earlier|ago)(?:\\s+(?:fiscal\\s+)?(?:(?:first|second|third|fourth)(?:-|\\s+))?(?:quarter|period|half|nine\\s+months|six\\s+months|months|year))?\\b`, {
    skip: skipAhead({ words: ['year-earlier', 'year-ago'] }, LETTERS),
      value: (_g, c) => (c.anchor ? formatYear(c.anchor.year - 1) : null),
    }),
  rule('quarter', 'DATE',
    `(?:\\b(?:the|its|this|that|a|each|last\\s+year['’]s|this\\s+year['’]s|next\\s+year['’]s|the\\s+${YEAR})\\s+)?(?:\\b(?:fiscal|calendar|current|latest|previous|same|comparable|corresponding|year-earlier|year-ago|final|flat|first|second|third|fourth|1st|2nd|3rd|4th|last|past|next|coming|recent|${YEAR})(?:-|\\s+)){1,3}(?:fiscal(?:-|\\s+))?(?<what>quarter|half|period)s?\\b(?:\\s+(?:of|in)\\s+(?:${YEAR}\\b|(?:this|last|next)\\s+year|the\\s+year|fiscal\\s+${YEAR}))?|\\b(?:the|this|that|next|last)\\s+quarter\\b(?!\\s+of\\s+(?:a|an|the|its|all)\\b)|\\bquarter-to-quarter\\b`, {
    skip: skipAhead({ words: ['quarter', 'half', 'period'] }, YEARS_LEAD),
      // a quarter or half is no calendar value, but its year is ("the 1988 period", "the third quarter of 1990")
      value: (_g, c) => {
        const year = /\b(1[5-9]\d\d|20\d\d)\b/.exec(c.text.slice(c.start, c.end));
        return year ? formatYear(Number(year[1])) : null;
      },
    }),
  rule('relative-period', 'DATE',
    `${PERIOD_PART}?(?:\\b(?:earlier|later)\\s+(?:(?:in|on)\\s+)?)?\\b(?<shift>${SHIFT_WORD})\\s+(?:fiscal\\s+|calendar\\s+)?(?<unit>week|weekend|month|year|decade|century|summer|winter|spring|fall|autumn|season|fiscal\\s+year)\\b(?!-)(?:\\s+or\\s+so\\b)?`, {
    skip: skipAhead({ words: ['week', 'month', 'year', 'decade', 'century', 'summer', 'winter', 'spring', 'fall', 'autumn', 'season'] }, HYPHENATED),
      accept: (g, c) => {
        if (/^that$/i.test(g.shift ?? '') && !/year|month|week|day/i.test(g.unit ?? '')) return false;
        // an award ("album of the year", "Book of the Year") names no time
        return !(/^the$/i.test(g.shift ?? '') && (/^Year/.test(g.unit ?? '') || AWARD_BEFORE.test(c.text.slice(Math.max(0, c.start - 30), c.start))));
      },
      value: (g, c) => {
        if (!c.anchor) return null;
        const unit = (g.unit ?? '').toLowerCase().replace(/^fiscal\s+/, '');
        const shift = /^(?:that|the\s+same)$/i.test(g.shift ?? '') ? null : shiftOf(g.shift);
        if (unit === 'weekend') return /^(?:that|the\s+same)$/i.test(g.shift ?? '') ? null : weekendValue(c.anchor, shift === 0 ? null : shift, c.direction());
        return relativePeriodValue(c.anchor, unit, shift);
      },
    }),
  rule('year-end', 'DATE', `\\b(?:(?:the\\s+)?year[\\s-]end|(?:the\\s+)?end\\s+of\\s+the\\s+(?:year|month|week|quarter)|year['’]s\\s+end|the\\s+turn\\s+of\\s+the\\s+century)\\b`, {
    skip: skipAhead({ words: ['end', 'turn'] }, YEARS_LEAD),
    value: (_g, c) => {
      if (!c.anchor) return null;
      const words = c.text.slice(c.start, c.end).toLowerCase();
      // "since year-end" looks back to the end of last year
      if (/year[\s-]end/.test(words)) return formatDay({ year: c.anchor.year - (/\bsince\s+$/i.test(c.text.slice(Math.max(0, c.start - 7), c.start)) ? 1 : 0), month: 12, day: 31 });
      if (/end of the month/.test(words)) return formatMonth(c.anchor.year, c.anchor.month);
      if (/end of the year|year['’]s end/.test(words)) return formatYear(c.anchor.year);
      return null;
    },
  }),
  rule('decade', 'DATE',
    `${PERIOD_PART}?(?:\\bthe\\s+(?:(?:early|late|mid)[\\s-]*)?)?(?:\\b(?:${YEAR})s\\b|['’]\\d0s\\b|\\b(?:the\\s+)?(?:1\\d|20|2\\d|[1-9])(?:st|nd|rd|th)[\\s-]+century\\b|\\b(?:nineteen\\s+)?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\\b)`, { skip: skipAhead({ words: ['century', 'twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'], other: `\\ds\\b` }, YEARS_LEAD) }),
  rule('year', 'DATE',
    `${PERIOD_PART}?(?:\\b(?:fiscal|calendar|the\\s+year|(?:the\\s+)?(?:early|late|mid)-?)\\s*)?\\b(?<year>${YEAR})${YEAR_END}(?:-(?<to>\\d{2,4})\\b)?`, {
    skip: skipAhead({ words: [], other: `\\b(?:1[5-9]|20)\\d\\d` }, HYPHENATED),
      accept: (g, c) => plausibleYear(c, g.year ?? ''),
      value: (g) => (g.to ? null : formatYear(Number(g.year))),
    }),
  rule('spoken-year', 'DATE', `\\b(?:the\\s+year\\s+)?${SPOKEN_YEAR}`, {
    skip: skipAhead({ words: ['nineteen', 'thousand'] }, LETTERS),
    value: (_g, c) => {
      const y = spokenYear(c.text.slice(c.start, c.end));
      return y === null ? null : formatYear(y);
    },
  }),
  rule('duration', 'DURATION',
    `(?:\\b(?:the|each\\s+of\\s+the|all\\s+of\\s+the)\\s+)?(?:\\b(?:past|last|next|first|final|previous|coming|following|latest|recent|remaining|additional|initial|same|entire|whole|full|subsequent|ensuing|preceding)\\s+)?${HEDGE}?\\b(?<count>${NUMBER})(?:\\s+(?:or|to|and)\\s+(?:${NUMBER}))?(?:\\s+(?:more|additional|full|straight|consecutive|trading|business|calendar|long|short))?[\\s-]+(?<unit>${UNIT})\\b(?<age>[\\s-]+old\\b)?(?:[\\s-]+long\\b)?(?:\\s+(?:or\\s+so|and\\s+a\\s+half)\\b)?`, {
    skip: skipAhead({ words: UNIT_STEMS }, COUNT_LEAD),
      accept: (g, c) => {
        if (g.age) return false; // ages ("a 52-year-old") are not time expressions in TimeML
        const unit = unitOf(g.unit ?? '');
        const after = c.text.slice(c.end, c.end + 4);
        // fractions and ordinals: "three-quarters", "a quarter of", "a second time"
        if (unit === 'quarter' && (/^\s+of\b/.test(after) || /^(?:a|an|\w+-)$/i.test(g.count ?? '') || /-quarters?$/i.test(c.text.slice(c.start, c.end)))) return false;
        if (unit === 'second' && /^(?:a|an)$/i.test(g.count ?? '')) return false;
        // "2005 years" is far likelier a garbled year than a span of two millennia
        return !(/^\d{4}$/.test(g.count ?? '') && unit === 'year');
      },
    }),
  rule('vague-duration', 'DURATION',
    `\\b(?:(?:the\\s+)?(?:past|last|next|coming|recent|previous|ensuing|following)\\s+(?:(?:few|several|many)\\s+)?|recent\\s+)(?<unit>${UNIT})\\b|\\b(?:years|months|weeks|days|decades|centuries|hours)\\b(?:\\s+or\\s+(?:years|months|weeks|days|decades))?|\\ba\\s+(?:long\\s+|short\\s+)?while\\b|\\bovernight\\b|\\b(?:day|week|month|year|decade)s?-long\\b`, { skip: skipAhead({ words: [...UNIT_STEMS, 'while', 'overnight'] }, LETTERS) }),
  rule('set', 'SET',
    `\\b(?:daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|bimonthly|semiannually|semi-annually|every\\s+(?:other\\s+)?(?:(?:${NUMBER})\\s+)?(?:${UNIT}|morning|evening|night|${WEEKDAY}s?)|each\\s+(?:${UNIT}|${WEEKDAY}|morning|evening|night)|(?:once|twice|(?:${NUMBER})\\s+times)\\s+(?:a|an|per|each|every)\\s+(?:${UNIT})|per\\s+(?:(?!second)${UNIT}))\\b`, { skip: skipAhead({ words: ['daily', 'weekly', 'monthly', 'annually', 'yearly', 'hourly', 'nightly', 'biweekly', 'bimonthly', 'semi', 'every', 'each', 'once', 'twice', 'times', 'per'] }, COUNT_LEAD) }),
  rule('reference', 'DATE',
    `\\b(?:right\\s+now|now|nowadays|currently|current(?!\\s+accounts?\\b)|presently|at\\s+present|these\\s+days|recently|recent|lately|the\\s+past|the\\s+(?:near\\s+|distant\\s+|foreseeable\\s+)?future|the\\s+(?:near|short|long)\\s+term|the\\s+time\\s+being|as\\s+soon\\s+as\\s+possible|a\\s+later\\s+date)\\b`, { skip: skipAhead({ words: ['now', 'current', 'present', 'days', 'recent', 'lately', 'past', 'future', 'term', 'being', 'possible', 'date'] }, LETTERS) }),
];
