/**
 * BILOU tag set over the four CoNLL entity types and Viterbi decoding under the BILOU constraints.
 * Tag 0 is O; tag `1 + 4 * type + position` is position B/I/L/U (0..3) of entity type 0..3 (PER, ORG, LOC, MISC).
 */

export const NUM_TAGS = 17;
const B = 0;
const I = 1;
const L = 2;
const U = 3;

/** The tag index for `position` (0 B, 1 I, 2 L, 3 U) of entity `type` (0..3). */
export function tagOf(type: number, position: number): number {
  return 1 + type * 4 + position;
}

function positionOf(tag: number): number {
  return (tag - 1) & 3;
}

function typeOf(tag: number): number {
  return (tag - 1) >> 2;
}

/** Whether `next` may follow `prev` (-1 = sentence start) in a well-formed BILOU sequence. */
export function allowedTransition(prev: number, next: number): boolean {
  const opens = next === 0 || positionOf(next) === B || positionOf(next) === U;
  if (prev <= 0) return opens;
  const p = positionOf(prev);
  if (p === L || p === U) return opens;
  return next !== 0 && typeOf(next) === typeOf(prev) && (positionOf(next) === I || positionOf(next) === L);
}

/** Whether a sentence may end after `tag`. */
export function allowedEnd(tag: number): boolean {
  return tag === 0 || positionOf(tag) === L || positionOf(tag) === U;
}

/** Allowed transitions as a table: row `prev + 1` (row 0 = start), column `next`. */
export const ALLOWED: Uint8Array = (() => {
  const table = new Uint8Array((NUM_TAGS + 1) * NUM_TAGS);
  for (let prev = -1; prev < NUM_TAGS; prev++) {
    for (let next = 0; next < NUM_TAGS; next++) table[(prev + 1) * NUM_TAGS + next] = allowedTransition(prev, next) ? 1 : 0;
  }
  return table;
})();

/**
 * For each tag, the tags that may precede it (BILOU allows 2 or 9 of the 17), in increasing order and
 * all in one array: tag `t`'s are `PREDECESSORS[PREDECESSOR_START[t] .. PREDECESSOR_START[t + 1])`.
 */
const PREDECESSOR_LISTS: number[][] = Array.from({ length: NUM_TAGS }, (_, next) =>
  Array.from({ length: NUM_TAGS }, (_, prev) => prev).filter((prev) => ALLOWED[(prev + 1) * NUM_TAGS + next]));
const PREDECESSORS = Int32Array.from(PREDECESSOR_LISTS.flat());
const PREDECESSOR_START = Int32Array.from([0, ...PREDECESSOR_LISTS.map((_, t) => PREDECESSOR_LISTS.slice(0, t + 1).flat().length)]);

/** Tags that open a name or are O (O, every B and U): each may follow O, an L or a U, which viterbi writes out. */
const OPENING_TAGS = Int32Array.from(PREDECESSOR_LISTS.flatMap((list, t) => (list.length === 9 ? [t] : [])));
// viterbi's written-out loops assume this shape of the BILOU predecessor lists.
if (OPENING_TAGS.length !== 9 || PREDECESSOR_LISTS.some((list, t) =>
  list.join() !== (OPENING_TAGS.includes(t) ? '0,3,4,7,8,11,12,15,16' : [1 + 4 * ((t - 1) >> 2), 2 + 4 * ((t - 1) >> 2)].join()))) {
  throw new Error('BILOU predecessor lists are not as viterbi expects');
}

let scratchScore = new Float64Array(64 * NUM_TAGS);
let scratchBack = new Int32Array(64 * NUM_TAGS);
/** The transition score of each `PREDECESSORS` entry into its tag, gathered per call (training changes the scores between calls). */
const scratchTransition = new Float64Array(PREDECESSORS.length);

/**
 * Best tag sequence for `n` tokens given emission scores (`n * NUM_TAGS`, row-major) and transition
 * scores (`(NUM_TAGS + 1) * NUM_TAGS`, row `prev + 1`, row 0 = start). Ill-formed sequences are excluded.
 */
export function viterbi(n: number, emission: Float64Array | Int32Array, transition: Float64Array | Float32Array): Int32Array {
  const best = new Int32Array(n);
  if (n === 0) return best;
  // Scratch tables reused across calls (every cell read is written first): one sentence after another.
  if (scratchScore.length < n * NUM_TAGS) {
    scratchScore = new Float64Array(n * 2 * NUM_TAGS);
    scratchBack = new Int32Array(n * 2 * NUM_TAGS);
  }
  const score = scratchScore;
  const back = scratchBack;
  const pairTransition = scratchTransition;
  for (let t = 0; t < NUM_TAGS; t++) {
    for (let k = PREDECESSOR_START[t]; k < PREDECESSOR_START[t + 1]; k++) pairTransition[k] = transition[(PREDECESSORS[k] + 1) * NUM_TAGS + t];
  }
  for (let t = 0; t < NUM_TAGS; t++) {
    score[t] = ALLOWED[t] ? emission[t] + transition[t] : -Infinity;
  }
  // The loop over predecessors written out for the two BILOU cases (checked at load, see OPENING_TAGS),
  // candidates in the same increasing order as PREDECESSORS, so ties go the same way.
  for (let i = 1; i < n; i++) {
    const base = i * NUM_TAGS;
    const prevBase = base - NUM_TAGS;
    const s0 = score[prevBase];
    const s3 = score[prevBase + 3];
    const s4 = score[prevBase + 4];
    const s7 = score[prevBase + 7];
    const s8 = score[prevBase + 8];
    const s11 = score[prevBase + 11];
    const s12 = score[prevBase + 12];
    const s15 = score[prevBase + 15];
    const s16 = score[prevBase + 16];
    for (let j = 0; j < OPENING_TAGS.length; j++) {
      const t = OPENING_TAGS[j];
      const k = PREDECESSOR_START[t];
      let top = -Infinity;
      let arg = 0;
      let s = s0 + pairTransition[k];
      if (s > top) { top = s; arg = 0; }
      s = s3 + pairTransition[k + 1];
      if (s > top) { top = s; arg = 3; }
      s = s4 + pairTransition[k + 2];
      if (s > top) { top = s; arg = 4; }
      s = s7 + pairTransition[k + 3];
      if (s > top) { top = s; arg = 7; }
      s = s8 + pairTransition[k + 4];
      if (s > top) { top = s; arg = 8; }
      s = s11 + pairTransition[k + 5];
      if (s > top) { top = s; arg = 11; }
      s = s12 + pairTransition[k + 6];
      if (s > top) { top = s; arg = 12; }
      s = s15 + pairTransition[k + 7];
      if (s > top) { top = s; arg = 15; }
      s = s16 + pairTransition[k + 8];
      if (s > top) { top = s; arg = 16; }
      score[base + t] = top + emission[base + t];
      back[base + t] = arg;
    }
    // Inside and last tags of type x (tags 2 + 4x, 3 + 4x) follow its B (1 + 4x) or I (2 + 4x).
    for (let b = 1; b < NUM_TAGS; b += 4) {
      const sb = score[prevBase + b];
      const si = score[prevBase + b + 1];
      for (let t = b + 1; t <= b + 2; t++) {
        const k = PREDECESSOR_START[t];
        let top = -Infinity;
        let arg = 0;
        let s = sb + pairTransition[k];
        if (s > top) { top = s; arg = b; }
        s = si + pairTransition[k + 1];
        if (s > top) { top = s; arg = b + 1; }
        score[base + t] = top + emission[base + t];
        back[base + t] = arg;
      }
    }
  }
  let top = -Infinity;
  let arg = 0;
  const last = (n - 1) * NUM_TAGS;
  for (let t = 0; t < NUM_TAGS; t++) {
    if (allowedEnd(t) && score[last + t] > top) {
      top = score[last + t];
      arg = t;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    best[i] = arg;
    arg = back[i * NUM_TAGS + arg];
  }
  return best;
}

/** A name found by the tagger: tokens `[start, end)` of a sentence, of entity type 0..3. */
export interface TaggedSpan {
  start: number;
  end: number;
  type: number;
}

/** Reads the names out of a BILOU tag sequence (tolerates ill-formed runs by closing them). */
export function spansOf(tags: ArrayLike<number>): TaggedSpan[] {
  const spans: TaggedSpan[] = [];
  let open = -1;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    if (tag === 0) {
      open = -1;
      continue;
    }
    const p = positionOf(tag);
    if (p === U) {
      spans.push({ start: i, end: i + 1, type: typeOf(tag) });
      open = -1;
    } else if (p === B || open < 0) {
      open = i;
      if (p === L) {
        spans.push({ start: i, end: i + 1, type: typeOf(tag) });
        open = -1;
      }
    } else if (p === L) {
      spans.push({ start: open, end: i + 1, type: typeOf(tag) });
      open = -1;
    }
  }
  return spans;
}

/** BILOU tags for names given as token spans over `n` tokens. */
export function tagsOf(n: number, spans: readonly TaggedSpan[]): Int32Array {
  const tags = new Int32Array(n);
  for (const s of spans) {
    if (s.end - s.start === 1) {
      tags[s.start] = tagOf(s.type, U);
      continue;
    }
    tags[s.start] = tagOf(s.type, B);
    for (let k = s.start + 1; k < s.end - 1; k++) tags[k] = tagOf(s.type, I);
    tags[s.end - 1] = tagOf(s.type, L);
  }
  return tags;
}
