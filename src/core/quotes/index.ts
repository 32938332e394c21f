import type { EntityMention, QuoteMention, Span } from '../types';

/**
 * Direct quotations in `text` and their speakers, using the entity mentions to name them.
 * PLACEHOLDER until the quote extractor lands: finds nothing.
 */
export function findQuotes(_text: string, _entities: readonly EntityMention[], _skip?: readonly Span[]): QuoteMention[] {
  return [];
}
