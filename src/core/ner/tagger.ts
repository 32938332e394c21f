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

/** Tags the sentences of one document (as word lists) with the model; names per sentence, as token spans. */
export function tagDocument(model: NerModel, features: FeatureExtractor, sentences: readonly (readonly string[])[]): TaggedSpan[][] {
  if (model.numTags !== NUM_TAGS) throw new Error(`NER model has ${model.numTags} tags, expected ${NUM_TAGS}`);
  const doc = documentCasing(sentences);
  return sentences.map((words) => {
    if (!words.length) return [];
    const { rows, offsets } = features.sentenceFeatures(words, doc);
    const emission = emissionScores(rows, offsets, model.weights, NUM_TAGS);
    return spansOf(viterbi(words.length, emission, model.transitions));
  });
}
