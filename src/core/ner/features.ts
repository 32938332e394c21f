/**
 * Feature extraction for the entity tagger, shared by training and tagging so both see the same
 * features. Every feature is a (template, value) pair hashed into one of `2^bucketBits` weight rows.
 */

/** Word statistics learned from unlabeled text and gazetteers learned from the training data. */
export interface NerLexicon {
  /** Lower-cased word -> index into `signature` and `caseBucket`. */
  words: Map<string, number>;
  /** 32-bit random-projection signature of the word's contexts: words used alike share bits (clusters). */
  signature: Uint32Array;
  /** How the word is written mid-sentence in unlabeled text: 0 unseen, 1 always lower ... 4 always capitalised. */
  caseBucket: Uint8Array;
  /** Lower-cased word -> bit mask of (entity type x position) it takes in training names; see {@link gazetteerBit}. */
  gazetteer: Map<string, number>;
}

/** Per-document facts for document-level features: how each lower-cased word is written elsewhere in the document. */
export interface DocumentCasing {
  /** Words seen capitalised in the middle of a mixed-case sentence. */
  capitalisedMid: Set<string>;
  /** Words seen all lower-case. */
  lowercase: Set<string>;
}

export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
/** BILOU position of a token inside a name. */
export const POSITIONS = ['B', 'I', 'L', 'U'] as const;

/** Gazetteer bit for a word at `position` (0..3: B, I, L, U) in a name of type `type` (0..3). */
export function gazetteerBit(type: number, position: number): number {
  return 1 << (type * 4 + position);
}

/** FNV-1a hash of a string (UTF-16 code units). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
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

/** Word shape: `Xxxx` -> `Xx` (short, runs collapsed) and `Xxxxx` (long, up to 8 characters). */
function shapes(word: string): [string, string] {
  let long = '';
  let short = '';
  let last = '';
  for (let i = 0; i < word.length; i++) {
    const c = word[i];
    const code = word.charCodeAt(i);
    let k: string;
    if (code >= 48 && code <= 57) k = 'd';
    else if (code >= 65 && code <= 90) k = 'X';
    else if (code >= 97 && code <= 122) k = 'x';
    else if (code > 127 && c.toLowerCase() !== c) k = 'X';
    else if (code > 127 && c.toUpperCase() !== c) k = 'x';
    else k = c;
    if (long.length < 8) long += k;
    if (k !== last) short += k;
    last = k;
  }
  return [short, long];
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
  for (const words of sentences) {
    if (isCapsSentence(words)) continue;
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      const c = caseClass(w);
      if (c === 0 && w.toUpperCase() !== w) lowercase.add(w);
      else if (c === 1 && i > 0 && !/^["“‘'(]$/.test(words[i - 1])) capitalisedMid.add(w.toLowerCase());
    }
  }
  return { capitalisedMid, lowercase };
}

const enum T {
  Bias, Lw, W0 = Lw + 5, Shape = W0 + 1, ShapeTri = Shape + 3, LongShape, Prefix, Suffix = Prefix + 4,
  CaseInfo = Suffix + 4, Cluster = CaseInfo + 1, ClusterPrev = Cluster + 6, ClusterNext = ClusterPrev + 2,
  CaseBucket = ClusterNext + 2, Gaz, GazPrev, GazNext, Doc, BigramPrev, BigramNext, Flags, LwCase, PrevTitle,
}

const PAD = hashString('<PAD>');

/**
 * Computes the feature rows of every token of a sentence. Returns a flat array of row indices and
 * `offsets` (length words+1) delimiting each token's rows.
 */
export function sentenceFeatures(
  words: readonly string[],
  lexicon: NerLexicon,
  doc: DocumentCasing,
  bucketBits: number,
): { rows: Int32Array; offsets: Int32Array } {
  const n = words.length;
  const shift = 32 - bucketBits;
  const lower = words.map((w) => w.toLowerCase());
  const lwHash = lower.map(hashString);
  const shapeInfo = words.map(shapes);
  const shortHash = shapeInfo.map((s) => hashString(s[0]));
  const lexIndex = lower.map((w) => lexicon.words.get(w) ?? -1);
  const gaz = lower.map((w) => lexicon.gazetteer.get(w) ?? 0);
  const caps = isCapsSentence(words) ? 1 : 0;
  const rows: number[] = [];
  const offsets = new Int32Array(n + 1);
  const at = (arr: number[], k: number) => (k >= 0 && k < n ? arr[k] : PAD);
  for (let i = 0; i < n; i++) {
    offsets[i] = rows.length;
    const w = words[i];
    const lw = lower[i];
    const cc = caseClass(w);
    rows.push(bucket(T.Bias, 0, shift));
    for (let k = -2; k <= 2; k++) rows.push(bucket(T.Lw + k + 2, at(lwHash, i + k), shift));
    rows.push(bucket(T.W0, hashString(w), shift));
    for (let k = -1; k <= 1; k++) rows.push(bucket(T.Shape + k + 1, at(shortHash, i + k), shift));
    rows.push(bucket(T.ShapeTri, Math.imul(at(shortHash, i - 1), 31) ^ shortHash[i] ^ Math.imul(at(shortHash, i + 1), 17), shift));
    rows.push(bucket(T.LongShape, hashString(shapeInfo[i][1]), shift));
    for (let k = 1; k <= 4 && k <= lw.length; k++) {
      rows.push(bucket(T.Prefix + k - 1, hashString(lw.slice(0, k)), shift));
      rows.push(bucket(T.Suffix + k - 1, hashString(lw.slice(-k)), shift));
    }
    const initial = i === 0 || (i === 1 && /^["“‘'(\-—–]$/.test(words[0])) ? 1 : 0;
    rows.push(bucket(T.CaseInfo, cc * 4 + initial * 2 + caps, shift));
    const li = lexIndex[i];
    if (li >= 0) {
      const sig = lexicon.signature[li];
      for (let c = 0; c < 4; c++) rows.push(bucket(T.Cluster + c, (sig >>> (c * 8)) & 0xff, shift));
      rows.push(bucket(T.Cluster + 4, sig & 0xffff, shift));
      rows.push(bucket(T.Cluster + 5, sig >>> 16, shift));
      rows.push(bucket(T.CaseBucket, lexicon.caseBucket[li] * 32 + cc * 4 + initial * 2 + caps, shift));
    } else {
      rows.push(bucket(T.CaseBucket, 31 * 32 + cc * 4 + initial * 2 + caps, shift));
    }
    for (const [k, template] of [[-1, T.ClusterPrev], [1, T.ClusterNext]] as const) {
      const j = i + k;
      const lj = j >= 0 && j < n ? lexIndex[j] : -2;
      if (lj === -2) rows.push(bucket(template, 0x10000, shift));
      else if (lj >= 0) {
        const sig = lexicon.signature[lj];
        rows.push(bucket(template, sig & 0xffff, shift));
        rows.push(bucket(template + 1, (sig & 0xff) | 0x20000, shift));
      }
    }
    pushBits(rows, T.Gaz, gaz[i], shift);
    if (i > 0) pushBits(rows, T.GazPrev, gaz[i - 1], shift);
    if (i + 1 < n) pushBits(rows, T.GazNext, gaz[i + 1], shift);
    if (cc !== 0 && (initial || caps || cc === 2)) {
      const docCode = (doc.capitalisedMid.has(lw) ? 1 : 0) + (doc.lowercase.has(lw) ? 2 : 0);
      rows.push(bucket(T.Doc, docCode * 8 + cc * 2 + caps, shift));
    }
    rows.push(bucket(T.BigramPrev, Math.imul(at(lwHash, i - 1), 0x2f0b3) ^ lwHash[i], shift));
    rows.push(bucket(T.BigramNext, Math.imul(lwHash[i], 0x1b873) ^ at(lwHash, i + 1), shift));
    const flags = (/\d/.test(w) ? 1 : 0) | (w.includes('-') ? 2 : 0) | (w.includes('.') ? 4 : 0) | (Math.min(w.length, 7) << 3);
    rows.push(bucket(T.Flags, flags, shift));
    rows.push(bucket(T.LwCase, lwHash[i] ^ (cc + 1), shift));
  }
  offsets[n] = rows.length;
  return { rows: Int32Array.from(rows), offsets };
}

function pushBits(rows: number[], template: number, mask: number, shift: number): void {
  if (!mask) {
    rows.push(bucket(template, 0xffff, shift));
    return;
  }
  for (let b = 0; b < 16; b++) if (mask & (1 << b)) rows.push(bucket(template, b, shift));
}
