import type { ParsedArticle } from '../types';

/**
 * Segments an article's text. Total: never throws, whatever the string.
 * PLACEHOLDER until the parser lands.
 */
export function parseArticle(text: string): ParsedArticle {
  return { headline: null, headlineSpan: null, authors: [], authorSpans: [], date: null, dateSpan: null, sectionName: null, outlet: null, sections: text ? [{ kind: 'body', start: 0, end: text.length }] : [], score: 0 };
}
