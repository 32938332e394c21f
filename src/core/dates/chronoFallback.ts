/**
 * chrono-node as a second recogniser for formal dates the news lexicon has no pattern for
 * ("15.01.2019", "Jan 15th at 3pm"). It runs only on sentences with a trigger the lexicon left
 * uncovered, one sentence at a time, so a library failure on one sentence loses only that sentence.
 */
import * as chrono from 'chrono-node';
import { formatDay, formatMonth, formatYear } from './calendar';
import type { CalendarDay } from './calendar';
import type { DateMention, Span } from '../types';

/** Cheap trigger: a digit group that looks like part of a date or time, or a month name. */
const TRIGGER = /\d{1,4}[./:-]\d{1,2}|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b/g;
const SENTENCE = /(?:[^.!?\n]|[.!?](?=\S))+(?:[.!?]+|\n|$)/g;
/**
 * What chrono must have matched for its answer to be trusted: a full numeric date, a month name, or a
 * clock time. Alone, "7/8" or "12 3/4" are stock prices in news, not dates.
 */
const TRUSTED = /\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|\d:\d\d|\d\s*[ap]\.?m\b/i;
const MAX_SENTENCE = 2000;

/** Whether some trigger in the sentence lies outside what the lexicon already found. */
function hasUncoveredTrigger(sentence: string, offset: number, inside: readonly Span[]): boolean {
  TRIGGER.lastIndex = 0;
  for (let m = TRIGGER.exec(sentence); m; m = TRIGGER.exec(sentence)) {
    const from = offset + m.index;
    const to = from + m[0].length;
    if (!inside.some((c) => c.start <= from && to <= c.end)) return true;
  }
  return false;
}

function chronoValue(result: chrono.ParsedResult): string | null {
  const s = result.start;
  const year = s.get('year');
  const month = s.get('month');
  const day = s.get('day');
  if (year === null || month === null || day === null) return null;
  if (s.isCertain('day')) return formatDay({ year, month, day });
  if (s.isCertain('month')) return formatMonth(year, month);
  if (s.isCertain('year')) return formatYear(year);
  return null;
}

/**
 * Dates chrono finds in `text` that do not cut across a `covered` span (they may contain some: the
 * caller drops those). `anchor` is the publication day (local noon is
 * handed to chrono so no time zone moves the day).
 */
export function chronoDates(text: string, covered: readonly Span[], anchor: CalendarDay | null, onError?: (error: unknown) => void): DateMention[] {
  const reference = anchor ? new Date(anchor.year, anchor.month - 1, anchor.day, 12) : undefined;
  const out: DateMention[] = [];
  let next = 0; // index into the sorted covered spans
  SENTENCE.lastIndex = 0;
  for (let m = SENTENCE.exec(text); m; m = SENTENCE.exec(text)) {
    const start = m.index;
    const sentence = m[0];
    if (sentence.length === 0) {
      SENTENCE.lastIndex++;
      continue;
    }
    if (sentence.length > MAX_SENTENCE) continue;
    const end = start + sentence.length;
    while (next < covered.length && covered[next].end <= start) next++;
    const inside: Span[] = [];
    for (let i = next; i < covered.length && covered[i].start < end; i++) inside.push(covered[i]);
    if (!hasUncoveredTrigger(sentence, start, inside)) continue;
    try {
      for (const r of chrono.strict.parse(sentence, reference)) {
        // TimeML keeps prepositions out of the span; chrono takes "at 19:30"
        const lead = /^(?:at|on|in|from|by|since|until)\s+/i.exec(r.text)?.[0].length ?? 0;
        const from = start + r.index + lead;
        const to = start + r.index + r.text.length;
        if (to <= from || !TRUSTED.test(r.text)) continue;
        // a longer chrono reading may swallow lexicon mentions ("2019" of "15/1/2019"), never cut one
        if (inside.some((c) => c.start < to && from < c.end && (c.start < from || c.end > to || c.end - c.start === to - from))) continue;
        out.push({ start: from, end: to, text: text.slice(from, to), type: r.start.isCertain('hour') ? 'TIME' : 'DATE', value: chronoValue(r) });
      }
    } catch (error) {
      onError?.(error); // this sentence only; the others still run
    }
  }
  return out;
}
