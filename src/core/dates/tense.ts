/**
 * Which way an underspecified expression ("Tuesday", "in November") points, judged from the verbs of
 * its sentence: news reports mostly look back, so the past wins unless a future marker is nearer.
 */

/** -1: the past, 1: the future, 0: no evidence either way. */
export type Direction = -1 | 0 | 1;

const FUTURE_MARKERS = /\b(?:will|won't|shall|'ll|going\s+to|plans?\s+to|planning\s+to|planned|as\s+soon\s+as|scheduled|expected|expects?|due|set\s+to|(?:is|are)\s+to|slated|to\s+be\s+held|next(?!\s+to\b)|upcoming|coming|payable|effective|would(?!\s+have))\b/gi;
// a participle after "be", "will" or "to" ("will be held") is no past tense
const PAST_MARKERS = /\b(?:was|were|had|did|been|ago|last|earlier|(?<!\b(?:be|being|will|would|to|shall)\s+)(?:(?!(?:expected|scheduled|proposed|planned|slated|need|speed|feed|seed|indeed|proceed|exceed|succeed|embed|shed|bed|red|led|wed|fed)\b)[a-z]{2,}ed|began|came|went|fell|rose|met|took|gave|got|made|left|won|lost|sold|bought|held|hit|struck|killed|told|saw|found|became|broke|ran|spent|paid|quit|said|brought|thought|sought|caught|fought|built|sent|felt|kept|led|meant|stood|wrote|spoke|chose|drove|flew|grew|knew|threw|drew|shot|fled|sat|lay|stole|swore|withdrew|struck|stuck|swept|froze|shook|arose|forgot|overtook|undertook))\b/g;
/** A deadline preposition right before the expression ("by May", "until Nov. 6") points ahead. */
const ENDED_BEFORE = /\b(?:ended|since)\s+(?:the\s+)?$/i;
const DEADLINE_BEFORE = /\b(?:by|until|till|through|effective|payable|expire|expires)\s+(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?$/i;

const SENTENCE_LIMIT = 300;

/** Bounds of the sentence around `[start, end)`, cut at a sentence end or a line break. */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  const lowest = Math.max(0, start - SENTENCE_LIMIT);
  while (from > lowest) {
    const c = text.charCodeAt(from - 1);
    if (c === 10) break;
    if ((c === 46 || c === 33 || c === 63) && from < text.length && /\s/.test(text[from] ?? '') && !/\b(?:[A-Z][a-z]{0,3}|[A-Z])\.$/.test(text.slice(Math.max(0, from - 6), from))) break;
    from--;
  }
  let to = end;
  const highest = Math.min(text.length, end + SENTENCE_LIMIT);
  while (to < highest) {
    const c = text.charCodeAt(to);
    if (c === 10) break;
    if ((c === 46 || c === 33 || c === 63) && /\s/.test(text[to + 1] ?? ' ') && !/\b(?:[A-Z][a-z]{0,3}|[A-Z])$/.test(text.slice(Math.max(0, to - 5), to))) break;
    to++;
  }
  return { start: from, end: to };
}

function nearestDistance(re: RegExp, sentence: string, spanStart: number, spanEnd: number): number {
  re.lastIndex = 0;
  let best = Infinity;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    const at = m.index;
    const until = at + m[0].length;
    if (at >= spanStart && until <= spanEnd) continue; // the expression's own words ("next", "last") are read by the rules
    const distance = until <= spanStart ? spanStart - until : at >= spanEnd ? at - spanEnd : 0;
    if (distance < best) best = distance;
  }
  return best;
}

/** What the word right before the expression says: "by May" ahead, "ended March 31" behind, else 0. */
export function adjacentHint(text: string, start: number): Direction {
  const before = text.slice(Math.max(0, start - 24), start);
  if (DEADLINE_BEFORE.test(before)) return 1;
  if (ENDED_BEFORE.test(before)) return -1;
  return 0;
}

/** The tense direction of the sentence around `[start, end)` of `text`. */
export function directionAround(text: string, start: number, end: number): Direction {
  const hint = adjacentHint(text, start);
  if (hint !== 0) return hint;
  const sentence = sentenceAround(text, start, end);
  const words = text.slice(sentence.start, sentence.end);
  const future = nearestDistance(FUTURE_MARKERS, words, start - sentence.start, end - sentence.start);
  const past = nearestDistance(PAST_MARKERS, words, start - sentence.start, end - sentence.start);
  if (future === Infinity) return past === Infinity ? 0 : -1;
  if (past === Infinity) return 1;
  return future < past ? 1 : -1;
}
