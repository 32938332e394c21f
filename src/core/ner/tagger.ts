import { documentCasing, type FeatureExtractor } from './features';
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
 * Per word, the summed scores of its word-only feature rows (about half of a token's rows): a word
 * recurs across sentences and documents, so its share of the emission is added once per word.
 */
class WordScores {
  private readonly byWord = new Map<string, Int32Array>();

  constructor(private readonly features: FeatureExtractor, readonly packed: PackedWeights) {}

  of(word: string): Int32Array {
    const cached = this.byWord.get(word);
    if (cached) return cached;
    if (this.byWord.size >= MAX_CACHED_WORD_SCORES) this.byWord.clear();
    const { rowStart, weights, numTags } = this.packed;
    const sum = new Int32Array(numTags);
    for (const bucket of this.features.wordRows(word)) {
      const row = rowStart[bucket];
      if (row >= 0) for (let t = 0; t < numTags; t++) sum[t] += weights[row + t];
    }
    this.byWord.set(word, sum);
    return sum;
  }
}

const wordScoresByExtractor = new WeakMap<FeatureExtractor, WordScores>();

/**
 * Emission scores into `out` (reused across sentences): each word's cached word-only sum plus its
 * context rows (`rows` without the word rows). Integer sums, exact in float64, so the order of
 * addition does not change a score.
 */
function packedEmissionScores(words: readonly string[], rows: Int32Array, offsets: Int32Array, packed: PackedWeights, wordScores: WordScores, out: Int32Array): void {
  const { rowStart, weights, numTags } = packed;
  const n = offsets.length - 1;
  for (let i = 0; i < n; i++) {
    const base = i * numTags;
    const own = wordScores.of(words[i]);
    for (let t = 0; t < numTags; t++) out[base + t] = own[t];
    for (let f = offsets[i], end = offsets[i + 1]; f < end; f++) {
      const row = rowStart[rows[f]];
      if (row < 0) continue;
      for (let t = 0; t < numTags; t++) out[base + t] += weights[row + t];
    }
  }
}

/** Tags the sentences of one document (as word lists) with the model; names per sentence, as token spans. */
export function tagDocument(model: NerModel, features: FeatureExtractor, sentences: readonly (readonly string[])[]): TaggedSpan[][] {
  if (model.numTags !== NUM_TAGS) throw new Error(`NER model has ${model.numTags} tags, expected ${NUM_TAGS}`);
  const doc = documentCasing(sentences);
  const packed = packedWeights(model);
  let wordScores = wordScoresByExtractor.get(features);
  // Keyed by extractor; a word's sums belong to one model's weights.
  if (wordScores?.packed !== packed) wordScoresByExtractor.set(features, (wordScores = new WordScores(features, packed)));
  let emission = new Int32Array(64 * NUM_TAGS);
  const out: TaggedSpan[][] = [];
  for (const words of sentences) {
    if (!words.length) {
      out.push([]);
      continue;
    }
    if (emission.length < words.length * NUM_TAGS) emission = new Int32Array(words.length * 2 * NUM_TAGS);
    const { rows, offsets } = features.sentenceFeatures(words, doc, false);
    packedEmissionScores(words, rows, offsets, packed, wordScores, emission);
    out.push(spansOf(viterbi(words.length, emission, model.transitions)));
  }
  return out;
}
