/** A publication date read off a dateline, and what follows it on the line. */
export interface Dateline {
  /** `YYYY-MM-DD`. */
  date: string;
  /** Offset (in the matched string) just past the date itself. */
  dateEnd: number;
  /** What follows the date on the same line (a section name such as `China News`, or a time). */
  rest: string;
}

const MONTH_NUMBERS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)';
const PREFIX = String.raw`^(?:(?:Updated|Published|Posted|Last updated)(?: on)?:?\s*)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?`;
const MONTH_DAY_YEAR = new RegExp(PREFIX + MONTH + String.raw`\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})`, 'i');
const DAY_MONTH_YEAR = new RegExp(PREFIX + String.raw`(\d{1,2})\s+` + MONTH + String.raw`\.?,?\s+(\d{4})`, 'i');
const ISO_DATE = new RegExp(PREFIX + String.raw`(\d{4})-(\d{2})-(\d{2})(?!\d)`);

/** Longest line that is still read as a dateline (longer lines are prose). */
export const MAX_DATELINE_LENGTH = 120;

/**
 * Reads a line that opens with a date (`January 15, 2019China News`, `Updated: Jan. 3, 2019 10:30 AM`,
 * `15 January 2019`, `2019-01-15`). Returns undefined for any other line, and for impossible dates.
 */
export function readDateline(line: string): Dateline | undefined {
  if (line.length > MAX_DATELINE_LENGTH) return undefined;
  let m = MONTH_DAY_YEAR.exec(line);
  let year: number, month: number, day: number;
  if (m) {
    month = MONTH_NUMBERS[m[1].toLowerCase()];
    day = Number(m[2]);
    year = Number(m[3]);
  } else if ((m = DAY_MONTH_YEAR.exec(line))) {
    day = Number(m[1]);
    month = MONTH_NUMBERS[m[2].toLowerCase()];
    year = Number(m[3]);
  } else if ((m = ISO_DATE.exec(line))) {
    year = Number(m[1]);
    month = Number(m[2]);
    day = Number(m[3]);
  } else {
    return undefined;
  }
  if (!isValidDate(year, month, day)) return undefined;
  const dateEnd = m.index + m[0].length;
  return { date: formatDate(year, month, day), dateEnd, rest: line.slice(dateEnd) };
}

/** True for a real calendar day in years 1000..2999. */
export function isValidDate(year: number, month: number, day: number): boolean {
  if (year < 1000 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= days[month - 1];
}

function formatDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A date found inside a short line, with where it stands. */
export interface DateInLine {
  date: string;
  /** Offsets of the date's text in the line. */
  start: number;
  end: number;
}

// Month names of the languages scraped news pages are most often in; abbreviations with or without a period.
const MONTHS_BY_NAME: Record<string, number> = { ...MONTH_NUMBERS };
[
  ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  ['januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'],
  ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
  ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
  ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
].forEach((names) => names.forEach((n, i) => { MONTHS_BY_NAME[n] = i + 1; }));
const MONTH_ALT = Object.keys(MONTHS_BY_NAME).sort((a, b) => b.length - a.length).join('|');
const ANY_MONTH_DAY_YEAR = new RegExp(String.raw`(?<![\p{L}])(${MONTH_ALT})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)`, 'giu');
const ANY_DAY_MONTH_YEAR = new RegExp(String.raw`(?<!\d)(\d{1,2})(?:st|nd|rd|th|\.|º)?\s+(?:de\s+)?(${MONTH_ALT})\.?,?\s+(?:de\s+)?(\d{4})(?!\d)`, 'giu');
const ANY_ISO = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g;
const NUMERIC = /(?<![\d./-])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?![\d./-])/g;

/**
 * Every calendar date written in a line: month-name forms in several languages (`Nov. 20, 2019`, `20 November
 * 2019`, `20 de noviembre de 2019`), ISO dates and times, and numeric `20/11/2019` or `20.11.2019` (day first
 * unless only month-first is possible, or `monthFirst` is set and both are). Impossible dates are left out.
 */
export function datesInLine(line: string, monthFirst = false): DateInLine[] {
  const out: DateInLine[] = [];
  if (line.length > 400) line = line.slice(0, 400);
  const push = (year: number, month: number | undefined, day: number, start: number, end: number) => {
    if (!month || !isValidDate(year, month, day)) return;
    if (out.some((d) => start < d.end && d.start < end)) return;
    out.push({ date: formatDate(year, month, day), start, end });
  };
  for (const m of line.matchAll(ANY_MONTH_DAY_YEAR)) push(Number(m[3]), MONTHS_BY_NAME[m[1].toLowerCase()], Number(m[2]), m.index, m.index + m[0].length);
  for (const m of line.matchAll(ANY_DAY_MONTH_YEAR)) push(Number(m[3]), MONTHS_BY_NAME[m[2].toLowerCase()], Number(m[1]), m.index, m.index + m[0].length);
  for (const m of line.matchAll(ANY_ISO)) push(Number(m[1]), Number(m[2]), Number(m[3]), m.index, m.index + m[0].length);
  for (const m of line.matchAll(NUMERIC)) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const dayFirst = a > 12 || (b <= 12 && !(monthFirst && m[2] === '/'));
    push(Number(m[4]), dayFirst ? b : a, dayFirst ? a : b, m.index, m.index + m[0].length);
  }
  return out.sort((x, y) => x.start - y.start);
}
