import { readDateline } from './datelines';
import { foldForComparison, splitLines, wordCount } from './lines';

/** One block of a scraped page: a non-blank line, trimmed. */
export interface Block {
  /** Index of the block among the page's blocks. */
  index: number;
  /** Index of its line in the text. */
  line: number;
  /** Offsets of the trimmed text in the document. */
  start: number;
  end: number;
  text: string;
}

/**
 * How often a line occurs in other articles of the same folder (0 when unknown). Supplied by the workspace
 * index; the line is passed folded with {@link foldForComparison}, cut to {@link FOLDER_LINE_KEY_LENGTH}.
 */
export type LineFrequency = (foldedLine: string) => number;

/** Longest prefix of a folded line used as its key in folder line counts. */
export const FOLDER_LINE_KEY_LENGTH = 200;

/** The key a line is counted under across a folder (see {@link LineFrequency}). */
export function folderLineKey(line: string): string {
  return foldForComparison(line.length > FOLDER_LINE_KEY_LENGTH + 20 ? line.slice(0, FOLDER_LINE_KEY_LENGTH + 20) : line).slice(0, FOLDER_LINE_KEY_LENGTH);
}

/** Lines longer than this are only looked at by their first and last characters (keeps features linear and cheap). */
const SAMPLE_LENGTH = 600;

/** The page's blocks: its non-blank lines. */
export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  splitLines(text).forEach((l, line) => {
    if (l.trimmed) blocks.push({ index: blocks.length, line, start: l.trimmedStart, end: l.trimmedEnd, text: l.trimmed });
  });
  return blocks;
}

// Function words of the main languages of scraped news: prose is full of them, menus and teasers have few.
const STOP_WORDS = new Set((
  'a an the and or but of to in on at for from by with as is are was were be been has have had it its this that these those ' +
  'he she they we you i his her their our not no will would can could said says about after over into than who which what ' +
  'when where there also more one all if so do does did up out new just like some other them then only him me my your ' +
  'de la el en y los las del que un una por con para es se al lo su le les des et du est une dans pour qui sur pas il ' +
  'der die das und ist nicht zu den mit von sich auf dem ein eine im für auch o os as do da em um uma não com na no e ' +
  'di il che per non è della delle het een van op te zijn niet met voor'
).split(' '));

// Words of site furniture (prompts, menus, footers, ads, comments); by shape, not by site.
const BOILERPLATE_WORDS = [
  'advertisement', 'advertising', 'sponsored', 'subscribe', 'subscription', 'newsletter', 'sign', 'login', 'log', 'register',
  'share', 'tweet', 'facebook', 'twitter', 'instagram', 'linkedin', 'pinterest', 'whatsapp', 'youtube', 'email', 'print',
  'comment', 'comments', 'reply', 'replies', 'related', 'recommended', 'popular', 'trending', 'read', 'more', 'next', 'previous',
  'copyright', 'rights', 'reserved', 'privacy', 'policy', 'terms', 'cookie', 'cookies', 'contact', 'about', 'menu', 'search',
  'home', 'video', 'videos', 'photo', 'photos', 'gallery', 'click', 'download', 'app', 'follow', 'tags', 'topics', 'section',
  'loading', 'watch', 'listen', 'podcast', 'image', 'getty', 'images', 'credit', 'caption', 'skip', 'content', 'navigation',
  'account', 'free', 'trial', 'offer', 'donate', 'support', 'notifications', 'browser', 'javascript', 'enable', 'please',
];
const BOILERPLATE_INDEX = new Map(BOILERPLATE_WORDS.map((w, i) => [w, i]));

/** True for a word of site furniture ("subscribe", "share", "popular"), lower-cased. */
export function isBoilerplateWord(lowerCased: string): boolean {
  return BOILERPLATE_INDEX.has(lowerCased);
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const MONTH_WORD = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b/i;
const YEAR = /\b(?:19|20)\d\d\b/;
const TIME = /\b\d{1,2}:\d\d\b/;
const URL_LIKE = /https?:\/\/|www\.|\.(?:com|org|net|co\.uk|de|fr|es|it)\b/i;
const BY_START = /^(?:by|par|por|von|door|di|written by|posted by|words by)\s/i;
const STAFF_WORDS = /\b(?:staff|reporter|correspondent|editor|writer|columnist|contributor|journalist|desk|newsroom)\b/i;
const CAPTION_CUES = /\((?:[^()]*\/)?[^()]*(?:Getty|AFP|Reuters|REUTERS|AP Photo|Photo|Images|Pool|EPA|Xinhua|Shutterstock|Credit)[^()]*\)\s*$|\b(?:Photo|Image|Picture|Foto|Credit|Photograph)s?\s*(?::|by\b)|\bGetty Images\b|\bAP Photo\b|REUTERS\//;
const COPYRIGHT = /©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved/i;
const BULLET_START = /^[•·*▪►▸»>|–—-]\s*/;
const SENTENCE_END = /[.!?…]["'”’»)]*$/;

function bucket(n: number, edges: readonly number[]): number {
  let i = 0;
  while (i < edges.length && n >= edges[i]) i++;
  return i;
}

const WORD_EDGES = [1, 2, 3, 4, 6, 9, 13, 20, 30, 50, 80, 150];
const CHAR_EDGES = [10, 20, 35, 50, 80, 120, 200, 400, 800];
const RATIO_EDGES = [0.01, 0.1, 0.2, 0.3, 0.4, 0.55, 0.7, 0.85];
const INDEX_EDGES = [1, 2, 3, 4, 6, 9, 14, 20, 30, 50];

/** What one block looks like, before its neighbours are considered. */
interface BlockShape {
  words: number;
  wordBucket: number;
  prose: boolean;
  /** Features of the block alone, also copied (prefixed) onto its neighbours. */
  own: string[];
}

function shapeOf(block: Block, key: string, headlineKey: string, repeats: Map<string, number>, frequency: LineFrequency | undefined): BlockShape {
  const full = block.text;
  const t = full.length > SAMPLE_LENGTH ? full.slice(0, SAMPLE_LENGTH / 2) + ' ' + full.slice(-SAMPLE_LENGTH / 2) : full;
  const f: string[] = [];
  // Ratios are read off the first words only: a paragraph's first sentences show its kind.
  const words = (t.length > 240 ? t.slice(0, 240) : t).match(WORD) ?? [];
  const wordTotal = t.length > 240 ? wordCount(full) : words.length;
  let stop = 0;
  let caps = 0;
  let digits = 0;
  let lexicon = 0;
  const seen = new Set<number>();
  for (const w of words) {
    const lower = w.toLowerCase();
    if (STOP_WORDS.has(lower)) stop++;
    const c = w.charCodeAt(0);
    if (w[0] !== lower[0]) caps++;
    if (c >= 48 && c <= 57) digits++;
    const k = BOILERPLATE_INDEX.get(lower);
    if (k !== undefined && !seen.has(k)) {
      seen.add(k);
      lexicon++;
      if (words.length <= 12) f.push('lx=' + BOILERPLATE_WORDS[k]);
    }
  }
  const n = Math.max(1, words.length);
  const wordBucket = bucket(wordTotal, WORD_EDGES);
  f.push('w' + wordBucket, 'c' + bucket(full.length, CHAR_EDGES));
  f.push('stop' + bucket(stop / n, RATIO_EDGES), 'caps' + bucket(caps / n, RATIO_EDGES), 'dig' + bucket(digits / n, RATIO_EDGES));
  f.push('lex' + Math.min(lexicon, 3) + '/' + Math.min(wordBucket, 5));
  const end = SENTENCE_END.test(t);
  const prose = end && wordTotal >= 12 && stop / n >= 0.15;
  if (end) f.push('end.');
  else if (/:$/.test(t)) f.push('end:');
  else if (/[|»›>]$/.test(t)) f.push('end|');
  else if (/\d$/.test(t)) f.push('end#');
  else f.push('endw');
  if (prose) f.push('prose');
  const sentences = (t.match(/[.!?]["'”’)]*\s+["'“‘(]?\p{Lu}/gu) ?? []).length + (end ? 1 : 0);
  f.push('sent' + Math.min(sentences, 4));
  if (/^\p{Lu}/u.test(t)) f.push('upper1');
  else if (/^\p{Ll}/u.test(t)) f.push('lower1');
  else if (/^\d/.test(t)) f.push('digit1');
  else if (/^["“‘'«]/.test(t)) f.push('quote1');
  else f.push('sym1');
  if (t === t.toUpperCase() && /\p{Lu}/u.test(t)) f.push('allcaps');
  if (BULLET_START.test(t)) f.push('bullet');
  if ((t.match(/[|•·]/g) ?? []).length >= 2) f.push('pipes');
  if (URL_LIKE.test(t)) f.push('url');
  if (t.includes('@')) f.push('at');
  if (COPYRIGHT.test(t)) f.push('copyright');
  if (CAPTION_CUES.test(t)) f.push('captioncue');
  if (BY_START.test(t)) f.push('by/' + Math.min(wordBucket, 6));
  if (wordTotal <= 8 && STAFF_WORDS.test(t)) f.push('staff');
  if (wordTotal <= 12) {
    if (readDateline(t)) f.push('dateline');
    else {
      if (MONTH_WORD.test(t) && YEAR.test(t)) f.push('monthyear');
      else if (YEAR.test(t)) f.push('year');
      if (TIME.test(t)) f.push('time');
    }
    if (/\b(?:updated|published|posted)\b/i.test(t)) f.push('pubcue');
    if (/\b(?:ago|hours?|minutes?|days?)\b/i.test(t) && digits) f.push('ago');
  }
  if (/["“”]/.test(t)) f.push('quotes');
  if (key === headlineKey) f.push('is-title');
  else if (headlineKey.includes(key) && key.length >= 12) f.push('in-title');
  else if (key.length >= 12 && key.includes(headlineKey.slice(0, 40)) && headlineKey.length >= 12) f.push('has-title');
  const times = repeats.get(key) ?? 0;
  if (times > 1) f.push('dup');
  if (frequency) {
    const folder = frequency(key);
    if (folder > 0) f.push('folder' + bucket(folder, [1, 2, 3, 5]));
  }
  return { words: wordTotal, wordBucket, prose, own: f };
}

/**
 * Features of every block: its own shape, its position on the page and relative to the page's prose, and
 * the shapes of its neighbours. Linear in the page's length.
 */
export function blockFeatures(blocks: readonly Block[], frequency?: LineFrequency, keys = blocks.map((b) => folderLineKey(b.text))): string[][] {
  const headlineKey = keys.length ? keys[0] : '';
  const repeats = new Map<string, number>();
  for (const k of keys) repeats.set(k, (repeats.get(k) ?? 0) + 1);
  const shapes = blocks.map((b, i) => shapeOf(b, keys[i], headlineKey, repeats, frequency));
  const count = blocks.length;
  // Where the page's prose lies: its first and last long paragraphs, and how dense it is around each block.
  let firstProse = -1;
  let lastProse = -1;
  const proseBefore: number[] = new Array(count + 1).fill(0);
  shapes.forEach((s, i) => {
    if (s.prose && s.words >= 20) {
      if (firstProse < 0) firstProse = i;
      lastProse = i;
    }
    proseBefore[i + 1] = proseBefore[i] + (s.prose ? 1 : 0);
  });
  const totalProse = proseBefore[count];
  // How much site furniture the page holds (prompts, copyright, links, bullets): a page with none is a clean
  // text (a corpus document, a feed), whose short lines are the article's own.
  const furniture = shapes.filter((s) => s.own.some((x) => x.startsWith('lx=') || x === 'copyright' || x === 'url' || x === 'pipes' || x === 'bullet')).length;
  const page = 'fp' + bucket(furniture, [1, 3, 6, 12]);
  return shapes.map((s, i) => {
    const f = ['bias', ...s.own, page, `${page}&${s.prose ? 'prose' : 'w' + Math.min(s.wordBucket, 6)}`];
    f.push('i' + bucket(i, INDEX_EDGES), 'r' + bucket(count - 1 - i, INDEX_EDGES));
    f.push('rel' + Math.min(9, Math.floor((10 * i) / Math.max(1, count))));
    if (firstProse < 0) f.push('noprose');
    else if (i < firstProse) f.push('beforeprose' + bucket(firstProse - i, [2, 4, 8, 16]));
    else if (i > lastProse) f.push('afterprose' + bucket(i - lastProse, [2, 4, 8, 16]));
    else f.push('inprose');
    const lo = Math.max(0, i - 3);
    const hi = Math.min(count, i + 4);
    const density = (proseBefore[hi] - proseBefore[lo] - (s.prose ? 1 : 0)) / Math.max(1, hi - lo - 1);
    f.push('dens' + bucket(density, [0.01, 0.2, 0.4, 0.6, 0.8]));
    f.push('share' + bucket(totalProse ? proseBefore[i] / totalProse : 0, [0.01, 0.25, 0.5, 0.75, 0.99]));
    for (const [d, tag] of [[-1, 'p'], [1, 'n'], [-2, 'pp'], [2, 'nn']] as const) {
      const o = shapes[i + d];
      if (!o) {
        f.push(tag + ':edge');
        continue;
      }
      f.push(`${tag}:w${o.wordBucket}`, `${tag}:${o.prose ? 'prose' : 'short'}`);
      if (d === -1 || d === 1) {
        for (const x of o.own) if (x.startsWith('end') || x.startsWith('by/') || x === 'dateline' || x === 'captioncue' || x === 'is-title' || x.startsWith('lx=')) f.push(`${tag}:${x}`);
      }
    }
    f.push(`w${s.wordBucket}&${i < firstProse ? 'b' : i > lastProse ? 'a' : 'm'}`);
    return f;
  });
}
