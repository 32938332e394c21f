// Learns word statistics from unlabeled text for the entity tagger: a 32-bit context signature per
// word (a random projection of its left/right neighbour counts weighted by inverse frequency; words
// used alike share bits, a cheap stand-in for Brown clusters) and how often it is capitalised mid-sentence.
import { caseClass, hashString, isCapsSentence } from '../src/core/ner/features';

export interface WordStats {
  words: Map<string, number>;
  signature: Uint32Array;
  caseBucket: Uint8Array;
}

const BITS = 32;

export function learnWordStats(sentences: Iterable<string[]>, maxWords: number, minCount: number, window = 1): WordStats {
  const all: string[][] = [];
  const counts = new Map<string, number>();
  let total = 0;
  for (const words of sentences) {
    const lower = words.map((w) => w.toLowerCase());
    all.push(words);
    for (const w of lower) counts.set(w, (counts.get(w) ?? 0) + 1);
    total += words.length;
  }
  const vocab = [...counts.entries()].filter(([, c]) => c >= minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, maxWords);
  const index = new Map<string, number>(vocab.map(([w], i) => [w, i]));
  const acc = new Float64Array(vocab.length * BITS);
  const capitalised = new Uint32Array(vocab.length);
  const lowercase = new Uint32Array(vocab.length);
  // Context random vectors: +-weight per bit from the context word's hash, a different hash per side.
  const contextCache = new Map<string, [number, number, number]>();
  const context = (w: string): [number, number, number] => {
    let c = contextCache.get(w);
    if (!c) {
      const weight = Math.max(0, Math.log(total / (counts.get(w) ?? 1)) - 2);
      c = [hashString('L' + w), hashString('R' + w), weight];
      contextCache.set(w, c);
    }
    return c;
  };
  const addContext = (row: number, hash: number, weight: number) => {
    if (!weight) return;
    let h = hash;
    for (let b = 0; b < BITS; b++) {
      // xorshift the hash to get independent-ish bits per dimension.
      h ^= h << 13;
      h ^= h >>> 17;
      h ^= h << 5;
      acc[row + b] += h & 1 ? weight : -weight;
    }
  };
  for (const words of all) {
    const caps = isCapsSentence(words);
    const lower = words.map((w) => w.toLowerCase());
    for (let i = 0; i < words.length; i++) {
      const wi = index.get(lower[i]);
      if (wi === undefined) continue;
      const row = wi * BITS;
      if (i > 0) {
        const [l, , weight] = context(lower[i - 1]);
        addContext(row, l, weight);
      }
      if (i + 1 < words.length) {
        const [, r, weight] = context(lower[i + 1]);
        addContext(row, r, weight);
      }
      // Words two away, at half weight and hashed apart from the adjacent ones: wider context, coarser clusters.
      if (window >= 2 && i > 1) {
        const [l, , weight] = context(lower[i - 2]);
        addContext(row, (l ^ 0x2545f491) >>> 0, weight / 2);
      }
      if (window >= 2 && i + 2 < words.length) {
        const [, r, weight] = context(lower[i + 2]);
        addContext(row, (r ^ 0x2545f491) >>> 0, weight / 2);
      }
      if (!caps && i > 0 && !/^["“‘'(]$/.test(words[i - 1])) {
        const cc = caseClass(words[i]);
        if (cc === 1) capitalised[wi]++;
        else if (cc === 0 && words[i].toLowerCase() !== words[i].toUpperCase()) lowercase[wi]++;
      }
    }
  }
  const signature = new Uint32Array(vocab.length);
  const caseBucket = new Uint8Array(vocab.length);
  for (let i = 0; i < vocab.length; i++) {
    let sig = 0;
    for (let b = 0; b < BITS; b++) if (acc[i * BITS + b] > 0) sig |= 1 << b;
    signature[i] = sig >>> 0;
    const seen = capitalised[i] + lowercase[i];
    const ratio = seen ? capitalised[i] / seen : -1;
    caseBucket[i] = ratio < 0 ? 0 : ratio < 0.05 ? 1 : ratio < 0.5 ? 2 : ratio < 0.95 ? 3 : 4;
  }
  return { words: index, signature, caseBucket };
}
