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
  // A short quote (a word) at the stored position may be another one that text moved there: it is
  // kept at once only when its context agrees, else it competes with the other occurrences below.
  if (hint !== undefined && text.startsWith(exact, hint) && hint >= 0
    && (exact.length >= SELF_EVIDENT_QUOTE_LENGTH || occurrenceContext(text, quote, hint, hint + exact.length, true) >= MIN_OCCURRENCE_CONTEXT)) {
    return { kind: 'exact', start: hint, end: hint + exact.length, method: 'position' };
  }
  // The stored context still framing one place is the strongest evidence: the passage is there,
  // whole or edited, even when its quote also occurs elsewhere.
  const framed = framedAnchor(text, quote);
  if (framed) return framed;
  const exactStarts = occurrences(text, exact);
  if (exactStarts.length > 0) {
    const choice = chooseOccurrence(text, quote, exactStarts, hint);
    if (typeof choice === 'number') return { kind: 'exact', start: choice, end: choice + exact.length, method: 'quote' };
    if (choice === 'ambiguous') return { kind: 'orphan', reason: 'ambiguous' };
    // Only occurrences whose context and position both disagree: other mentions of a short quote
    // (a name) whose annotated one was rewritten or removed. A fuzzy search would find them again.
    return { kind: 'orphan', reason: 'not-found' };
  }
  return fuzzyAnchor(text, quote, hint);
}

/** An exact occurrence with how well the stored context agrees with the text beside it. */
interface ScoredOccurrence { readonly start: number; readonly end: number; readonly context: number }

/** Context agreement (0..1) an occurrence needs to be taken on its context alone. */
const MIN_OCCURRENCE_CONTEXT = 0.6;

/**
 * Agreement (0..1) the stored context needs on the side away from the only surviving landmark, for an
 * occurrence reached from that landmark: half of it read outwards from the quote.
 */
const MIN_OTHER_SIDE_CONTEXT = 0.5;

/** A long quote (see {@link SELF_EVIDENT_QUOTE_LENGTH}) found once needs only this much context. */
const MIN_LONG_QUOTE_CONTEXT = 0.4;

/** By how much the chosen occurrence's context must beat every other separate occurrence's. */
const CONTEXT_MARGIN = 0.15;

/**
 * Distance from the expected position within which an occurrence counts as "where it was", as a
 * share of the text (edits around a passage move it by a fraction of the article), at least one
 * context length.
 */
const NEAR_SHARE = 0.1;

/**
 * Chooses among the exact occurrences of a quote: by the stored prefix and suffix (fuzzy, as edits
 * may have touched them), else by the expected position when one occurrence is clearly nearest and
 * the context does not speak against it. Returns the start, `'ambiguous'` when two occurrences
 * cannot be told apart, `'none'` when none is credible.
 */
function chooseOccurrence(text: string, quote: TextQuoteSelector, starts: readonly number[], hint: number | undefined): number | 'ambiguous' | 'none' {
  const scored: ScoredOccurrence[] = starts
    .map((start) => ({ start, end: start + quote.exact.length, context: occurrenceContext(text, quote, start, start + quote.exact.length, hint !== undefined) }))
    .sort((a, b) => b.context - a.context);
  // An occurrence right beside a surviving stored prefix or suffix is the passage itself.
  const landmarks = landmarksOf(text, quote, hint);
  const besideLandmark = scored.filter((o) => o.start === landmarks.passageStart || o.end === landmarks.passageEnd);
  if (besideLandmark.length === 1) return (besideLandmark[0] as ScoredOccurrence).start;
  if (besideLandmark.length > 1) return 'ambiguous';
  if (landmarks.passageStart !== undefined || landmarks.passageEnd !== undefined) {
    // Text was put between the passage and a surviving prefix or suffix: only an occurrence within
    // reach of it, and on the right side of both, can be the passage; the rest are other mentions.
    // Its other side was not where the text went in, so the stored context must agree there: an
    // occurrence inside the context itself ("in" of "involve communities in") is not the passage.
    const withinReach = scored.filter((o) => withinLandmarkReach(o, landmarks) && otherSideAgrees(text, quote, o, landmarks, hint !== undefined));
    if (withinReach.length === 1) return (withinReach[0] as ScoredOccurrence).start;
    return withinReach.length > 1 ? 'ambiguous' : 'none';
  }
  const best = scored[0] as ScoredOccurrence;
  const rivalOf = (chosen: ScoredOccurrence) => scored.find((other) => other !== chosen && !overlaps(other, chosen));
  const bestRival = rivalOf(best);
  const minContext = !bestRival && quote.exact.length >= SELF_EVIDENT_QUOTE_LENGTH ? MIN_LONG_QUOTE_CONTEXT : MIN_OCCURRENCE_CONTEXT;
  if (best.context >= minContext && (!bestRival || best.context - bestRival.context >= CONTEXT_MARGIN)) return best.start;
  if (hint !== undefined) {
    const byDistance = [...scored].sort((a, b) => Math.abs(a.start - hint) - Math.abs(b.start - hint));
    const nearest = byDistance[0] as ScoredOccurrence;
    const nearestDistance = Math.abs(nearest.start - hint);
    const next = byDistance.find((other) => other !== nearest && !overlaps(other, nearest));
    const clearlyNearest = !next || Math.abs(next.start - hint) >= 2 * nearestDistance + CONTEXT_LENGTH;
    const near = nearestDistance <= Math.max(CONTEXT_LENGTH, NEAR_SHARE * text.length);
    const rival = rivalOf(nearest);
    const notContradicted = !rival || rival.context - nearest.context < CONTEXT_MARGIN;
    if (clearlyNearest && near && notContradicted) return nearest.start;
  }
  return bestRival && best.context >= MIN_OCCURRENCE_CONTEXT ? 'ambiguous' : 'none';
}

/**
 * Where the stored prefix and suffix still stand whole and once in the text: the passage began
 * where the prefix ends and ended where the suffix begins. A prefix (suffix) shorter than the
 * context length was cut by the start (end) of the text, so it counts only there, and only with
 * a stored position that agrees (another tool may store shorter contexts anywhere); an empty one
 * says nothing.
 */
function landmarksOf(text: string, quote: TextQuoteSelector, hint: number | undefined): { readonly passageStart?: number; readonly passageEnd?: number } {
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  const uniqueAt = (needle: string): number | undefined => {
    const found = occurrences(text, needle);
    return found.length === 1 ? found[0] : undefined;
  };
  let passageStart: number | undefined;
  let passageEnd: number | undefined;
  if (prefix !== '') {
    const at = prefix.length < CONTEXT_LENGTH ? (hint === prefix.length && text.startsWith(prefix) ? 0 : undefined) : uniqueAt(prefix);
    if (at !== undefined) passageStart = at + prefix.length;
  }
  if (suffix !== '') {
    passageEnd = suffix.length < CONTEXT_LENGTH ? (hint !== undefined && text.endsWith(suffix) ? text.length - suffix.length : undefined) : uniqueAt(suffix);
  }
  return { ...(passageStart !== undefined ? { passageStart } : {}), ...(passageEnd !== undefined ? { passageEnd } : {}) };
}

/** True when `occurrence` starts at most a context length after the surviving prefix and ends at most that before the surviving suffix. */
function withinLandmarkReach(occurrence: Candidate, landmarks: { readonly passageStart?: number; readonly passageEnd?: number }): boolean {
  const { passageStart, passageEnd } = landmarks;
  const afterPrefix = passageStart === undefined || (occurrence.start >= passageStart && occurrence.start - passageStart <= CONTEXT_LENGTH);
  const beforeSuffix = passageEnd === undefined || (occurrence.end <= passageEnd && passageEnd - occurrence.end <= CONTEXT_LENGTH);
  return afterPrefix && beforeSuffix;
}

/**
 * For an occurrence reached from one surviving side only: the stored context of the other side agrees
 * with the text there (a side with its own surviving landmark needs no more).
 */
function otherSideAgrees(text: string, quote: TextQuoteSelector, occurrence: Candidate, landmarks: { readonly passageStart?: number; readonly passageEnd?: number }, edgeAware: boolean): boolean {
  if (landmarks.passageStart !== undefined && landmarks.passageEnd !== undefined) return true;
  const otherSide = landmarks.passageStart === undefined ? quote.prefix ?? '' : quote.suffix ?? '';
  // A context cut by the text's edge says little once text was added at that edge.
  if (otherSide.length < CONTEXT_LENGTH) return true;
  const { before, after } = sideAgreement(text, quote, occurrence.start, occurrence.end, edgeAware);
  return (landmarks.passageStart === undefined ? before : after) >= MIN_OTHER_SIDE_CONTEXT;
}

/**
 * Mean agreement (0..1) of the stored prefix and suffix with the text either side of an occurrence,
 * each side aligned at the occurrence's edge and allowing edits.
 */
function occurrenceContext(text: string, quote: TextQuoteSelector, start: number, end: number, edgeAware: boolean): number {
  const { before, after } = sideAgreement(text, quote, start, end, edgeAware);
  return (before + after) / 2;
}

/** Agreement (0..1) of the stored prefix with the text before an occurrence, and of the suffix with the text after it. */
function sideAgreement(text: string, quote: TextQuoteSelector, start: number, end: number, edgeAware: boolean): { before: number; after: number } {
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  const slack = 8;
  // An empty prefix or suffix was cut by the text's edge: the passage began (ended) the text. So was
  // a short one when a stored position vouches for our own context length: then all the text before
  // (after) the occurrence is compared with it, so an occurrence far from that edge does not match.
  const before = quote.prefix === undefined ? undefined : prefix === '' ? edgeProximity(start)
    : edgeAware && prefix.length < CONTEXT_LENGTH ? wholeSideSimilarity(prefix, text.slice(0, start))
      : edgeSimilarity([...prefix].reverse().join(''), [...text.slice(Math.max(0, start - prefix.length - slack), start)].reverse().join(''));
  const after = quote.suffix === undefined ? undefined : suffix === '' ? edgeProximity(text.length - end)
    : edgeAware && suffix.length < CONTEXT_LENGTH ? wholeSideSimilarity(suffix, text.slice(end))
      : edgeSimilarity(suffix, text.slice(end, end + suffix.length + slack));
  // A prefix or suffix that is absent (not empty) is unknown, not "at the text's edge": other tools
  // often store the quote alone. It says nothing, so the known side stands for both; with neither,
  // every occurrence fits equally and only a unique one (or the position) can be chosen.
  return { before: before ?? after ?? 1, after: after ?? before ?? 1 };
}

/** Similarity of a context cut by the text's edge to everything between the occurrence and that edge. */
function wholeSideSimilarity(stored: string, side: string): number {
  if (side.length > stored.length + CONTEXT_LENGTH) return 0;
  return Math.max(0, 1 - editDistance(stored, side) / stored.length);
}

/** How well "at the edge of the text" fits an occurrence this many characters from it. */
function edgeProximity(distanceFromEdge: number): number {
  return Math.max(0, 1 - distanceFromEdge / CONTEXT_LENGTH);
}

/**
 * 1 - (fewest edits turning `pattern` into a beginning of `text`) / pattern length: how much of the
 * stored context survives, read outwards from the quote.
 */
function edgeSimilarity(pattern: string, text: string): number {
  let previous = Array.from({ length: text.length + 1 }, (_, j) => j);
  let current = new Array<number>(text.length + 1).fill(0);
  for (let i = 1; i <= pattern.length; i++) {
    current[0] = i;
    for (let j = 1; j <= text.length; j++) {
      const substitution = (previous[j - 1] as number) + (pattern[i - 1] === text[j - 1] ? 0 : 1);
      current[j] = Math.min(substitution, (previous[j] as number) + 1, (current[j - 1] as number) + 1);
    }
    [previous, current] = [current, previous];
  }
  return 1 - Math.min(...previous) / pattern.length;
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
  // The quote whole inside its frame: text was added next to it (an empty prefix frames from the
  // start of the text, whatever was inserted there).
  const inside = occurrences(current, quote.exact);
  if (inside.length === 1) {
    const start = frame.start + (inside[0] as number);
    return { kind: 'exact', start, end: start + quote.exact.length, method: 'quote' };
  }
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
  const landmarks = landmarksOf(text, quote, hint);
  const scored = distinctMatches(candidates)
    .map((m) => {
      const similarity = 1 - m.errors / exact.length;
      const context = contextSimilarity(text, quote, m.start, m.end);
      const position = hint === undefined ? 0 : 1 - Math.min(1, Math.abs(m.start - hint) / Math.max(1, text.length));
      // Weights as in the Hypothesis client: the quote first, then its context, then the position.
      return { ...m, similarity, context, score: 50 * similarity + 40 * (context ?? 0.5) + 2 * position };
    })
    .filter((m) => m.similarity >= FUZZY_SIMILARITY_THRESHOLD && (m.context === undefined ? m.similarity >= MIN_SIMILARITY_WITHOUT_CONTEXT : m.context >= MIN_CONTEXT_SIMILARITY))
    // A surviving stored prefix or suffix marks where the passage was: a look-alike away from it is another passage.
    .filter((m) => withinLandmarkReach(m, landmarks))
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

interface Candidate { readonly start: number; readonly end: number }

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

