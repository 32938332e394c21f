import type { DateMention, Span } from '../types';

/**
 * Time expressions in `text` with values resolved against `publicationDate` (`YYYY-MM-DD`, or null).
 * PLACEHOLDER until the date extractor lands: finds nothing.
 */
export function findDates(_text: string, _publicationDate: string | null, _skip?: readonly Span[]): DateMention[] {
  return [];
}
