/**
 * Word lists of the time-expression recognizer, as regular-expression sources plus the lookups that
 * turn the matched words into numbers. Month and weekday names must be capitalised (or upper case) so
 * that "may" and "march" as verbs do not fire.
 */

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

const upperAlt = (words: readonly string[]): string => words.flatMap((w) => [w, w.toUpperCase()]).join('|');

/** A month name standing alone: full names, or abbreviations with their period. */
export const MONTH = `(?:(?:${upperAlt(MONTH_NAMES)})(?![\\w'])|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)\\.)`;
/** A month name before a day number, where an abbreviation may lack its period ("Jan 15"). */
export const MONTH_BEFORE_DAY = `(?:(?:${upperAlt(MONTH_NAMES)})|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?)`;

/** Month number 1-12 from any spelling the patterns accept. */
export function monthNumber(word: string): number {
  const key = word.slice(0, 3).toLowerCase();
  return ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(key) + 1;
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** A weekday name, capitalised or upper case. */
export const WEEKDAY = `(?:${upperAlt(WEEKDAY_NAMES)})`;

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayNumber(word: string): number {
  const key = word.slice(0, 3).toLowerCase();
  return ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].indexOf(key);
}

const UNITS_TEN = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const TEENS = ['eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

const NUMBER_WORDS = new Map<string, number>([
  ...UNITS_TEN.map((w, i) => [w, i + 1] as [string, number]),
  ...TEENS.map((w, i) => [w, i + 11] as [string, number]),
  ...TENS.map((w, i) => [w, (i + 2) * 10] as [string, number]),
  ['a', 1], ['an', 1], ['one', 1], ['a couple of', 2], ['couple of', 2], ['a dozen', 12], ['dozen', 12],
  ['hundred', 100], ['a hundred', 100], ['a thousand', 1000], ['half a', 0.5], ['half an', 0.5],
]);

const SPELLED = `(?:(?:${TENS.join('|')})(?:[\\s-](?:${UNITS_TEN.slice(0, 9).join('|')}))?|${TEENS.join('|')}|${UNITS_TEN.join('|')})`;
/** A count: digits ("12", "1 1/2", "2.5"), spelled numbers, or vague quantities ("several", "a few"). */
export const NUMBER = `(?:\\d+(?:[.,]\\d+)?(?:\\s+1\\/2)?|${SPELLED}(?:\\s+(?:hundred|thousand))?|a\\s+couple\\s+of|couple\\s+of|a\\s+few|a\\s+dozen|dozens\\s+of|a\\s+hundred|a\\s+thousand|half\\s+an?|an?|several|few|many|some|numerous)`;

/** The number a count stands for; null for a vague one ("several"). */
export function parseCount(words: string): number | null {
  const key = words.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^\d/.test(key)) {
    const n = Number(key.replace(/,/g, '').replace(/ 1\/2$/, '.5'));
    return Number.isFinite(n) ? n : null;
  }
  const known = NUMBER_WORDS.get(key);
  if (known !== undefined) return known;
  const compound = /^(\w+)[ -](\w+)$/.exec(key);
  if (compound) {
    const tens = NUMBER_WORDS.get(compound[1]);
    const ones = NUMBER_WORDS.get(compound[2]);
    if (tens !== undefined && ones !== undefined) return compound[2] === 'hundred' || compound[2] === 'thousand' ? tens * (compound[2] === 'hundred' ? 100 : 1000) : tens + ones;
  }
  return null;
}

/** Calendar units, singular or plural. */
export const UNIT = `(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|centur(?:y|ies))s?`;

/** The unit a matched word names, singular and lower case. */
export function unitOf(word: string): string {
  const w = word.toLowerCase();
  if (w.startsWith('centur')) return 'century';
  return w.endsWith('s') ? w.slice(0, -1) : w;
}

/** Words that shift a period: "early", "the end of", "mid-". */
export const PERIOD_PART = `(?:(?:the\\s+)?(?:very\\s+)?(?:early|late|mid|end\\s+of|beginning\\s+of|middle\\s+of|start\\s+of|(?:first|second|last|latter)\\s+half\\s+of|rest\\s+of)[\\s-]+)`;

/** Hedges before a count ("nearly two years"). */
export const HEDGE = `(?:(?:about|almost|nearly|some|more\\s+than|less\\s+than|fewer\\s+than|over|under|roughly|approximately|around|just|only|at\\s+least|at\\s+most|up\\s+to|no\\s+more\\s+than|another|an\\s+additional|the\\s+better\\s+part\\s+of)\\s+)`;

/** A four-digit year of the range news talks about. */
export const YEAR = `(?:1[5-9]\\d\\d|20\\d\\d)`;
