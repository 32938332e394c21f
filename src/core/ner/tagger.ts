import { documentCasing, NEIGHBOUR_OFFSETS, type DocumentCasing, type FeatureExtractor } from './features';
import type { NerModel } from './modelFormat';
import { NUM_TAGS, spansOf, viterbi, type TaggedSpan } from './tags';

/**
 * Sums each token's weight rows into per-tag emission scores (`n * numTags`, row-major).
 * Shared by training (float weights) and tagging (quantised int16 weights).
 */
export function emissionScores(
  rows: Int32Array,
  offsets: Int32Array,
  weights: Int16Array | Float32Array,
  numTags: number,
): Float64Array {
  const n = offsets.length - 1;
  const out = new Float64Array(n * numTags);
  for (let i = 0; i < n; i++) {
    const base = i * numTags;
    for (let f = offsets[i]; f < offsets[i + 1]; f++) {
      const row = rows[f] * numTags;
      for (let t = 0; t < numTags; t++) out[base + t] += weights[row + t];
    }
  }
  return out;
}

/**
 * The model's weight rows packed for tagging: most hashed features land on rows the model left at
 * zero (about 87% of them), so only non-zero rows are kept, contiguous, and a feature on a zero row
 * costs one look-up instead of a row of additions. The packed table also fits the CPU caches far
 * better than the dense one. Sums are the same integers, so tagging output does not change.
 */
interface PackedWeights {
  /** Bucket -> offset of its row in `weights`, or -1 for a row of zeros. */
  rowStart: Int32Array;
  weights: Int16Array;
  numTags: number;
}

const packedByModel = new WeakMap<NerModel, PackedWeights>();

function packedWeights(model: NerModel): PackedWeights {
  let packed = packedByModel.get(model);
  if (!packed) packedByModel.set(model, (packed = { rowStart: model.rowStart, weights: model.rowWeights, numTags: model.numTags }));
  return packed;
}

const MAX_CACHED_WORD_SCORES = 100_000;

/**
 * Per word, the summed scores of the rows that depend on that one word (most of a
 * token's rows): its word-only rows, then its rows as the neighbour at offset -2, -1, +1 and +2 of a
 * token ({@link NEIGHBOUR_OFFSETS}), `5 * numTags` numbers. A word recurs across sentences and
 * documents, so each share of an emission is summed once per word.
 */
class WordScores {
  private readonly byWord = new Map<string, Int32Array>();
  /** The neighbour sums past the sentence edge, laid out as a word's (its word-only slot zero). */
  readonly edge: Int32Array;

  constructor(private readonly features: FeatureExtractor, readonly packed: PackedWeights) {
    this.edge = new Int32Array(5 * packed.numTags);
    NEIGHBOUR_OFFSETS.forEach((offset, k) => this.addRows(this.edge, (k + 1) * packed.numTags, features.neighbourRows(undefined, offset)));
  }

  of(word: string): Int32Array {
    const cached = this.byWord.get(word);
    if (cached) return cached;
    if (this.byWord.size >= MAX_CACHED_WORD_SCORES) this.byWord.clear();
    const numTags = this.packed.numTags;
    const sums = new Int32Array(5 * numTags);
    this.addRows(sums, 0, this.features.wordRows(word));
    NEIGHBOUR_OFFSETS.forEach((offset, k) => this.addRows(sums, (k + 1) * numTags, this.features.neighbourRows(word, offset)));
    this.byWord.set(word, sums);
    return sums;
  }

  private addRows(sums: Int32Array, at: number, buckets: Int32Array): void {
    const { rowStart, weights, numTags } = this.packed;
    for (const bucket of buckets) {
      const row = rowStart[bucket];
      if (row >= 0) for (let t = 0; t < numTags; t++) sums[at + t] += weights[row + t];
    }
  }
}

const wordScoresByExtractor = new WeakMap<FeatureExtractor, WordScores>();

/**
 * Emission scores into `out` (reused across sentences): the cached sums of each token's word and of
 * its neighbours at -2..+2 (or the edge sums), plus its positional rows (`rows`). Integer sums, exact,
 * so the order of addition does not change a score.
 */
function packedEmissionScores(scores: readonly Int32Array[], rows: Int32Array, offsets: Int32Array, packed: PackedWeights, edge: Int32Array, out: Int32Array): void {
  const { rowStart, weights, numTags } = packed;
  const n = offsets.length - 1;
  // Slots of a word's sums (see WordScores): word-only, then as neighbour -2, -1, +1, +2.
  const asLeft2 = numTags;
  const asLeft1 = 2 * numTags;
  const asRight1 = 3 * numTags;
  const asRight2 = 4 * numTags;
  for (let i = 0; i < n; i++) {
    const base = i * numTags;
    const own = scores[i];
    const left2 = i >= 2 ? scores[i - 2] : edge;
    const left1 = i >= 1 ? scores[i - 1] : edge;
    const right1 = i + 1 < n ? scores[i + 1] : edge;
    const right2 = i + 2 < n ? scores[i + 2] : edge;
    for (let t = 0; t < numTags; t++) {
      out[base + t] = own[t] + left2[asLeft2 + t] + left1[asLeft1 + t] + right1[asRight1 + t] + right2[asRight2 + t];
    }
    for (let f = offsets[i], end = offsets[i + 1]; f < end; f++) {
      const row = rowStart[rows[f]];
      if (row < 0) continue;
      for (let t = 0; t < numTags; t++) out[base + t] += weights[row + t];
    }
  }
}

function wordScoresOf(model: NerModel, features: FeatureExtractor): WordScores {
  const packed = packedWeights(model);
  let wordScores = wordScoresByExtractor.get(features);
  // Keyed by extractor; a word's sums belong to one model's weights.
  if (wordScores?.packed !== packed) wordScoresByExtractor.set(features, (wordScores = new WordScores(features, packed)));
  return wordScores;
}

/** Reused across sentences; only the first `words.length` entries are read, and it only grows, staying packed. */
const sentenceScores: Int32Array[] = [];

/**
 * Emission scores of one non-empty sentence (`words.length * numTags`) from the packed weights and
 * the per-word cached sums: the same integers as {@link emissionScores} over all its
 * {@link FeatureExtractor.sentenceFeatures} rows with the model's weights. Written into `out` when it
 * is large enough (what is returned may be longer than the sentence needs).
 */
export function packedSentenceEmissions(model: NerModel, features: FeatureExtractor, words: readonly string[], doc: DocumentCasing, out?: Int32Array): Int32Array {
  const wordScores = wordScoresOf(model, features);
  if (!out || out.length < words.length * model.numTags) out = new Int32Array(words.length * 2 * model.numTags);
  const { rows, offsets } = features.sentenceFeatures(words, doc, 'positional');
  for (let i = 0; i < words.length; i++) sentenceScores[i] = wordScores.of(words[i]);
  packedEmissionScores(sentenceScores, rows, offsets, wordScores.packed, wordScores.edge, out);
  return out;
}

/** Tags the sentences of one document (as word lists) with the model; names per sentence, as token spans. */
export function tagDocument(model: NerModel, features: FeatureExtractor, sentences: readonly (readonly string[])[]): TaggedSpan[][] {
  if (model.numTags !== NUM_TAGS) throw new Error(`NER model has ${model.numTags} tags, expected ${NUM_TAGS}`);
  const doc = documentCasing(sentences);
  let emission: Int32Array = new Int32Array(64 * NUM_TAGS);
  const out: TaggedSpan[][] = [];
  for (const words of sentences) {
    if (!words.length) {
      out.push([]);
      continue;
    }
    emission = packedSentenceEmissions(model, features, words, doc, emission);
    out.push(spansOf(viterbi(words.length, emission, model.transitions)));
  }
  return out;
}
