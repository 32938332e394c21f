import type { DateMention, Span } from '../types';
import { parseIsoDay } from './calendar';
import { chronoDates } from './chronoFallback';
import { recognizeTimexes } from './recognize';
import { TIMEX_RULES } from './rules';

/**
 * Time expressions (TimeML TIMEX3: DATE, TIME, DURATION, SET) in `text`, with calendar values resolved
 * against `publicationDate` (`YYYY-MM-DD`; with null, relative expressions get a null value).
 *
 * Values: "Tuesday" is the latest Tuesday up to the publication day unless the sentence looks ahead;
 * a month without a year ("in November") goes by tense, else the nearer one; a month and day
 * ("Jan. 15") is the nearest occurrence within 60 days, else by tense; "last year" is `YYYY`, "last
 * month" `YYYY-MM`, "last week" the month that holds the whole week (else null), a weekend its
 * Saturday, "two years ago" the day that far back. Quarters, seasons, decades, durations and sets
 * have no calendar value (null).
 *
 * The news lexicon finds most; chrono-node adds formal dates it has no pattern for. Mentions
 * overlapping a `skip` span are left out. Sorted by start; never overlapping.
 */
export function findDates(text: string, publicationDate: string | null, skip: readonly Span[] = []): DateMention[] {
  const anchor = parseIsoDay(publicationDate);
  const lexical = recognizeTimexes(text, TIMEX_RULES, anchor);
  const extra = chronoDates(text, lexical, anchor);
  const mentions = extra.length === 0 ? lexical : mergeWider(lexical, extra);
  if (skip.length === 0) return mentions;
  return mentions.filter((m) => !skip.some((s) => m.start < s.end && s.start < m.end));
}

/** Both lists, less the `narrow` mentions that lie inside a `wide` one; sorted by start. */
function mergeWider(narrow: DateMention[], wide: DateMention[]): DateMention[] {
  const kept = narrow.filter((n) => !wide.some((w) => w.start <= n.start && n.end <= w.end));
  return [...kept, ...wide].sort((a, b) => a.start - b.start);
}
