/**
 * Feature extraction for the entity tagger, shared by training and tagging so both see the same
 * features. Every feature is a (template, value) pair hashed into one of `2^bucketBits` weight rows.
 */

/** Word statistics learned from unlabeled text and gazetteers learned from the training data. */
export interface NerLexicon {
  /** Lower-cased word -> index into `signature` and `caseBucket`. */
  words: WordMasks;
  /** 32-bit random-projection signature of the word's contexts: words used alike share bits (clusters). */
  signature: Uint32Array;
  /** How the word is written mid-sentence in unlabeled text: 0 unseen, 1 always lower ... 4 always capitalised. */
  caseBucket: Uint8Array;
  /**
   * Lower-cased word -> bit mask of (entity type x position) it takes in training names (see
   * {@link gazetteerBit}) and of the public lists that hold it ({@link LIST_BITS}).
   */
  gazetteer: WordMasks;
}

/** Word -> number look-ups (a mask, an index): a `Map` while training, a {@link HashedWordMasks} table in a loaded model. */
export interface WordMasks {
  get(word: string): number | undefined;
  readonly size: number;
}

/** A second, independent string hash (FNV-1a from another basis, then mixed) to check a {@link hashString} match. */
export function checkHash(s: string): number {
  let h = 0x9747b28c;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

/**
 * Word masks as three parallel arrays sorted by (`hashString`, `checkHash`) of the word: views straight
 * into the model's bytes, so a model with a few hundred thousand listed words loads without building a
 * `Map`. Two 32-bit hashes must both match, so an unlisted word is taken for a listed one about once in
 * 2^64 / size look-ups. An open-addressing table over the hashes, built at load (a few ms for 210k
 * words), finds a word in one or two probes instead of a binary search's 18 (every word met for the
 * first time is looked up in the lexicon and the gazetteer): entries are inserted in their stored
 * order and probed linearly, so among words of equal hash the first stored still answers first.
 */
export class HashedWordMasks implements WordMasks {
  /** Slot -> 1 + index of the entry whose hash lives there, 0 for an empty slot; at most half full. */
  private readonly table: Int32Array;
  private readonly slotMask: number;

  constructor(private readonly hashes: Uint32Array, private readonly checks: Uint32Array, private readonly masks: Uint32Array) {
    let slots = 16;
    while (slots < hashes.length * 2) slots *= 2;
    const table = new Int32Array(slots);
    const slotMask = slots - 1;
    for (let i = 0; i < hashes.length; i++) {
      let slot = hashes[i] & slotMask;
      while (table[slot] !== 0) slot = (slot + 1) & slotMask;
      table[slot] = i + 1;
    }
    this.table = table;
    this.slotMask = slotMask;
  }

  get size(): number {
    return this.hashes.length;
  }

  get(word: string): number | undefined {
    const h = hashString(word);
    const { table, hashes, slotMask } = this;
    let c = -1;
    for (let slot = h & slotMask; table[slot] !== 0; slot = (slot + 1) & slotMask) {
      const i = table[slot] - 1;
      if (hashes[i] !== h) continue;
      if (c < 0) c = checkHash(word);
      if (this.checks[i] === c) return this.masks[i];
    }
    return undefined;
  }
}

/** Per-document facts for document-level features: how each lower-cased word is written elsewhere in the document. */
export interface DocumentCasing {
  /** Words seen capitalised in the middle of a mixed-case sentence. */
  capitalisedMid: Set<string>;
  /** Words seen all lower-case. */
  lowercase: Set<string>;
  /**
   * For each capitalised word (lower-cased), hashes of the words next to it across the document (left
   * ones and right ones told apart): context aggregated over all its mentions.
   */
  contexts: Map<string, number[]>;
}

const MAX_AGGREGATED_CONTEXTS = 12;

export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
/** BILOU position of a token inside a name. */
export const POSITIONS = ['B', 'I', 'L', 'U'] as const;

/** Gazetteer bit for a word at `position` (0..3: B, I, L, U) in a name of type `type` (0..3). */
export function gazetteerBit(type: number, position: number): number {
  return 1 << (type * 4 + position);
}

/**
 * Gazetteer bits from public name lists (`models/ner-gazetteer.txt`), above the 16 training-name bits:
 * a given name, a word of people's names (first or last), a one-word place, the first and a later word
 * of a longer place name, a word of company names.
 */
export const LIST_BITS = {
  given: 1 << 16,
  name: 1 << 17,
  place: 1 << 18,
  placeFirst: 1 << 19,
  placeRest: 1 << 20,
  company: 1 << 21,
} as const;
/** All {@link LIST_BITS}. */
export const LIST_MASK = 0x3f << 16;

/** FNV-1a hash of a string (UTF-16 code units). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** {@link hashString} of `s.slice(from, to)`, without making the slice (affixes of every word met). */
function hashRange(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mixes a template id with a value hash (murmur3 finaliser) and keeps the top `bits` bits. */
function bucket(template: number, value: number, shift: number): number {
  let h = (value ^ Math.imul(template + 1, 0x9e3779b1)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> shift;
}

/**
 * {@link hashString} of the word's shapes: `Xxxx` -> `Xx` (short, runs collapsed) and `Xxxxx` (long, up
 * to 8 characters). Every shape character is one code unit, so the hashes are taken as the shapes are
 * read, without building the strings. Written into `out` as [short, long].
 */
function shapeHashes(word: string, out: Uint32Array): void {
  let long = 0x811c9dc5;
  let short = 0x811c9dc5;
  let last = -1;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    let k: number;
    if (code >= 48 && code <= 57) k = 100; // 'd'
    else if (code >= 65 && code <= 90) k = 88; // 'X'
    else if (code >= 97 && code <= 122) k = 120; // 'x'
    else if (code > 127 && word[i].toLowerCase() !== word[i]) k = 88;
    else if (code > 127 && word[i].toUpperCase() !== word[i]) k = 120;
    else k = code;
    if (i < 8) long = Math.imul(long ^ k, 0x01000193);
    if (k !== last) short = Math.imul(short ^ k, 0x01000193);
    last = k;
  }
  out[0] = short >>> 0;
  out[1] = long >>> 0;
}

/** Case class: 0 lower/other, 1 initial capital, 2 all capitals, 3 mixed/other with digits. */
export function caseClass(word: string): number {
  const first = word[0];
  if (first.toLowerCase() === first) return /\d/.test(word) ? 3 : 0;
  if (word.length > 1 && word.toUpperCase() === word && word.toLowerCase() !== word) return 2;
  return 1;
}

/** Whether a sentence is written in capitals (a CoNLL headline): casing tells little there. */
export function isCapsSentence(words: readonly string[]): boolean {
  let upper = 0;
  let letters = 0;
  for (const w of words) {
    if (w.toLowerCase() === w.toUpperCase()) continue;
    letters++;
    if (w.toUpperCase() === w) upper++;
  }
  return letters >= 2 && upper / letters > 0.8;
}

/** Collects how words are written across a document (sentences given as word lists). */
export function documentCasing(sentences: readonly (readonly string[])[]): DocumentCasing {
  const capitalisedMid = new Set<string>();
  const lowercase = new Set<string>();
  const contexts = new Map<string, number[]>();
  const addContext = (word: string, neighbour: string | undefined, side: number) => {
    if (neighbour === undefined) return;
    let list = contexts.get(word);
    if (!list) contexts.set(word, (list = []));
    if (list.length >= MAX_AGGREGATED_CONTEXTS) return;
    const h = (hashString(neighbour.toLowerCase()) ^ side) >>> 0;
    if (!list.includes(h)) list.push(h);
  };
  for (const words of sentences) {
    const caps = isCapsSentence(words);
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      const c = caseClass(w);
      if (c !== 0) {
        const lw = w.toLowerCase();
        addContext(lw, words[i - 1], 0x5bd1e995);
        addContext(lw, words[i + 1], 0x1b873593);
      }
      if (caps) continue;
      if (c === 0 && w.toUpperCase() !== w) lowercase.add(w);
      else if (c === 1 && i > 0 && !/^["“‘'(]$/.test(words[i - 1])) capitalisedMid.add(w.toLowerCase());
    }
  }
  return { capitalisedMid, lowercase, contexts };
}

const enum T {
  Bias, Lw, W0 = Lw + 5, Shape = W0 + 1, ShapeTri = Shape + 3, LongShape, Prefix, Suffix = Prefix + 4,
  CaseInfo = Suffix + 4, Cluster = CaseInfo + 1, ClusterPrev = Cluster + 6, ClusterNext = ClusterPrev + 2,
  CaseBucket = ClusterNext + 2, Gaz, GazPrev, GazNext, Doc, BigramPrev, BigramNext, Flags, LwCase, AggregatedContext,
  ListCase,
}

const PAD = hashString('<PAD>');
/**
 * Words whose facts and score sums stay cached (the cache starts over when full). A word holds about
 * 0.6 KB (8 x 17 integer sums and its facts), so this bounds a worker's cache near 40 MB; the 2,225
 * BBC articles have 38k distinct words.
 */
const MAX_CACHED_WORDS = 60_000;
/** More than one token's rows can be: 51 word rows (5 + 8 affixes + 6 clusters + 22 gazetteer + 2 + 6 list-case rows) and 72 context rows. */
const MAX_ROWS_PER_TOKEN = 160;

/**
 * Which of a token's rows {@link FeatureExtractor.sentenceFeatures} gives: `all`; `context`, all but
 * the {@link FeatureExtractor.wordRows}; `positional`, also without the {@link FeatureExtractor.caseRows}
 * and the {@link FeatureExtractor.neighbourRows} (a tagger that caches the sums of those per word adds
 * them itself).
 */
export type FeatureRowSet = 'all' | 'context' | 'positional';

/**
 * Adds up feature rows into fixed-width number vectors (a tagger: the model's weight of each tag),
 * for sums that {@link FeatureExtractor.sentenceSums} caches per word.
 */
export interface RowSums {
  /** Numbers per vector. */
  readonly width: number;
  /** Adds the vector of each of the first `count` rows of `rows` (all by default) into `into[at .. at + width)`. */
  add(rows: Int32Array, into: Int32Array, at: number, count?: number): void;
}

/** What the features need to know about a word regardless of where it stands. */
interface WordInfo {
  word: string;
  lower: string;
  /** For {@link isCapsSentence}: the word has letters of both cases, and it reads the same upper-cased. */
  cased: boolean;
  upper: boolean;
  lwHash: number;
  shortHash: number;
  caseClass: number;
  lexIndex: number;
  gazetteer: number;
  /** Rows of the features that depend on the word alone. */
  own: Int32Array;
  /**
   * Sums by {@link sumsOf}: `own` with the case rows, in each of the four case contexts (see
   * {@link caseContext}), then the word's neighbour rows at offsets -2, -1, +1, +2 ({@link NEIGHBOUR_OFFSETS}).
   */
  sums?: Int32Array;
  sumsOf?: RowSums;
}

/** The neighbour offsets of {@link FeatureExtractor.neighbourRows}. */
export const NEIGHBOUR_OFFSETS = [-2, -1, 1, 2] as const;

/**
 * A document's sentences with their words' cached facts looked up once, and its {@link DocumentCasing}:
 * what {@link FeatureExtractor.sentenceSums} tags from. Made by {@link FeatureExtractor.documentWords}.
 */
export class DocumentWords {
  constructor(
    readonly casing: DocumentCasing,
    /** Per sentence, its words' facts. */
    readonly info: readonly (readonly WordInfo[])[],
  ) {}

  /**
   * Per capitalised word (lower-cased), the sums of its aggregated-context rows, the same at each of
   * its mentions in the document ("The" opening every other sentence, a name said ten times); by
   * {@link FeatureExtractor.sentenceSums}, for the {@link RowSums} in `aggregatedOf`.
   */
  readonly aggregated = new Map<string, Int32Array>();
  aggregatedOf?: RowSums;
}

/**
 * Turns sentences into feature rows. Caches per-word work (hashes, shapes, affixes, lexicon look-ups),
 * which is most of the cost, so one extractor should serve many documents.
 */
export class FeatureExtractor {
  private readonly shift: number;
  private readonly cache = new Map<string, WordInfo>();
  /** The neighbour sums past the sentence edge, laid out as a word's `sums` (its own slots zero). */
  private edge?: { sums: Int32Array; sumsOf: RowSums };
  private scratchRows = new Int32Array(64 * MAX_ROWS_PER_TOKEN);
  private scratchOffsets = new Int32Array(65);
  /** One token's rows while a word's sums or facts are worked out (no array per case context or neighbour slot). */
  private readonly wordScratch = new Int32Array(MAX_ROWS_PER_TOKEN);
  private readonly shapeScratch = new Uint32Array(2);

  constructor(private readonly lexicon: NerLexicon, bucketBits: number) {
    this.shift = 32 - bucketBits;
  }

  /**
   * Feature rows of every token of a sentence: a flat array of row indices and `offsets`
   * (length words + 1) delimiting each token's rows; `rowSet` says which rows (see {@link FeatureRowSet}).
   */
  sentenceFeatures(words: readonly string[], doc: DocumentCasing, rowSet: FeatureRowSet = 'all'): { rows: Int32Array; offsets: Int32Array } {
    const info = this.sentenceInfo(words);
    return this.rowsOf(info, isCaps(info), doc, rowSet);
  }

  /**
   * The words of a document's sentences looked up once, and the document's casing: the same as
   * {@link documentCasing} gives, from the cached facts instead of casing and hashing every word again.
   */
  documentWords(sentences: readonly (readonly string[])[]): DocumentWords {
    const info = sentences.map((words) => this.sentenceInfo(words));
    const capitalisedMid = new Set<string>();
    const lowercase = new Set<string>();
    const contexts = new Map<string, number[]>();
    const addContext = (word: string, neighbour: WordInfo | undefined, side: number) => {
      if (neighbour === undefined) return;
      let list = contexts.get(word);
      if (!list) contexts.set(word, (list = []));
      if (list.length >= MAX_AGGREGATED_CONTEXTS) return;
      const h = (neighbour.lwHash ^ side) >>> 0;
      if (!list.includes(h)) list.push(h);
    };
    for (let s = 0; s < sentences.length; s++) {
      const words = sentences[s];
      const wordInfo = info[s];
      const caps = isCaps(wordInfo);
      for (let i = 0; i < words.length; i++) {
        const wi = wordInfo[i];
        const c = wi.caseClass;
        if (c !== 0) {
          addContext(wi.lower, wordInfo[i - 1], 0x5bd1e995);
          addContext(wi.lower, wordInfo[i + 1], 0x1b873593);
        }
        if (caps) continue;
        if (c === 0 && !wi.upper) lowercase.add(words[i]);
        else if (c === 1 && i > 0 && !/^["“‘'(]$/.test(words[i - 1])) capitalisedMid.add(wi.lower);
      }
    }
    return new DocumentWords({ capitalisedMid, lowercase, contexts }, info);
  }

  /**
   * What a tagger that caches sums per word needs, for sentence `s` of `doc`: writes into `out`
   * (`words * width`, row-major) each token's sums of its word rows ({@link wordRows}), its case rows
   * ({@link caseRows}) and its neighbours' rows ({@link neighbourRows}, the edge's past the sentence
   * ends), cached per word, and the sums of its aggregated-context rows, cached per document word; and
   * returns the rest of its rows, those of `sentenceFeatures(words, doc.casing, 'positional')` but the
   * aggregated-context ones, in buffers the next call overwrites.
   */
  sentenceSums(doc: DocumentWords, s: number, rowSums: RowSums, out: Int32Array): { rows: Int32Array; offsets: Int32Array } {
    const info = doc.info[s];
    const n = info.length;
    const width = rowSums.width;
    const edge = this.edgeSums(rowSums);
    // Slots of a word's sums: its own in case contexts 0..3, then as neighbour -2, -1, +1, +2.
    const asLeft2 = 4 * width;
    const asLeft1 = 5 * width;
    const asRight1 = 6 * width;
    const asRight2 = 7 * width;
    const caps = isCaps(info);
    let left2 = edge;
    let left1 = edge;
    let own = n > 0 ? this.wordSums(info[0], rowSums) : edge;
    let right1 = n > 1 ? this.wordSums(info[1], rowSums) : edge;
    for (let i = 0; i < n; i++) {
      const right2 = i + 2 < n ? this.wordSums(info[i + 2], rowSums) : edge;
      const base = i * width;
      const asOwn = caseContext(info, i, caps) * width;
      for (let t = 0; t < width; t++) out[base + t] = own[asOwn + t] + left2[asLeft2 + t] + left1[asLeft1 + t] + right1[asRight1 + t] + right2[asRight2 + t];
      left2 = left1;
      left1 = own;
      own = right1;
      right1 = right2;
    }
    // The aggregated-context rows of a capitalised word, summed once per document and word.
    if (doc.aggregatedOf !== rowSums) {
      doc.aggregated.clear();
      doc.aggregatedOf = rowSums;
    }
    const scratch = this.wordScratch;
    for (let i = 0; i < n; i++) {
      const wi = info[i];
      if (wi.caseClass === 0) continue;
      let sums = doc.aggregated.get(wi.lower);
      if (!sums) {
        sums = new Int32Array(width);
        const contexts = doc.casing.contexts.get(wi.lower);
        if (contexts) {
          for (let k = 0; k < contexts.length; k++) scratch[k] = bucket(T.AggregatedContext, contexts[k], this.shift);
          rowSums.add(scratch, sums, 0, contexts.length);
        }
        doc.aggregated.set(wi.lower, sums);
      }
      const base = i * width;
      for (let t = 0; t < width; t++) out[base + t] += sums[t];
    }
    return this.rowsOf(info, caps, doc.casing, 'positional', true);
  }

  private sentenceInfo(words: readonly string[]): WordInfo[] {
    const info: WordInfo[] = new Array<WordInfo>(words.length);
    for (let i = 0; i < words.length; i++) info[i] = this.wordInfo(words[i]);
    return info;
  }

  private wordSums(wi: WordInfo, rowSums: RowSums): Int32Array {
    if (wi.sumsOf === rowSums && wi.sums) return wi.sums;
    const width = rowSums.width;
    const sums = new Int32Array(8 * width);
    const scratch = this.wordScratch;
    rowSums.add(wi.own, sums, 0);
    for (let context = 3; context >= 0; context--) {
      sums.copyWithin(context * width, 0, width);
      rowSums.add(scratch, sums, context * width, this.caseRowsInto(wi, context, scratch));
    }
    for (let k = 0; k < NEIGHBOUR_OFFSETS.length; k++) rowSums.add(scratch, sums, (k + 4) * width, this.neighbourRowsInto(wi, NEIGHBOUR_OFFSETS[k], scratch));
    wi.sums = sums;
    wi.sumsOf = rowSums;
    return sums;
  }

  private edgeSums(rowSums: RowSums): Int32Array {
    if (this.edge?.sumsOf === rowSums) return this.edge.sums;
    const sums = new Int32Array(8 * rowSums.width);
    const scratch = this.wordScratch;
    for (let k = 0; k < NEIGHBOUR_OFFSETS.length; k++) rowSums.add(scratch, sums, (k + 4) * rowSums.width, this.neighbourRowsInto(undefined, NEIGHBOUR_OFFSETS[k], scratch));
    this.edge = { sums, sumsOf: rowSums };
    return sums;
  }

  private rowsOf(info: readonly WordInfo[], caps: number, doc: DocumentCasing, rowSet: FeatureRowSet, reuse = false): { rows: Int32Array; offsets: Int32Array } {
    const n = info.length;
    const shift = this.shift;
    const includeWordRows = rowSet === 'all';
    const includePerWordRows = rowSet !== 'positional';
    // Tagging reuses one pair of buffers for every sentence (no zero-filled arrays to allocate and collect).
    let offsets = reuse && this.scratchOffsets.length > n ? this.scratchOffsets : new Int32Array(reuse ? 2 * n + 1 : n + 1);
    let rows = reuse ? this.scratchRows : new Int32Array(n * 48 + MAX_ROWS_PER_TOKEN);
    let at = 0;
    // Hot loop: rows written in place (room for one token's rows is ensured first), no closures.
    for (let i = 0; i < n; i++) {
      if (at + MAX_ROWS_PER_TOKEN > rows.length) {
        const grown = new Int32Array(rows.length * 2);
        grown.set(rows);
        rows = grown;
      }
      offsets[i] = at;
      const wi = info[i];
      if (includeWordRows) {
        rows.set(wi.own, at);
        at += wi.own.length;
      }
      const cc = wi.caseClass;
      const lwPrev2 = i >= 2 ? info[i - 2].lwHash : PAD;
      const lwPrev = i >= 1 ? info[i - 1].lwHash : PAD;
      const lwNext = i + 1 < n ? info[i + 1].lwHash : PAD;
      const lwNext2 = i + 2 < n ? info[i + 2].lwHash : PAD;
      const shapePrev = i >= 1 ? info[i - 1].shortHash : PAD;
      const shapeNext = i + 1 < n ? info[i + 1].shortHash : PAD;
      if (includePerWordRows) {
        rows[at++] = bucket(T.Lw, lwPrev2, shift);
        rows[at++] = bucket(T.Lw + 1, lwPrev, shift);
        rows[at++] = bucket(T.Lw + 3, lwNext, shift);
        rows[at++] = bucket(T.Lw + 4, lwNext2, shift);
        rows[at++] = bucket(T.Shape, shapePrev, shift);
        rows[at++] = bucket(T.Shape + 2, shapeNext, shift);
      }
      rows[at++] = bucket(T.ShapeTri, Math.imul(shapePrev, 31) ^ wi.shortHash ^ Math.imul(shapeNext, 17), shift);
      const initial = isInitial(info, i);
      if (includePerWordRows) {
        const caseCode = cc * 4 + initial * 2 + caps;
        rows[at++] = bucket(T.CaseInfo, caseCode, shift);
        const li = wi.lexIndex;
        rows[at++] = bucket(T.CaseBucket, (li >= 0 ? this.lexicon.caseBucket[li] : 31) * 32 + caseCode, shift);
        at = this.clusterRows(rows, at, T.ClusterPrev, i >= 1 ? info[i - 1].lexIndex : -2);
        at = this.clusterRows(rows, at, T.ClusterNext, i + 1 < n ? info[i + 1].lexIndex : -2);
        if (i > 0) at = bitRows(rows, at, T.GazPrev, info[i - 1].gazetteer, shift);
        if (i + 1 < n) at = bitRows(rows, at, T.GazNext, info[i + 1].gazetteer, shift);
      }
      if (cc !== 0 && (initial || caps || cc === 2)) {
        const docCode = (doc.capitalisedMid.has(wi.lower) ? 1 : 0) + (doc.lowercase.has(wi.lower) ? 2 : 0);
        rows[at++] = bucket(T.Doc, docCode * 8 + cc * 2 + caps, shift);
      }
      // Tagging (`reuse`) adds these from sums cached per document word instead (see sentenceSums).
      if (cc !== 0 && !reuse) {
        const aggregated = doc.contexts.get(wi.lower);
        if (aggregated) for (let k = 0; k < aggregated.length; k++) rows[at++] = bucket(T.AggregatedContext, aggregated[k], shift);
      }
      rows[at++] = bucket(T.BigramPrev, Math.imul(lwPrev, 0x2f0b3) ^ wi.lwHash, shift);
      rows[at++] = bucket(T.BigramNext, Math.imul(wi.lwHash, 0x1b873) ^ lwNext, shift);
    }
    offsets[n] = at;
    if (reuse) {
      this.scratchRows = rows;
      this.scratchOffsets = offsets;
      offsets = offsets.subarray(0, n + 1);
    }
    return { rows: rows.subarray(0, at), offsets };
  }

  /** Cluster rows of a neighbour (`lexIndex` -2: none, the sentence edge; -1: not in the lexicon). */
  private clusterRows(rows: Int32Array, at: number, template: number, lexIndex: number): number {
    if (lexIndex === -2) rows[at++] = bucket(template, 0x10000, this.shift);
    else if (lexIndex >= 0) {
      const sig = this.lexicon.signature[lexIndex];
      rows[at++] = bucket(template, sig & 0xffff, this.shift);
      rows[at++] = bucket(template + 1, (sig & 0xff) | 0x20000, this.shift);
    }
    return at;
  }

  /**
   * The word's gazetteer mask ({@link NerLexicon.gazetteer} of its lower-cased form, 0 if unlisted), from
   * its cached facts: the document rules ask about words the tagger has just looked up.
   */
  gazetteerMask(word: string): number {
    // No token is empty, but the facts of an empty word cannot be worked out (it has no case class).
    if (!word) return this.lexicon.gazetteer.get(word) ?? 0;
    return this.wordInfo(word).gazetteer;
  }

  /** The word's {@link NerLexicon.caseBucket} (0 when it is not in the lexicon), from its cached facts. */
  caseBucketOf(word: string): number {
    const li = word ? this.wordInfo(word).lexIndex : (this.lexicon.words.get(word) ?? -1);
    return li >= 0 ? this.lexicon.caseBucket[li] : 0;
  }

  /** Rows of the features that depend on the word alone, wherever it stands (part of {@link sentenceFeatures}). */
  wordRows(word: string): Int32Array {
    return this.wordInfo(word).own;
  }

  /**
   * Rows of a token that depend only on the word `offset` (-2, -1, +1 or +2) positions from it, or on
   * there being none (`word` undefined: past the sentence edge); part of {@link sentenceFeatures}, the
   * same rows as the neighbour templates there write.
   */
  neighbourRows(word: string | undefined, offset: (typeof NEIGHBOUR_OFFSETS)[number]): Int32Array {
    return this.rowsAsNeighbour(word === undefined ? undefined : this.wordInfo(word), offset);
  }

  /**
   * Rows of token `i` of a sentence that depend on its word, whether it opens the sentence and whether
   * the sentence is in capitals (part of {@link sentenceFeatures}, the same as written there).
   */
  caseRows(words: readonly string[], i: number): Int32Array {
    const info = this.sentenceInfo(words);
    return this.caseRowsOf(info[i], caseContext(info, i, isCaps(info)));
  }

  private caseRowsOf(wi: WordInfo, context: number): Int32Array {
    const rows = new Int32Array(2);
    this.caseRowsInto(wi, context, rows);
    return rows;
  }

  /** Writes the case rows of {@link caseRowsOf} at the start of `rows`; returns how many. */
  private caseRowsInto(wi: WordInfo, context: number, rows: Int32Array): number {
    const caseCode = wi.caseClass * 4 + context;
    const li = wi.lexIndex;
    rows[0] = bucket(T.CaseInfo, caseCode, this.shift);
    rows[1] = bucket(T.CaseBucket, (li >= 0 ? this.lexicon.caseBucket[li] : 31) * 32 + caseCode, this.shift);
    return 2;
  }

  private rowsAsNeighbour(wi: WordInfo | undefined, offset: number): Int32Array {
    const rows = new Int32Array(MAX_ROWS_PER_TOKEN);
    return rows.slice(0, this.neighbourRowsInto(wi, offset, rows));
  }

  /** Writes the rows of {@link rowsAsNeighbour} at the start of `rows`; returns how many. */
  private neighbourRowsInto(wi: WordInfo | undefined, offset: number, rows: Int32Array): number {
    const shift = this.shift;
    let at = 0;
    const lw = wi ? wi.lwHash : PAD;
    const shape = wi ? wi.shortHash : PAD;
    const lexIndex = wi ? wi.lexIndex : -2;
    if (offset === -2) rows[at++] = bucket(T.Lw, lw, shift);
    else if (offset === 2) rows[at++] = bucket(T.Lw + 4, lw, shift);
    else if (offset === -1) {
      rows[at++] = bucket(T.Lw + 1, lw, shift);
      rows[at++] = bucket(T.Shape, shape, shift);
      at = this.clusterRows(rows, at, T.ClusterPrev, lexIndex);
      if (wi) at = bitRows(rows, at, T.GazPrev, wi.gazetteer, shift);
    } else {
      rows[at++] = bucket(T.Lw + 3, lw, shift);
      rows[at++] = bucket(T.Shape + 2, shape, shift);
      at = this.clusterRows(rows, at, T.ClusterNext, lexIndex);
      if (wi) at = bitRows(rows, at, T.GazNext, wi.gazetteer, shift);
    }
    return at;
  }

  private wordInfo(word: string): WordInfo {
    const cached = this.cache.get(word);
    if (cached) return cached;
    if (this.cache.size >= MAX_CACHED_WORDS) this.cache.clear();
    const shift = this.shift;
    const lower = word.toLowerCase();
    const upperCased = word.toUpperCase();
    const lwHash = hashString(lower);
    const shapeHash = this.shapeScratch;
    shapeHashes(word, shapeHash);
    const shortHash = shapeHash[0];
    const cc = caseClass(word);
    const lexIndex = this.lexicon.words.get(lower) ?? -1;
    const gazetteer = this.lexicon.gazetteer.get(lower) ?? 0;
    // Written into the scratch row buffer, then copied once: no growing list per word met.
    const own = this.wordScratch;
    own[0] = bucket(T.Bias, 0, shift);
    own[1] = bucket(T.Lw + 2, lwHash, shift);
    own[2] = bucket(T.W0, hashString(word), shift);
    own[3] = bucket(T.Shape + 1, shortHash, shift);
    own[4] = bucket(T.LongShape, shapeHash[1], shift);
    let at = 5;
    for (let k = 1; k <= 4 && k <= lower.length; k++) {
      own[at++] = bucket(T.Prefix + k - 1, hashRange(lower, 0, k), shift);
      own[at++] = bucket(T.Suffix + k - 1, hashRange(lower, lower.length - k, lower.length), shift);
    }
    if (lexIndex >= 0) {
      const sig = this.lexicon.signature[lexIndex];
      for (let c = 0; c < 4; c++) own[at++] = bucket(T.Cluster + c, (sig >>> (c * 8)) & 0xff, shift);
      own[at++] = bucket(T.Cluster + 4, sig & 0xffff, shift);
      own[at++] = bucket(T.Cluster + 5, sig >>> 16, shift);
    }
    at = bitRows(own, at, T.Gaz, gazetteer, shift);
    // A listed name counts for more when written as one ("Denver" vs "denver"): list bits crossed with the case class.
    for (let b = 16; b < 22; b++) if (gazetteer & (1 << b)) own[at++] = bucket(T.ListCase, b * 4 + cc, shift);
    const flags = (/\d/.test(word) ? 1 : 0) | (word.includes('-') ? 2 : 0) | (word.includes('.') ? 4 : 0) | (Math.min(word.length, 7) << 3);
    own[at++] = bucket(T.Flags, flags, shift);
    own[at++] = bucket(T.LwCase, lwHash ^ (cc + 1), shift);
    const info: WordInfo = { word, lower, cased: lower !== upperCased, upper: upperCased === word, lwHash, shortHash, caseClass: cc, lexIndex, gazetteer, own: own.slice(0, at) };
    this.cache.set(word, info);
    return info;
  }
}

/** Whether token `i` opens its sentence, for the case features: first, or second after an opening quote, bracket or dash. */
function isInitial(info: readonly WordInfo[], i: number): number {
  return i === 0 || (i === 1 && /^["“‘'(\-—–]$/.test(info[0].word)) ? 1 : 0;
}

/** A token's case context, 0..3: whether it opens its sentence (2) and whether the sentence is in capitals (1). */
function caseContext(info: readonly WordInfo[], i: number, caps: number): number {
  return isInitial(info, i) * 2 + caps;
}

/** {@link isCapsSentence} from the cached case facts: the same test without upper- and lower-casing every word. */
function isCaps(info: readonly WordInfo[]): number {
  let cased = 0;
  let upper = 0;
  for (let i = 0; i < info.length; i++) {
    if (info[i].cased) {
      cased++;
      if (info[i].upper) upper++;
    }
  }
  return cased >= 2 && upper / cased > 0.8 ? 1 : 0;
}

/** Rows of a gazetteer mask (a row per bit set, or one for none) written into `rows` at `at`; returns the new end. */
function bitRows(rows: Int32Array, at: number, template: number, mask: number, shift: number): number {
  if (!mask) {
    rows[at++] = bucket(template, 0xffff, shift);
    return at;
  }
  for (let b = 0; b < 22; b++) if (mask & (1 << b)) rows[at++] = bucket(template, b, shift);
  return at;
}
