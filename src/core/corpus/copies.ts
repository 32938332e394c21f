import type { ParsedArticle } from '../types';

/**
 * Wire copies and near-duplicates. Each article's body (the parser's `body` sections: no headline,
 * byline, captions or footer boilerplate) becomes a set of word shingles; a MinHash signature of
 * that set, cut into LSH bands, finds candidate pairs without comparing every article with every
 * other; the exact Jaccard of the two shingle sets confirms a candidate. Copies are the connected
 * groups of confirmed pairs, earliest-dated member first (the origin).
 *
 * The kept set is the shingles' 16-bit fingerprints (the MinHash runs on their full 32-bit hashes): 20,000
 * articles then hold about 17 MB of them rather than 35, and the Jaccard of two fingerprint sets is the
 * shingles' own within a few thousandths (about one chance collision per pair of 400-shingle bodies).
 *
 * Shingles of {@link SHINGLE_WORDS} words survive a few changed words (each change breaks that many
 * shingles only), a new headline (not in the body), a cut paragraph (the rest still matches) and
 * another site's furniture (excluded as boilerplate, or a small share of the set when it is not).
 */

/** Words per shingle. Three keep a 3% word change to about 9% of the shingles broken. */
export const SHINGLE_WORDS = 3;
/** LSH bands of {@link BAND_ROWS} MinHash values each: a pair with Jaccard 0.5 shares a band 98% of the time. */
export const BANDS = 30;
/** MinHash values per band. */
export const BAND_ROWS = 3;
/** Confirmed as copies from this Jaccard of the shingle sets up. */
export const MIN_JACCARD = 0.45;
/**
 * A shorter text almost wholly inside a longer one (a copy cut by a paragraph or two) is confirmed
 * from this share of its shingles found in the other, if their Jaccard reaches {@link MIN_CONTAINED_JACCARD}.
 */
export const MIN_CONTAINMENT = 0.85;
/** See {@link MIN_CONTAINMENT}. */
export const MIN_CONTAINED_JACCARD = 0.3;
/** Bodies with fewer words carry no signature (two short notices share too much by chance). */
export const MIN_WORDS = 40;

/** What the copy index keeps of one article. */
export interface CopySignature {
  /** LSH band hashes (one per band, {@link BANDS}). */
  bands: Uint32Array;
  /** Distinct 16-bit shingle fingerprints, sorted ascending. */
  shingles: Uint16Array;
}

/** A group of articles that are copies of one another. */
export interface CopyGroup {
  /** The members, earliest parsed date first (undated last, then by path): the first is the origin. */
  files: string[];
  /** The lowest Jaccard among the confirmed pairs that join the group. */
  similarity: number;
}

/** Another article found to be a copy of this one. */
export interface CopyOf {
  file: string;
  /** Jaccard of the two bodies' shingle sets when the pair was confirmed directly, else the group's. */
  similarity: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/**
 * The signature of an article's body, or null when its body is too short to compare. `text` is the
 * article's text, `article` its parse (only its `body` sections are read).
 */
export function copySignature(text: string, article: Pick<ParsedArticle, 'sections'>): CopySignature | null {
  const words: number[] = [];
  for (const section of article.sections) {
    if (section.kind !== 'body') continue;
    const body = text.slice(section.start, section.end).toLowerCase();
    WORD.lastIndex = 0;
    for (let match = WORD.exec(body); match; match = WORD.exec(body)) words.push(wordHash(match[0]));
  }
  if (words.length < MIN_WORDS) return null;
  const all = new Uint32Array(words.length - SHINGLE_WORDS + 1);
  for (let i = 0; i < all.length; i++) {
    let h = 0x811c9dc5;
    for (let k = 0; k < SHINGLE_WORDS; k++) h = fmix(Math.imul(h ^ words[i + k], 0x01000193) + k);
    all[i] = h >>> 0;
  }
  all.sort();
  let distinct = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[distinct++] = all[i];
  const hashes = all.subarray(0, distinct);
  const fingerprints = new Uint16Array(distinct);
  for (let i = 0; i < distinct; i++) fingerprints[i] = hashes[i] >>> 16;
  fingerprints.sort();
  let kept = 0;
  for (let i = 0; i < distinct; i++) if (i === 0 || fingerprints[i] !== fingerprints[i - 1]) fingerprints[kept++] = fingerprints[i];
  return { bands: bandsOf(hashes), shingles: fingerprints.slice(0, kept) };
}

/** Exact Jaccard and the containment of the smaller set in the larger, of two sorted fingerprint sets. */
export function compareShingles(a: ArrayLike<number>, b: ArrayLike<number>): { jaccard: number; containment: number } {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  const union = a.length + b.length - shared;
  return { jaccard: union ? shared / union : 0, containment: Math.min(a.length, b.length) ? shared / Math.min(a.length, b.length) : 0 };
}

/** Whether a comparison confirms two bodies as copies. */
export function isCopy(comparison: { jaccard: number; containment: number }): boolean {
  return comparison.jaccard >= MIN_JACCARD || (comparison.containment >= MIN_CONTAINMENT && comparison.jaccard >= MIN_CONTAINED_JACCARD);
}

/**
 * A signature as text (base64 of the band hashes then the shingles), for the index snapshot.
 * {@link decodeSignature} reads it back.
 */
export function encodeSignature(signature: CopySignature): string {
  const bytes = new Uint8Array(BANDS * 4 + signature.shingles.length * 2);
  const view = new DataView(bytes.buffer);
  for (let b = 0; b < BANDS; b++) view.setUint32(b * 4, signature.bands[b], true);
  signature.shingles.forEach((f, i) => view.setUint16(BANDS * 4 + i * 2, f, true));
  return toBase64(bytes);
}

/** Reads {@link encodeSignature}'s text; null when it is not a well-formed signature. */
export function decodeSignature(text: unknown): CopySignature | null {
  if (typeof text !== 'string') return null;
  const bytes = fromBase64(text);
  if (!bytes || bytes.length % 2 || bytes.length < BANDS * 4) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const bands = new Uint32Array(BANDS);
  for (let b = 0; b < BANDS; b++) bands[b] = view.getUint32(b * 4, true);
  const shingles = new Uint16Array((bytes.length - BANDS * 4) / 2);
  for (let i = 0; i < shingles.length; i++) shingles[i] = view.getUint16(BANDS * 4 + i * 2, true);
  for (let i = 1; i < shingles.length; i++) if (shingles[i - 1] >= shingles[i]) return null;
  return { bands, shingles };
}

interface Entry {
  id: number;
  file: string;
  /**
   * The band hashes (two 16-bit halves each) then the fingerprints, in one array: a typed array
   * costs its own object and buffer.
   */
  data: Uint16Array;
  /**
   * Confirmed copies as pairs `[id, jaccard, id, jaccard, …]` (a Map per article would cost ten
   * times the memory); null while there are none (most articles).
   */
  links: number[] | null;
}

/** The pairs of `links` as `[id, jaccard]`. */
function* linksOf(entry: Entry): IterableIterator<[number, number]> {
  const links = entry.links;
  if (links) for (let i = 0; i < links.length; i += 2) yield [links[i], links[i + 1]];
}

function link(entry: Entry, id: number, jaccard: number): void {
  (entry.links ??= []).push(id, jaccard);
}

function unlink(entry: Entry, id: number): void {
  const links = entry.links;
  if (!links) return;
  for (let i = 0; i < links.length; i += 2) {
    if (links[i] === id) {
      links.splice(i, 2);
      break;
    }
  }
  if (!links.length) entry.links = null;
}

/**
 * The copies of a set of articles, maintained incrementally: setting or removing one article's
 * signature looks up its bands only and compares it with the few candidates they give; a group is
 * built when first asked for (a walk over its members' links) and kept until a change touches one of
 * its members, so an edit in a 20,000-article workspace costs the size of the groups it touches.
 */
export class CopyIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly byId = new Map<number, Entry>();
  /** Band keys -> entry ids (a Map of 600,000 band entries at 20,000 articles would take 27 MB; this 8). */
  private readonly buckets = new BandTable();
  private nextId = 1;
  /** Entry id -> its group (with the members' ids), built on demand. */
  private readonly groupMemo = new Map<number, { group: CopyGroup; ids: number[] }>();
  private listMemo: CopyGroup[] | null = null;

  /** @param dateOf the article's parsed date (`YYYY-MM-DD`), or null: it orders a group's members. */
  constructor(private readonly dateOf: (file: string) => string | null) {}

  /** Sets (or with null removes) the signature of one file. */
  set(file: string, signature: CopySignature | null): void {
    this.remove(file);
    if (!signature) return;
    const data = new Uint16Array(2 * BANDS + signature.shingles.length);
    for (let b = 0; b < BANDS; b++) {
      data[2 * b] = signature.bands[b] >>> 16;
      data[2 * b + 1] = signature.bands[b] & 0xffff;
    }
    data.set(signature.shingles, 2 * BANDS);
    const entry: Entry = { id: this.nextId++, file, data, links: null };
    const shingles = data.subarray(2 * BANDS);
    const found: number[] = [];
    for (let band = 0; band < BANDS; band++) {
      const key = bandKey(data, band);
      this.buckets.find(key, found);
      this.buckets.add(key, entry.id);
    }
    const candidates = new Set(found);
    for (const id of candidates) {
      const other = this.byId.get(id);
      if (!other) continue;
      const comparison = compareShingles(shingles, other.data.subarray(2 * BANDS));
      if (!isCopy(comparison)) continue;
      this.forgetGroup(other.id);
      link(entry, other.id, comparison.jaccard);
      link(other, entry.id, comparison.jaccard);
    }
    this.entries.set(file, entry);
    this.byId.set(entry.id, entry);
    this.listMemo = null;
  }

  /** Forgets one file. */
  remove(file: string): void {
    const entry = this.entries.get(file);
    if (!entry) return;
    this.forgetGroup(entry.id);
    for (let band = 0; band < BANDS; band++) this.buckets.remove(bandKey(entry.data, band), entry.id);
    for (const [id] of linksOf(entry)) {
      const other = this.byId.get(id);
      if (other) unlink(other, entry.id);
    }
    this.entries.delete(file);
    this.byId.delete(entry.id);
    this.listMemo = null;
  }

  /** The signature of a file, if it has one. */
  signature(file: string): CopySignature | undefined {
    const data = this.entries.get(file)?.data;
    if (!data) return undefined;
    const bands = new Uint32Array(BANDS);
    for (let b = 0; b < BANDS; b++) bands[b] = ((data[2 * b] << 16) | data[2 * b + 1]) >>> 0;
    return { bands, shingles: data.subarray(2 * BANDS) };
  }

  /** Files with a signature. */
  files(): IterableIterator<string> {
    return this.entries.keys();
  }

  /** Groups of two or more copies, largest first, then by origin. */
  groups(): readonly CopyGroup[] {
    if (this.listMemo) return this.listMemo;
    const groups = new Set<CopyGroup>();
    for (const entry of this.entries.values()) if (entry.links) groups.add(this.groupOfEntry(entry));
    this.listMemo = [...groups].sort((a, b) => b.files.length - a.files.length || (a.files[0] < b.files[0] ? -1 : 1));
    return this.listMemo;
  }

  /** The group a file belongs to, if it has copies. */
  groupOf(file: string): CopyGroup | undefined {
    const entry = this.entries.get(file);
    return entry?.links ? this.groupOfEntry(entry) : undefined;
  }

  /** The other members of the file's group, closest first. */
  copiesOf(file: string): CopyOf[] {
    const group = this.groupOf(file);
    const entry = this.entries.get(file);
    if (!group || !entry) return [];
    const direct = new Map<string, number>();
    for (const [id, similarity] of linksOf(entry)) direct.set(this.byId.get(id)!.file, similarity);
    return group.files.filter((f) => f !== file)
      .map((f) => ({ file: f, similarity: direct.get(f) ?? group.similarity }))
      .sort((a, b) => b.similarity - a.similarity || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }

  /** How many independent origins a set of files has: each copy group counts once. */
  originCount(files: Iterable<string>): number {
    const origins = new Set<string>();
    for (const file of files) origins.add(this.groupOf(file)?.files[0] ?? file);
    return origins.size;
  }

  /** Drops the memoised group of an entry, for all its members. */
  private forgetGroup(id: number): void {
    const memo = this.groupMemo.get(id);
    if (!memo) return;
    for (const member of memo.ids) this.groupMemo.delete(member);
    this.listMemo = null;
  }

  private groupOfEntry(start: Entry): CopyGroup {
    const known = this.groupMemo.get(start.id);
    if (known) return known.group;
    const members: Entry[] = [];
    const seen = new Set<number>([start.id]);
    let similarity = 1;
    const stack = [start];
    while (stack.length) {
      const entry = stack.pop()!;
      members.push(entry);
      for (const [id, s] of linksOf(entry)) {
        similarity = Math.min(similarity, s);
        if (seen.has(id)) continue;
        seen.add(id);
        stack.push(this.byId.get(id)!);
      }
    }
    const dated = members.map((m) => ({ file: m.file, date: this.dateOf(m.file) ?? '\uffff' }));
    dated.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const group: CopyGroup = { files: dated.map((d) => d.file), similarity: Math.round(similarity * 1000) / 1000 };
    const memo = { group, ids: members.map((m) => m.id) };
    for (const id of memo.ids) this.groupMemo.set(id, memo);
    return group;
  }
}

/** A band's key: its hash (from its two 16-bit halves) mixed with the band's index, as an int32. */
function bandKey(data: Uint16Array, band: number): number {
  return ((data[2 * band] << 16) | data[2 * band + 1]) ^ BAND_SALT[band];
}

const BAND_SALT = Int32Array.from({ length: BANDS }, (_, b) => fmix(b + 0x51ed270b));

/**
 * A multimap from int32 keys to positive int32 ids, open addressing with linear probing in two typed
 * arrays (no object per entry). A removed pair leaves a tombstone that a later add may take; the
 * table is rebuilt without them when it fills up.
 */
class BandTable {
  private keys = new Int32Array(1024);
  /** 0: never used; -1: removed; else an id. */
  private ids = new Int32Array(1024);
  /** Slots ever used since the last rebuild (live pairs and tombstones). */
  private used = 0;
  private live = 0;

  add(key: number, id: number): void {
    if ((this.used + 1) * 4 > this.ids.length * 3) this.rebuild();
    const mask = this.ids.length - 1;
    let i = slot(key, mask);
    while (this.ids[i] > 0) i = (i + 1) & mask;
    if (this.ids[i] === 0) this.used++;
    this.keys[i] = key;
    this.ids[i] = id;
    this.live++;
  }

  /** Pushes the ids stored under `key` onto `out`. */
  find(key: number, out: number[]): void {
    const mask = this.ids.length - 1;
    for (let i = slot(key, mask); this.ids[i] !== 0; i = (i + 1) & mask) if (this.ids[i] > 0 && this.keys[i] === key) out.push(this.ids[i]);
  }

  remove(key: number, id: number): void {
    const mask = this.ids.length - 1;
    for (let i = slot(key, mask); this.ids[i] !== 0; i = (i + 1) & mask) {
      if (this.ids[i] === id && this.keys[i] === key) {
        this.ids[i] = -1;
        this.live--;
        return;
      }
    }
  }

  private rebuild(): void {
    const { keys, ids } = this;
    let size = 1024;
    while (size * 7 < (this.live + 1) * 10) size *= 2; // at most 7/10 full afterwards
    this.keys = new Int32Array(size);
    this.ids = new Int32Array(size);
    this.used = 0;
    this.live = 0;
    for (let i = 0; i < ids.length; i++) if (ids[i] > 0) this.add(keys[i], ids[i]);
  }
}

function slot(key: number, mask: number): number {
  return (key ^ (key >>> 15)) & mask;
}

/**
 * One-permutation MinHash (Li, Owen and Zhang 2012, densified as Shrivastava and Li 2014): each shingle
 * hash falls in one of `BANDS * BAND_ROWS` equal ranges and each range keeps its minimum, so the
 * signature costs one step per shingle instead of one per shingle and function. A range no shingle
 * fell in borrows the minimum of the next range that has one, marked by the distance, so two sets
 * still agree on it exactly as often as their Jaccard says.
 */
function bandsOf(shingles: Uint32Array): Uint32Array {
  const bins = BANDS * BAND_ROWS;
  const minima = new Float64Array(bins).fill(Infinity);
  for (let s = 0; s < shingles.length; s++) {
    const v = shingles[s];
    const bin = Math.floor((v * bins) / 4294967296);
    if (v < minima[bin]) minima[bin] = v;
  }
  const values = new Uint32Array(bins);
  for (let b = 0; b < bins; b++) {
    let k = b;
    let distance = 0;
    while (minima[k] === Infinity && distance < bins) {
      k = (k + 1) % bins;
      distance++;
    }
    values[b] = minima[k] === Infinity ? 0 : fmix((minima[k] | 0) ^ Math.imul(distance, 0x9e3779b1)) >>> 0;
  }
  const bands = new Uint32Array(BANDS);
  for (let b = 0; b < BANDS; b++) {
    let h = 0x9747b28c;
    for (let r = 0; r < BAND_ROWS; r++) h = fmix(Math.imul(h ^ values[b * BAND_ROWS + r], 0x01000193));
    bands[b] = h >>> 0;
  }
  return bands;
}

/** MurmurHash3's 32-bit finaliser: spreads every input bit over the output. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** FNV-1a of a (lower-cased) word, curly apostrophes as straight ones. */
function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    h = Math.imul(h ^ (c === 0x2019 ? 0x27 : c), 0x01000193);
  }
  return h | 0;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + (i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? ALPHABET[n & 63] : '=');
  }
  return out;
}

function fromBase64(text: string): Uint8Array | null {
  if (text.length % 4) return null;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    for (let k = 0; k < 4; k++) {
      const c = text.charCodeAt(i + k);
      const v = c === 61 && i + k >= text.length - pad ? 0 : c < 128 ? DECODE[c] : -1;
      if (v < 0) return null;
      n = (n << 6) | v;
    }
    if (o < out.length) out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

/** "3 articles, 1 origin": an article count with the independent origins among them when copies make them fewer. */
export function articlesAndOrigins(articles: number, origins: number): string {
  const count = `${articles} article${articles === 1 ? '' : 's'}`;
  return origins < articles ? `${count}, ${origins} origin${origins === 1 ? '' : 's'}` : count;
}
