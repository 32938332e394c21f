/**
 * Finds where an annotation's passage is in the current text of its article, as the Hypothesis client
 * does: the stored position if it still holds the exact quote; else the exact quote where its
 * prefix, suffix and position agree best; else an approximate match of the quote (approx-string-match)
 * above a similarity threshold. Anything ambiguous or not found is an orphan: an annotation is never
 * pinned to a look-alike passage.
 */
import search from 'approx-string-match';
import { type ArticleTarget, type TextQuoteSelector, positionSelectorOf, quoteSelectorOf } from './model';

/** Lowest share of the quote that must survive (1 - errors / quote length) for a fuzzy anchor. */
export const FUZZY_SIMILARITY_THRESHOLD = 0.75;

/**
 * Below this similarity a fuzzy match must also agree with the stored prefix or suffix: a short
 * quote that lost a quarter of its characters could otherwise land on a look-alike elsewhere.
 */
const CONTEXT_REQUIRED_BELOW = 0.9;
const MIN_CONTEXT_AGREEMENT = 0.5;

/** Where an annotation is now. */
export type AnchorResult =
  | {
      readonly kind: 'exact';
      readonly start: number;
      readonly end: number;
      /** `position`: the stored offsets still hold the quote; `quote`: found by quote and context. */
      readonly method: 'position' | 'quote';
    }
  | {
      readonly kind: 'fuzzy';
      readonly start: number;
      readonly end: number;
      /** The text now at the anchor, which differs from the stored quote. */
      readonly currentText: string;
      readonly similarity: number;
    }
  | {
      readonly kind: 'orphan';
      readonly reason: 'not-found' | 'ambiguous' | 'no-selector';
    };

/** Anchors an article target in `text`. A target without selectors (the whole article) anchors to all of it. */
export function anchorTarget(text: string, target: ArticleTarget): AnchorResult {
  const quote = quoteSelectorOf(target);
  const position = positionSelectorOf(target);
  if (!target.selector || target.selector.length === 0) return { kind: 'exact', start: 0, end: text.length, method: 'position' };
  if (!quote || quote.exact === '') {
    // Only offsets: nothing to verify them against, so they hold only while they fit the text.
    if (position && position.start >= 0 && position.start <= position.end && position.end <= text.length) {
      return { kind: 'exact', start: position.start, end: position.end, method: 'position' };
    }
    return { kind: 'orphan', reason: 'no-selector' };
  }
  return anchorQuote(text, quote, position?.start);
}

/**
 * Anchors a quote in `text`; `hint` is where it is expected to start (the stored position, or the
 * position an edit moved it to).
 */
export function anchorQuote(text: string, quote: TextQuoteSelector, hint?: number): AnchorResult {
  const { exact } = quote;
  if (hint !== undefined && text.startsWith(exact, hint) && hint >= 0) {
    return { kind: 'exact', start: hint, end: hint + exact.length, method: 'position' };
  }
  const exactStarts = occurrences(text, exact);
  if (exactStarts.length > 0) {
    const best = pickByContext(text, quote, exactStarts.map((start) => ({ start, end: start + exact.length })), hint);
    if (!best) return { kind: 'orphan', reason: 'ambiguous' };
    return { kind: 'exact', start: best.start, end: best.end, method: 'quote' };
  }
  return fuzzyAnchor(text, quote, hint);
}

function fuzzyAnchor(text: string, quote: TextQuoteSelector, hint: number | undefined): AnchorResult {
  const { exact } = quote;
  const maxErrors = Math.floor(exact.length * (1 - FUZZY_SIMILARITY_THRESHOLD));
  if (maxErrors < 1) return { kind: 'orphan', reason: 'not-found' };
  // approx-string-match reports only the fewest-error matches: a look-alike elsewhere with fewer
  // errors would hide the edited passage itself, so the neighbourhood of the expected position is
  // searched on its own too and every candidate is weighed with its context.
  const candidates = search(text, exact, maxErrors);
  if (hint !== undefined) {
    const window = localWindow(text, hint, exact.length);
    for (const m of search(text.slice(window.start, window.end), exact, maxErrors)) candidates.push({ ...m, start: m.start + window.start, end: m.end + window.start });
  }
  const scored = distinctMatches(candidates)
    .map((m) => {
      const similarity = 1 - m.errors / exact.length;
      const prefix = prefixSimilarity(text, quote.prefix ?? '', m.start);
      const suffix = suffixSimilarity(text, quote.suffix ?? '', m.end);
      const position = hint === undefined ? 0 : 1 - Math.min(1, Math.abs(m.start - hint) / Math.max(1, text.length));
      // Weights as in the Hypothesis client: the quote first, then its context, then the position.
      return { ...m, similarity, context: (prefix + suffix) / 2, score: 50 * similarity + 20 * prefix + 20 * suffix + 2 * position };
    })
    .filter((m) => m.similarity >= FUZZY_SIMILARITY_THRESHOLD && (m.similarity >= CONTEXT_REQUIRED_BELOW || m.context >= MIN_CONTEXT_AGREEMENT))
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best) return { kind: 'orphan', reason: 'not-found' };
  if (second && !overlaps(best, second) && best.score - second.score < AMBIGUITY_MARGIN) return { kind: 'orphan', reason: 'ambiguous' };
  return { kind: 'fuzzy', start: best.start, end: best.end, currentText: text.slice(best.start, best.end), similarity: best.similarity };
}

/** Two separate fuzzy candidates closer than this in score are a guess, hence an orphan. */
const AMBIGUITY_MARGIN = 1;

/** How well the stored prefix (0..1) matches the text just before `start`, allowing edits. */
function prefixSimilarity(text: string, prefix: string, start: number): number {
  if (prefix === '') return start === 0 ? 1 : 0.5;
  const slack = 4;
  const from = Math.max(0, start - prefix.length - slack);
  const best = search(text.slice(from, Math.min(text.length, start + slack)), prefix, prefix.length)[0];
  return best ? 1 - best.errors / prefix.length : 0;
}

/** How well the stored suffix (0..1) matches the text just after `end`, allowing edits. */
function suffixSimilarity(text: string, suffix: string, end: number): number {
  if (suffix === '') return end === text.length ? 1 : 0.5;
  const slack = 4;
  const from = Math.max(0, end - slack);
  const best = search(text.slice(from, Math.min(text.length, end + suffix.length + slack)), suffix, suffix.length)[0];
  return best ? 1 - best.errors / suffix.length : 0;
}

interface Candidate { readonly start: number; readonly end: number; readonly errors?: number }

/**
 * The candidate whose prefix and suffix agree best with the stored context, nearer the hint on a
 * tie; undefined when two separate candidates cannot be told apart.
 */
function pickByContext<T extends Candidate>(text: string, quote: TextQuoteSelector, candidates: readonly T[], hint: number | undefined): T | undefined {
  if (candidates.length === 1) return candidates[0];
  const scored = candidates
    .map((candidate) => ({ candidate, context: contextScore(text, quote, candidate.start, candidate.end) - (candidate.errors ?? 0) }))
    .sort((a, b) => b.context - a.context || distance(a.candidate, hint) - distance(b.candidate, hint));
  const [first, second] = scored;
  if (!first) return undefined;
  if (!second || overlaps(first.candidate, second.candidate)) return first.candidate;
  if (first.context > second.context) return first.candidate;
  // Same context either side: only the stored position can tell; without it, or equidistant, it is a guess.
  if (hint !== undefined && distance(first.candidate, hint) < distance(second.candidate, hint)) return first.candidate;
  return undefined;
}

/** Characters of stored prefix and suffix that match the text next to a candidate, counted from the quote outwards. */
function contextScore(text: string, quote: TextQuoteSelector, start: number, end: number): number {
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  let score = 0;
  for (let i = 1; i <= prefix.length && start - i >= 0 && text[start - i] === prefix[prefix.length - i]; i++) score++;
  for (let i = 0; i < suffix.length && end + i < text.length && text[end + i] === suffix[i]; i++) score++;
  return score;
}

function distance(candidate: Candidate, hint: number | undefined): number {
  return hint === undefined ? 0 : Math.abs(candidate.start - hint);
}

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.start < b.end && b.start < a.end;
}

function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** One match per location: approx-string-match reports several starts for one end. Fewest errors, then longest. */
function distinctMatches(matches: readonly { start: number; end: number; errors: number }[]): { start: number; end: number; errors: number }[] {
  const sorted = [...matches].sort((a, b) => a.errors - b.errors || (b.end - b.start) - (a.end - a.start));
  const kept: { start: number; end: number; errors: number }[] = [];
  for (const m of sorted) if (!kept.some((k) => overlaps(k, m))) kept.push(m);
  return kept;
}

function localWindow(text: string, hint: number, length: number): { start: number; end: number } {
  const margin = Math.max(64, length);
  return { start: Math.max(0, hint - margin), end: Math.min(text.length, hint + length + margin) };
}
