import type { DocumentWords, FeatureExtractor, RowSums } from './features';
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
 * better than the dense one. Sums are the same integers, so tagging output does not change. As
 * {@link RowSums}, one vector of per-tag scores per row, for the sums the extractor caches per word.
 */
class PackedWeights implements RowSums {
  /** Bucket -> offset of its row in `weights`, or -1 for a row of zeros. */
  readonly rowStart: Int32Array;
  readonly weights: Int16Array;
  readonly numTags: number;
  readonly width: number;

  constructor(model: NerModel) {
    this.rowStart = model.rowStart;
    this.weights = model.rowWeights;
    this.numTags = this.width = model.numTags;
  }

  add(rows: Int32Array, into: Int32Array, at: number, count = rows.length): void {
    const { rowStart, weights, numTags } = this;
    for (let f = 0; f < count; f++) {
      const row = rowStart[rows[f]];
      if (row >= 0) for (let t = 0; t < numTags; t++) into[at + t] += weights[row + t];
    }
  }
}

const packedByModel = new WeakMap<NerModel, PackedWeights>();

/**
 * Emission scores of one non-empty sentence (`words.length * numTags`) from the packed weights, the
 * sums of word and neighbour rows cached per word by the extractor, and the positional rows: the same
 * integers as {@link emissionScores} over all its {@link FeatureExtractor.sentenceFeatures} rows with
 * the model's weights (integer sums, exact, so the order of addition does not change a score).
 * Written into `out` when it is large enough (what is returned may be longer than the sentence needs).
 */
export function packedSentenceEmissions(model: NerModel, features: FeatureExtractor, doc: DocumentWords, s: number, out?: Int32Array): Int32Array {
  const n = doc.info[s].length;
  let packed = packedByModel.get(model);
  if (!packed) packedByModel.set(model, (packed = new PackedWeights(model)));
  const { rowStart, weights, numTags } = packed;
  if (!out || out.length < n * numTags) out = new Int32Array(n * 2 * numTags);
  const { rows, offsets } = features.sentenceSums(doc, s, packed, out);
  for (let i = 0; i < n; i++) {
    const base = i * numTags;
    for (let f = offsets[i], end = offsets[i + 1]; f < end; f++) {
      const row = rowStart[rows[f]];
      if (row < 0) continue;
      for (let t = 0; t < numTags; t++) out[base + t] += weights[row + t];
    }
  }
  return out;
}

/** Tags the sentences of one document (as word lists) with the model; names per sentence, as token spans. */
export function tagDocument(model: NerModel, features: FeatureExtractor, sentences: readonly (readonly string[])[]): TaggedSpan[][] {
  if (model.numTags !== NUM_TAGS) throw new Error(`NER model has ${model.numTags} tags, expected ${NUM_TAGS}`);
  const doc = features.documentWords(sentences);
  let emission: Int32Array = new Int32Array(64 * NUM_TAGS);
  const out: TaggedSpan[][] = [];
  for (let s = 0; s < sentences.length; s++) {
    const n = sentences[s].length;
    if (!n) {
      out.push([]);
      continue;
    }
    emission = packedSentenceEmissions(model, features, doc, s, emission);
    out.push(spansOf(viterbi(n, emission, model.transitions)));
  }
  return out;
}
