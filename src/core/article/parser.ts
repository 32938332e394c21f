import type { ArticleSection, Outlet, ParsedArticle, SectionKind, Span } from '../types';
import { readDateline } from './datelines';
import { foldForComparison, splitLines, wordCount, type TextLine } from './lines';
import { canonicalOutletName, lookUpOutlet } from './outlets';

/** A text whose `score` reaches this reads as a news article (used for content detection). */
export const NEWS_ARTICLE_SCORE_THRESHOLD = 0.5;

/** How many non-blank lines after the headline may still belong to the header block. */
const MAX_HEADER_LINES = 12;
/** Lines longer than this are never looked at as header or footer furniture (keeps regexes cheap). */
const MAX_FURNITURE_LENGTH = 160;

const BYLINE = /^by\s+(.{2,120})$/i;
const STAFF_BYLINE = /^([A-Z][\w.&'’ -]{0,40}?)\s+(Editor|Editors|Staff|Staff Writer|Staff Reporter|Newsroom|News Desk|Desk|Wire|Reporter|Team)$/;
const CREDIT_IN_PARENS = /\((?:[^()]*\/)?[^()]*(?:Getty Images|AFP|Reuters|REUTERS|AP Photo|Associated Press|Photo|Images|Pool|EPA|Xinhua|Shutterstock)[^()]*\)\s*$/;
const CAPTION_MARKERS = /(?:^|\s)(?:FILE PHOTO:|PHOTO:|Photo:|Image:|IMAGE:)|REUTERS\/|\/File Photo|\bGetty Images\b|\bAP Photo\//;
const FOOTER_TRIGGERS: readonly RegExp[] = [
  /^leave a (?:reply|comment)\b/i,
  /^(?:next|previous|prev) (?:post|article|story)\b/i,
  /^(?:related|related (?:articles|posts|stories|coverage|news)|more stories|more from .{1,40}|read more|see also|recommended(?: for you)?|you may also like|trending(?: now)?|popular(?: now)?|advertisement|comments?|tags?:.*|share this(?: article)?:?|share on .{1,30})$/i,
  /^(?:sign up|subscribe)\b.{0,80}$/i,
  /\bnewsletter\b/i,
  /\bcontributed to this report\.?$/i,
  /^(?:copyright|©)/i,
  /^all rights reserved\b/i,
  /^from (?:the )?[A-Z][\w.&'’ -]{1,50}$/,
  /^[A-Z][\w.&'’ -]{1,50} articles$/i,
];
const FROM_OUTLET = /^from ((?:the )?[A-Z][\w.&'’ -]{1,50})$/i;
const SITE_ARTICLES = /^([A-Z][\w.&'’ -]{1,50}) articles$/i;
const NEWSLETTER_OUTLET = /^(?:sign up for|subscribe to)\s+(?:the\s+)?([A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*?)(?:['’]s)?(?:\s+(?:daily|weekly|news|newsletter|today|morning|evening|briefing))*\b/i;
const NAME_TOKEN = /^(?:[A-Z][a-zA-Z'’-]*\.?|[A-Z]\.|de|da|del|van|von|der|bin|al|la|le|du)$/;
const SENTENCE_END = /[.!?]["'”’)]?$/;
const CODE_LINE = /[{};]\s*$|^\s*(?:import|export|function|def|class|return|#include|var|let|const|public|private)\b|=>|^\s*[<#/]{1,2}\w|^\s*[\w.]+\s*[:=]\s*\S/;

interface LineInfo extends TextLine {
  index: number;
}

/**
 * Segments an article's text: headline, byline and authors, dateline and publication date, a repeated
 * headline, photo captions, body paragraphs and footer boilerplate; reads the outlet from the text
 * itself. Total: never throws, whatever the string (a failure degrades to one body section).
 */
export function parseArticle(text: string): ParsedArticle {
  try {
    return parse(typeof text === 'string' ? text : '');
  } catch {
    return fallback(typeof text === 'string' ? text : '');
  }
}

function fallback(text: string): ParsedArticle {
  return {
    headline: null, headlineSpan: null, authors: [], authorSpans: [], date: null, dateSpan: null,
    sectionName: null, outlet: null, sections: text.length ? [{ kind: 'body', start: 0, end: text.length }] : [], score: 0,
  };
}

function parse(text: string): ParsedArticle {
  const lines = splitLines(text).map((l, index) => ({ ...l, index }));
  const nonBlank = lines.filter((l) => l.trimmed.length > 0);
  const result = fallback('');
  if (!nonBlank.length) return result;

  const kinds = new Map<number, SectionKind>();
  const headline = nonBlank[0];
  result.headline = headline.trimmed;
  result.headlineSpan = { start: headline.trimmedStart, end: headline.trimmedEnd };
  kinds.set(headline.index, 'headline');
  const foldedHeadline = foldForComparison(headline.trimmed.slice(0, 400));

  const siteEvidence: string[] = [];
  const authors: { name: string; span: Span }[] = [];

  // Header block: furniture lines between the headline and the first paragraph of prose.
  let bodyStart = nonBlank.length;
  for (let k = 1; k < nonBlank.length; k++) {
    const line = nonBlank[k];
    const kind = k <= MAX_HEADER_LINES ? classifyHeaderLine(line, nonBlank[k + 1], foldedHeadline) : undefined;
    if (!kind) {
      bodyStart = k;
      break;
    }
    kinds.set(line.index, kind);
    if (kind === 'byline') readByline(line, authors, siteEvidence);
    if (kind === 'dateline' && !result.date) {
      const dl = readDateline(line.trimmed);
      if (dl) {
        result.date = dl.date;
        result.dateSpan = { start: line.trimmedStart, end: line.trimmedStart + dl.dateEnd };
        result.sectionName = sectionNameFrom(dl.rest);
      }
    }
  }

  // Footer: from the first boilerplate line after some body text to the end.
  let footerStart = nonBlank.length;
  for (let k = bodyStart + 1; k < nonBlank.length; k++) {
    if (isFooterTrigger(nonBlank[k].trimmed)) {
      footerStart = k;
      break;
    }
  }
  for (let k = bodyStart; k < footerStart; k++) {
    const line = nonBlank[k];
    kinds.set(line.index, isCaption(line.trimmed) ? 'caption' : 'body');
  }
  let syndicatedFrom: string | undefined;
  for (let k = footerStart; k < nonBlank.length; k++) {
    const line = nonBlank[k].trimmed;
    kinds.set(nonBlank[k].index, 'footer');
    if (line.length > MAX_FURNITURE_LENGTH) continue;
    const from = FROM_OUTLET.exec(line);
    if (from && !syndicatedFrom) syndicatedFrom = canonicalOutletName(from[1]);
    const site = SITE_ARTICLES.exec(line);
    if (site) siteEvidence.push(canonicalOutletName(site[1]));
    const letter = NEWSLETTER_OUTLET.exec(line);
    const known = letter ? lookUpOutlet(letter[1]) ?? lookUpOutlet(letter[1].split(/\s+/)[0]) : undefined;
    if (known) siteEvidence.push(known.name);
    else if (/\bnewsletter\b/i.test(line)) {
      const first = lookUpOutlet(line.split(/\s+/)[0]);
      if (first) siteEvidence.push(first.name);
    }
  }

  result.authors = authors.map((a) => a.name);
  result.authorSpans = authors.map((a) => a.span);
  result.outlet = decideOutlet(syndicatedFrom, siteEvidence);
  result.sections = buildSections(lines, kinds);
  result.score = newsScore(nonBlank, kinds, result);
  return result;
}

function classifyHeaderLine(line: LineInfo, next: LineInfo | undefined, foldedHeadline: string): SectionKind | undefined {
  const t = line.trimmed;
  if (t.length > 600) return undefined;
  if (t.length <= MAX_FURNITURE_LENGTH && foldForComparison(t) === foldedHeadline) return 'repeatedHeadline';
  if (isCaption(t)) return 'caption';
  if (t.length > MAX_FURNITURE_LENGTH) return undefined;
  if (BYLINE.test(t) || STAFF_BYLINE.test(t)) return 'byline';
  if (readDateline(t)) return 'dateline';
  // A bare name right above "By <same name>" (a common scrape artefact) belongs to the byline.
  if (next && looksLikePersonName(t)) {
    const by = BYLINE.exec(next.trimmed);
    if (by && by[1].includes(t)) return 'byline';
  }
  return undefined;
}

function readByline(line: LineInfo, authors: { name: string; span: Span }[], siteEvidence: string[]): void {
  const t = line.trimmed;
  const staff = STAFF_BYLINE.exec(t);
  if (staff) {
    const outlet = lookUpOutlet(staff[1]);
    siteEvidence.push(outlet ? outlet.name : staff[1]);
    return;
  }
  const by = BYLINE.exec(t);
  if (!by) return;
  const listStart = t.length - by[1].length;
  // "By Cathy He and Eva Fu, The Epoch Times" -> Cathy He, Eva Fu (+ outlet evidence)
  const partPattern = /[^,&|;]+/g;
  let m: RegExpExecArray | null;
  while ((m = partPattern.exec(by[1]))) {
    for (const piece of splitOnAnd(m[0], m.index)) {
      const name = piece.text.trim();
      if (!name) continue;
      const lead = piece.text.length - piece.text.trimStart().length;
      const outlet = lookUpOutlet(name);
      const staff = STAFF_BYLINE.exec(name);
      if (outlet) siteEvidence.push(outlet.name);
      else if (staff) siteEvidence.push(canonicalOutletName(staff[1]));
      else if (looksLikePersonName(name) && !authors.some((a) => a.name === name)) {
        const start = line.trimmedStart + listStart + piece.offset + lead;
        authors.push({ name, span: { start, end: start + name.length } });
      }
    }
  }
}

function splitOnAnd(s: string, offset: number): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  const re = /\s+and\s+/gi;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    out.push({ text: s.slice(last, m.index), offset: offset + last });
    last = m.index + m[0].length;
  }
  out.push({ text: s.slice(last), offset: offset + last });
  return out;
}

/** Two to five name-like tokens, the first and last capitalised ("Cathy He", "Jean-Luc de la Tour"). */
export function looksLikePersonName(s: string): boolean {
  const tokens = s.trim().split(/\s+/);
  if (tokens.length < 2 || tokens.length > 5) return false;
  if (!/^[A-Z]/.test(tokens[0]) || !/^[A-Z]/.test(tokens[tokens.length - 1])) return false;
  if (tokens.every((t) => t === t.toUpperCase() && t.length > 1)) return false; // "FAN EDITOR", "NTD NEWS"
  return tokens.every((t) => NAME_TOKEN.test(t));
}

function isCaption(t: string): boolean {
  if (t.length > 1500) return false;
  return CREDIT_IN_PARENS.test(t) || CAPTION_MARKERS.test(t);
}

function isFooterTrigger(t: string): boolean {
  if (t.length > MAX_FURNITURE_LENGTH) return false;
  if (wordCount(t, 25) > 20) return false;
  return FOOTER_TRIGGERS.some((re) => re.test(t));
}

function sectionNameFrom(rest: string): string | null {
  const cleaned = rest.replace(/^[\s|•·,:–—-]+/, '').trim();
  if (!cleaned || cleaned.length > 40) return null;
  if (/^\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)?\b/i.test(cleaned)) return null; // a time, not a section
  if (!/^[A-Z]/.test(cleaned)) return null;
  return cleaned;
}

function decideOutlet(syndicatedFrom: string | undefined, siteEvidence: string[]): Outlet | null {
  const site = siteEvidence[0];
  if (syndicatedFrom) {
    const via = siteEvidence.find((s) => s !== syndicatedFrom);
    return { name: syndicatedFrom, via: via ?? null };
  }
  return site ? { name: site, via: null } : null;
}

/** Turns per-line kinds into sections: runs of body lines become paragraphs; the footer is one block. */
function buildSections(lines: TextLine[], kinds: Map<number, SectionKind>): ArticleSection[] {
  const sections: ArticleSection[] = [];
  let open: ArticleSection | undefined;
  let lastKind: SectionKind | undefined;
  let blankSince = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.trimmed) {
      blankSince = true;
      continue;
    }
    const kind = kinds.get(i) ?? 'body';
    const extend = open && kind === lastKind && (kind === 'footer' || (kind === 'body' && !blankSince));
    if (extend && open) {
      open.end = line.trimmedEnd;
    } else {
      open = { kind, start: line.trimmedStart, end: line.trimmedEnd };
      sections.push(open);
    }
    lastKind = kind;
    blankSince = false;
  }
  return sections;
}

/** 0..1: a headline-like first line, paragraphs of prose, news furniture, and nothing code-like. */
function newsScore(nonBlank: LineInfo[], kinds: Map<number, SectionKind>, article: ParsedArticle): number {
  let score = 0;
  const headlineWords = wordCount(article.headline ?? '', 40);
  if (headlineWords >= 2 && headlineWords <= 30 && !CODE_LINE.test(article.headline ?? '')) score += 0.2;
  let prose = 0;
  let proseWords = 0;
  let code = 0;
  const sample = nonBlank.slice(0, 400);
  for (const line of sample) {
    const t = line.trimmed.length > 2000 ? line.trimmed.slice(0, 2000) : line.trimmed;
    const words = wordCount(t, 400);
    if (kinds.get(line.index) === 'body' && words >= 15 && SENTENCE_END.test(t) && /^["“‘'(A-Z0-9£$]/.test(t)) {
      prose++;
      proseWords += words;
    }
    if (CODE_LINE.test(t)) code++;
  }
  // Three paragraphs of prose, or two long ones, are what an article body looks like.
  score += prose >= 3 || (prose === 2 && proseWords >= 120) ? 0.45 : prose * 0.15;
  if (article.authors.length || article.date || article.outlet) score += 0.2;
  if (/[“”]|"[^"\n]{3,}"/.test(nonBlank.slice(0, 60).map((l) => l.trimmed.slice(0, 500)).join('\n'))) score += 0.15;
  const codeShare = code / Math.max(1, sample.length);
  if (codeShare > 0.15) score -= codeShare;
  return Math.max(0, Math.min(1, Math.round(score * 100) / 100));
}
