/**
 * The binary model file (`models/ner-en.bin`): averaged-perceptron weights quantised to int16 and
 * stored as sparse rows, BILOU transition scores, the word lexicon (context signatures and casing
 * learned from unlabeled text) and the training-data gazetteer. Read from a Uint8Array with no Node
 * API, so it loads in the browser too.
 *
 * Layout (little-endian): "NER1", u32 bucketBits, u32 numTags, f32 scale, u32 rowCount, then
 * rowCount u32 row indices, rowCount*numTags i16 weights (padded to 4 bytes), (numTags+1)*numTags f32
 * transitions, then the lexicon and the gazetteer. In "NER2" files: u32 wordCount, wordCount u32 word
 * hashes and u32 check hashes sorted by hash (a word's index is its place; see {@link HashedWordMasks}),
 * wordCount u32 signatures, wordCount u8 case buckets (padded), u32 gazCount and gazCount u32 word hashes,
 * u32 check hashes and u32 masks, sorted by hash: no word is stored as text, so loading builds no `Map`.
 * In "NER1" files (still read): u32 wordBytes, UTF-8 words joined by '\n' (padded), u32 wordCount,
 * signatures and case buckets as above, u32 gazBytes, UTF-8 gazetteer words (padded), u32 gazCount,
 * gazCount u32 masks.
 */
import { checkHash, hashString, HashedWordMasks, type NerLexicon } from './features';

/** A decoded model, ready for tagging. */
export interface NerModel {
  bucketBits: number;
  numTags: number;
  /**
   * Bucket -> offset of its row in `rowWeights`, or -1 where the model's row is all zeros (most
   * buckets): the sparse rows as stored, so a loaded model does not hold a dense table it never reads.
   */
  rowStart: Int32Array;
  /** The non-zero rows, `numTags` weights each, in units of `scale`. */
  rowWeights: Int16Array;
  scale: number;
  /** `(numTags + 1) * numTags` transition scores in weight units (row 0 = sentence start). */
  transitions: Float32Array;
  lexicon: NerLexicon;
}

const MAGIC_V1 = 0x3152454e; // "NER1"
const MAGIC = 0x3252454e; // "NER2"

/** Serialises a model from float weights; rows that quantise to all zeros are left out. */
export function encodeModel(
  bucketBits: number,
  numTags: number,
  weights: Float32Array,
  transitions: Float32Array,
  lexicon: NerLexicon & { words: Map<string, number>; gazetteer: Map<string, number> },
): Uint8Array {
  let maxAbs = 0;
  for (let i = 0; i < weights.length; i++) maxAbs = Math.max(maxAbs, Math.abs(weights[i]));
  const scale = maxAbs / 32767 || 1;
  const rowIndices: number[] = [];
  const rowValues: number[] = [];
  const rows = weights.length / numTags;
  for (let r = 0; r < rows; r++) {
    const q: number[] = [];
    let any = false;
    for (let t = 0; t < numTags; t++) {
      const v = Math.round(weights[r * numTags + t] / scale);
      q.push(v);
      if (v) any = true;
    }
    if (!any) continue;
    rowIndices.push(r);
    rowValues.push(...q);
  }
  // Words in hash order: a word's index is its place in that order (see HashedWordMasks).
  const words = [...lexicon.words.keys()].map((w) => [hashString(w), checkHash(w), lexicon.words.get(w)!]);
  words.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const gazEntries = [...lexicon.gazetteer.entries()].map(([w, mask]) => [hashString(w), checkHash(w), mask]);
  gazEntries.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const parts: Uint8Array[] = [];
  const header = new DataView(new ArrayBuffer(20));
  header.setUint32(0, MAGIC, true);
  header.setUint32(4, bucketBits, true);
  header.setUint32(8, numTags, true);
  header.setFloat32(12, scale, true);
  header.setUint32(16, rowIndices.length, true);
  parts.push(new Uint8Array(header.buffer));
  parts.push(new Uint8Array(Uint32Array.from(rowIndices).buffer));
  parts.push(padded(new Uint8Array(Int16Array.from(rowValues).buffer)));
  parts.push(new Uint8Array(Float32Array.from(transitions.map((v) => v / scale)).buffer));
  parts.push(u32(words.length));
  for (let k = 0; k < 2; k++) parts.push(new Uint8Array(Uint32Array.from(words.map((e) => e[k])).buffer));
  parts.push(new Uint8Array(Uint32Array.from(words.map((e) => lexicon.signature[e[2]])).buffer));
  parts.push(padded(Uint8Array.from(words.map((e) => lexicon.caseBucket[e[2]]))));
  parts.push(u32(gazEntries.length));
  for (let k = 0; k < 3; k++) parts.push(new Uint8Array(Uint32Array.from(gazEntries.map((e) => e[k])).buffer));
  const total = parts.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Reads a model file. Throws on a file that is not a model of this format. */
export function decodeModel(bytes: Uint8Array): NerModel {
  // Copy once so typed-array views are aligned whatever the source buffer's offset.
  const buf = bytes.slice().buffer;
  const view = new DataView(buf);
  const magic = bytes.length >= 20 ? view.getUint32(0, true) : 0;
  if (magic !== MAGIC && magic !== MAGIC_V1) throw new Error('not a News Annotator NER model (bad magic)');
  const bucketBits = view.getUint32(4, true);
  const numTags = view.getUint32(8, true);
  const scale = view.getFloat32(12, true);
  const rowCount = view.getUint32(16, true);
  let at = 20;
  const rowIndices = new Uint32Array(buf, at, rowCount);
  at += rowCount * 4;
  const rowValues = new Int16Array(buf, at, rowCount * numTags);
  at += pad4(rowCount * numTags * 2);
  const transitions = new Float32Array(buf, at, (numTags + 1) * numTags);
  at += transitions.byteLength;
  const bucketCount = 1 << bucketBits;
  const rowStart = new Int32Array(bucketCount).fill(-1);
  for (let r = 0; r < rowCount; r++) {
    if (rowIndices[r] >= bucketCount) throw new Error('corrupt NER model (row index)');
    rowStart[rowIndices[r]] = r * numTags;
  }
  const rowWeights = rowValues.slice();
  const decoder = new TextDecoder();
  const readText = (): string[] => {
    const length = view.getUint32(at, true);
    at += 4;
    const text = decoder.decode(new Uint8Array(buf, at, length));
    at += pad4(length);
    return text ? text.split('\n') : [];
  };
  let wordIndex: NerLexicon['words'];
  let wordCount: number;
  if (magic === MAGIC) {
    wordCount = view.getUint32(at, true);
    at += 4;
    if (at + wordCount * 13 > buf.byteLength) throw new Error('corrupt NER model (word count)');
    wordIndex = new HashedWordMasks(new Uint32Array(buf, at, wordCount), new Uint32Array(buf, at + wordCount * 4, wordCount), Uint32Array.from({ length: wordCount }, (_, i) => i));
    at += wordCount * 8;
  } else {
    const words = readText();
    wordCount = view.getUint32(at, true);
    at += 4;
    if (wordCount !== words.length) throw new Error('corrupt NER model (word count)');
    const map = new Map<string, number>();
    for (let i = 0; i < words.length; i++) map.set(words[i], i);
    wordIndex = map;
  }
  const signature = new Uint32Array(buf, at, wordCount);
  at += wordCount * 4;
  const caseBucket = new Uint8Array(buf, at, wordCount);
  at += pad4(wordCount);
  let gazetteer: NerLexicon['gazetteer'];
  if (magic === MAGIC) {
    const gazCount = view.getUint32(at, true);
    at += 4;
    if (at + gazCount * 12 > buf.byteLength) throw new Error('corrupt NER model (gazetteer count)');
    gazetteer = new HashedWordMasks(new Uint32Array(buf, at, gazCount), new Uint32Array(buf, at + gazCount * 4, gazCount), new Uint32Array(buf, at + gazCount * 8, gazCount));
  } else {
    const gazWords = readText();
    const gazCount = view.getUint32(at, true);
    at += 4;
    if (gazCount !== gazWords.length) throw new Error('corrupt NER model (gazetteer count)');
    const masks = new Uint32Array(buf, at, gazCount);
    const map = new Map<string, number>();
    for (let i = 0; i < gazWords.length; i++) map.set(gazWords[i], masks[i]);
    gazetteer = map;
  }
  return { bucketBits, numTags, rowStart, rowWeights, scale, transitions, lexicon: { words: wordIndex, signature, caseBucket, gazetteer } };
}

/** The model's weights as one dense table (row `b` at `b * numTags`): for checks, never for tagging. */
export function denseWeights(model: NerModel): Int16Array {
  const dense = new Int16Array(model.rowStart.length * model.numTags);
  for (let b = 0; b < model.rowStart.length; b++) {
    const start = model.rowStart[b];
    if (start >= 0) dense.set(model.rowWeights.subarray(start, start + model.numTags), b * model.numTags);
  }
  return dense;
}

function pad4(n: number): number {
  return (n + 3) & ~3;
}

function padded(bytes: Uint8Array): Uint8Array {
  if (bytes.length % 4 === 0) return bytes;
  const out = new Uint8Array(pad4(bytes.length));
  out.set(bytes);
  return out;
}

function u32(value: number): Uint8Array {
  return new Uint8Array(Uint32Array.of(value).buffer);
}
