/**
 * Finds where an annotation's passage is in the current text of its article, as the Hypothesis client
 * does: the stored position if it still holds the exact quote; else the exact quote where its
 * prefix, suffix and position agree best; else an approximate match of the quote (approx-string-match)
 * above a similarity threshold. Anything ambiguous or not found is an orphan: an annotation is never
 * pinned to a look-alike passage.
 */
import search from 'approx-string-match';
import { type ArticleTarget, CONTEXT_LENGTH, type TextQuoteSelector, positionSelectorOf, quoteSelectorOf } from './model';

/** Lowest share of the quote that must survive (1 - errors / quote length) for a fuzzy anchor. */
export const FUZZY_SIMILARITY_THRESHOLD = 0.75;

/**
 * A fuzzy match must also agree with the stored prefix and suffix (mean similarity, each allowing
 * edits): unrelated 32-character contexts in BBC articles score 0.28 (median), 0.5 (99th
 * percentile) on one side, so a look-alike passage elsewhere does not reach it.
 */
const MIN_CONTEXT_SIMILARITY = 0.6;

/**
 * Quotes shorter than this (names, short phrases) recur in an article: found away from their stored
 * position, they must also agree with the stored context to count as the annotated passage.
 */
const SELF_EVIDENT_QUOTE_LENGTH = 24;

/** Without any stored context the quote alone must be this close. */
const MIN_SIMILARITY_WITHOUT_CONTEXT = 0.8;

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
    const context = exact.length < SELF_EVIDENT_QUOTE_LENGTH ? contextSimilarity(text, quote, best.start, best.end) : undefined;
    if (context === undefined || context >= MIN_CONTEXT_SIMILARITY) return { kind: 'exact', start: best.start, end: best.end, method: 'quote' };
    // A short quote (a name) found only where its context disagrees is another mention of it: the
    // annotated one was rewritten in place (framed) or removed.
    return framedAnchor(text, quote) ?? { kind: 'orphan', reason: 'not-found' };
  }
  const framed = framedAnchor(text, quote);
  if (framed) return framed;
  return fuzzyAnchor(text, quote, hint);
}

/**
 * When the stored prefix and suffix both still occur once, next to each other, the passage was
 * edited in place: what lies between them is the passage, fuzzy if it still resembles the quote,
 * else an orphan. This keeps a look-alike elsewhere (the same phrase quoted twice in an article)
 * from taking the place of a passage that was rewritten where it stood.
 */
function framedAnchor(text: string, quote: TextQuoteSelector): AnchorResult | undefined {
  const starts = frameStarts(text, quote.prefix);
  const ends = frameEnds(text, quote.suffix);
  if (!starts || !ends) return undefined;
  const longest = quote.exact.length + Math.floor(quote.exact.length * (1 - FUZZY_SIMILARITY_THRESHOLD));
  const frames: { start: number; end: number }[] = [];
  for (const start of starts) for (const end of ends) if (end >= start && end - start <= longest) frames.push({ start, end });
  if (frames.length !== 1) return undefined;
  const frame = frames[0] as { start: number; end: number };
  const current = text.slice(frame.start, frame.end);
  if (current.length * quote.exact.length > MAX_DISTANCE_CELLS) return undefined;
  const similarity = 1 - editDistance(current, quote.exact) / Math.max(1, quote.exact.length);
  if (similarity < FUZZY_SIMILARITY_THRESHOLD) return { kind: 'orphan', reason: 'not-found' };
  return { kind: 'fuzzy', start: frame.start, end: frame.end, currentText: current, similarity };
}

/**
 * Where a passage framed by `prefix` can start. A prefix shorter than {@link CONTEXT_LENGTH} was cut
 * by the start of the text, so it must still be there; a full one anywhere it occurs. Undefined when
 * the prefix cannot frame (none stored).
 */
function frameStarts(text: string, prefix: string | undefined): number[] | undefined {
  if (prefix === undefined) return undefined;
  if (prefix.length < CONTEXT_LENGTH) return text.startsWith(prefix) ? [prefix.length] : undefined;
  return occurrences(text, prefix).map((at) => at + prefix.length);
}

/** Where a passage framed by `suffix` can end (see {@link frameStarts}; a short suffix ends the text). */
function frameEnds(text: string, suffix: string | undefined): number[] | undefined {
  if (suffix === undefined) return undefined;
  if (suffix.length < CONTEXT_LENGTH) return text.endsWith(suffix) ? [text.length - suffix.length] : undefined;
  return occurrences(text, suffix);
}

/** Bound on the edit-distance table, so a huge quote falls back to approximate search. */
const MAX_DISTANCE_CELLS = 4_000_000;

/** Levenshtein distance (two rows). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(substitution, (previous[j] as number) + 1, (current[j - 1] as number) + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] as number;
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
    // Narrow enough that its best match can only be the passage that was at the hint.
    const slack = maxErrors + 4;
    const from = Math.max(0, hint - slack);
    const to = Math.min(text.length, hint + exact.length + slack);
    for (const m of search(text.slice(from, to), exact, maxErrors)) candidates.push({ ...m, start: m.start + from, end: m.end + from });
  }
  const scored = distinctMatches(candidates)
    .map((m) => {
      const similarity = 1 - m.errors / exact.length;
      const context = contextSimilarity(text, quote, m.start, m.end);
      const position = hint === undefined ? 0 : 1 - Math.min(1, Math.abs(m.start - hint) / Math.max(1, text.length));
      // Weights as in the Hypothesis client: the quote first, then its context, then the position.
      return { ...m, similarity, context, score: 50 * similarity + 40 * (context ?? 0.5) + 2 * position };
    })
    .filter((m) => m.similarity >= FUZZY_SIMILARITY_THRESHOLD && (m.context === undefined ? m.similarity >= MIN_SIMILARITY_WITHOUT_CONTEXT : m.context >= MIN_CONTEXT_SIMILARITY))
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best) return { kind: 'orphan', reason: 'not-found' };
  if (second && !overlaps(best, second) && best.score - second.score < AMBIGUITY_MARGIN) return { kind: 'orphan', reason: 'ambiguous' };
  return { kind: 'fuzzy', start: best.start, end: best.end, currentText: text.slice(best.start, best.end), similarity: best.similarity };
}

/** Two separate fuzzy candidates closer than this in score are a guess, hence an orphan. */
const AMBIGUITY_MARGIN = 1;

/**
 * Mean similarity (0..1) of the stored prefix and suffix to the text either side of a candidate,
 * allowing edits; undefined when no context was stored.
 */
function contextSimilarity(text: string, quote: TextQuoteSelector, start: number, end: number): number | undefined {
  const sides: number[] = [];
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  const slack = 4;
  if (prefix !== '') sides.push(bestSimilarity(text.slice(Math.max(0, start - prefix.length - slack), Math.min(text.length, start + slack)), prefix));
  else if (start === 0 && quote.prefix !== undefined) sides.push(1);
  if (suffix !== '') sides.push(bestSimilarity(text.slice(Math.max(0, end - slack), Math.min(text.length, end + suffix.length + slack)), suffix));
  else if (end === text.length && quote.suffix !== undefined) sides.push(1);
  return sides.length === 0 ? undefined : sides.reduce((x, y) => x + y, 0) / sides.length;
}

function bestSimilarity(window: string, pattern: string): number {
  const best = search(window, pattern, pattern.length)[0];
  return best ? 1 - best.errors / pattern.length : 0;
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

