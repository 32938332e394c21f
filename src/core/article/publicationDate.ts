import type { Span } from '../types';
import type { Block } from './blocks';
import type { BlockLabel } from './blockModel';
import { datesInLine, readDateline } from './datelines';
import { wordCount } from './lines';

/** A date written on the page that may be its publication date, with what the ranker knows of it. */
export interface DateCandidate {
  date: string;
  span: Span;
  block: number;
  /** The section name glued to a dateline (`January 15, 2019China News`), if the date opens one. */
  sectionName: string | null;
  features: string[];
}

/**
 * Weights of the date ranker (stored in `models/article-blocks.json` as `dateRanker`), one per feature, integers
 * times `scale`. The candidate with the highest sum is the page's publication date.
 */
export interface DateRankerData {
  scale: number;
  weights: Record<string, number>;
}

/** Blocks this long are prose; a date inside them is not a dateline. */
const MAX_DATE_BLOCK_LENGTH = 300;
/** How far past the start of the body a dateline may still stand; further dates belong to teasers and comments. */
const BODY_REACH = 12;
const ENGLISH_WORDS = /\b(?:the|and|of|to|in|that|is|was|for|with|said)\b/gi;
const COPYRIGHT = /©|\bcopyright\b|all rights reserved|\(c\)\s*\d{4}/i;
const UPDATED = /\b(?:updated|modified|edited|aktualisiert|actualizado|actualizada|mis à jour|atualizado|aggiornato)\b/i;
const PUBLISHED = /\b(?:published|posted|publicado|publicada|publié|publiée|veröffentlicht|erstellt|pubblicato)\b/i;
// Words that may stand before a dateline's date ("Updated on", "Publié le", "By Jane Doe |").
const CUE_WORDS = /\b(?:last|updated|published|posted|modified|on|at|am|um|le|el|de|em|il|op|the|publicado|publicada|actualizado|publié|publiée|mis|à|jour|veröffentlicht|aktualisiert|erstellt|pubblicato|aggiornato|atualizado|by|par|por|von)\b/giu;
const TIME = /\b\d{1,2}[:h]\d\d\b/;

function bucket(n: number, edges: readonly number[]): number {
  let i = 0;
  while (i < edges.length && n >= edges[i]) i++;
  return i;
}

function signedDistance(d: number): string {
  if (d === 0) return '0';
  return (d < 0 ? '-' : '+') + bucket(Math.abs(d), [2, 3, 6, 11]);
}

/**
 * The dates of the page's short lines near its start that could be its publication date: never in a copyright
 * line, never inside a sentence of prose (only after cue words such as "Published" or a byline's name), never far
 * into the body. `anchor` is the block where the article starts (its own headline, else its first paragraph).
 */
export function dateCandidates(text: string, blocks: readonly Block[], labels: readonly BlockLabel[], anchor: number, firstBody: number): DateCandidate[] {
  // Month-first numeric dates (11/20/2019) are read so on English pages only; asked once, when needed.
  let englishPage: boolean | undefined;
  const english = () => (englishPage ??= (text.slice(0, 3000).match(ENGLISH_WORDS) ?? []).length >= 10);
  const limit = Math.min(blocks.length, firstBody < 0 ? 60 : firstBody + BODY_REACH);
  const out: DateCandidate[] = [];
  for (let i = 0; i < limit; i++) {
    const b = blocks[i];
    const label = labels[i];
    if (b.text.length > MAX_DATE_BLOCK_LENGTH || COPYRIGHT.test(b.text)) continue;
    const found = datesInLine(b.text, /\d\/\d/.test(b.text) && english());
    if (!found.length) continue;
    const words = wordCount(b.text, 40);
    found.forEach((d, k) => {
      const cue = b.text.slice(0, d.start);
      // Before the date: capitalised names, punctuation, digits and cue words only; a lower-case word means prose.
      const rest = cue.replace(CUE_WORDS, ' ');
      // In the title, only a date in a segment of its own ("… - 23/06/2020 - UOL Carros").
      if (i === 0 ? !/(?:^|[|·•–—-])\s*$/.test(cue) : label !== 'dateline' && label !== 'byline' && /(?:^|\s)\p{Ll}/u.test(rest)) return;
      if (label === 'body' && words > 25) return;
      const f = ['bias', 'lab=' + label, 'd' + signedDistance(i - anchor), 'abs' + bucket(i, [1, 2, 4, 8, 16, 32])];
      if (i === 0) f.push('title');
      if (firstBody >= 0) f.push('b' + signedDistance(i - firstBody));
      if (UPDATED.test(cue)) f.push('cue=updated');
      else if (PUBLISHED.test(cue)) f.push('cue=published');
      else if (cue.trim()) f.push('cue=other');
      else f.push('cue=none');
      if (k > 0) f.push('second-in-line');
      f.push('w' + bucket(words, [3, 5, 8, 13, 20]));
      if ((d.end - d.start) / b.text.length >= 0.5) f.push('date-only');
      if (TIME.test(b.text)) f.push('time');
      const dl = k === 0 && d.start === 0 ? readDateline(b.text) : undefined;
      if (dl) f.push('opens');
      out.push({ date: d.date, span: { start: b.start + d.start, end: b.start + d.end }, block: i, sectionName: dl && dl.date === d.date ? sectionNameFrom(dl.rest) : null, features: f });
    });
  }
  // What the other candidates say: the first one, the most repeated, the latest, the earliest.
  const counts = new Map<string, number>();
  for (const c of out) counts.set(c.date, (counts.get(c.date) ?? 0) + 1);
  const dates = out.map((c) => c.date).sort();
  out.forEach((c, n) => {
    c.features.push('order' + bucket(n, [1, 2, 4]));
    c.features.push('repeated' + bucket(counts.get(c.date) ?? 0, [2, 3]));
    if (c.date === dates[dates.length - 1]) c.features.push('latest');
    if (c.date === dates[0]) c.features.push('earliest');
    if (out.length === 1) c.features.push('only');
  });
  return out;
}

/** The highest-scoring candidate under the ranker's weights (the first one on a tie), if any. */
export function rankDates(candidates: readonly DateCandidate[], ranker: DateRankerData): DateCandidate | undefined {
  let best: DateCandidate | undefined;
  let bestScore = -Infinity;
  for (const c of candidates) {
    let s = 0;
    for (const f of c.features) s += ranker.weights[f] ?? 0;
    if (s > bestScore) {
      bestScore = s;
      best = c;
    }
  }
  return best;
}

function sectionNameFrom(rest: string): string | null {
  const cleaned = rest.replace(/^[\s|•·,:–—-]+/, '').trim();
  if (!cleaned || cleaned.length > 40) return null;
  if (/^\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)?\b/i.test(cleaned)) return null; // a time, not a section
  if (!/^[A-Z]/.test(cleaned)) return null;
  return cleaned;
}
