// The article pages of ../shared/eval/data/articles-dev, their deterministic train / held-back split, and block
// labels derived from their gold (used by scripts/train-article.ts and scripts/eval-articles.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { splitBlocks, type Block } from '../src/core/article/blocks';
import type { BlockLabel } from '../src/core/article/blockModel';
import { readDateline } from '../src/core/article/datelines';
import { foldForComparison } from '../src/core/article/lines';

export const ARTICLES_DEV = resolve(__dirname, '..', '..', 'shared', 'eval', 'data', 'articles-dev');
export const BBC_ROOT = resolve(__dirname, '..', '..', 'shared', 'eval', 'data', 'bbc');
/** Share of each source's pages held back from training. */
export const HELD_BACK_SHARE = 0.3;

export interface Gold {
  headline: string | null;
  authors: string[];
  date: string | null;
  outlet: string | null;
  body: string | null;
}

export interface DevPage {
  name: string;
  text: string;
  gold: Gold;
  /** `readability` (gold body) or `mediacloud` (metadata only). */
  source: 'readability' | 'mediacloud';
}

/** FNV-1a of a string: the split depends on file names only, never on the order files are listed. */
export function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Every page of the dev folder with its gold, sorted by name. */
export function loadDevPages(dir = ARTICLES_DEV): DevPage[] {
  return readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort().map((f) => {
    const name = f.slice(0, -'.gold.json'.length);
    const gold = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Gold;
    return { name, text: readFileSync(join(dir, `${name}.txt`), 'utf8'), gold, source: name.startsWith('mc-') ? 'mediacloud' : 'readability' };
  });
}

/**
 * Names of the held-back pages: within each source, the pages ordered by name hash, the first 30 % of them
 * (stratified, so both sources are held back in proportion).
 */
export function heldBackNames(pages: readonly DevPage[]): Set<string> {
  const out = new Set<string>();
  for (const source of ['readability', 'mediacloud'] as const) {
    const group = pages.filter((p) => p.source === source).sort((a, b) => nameHash(a.name) - nameHash(b.name) || (a.name < b.name ? -1 : 1));
    for (const p of group.slice(0, Math.round(group.length * HELD_BACK_SHARE))) out.add(p.name);
  }
  return out;
}

const TOKEN = /[\p{L}\p{N}_]+/gu;
const tokensOf = (s: string) => s.match(TOKEN) ?? [];
const BY_START = /^(?:by|par|por|von|door|written by|posted by)\s/i;
const CAPTION = /\((?:[^()]*\/)?[^()]*(?:Getty|AFP|Reuters|REUTERS|AP Photo|Photo|Images|Pool|EPA|Shutterstock|Credit)[^()]*\)\s*$|\b(?:Photo|Image|Credit)s?\s*:|\bGetty Images\b/;

/**
 * Block labels of a page with a gold body: a block whose 4-token shingles are mostly in the gold body is body
 * (short blocks: their tokens occur in it in order); the first block is the headline; of the rest, the page title
 * repeated is headline, a short line naming a gold author or starting "By" is a byline, a short line holding a date
 * before the body is a dateline, a line with a photo credit is a caption, and the rest is boilerplate.
 */
export function labelPage(text: string, gold: Gold): { blocks: Block[]; labels: BlockLabel[] } {
  const blocks = splitBlocks(text);
  const goldTokens = tokensOf(gold.body ?? '');
  const shingles = new Set<string>();
  const grams = new Set<string>();
  for (let i = 0; i < goldTokens.length; i++) {
    if (i + 4 <= goldTokens.length) shingles.add(goldTokens.slice(i, i + 4).join(' '));
    for (let n = 1; n <= 3 && i + n <= goldTokens.length; n++) grams.add(goldTokens.slice(i, i + n).join(' '));
  }
  const inBody = (b: Block) => {
    const tk = tokensOf(b.text);
    if (!tk.length) return false;
    if (tk.length < 4) return grams.has(tk.join(' '));
    let hit = 0;
    for (let i = 0; i + 4 <= tk.length; i++) if (shingles.has(tk.slice(i, i + 4).join(' '))) hit++;
    return hit / (tk.length - 3) >= 0.5;
  };
  const headlineKeys = new Set([blocks[0] ? foldForComparison(blocks[0].text) : '', foldForComparison(gold.headline ?? '')]);
  const authors = gold.authors.map((a) => a.toLowerCase()).filter((a) => a.length > 2);
  const body = blocks.map(inBody);
  const firstBody = body.indexOf(true);
  const labels = blocks.map((b, i): BlockLabel => {
    if (i === 0) return 'headline';
    if (body[i]) return 'body';
    const t = b.text;
    const words = tokensOf(t).length;
    if (headlineKeys.has(foldForComparison(t))) return 'headline';
    if (words <= 20 && (authors.some((a) => t.toLowerCase().includes(a)) || (BY_START.test(t) && words <= 8))) return 'byline';
    if (words <= 15 && (firstBody < 0 || i < firstBody + 3) && (readDateline(t) || /\b(?:19|20)\d\d\b/.test(t) && /\d{1,2}/.test(t.replace(/\b(?:19|20)\d\d\b/, '')))) return 'dateline';
    if (CAPTION.test(t)) return 'caption';
    return 'boilerplate';
  });
  return { blocks, labels };
}

/** Every `.txt` under the BBC folder, in name order. */
export function readBbcTexts(dir = BBC_ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1)).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return readBbcTexts(path);
    return e.name.endsWith('.txt') ? [readFileSync(path, 'utf8')] : [];
  });
}

export const CONLL_TRAIN = resolve(__dirname, '..', '..', 'shared', 'eval', 'data', 'conll2003', 'eng.train');
export const POLNEAR_TRAIN = resolve(__dirname, '..', '..', 'shared', 'eval', 'data', 'polnear', 'train', 'text');

/** The documents of CoNLL-2003 `eng.train` as texts of one sentence a line (as the shared scorer writes them). */
export function readConllTexts(file = CONLL_TRAIN): string[] {
  const docs: string[] = [];
  let sentences: string[] = [];
  let words: string[] = [];
  const endSentence = () => {
    if (words.length) sentences.push(words.join(' '));
    words = [];
  };
  const endDoc = () => {
    endSentence();
    if (sentences.length) docs.push(sentences.join('\n') + '\n');
    sentences = [];
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART-')) endDoc();
    else if (!line.trim()) endSentence();
    else words.push(line.split(' ')[0]);
  }
  endDoc();
  return docs;
}

/** The PolNeAR `train` article texts, in name order. */
export function readPolnearTexts(dir = POLNEAR_TRAIN): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
}
