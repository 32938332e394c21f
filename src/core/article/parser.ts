import modelData from '../../../models/article-blocks.json';
import type { ArticleSection, ParsedArticle, SectionKind, Span } from '../types';
import { BlockModel, type BlockLabel, type BlockModelData } from './blockModel';
import { blockFeatures, folderLineKey, splitBlocks, type Block, type LineFrequency } from './blocks';
import { opensByline, readAuthorBio, readBylines, type AuthorFound, type IsCommonWord } from './bylines';
import { datesInLine } from './datelines';
import { dateCandidates, rankDates, type DateCandidate, type DateRankerData } from './publicationDate';
import { foldForComparison, splitLines, wordCount, type TextLine } from './lines';
import { decideOutlet, lookUpOutlet, type OutletEvidence } from './outlets';

/** A text whose `score` reaches this reads as a news article (used for content detection). */
export const NEWS_ARTICLE_SCORE_THRESHOLD = 0.5;

/** What the parser may know beyond the page itself. */
export interface ParseOptions {
  /**
   * How many other articles of the same folder hold a line (see {@link folderLineKey}): a line repeated across
   * {@link FOLDER_BOILERPLATE_ARTICLES} or more of them is site furniture, not this article's text.
   */
  lineFrequency?: LineFrequency;
}

/** In how many other articles of a folder a line must occur to count as the site's boilerplate. */
export const FOLDER_BOILERPLATE_ARTICLES = 3;

/** Lines longer than this are never looked at as header or footer furniture (keeps regexes cheap). */
const MAX_FURNITURE_LENGTH = 160;
/** How many blocks past the start of the body a byline or dateline may still stand. */
const HEADER_REACH = 3;

const TITLE_SEPARATOR = /\s+(?:[|·•»~｜✩★☆◆]|[-–—]{1,2}|::)\s+|\s*｜\s*/g;
const FROM_OUTLET = /^from ((?:the )?[\p{Lu}][\p{L}\d.&'’ -]{1,50})$/iu;
const SITE_ARTICLES = /^([\p{Lu}][\p{L}\d.&'’ -]{1,50}) articles$/iu;
// Site furniture that names its own site: "More from Kotaku", "Make MSN my homepage", "Become an Atlas Obscura
// member", "Log in with your Medical News Today account", "Get Quanta Magazine delivered to your inbox".
const SITE_PROMPT = /^(?:more from|make|become an?|log in with your|sign up for a free|get the most out of|get|welcome to|support|visit)\s+/i;
const PROMPTED_NAME = /^((?:the\s+)?[\p{Lu}\p{N}][\p{L}\d.&'’-]*(?:\s+[\p{Lu}\p{N}][\p{L}\d.&'’-]*){0,3}?)(?:['’]s)?(?:\s+(?:my homepage|member|membership|account|app|delivered\b.*|today|newsletter|on \w+)|[.!:]|$)/u;
const NEWSLETTER_OUTLET = /^(?:sign up for|subscribe to)\s+(?:the\s+)?([A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*?)(?:['’]s)?(?:\s+(?:daily|weekly|news|newsletter|today|morning|evening|briefing))*\b/i;
const COPYRIGHT_OUTLET = /(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?:by\s+)?((?:the\s+)?[\p{L}\d][\p{L}\d.&'’ -]{1,50}?)(?:\s*[.,;|]|\s+all rights|\s+\d{4}|$)/iu;
const FOOTER_TRIGGER = /^(?:leave a (?:reply|comment)|(?:next|previous|prev) (?:post|article|story)|related(?: articles| posts| stories| coverage| news)?|more stories|read more|see also|recommended(?: for you)?|you may also like|trending(?: now)?|advertisement|comments?|share this(?: article)?:?)$/i;
const CAPTION_MARKERS = /(?:^|\s)(?:FILE PHOTO:|PHOTO:|Photo:|Image:|IMAGE:)|REUTERS\/|\/File Photo|\bGetty Images\b|\bAP Photo\/|\((?:[^()]*\/)?[^()]*(?:Getty Images|AFP|Reuters|REUTERS|AP Photo|Associated Press|Pool|EPA|Xinhua|Shutterstock)[^()]*\)\s*$/;
const SIGN_OFF = /contributed to this report\.?$|^(?:additional )?reporting by\b|^from (?:the )?\p{Lu}[\p{L}\d.&'’ -]{1,50}$|^\p{Lu}[\p{L}\d.&'’ -]{1,50} articles$/iu;
const SENTENCE_END = /[.!?]["'”’)]?$/;
const CODE_LINE = /[{};]\s*$|^\s*(?:import|export|function|def|class|return|#include|var|let|const|public|private)\b|=>|^\s*[<#/]{1,2}\w|^\s*[\w.]+\s*[:=]\s*\S/;


/**
 * Segments a scraped page: each block (non-blank line) is labelled headline, byline, dateline, caption, body or
 * boilerplate by the learned block classifier (`models/article-blocks.json`), lines the folder repeats across
 * articles are boilerplate; then reads headline, authors, publication date and outlet off the labelled blocks.
 * Total: never throws, whatever the string (a failure degrades to one body section).
 */
export function parseArticle(text: string, options: ParseOptions = {}): ParsedArticle {
  const safe = typeof text === 'string' ? text : '';
  try {
    return parse(safe, options);
  } catch {
    return fallback(safe);
  }
}

function fallback(text: string): ParsedArticle {
  return {
    headline: null, headlineSpan: null, authors: [], authorSpans: [], date: null, dateSpan: null,
    sectionName: null, outlet: null, sections: text.length ? [{ kind: 'body', start: 0, end: text.length }] : [], score: 0,
  };
}

/** The models the parser runs: the block classifier and the date ranker. */
export interface ArticleModels {
  blocks: BlockModel;
  dates: DateRankerData;
  common?: IsCommonWord;
}

let shipped: ArticleModels | undefined;
function shippedModels(): ArticleModels {
  if (!shipped) {
    const data = modelData as unknown as BlockModelData & { dateRanker?: DateRankerData; commonWords?: string[] };
    const common = new Set(data.commonWords ?? []);
    const ranker = data.dateRanker ?? { scale: 1, weights: {} };
    const scale = ranker.scale || 1;
    shipped = { blocks: new BlockModel(data), common: (w) => common.has(w), dates: { scale: 1, weights: Object.fromEntries(Object.entries(ranker.weights).map(([f, v]) => [f, v / scale])) } };
  }
  return shipped;
}

/** What the parser knows of a page once its blocks are labelled and its headline and bylines read. */
interface PageHeader {
  blocks: Block[];
  labels: BlockLabel[];
  evidence: OutletEvidence[];
  headline: HeadlineFound;
  authors: AuthorFound[];
  firstBody: number;
  /** The block where the article starts: its own headline line, else its first paragraph. */
  anchor: number;
}

function readHeader(text: string, options: ParseOptions, model: BlockModel, common?: IsCommonWord): PageHeader | undefined {
  const blocks = splitBlocks(text);
  if (!blocks.length) return undefined;
  const keys = blocks.map((b) => folderLineKey(b.text));
  const labels = labelBlocks(blocks, keys, options.lineFrequency, model);
  const evidence: OutletEvidence[] = [];
  const headline = readHeadline(blocks, keys, labels, evidence, common);

  const firstBody = labels.indexOf('body');
  const own = blocks.findIndex((b) => b.start === headline.span.start);
  const anchor = own > 0 ? own : firstBody < 0 ? 1 : firstBody;
  // The header runs a few blocks past the article's start: its own headline line or its first paragraph.
  const headerEnd = firstBody < 0 ? Math.min(blocks.length, 12) : Math.max(firstBody + HEADER_REACH, anchor + HEADER_REACH + 2, 8);
  const dated = (i: number) => i > 0 && i < blocks.length && (labels[i] === 'dateline' || blocks[i].text.length <= 80 && datesInLine(blocks[i].text).length > 0);
  // The page's own headline line (the title again, or most of it): a bare name right under it is its byline.
  const titleKey = foldForComparison(blocks[0].text.slice(0, 400));
  const repeatsTitle = (i: number) => i > 0 && labels[i] === 'headline' && keys[i].length >= 8 && titleKey.includes(keys[i]);
  const authors: AuthorFound[] = [];
  for (const a of headline.authors) authors.push(a);
  for (let i = 1; i < Math.min(blocks.length, headerEnd); i++) {
    const b = blocks[i];
    // A body line may still be a byline the classifier missed when it is short and no sentence.
    if (b.text.length > 400 || labels[i] === 'body' && !opensByline(b.text) && (wordCount(b.text, 10) > 6 || SENTENCE_END.test(b.text))) continue;
    const known = evidence.length;
    // A bare name counts only where the classifier saw a byline, next to the title or a dateline.
    const nearHeader = (labels[i] === 'byline' && (i <= 3 || labels[i - 1] === 'headline' || labels[i + 1] === 'headline')) || dated(i - 1) || dated(i + 1) || repeatsTitle(i - 1);
    const found = readBylines(b, nearHeader, evidence, common);
    if (found.length || (evidence.length > known && wordCount(b.text, 10) <= 4)) {
      if (labels[i] !== 'byline' && labels[i] !== 'headline') labels[i] = 'byline';
      for (const a of found) if (!authors.some((x) => x.name === a.name)) authors.push(a);
    }
  }
  // A bare name right above "By <same name>" (a common scrape artefact) belongs to the byline.
  for (let i = 1; i + 1 < blocks.length; i++) {
    if (labels[i + 1] === 'byline' && labels[i] !== 'byline' && authors.some((a) => a.name === blocks[i].text) && /^by\s/i.test(blocks[i + 1].text)) labels[i] = 'byline';
  }
  // No byline: an author's note after the article ("Sarah Archer is the author of …") names the author.
  if (!authors.length && firstBody >= 0) {
    const lastBody = labels.lastIndexOf('body');
    for (let i = lastBody + 1; i < Math.min(blocks.length, lastBody + 15); i++) {
      const bio = readAuthorBio(blocks[i], common);
      if (bio) {
        authors.push(bio);
        break;
      }
    }
  }
  return { blocks, labels, evidence, headline, authors, firstBody, anchor };
}

/**
 * The publication-date candidates of a page under a given block classifier (for training the date ranker: see
 * scripts/train-article.ts). Total.
 */
export function publicationDateCandidates(text: string, model: BlockModel): DateCandidate[] {
  try {
    const h = readHeader(text, {}, model);
    return h ? dateCandidates(text, h.blocks, h.labels, h.anchor, h.firstBody) : [];
  } catch {
    return [];
  }
}

function parse(text: string, options: ParseOptions): ParsedArticle {
  const result = fallback('');
  const models = shippedModels();
  const h = readHeader(text, options, models.blocks, models.common);
  if (!h) return result;
  const { blocks, labels, evidence, headline, authors } = h;
  result.headline = headline.text;
  result.headlineSpan = headline.span;
  result.authors = authors.map((a) => a.name);
  result.authorSpans = authors.map((a) => a.span);

  const date = rankDates(dateCandidates(text, blocks, labels, h.anchor, h.firstBody), models.dates);
  if (date) {
    result.date = date.date;
    result.dateSpan = date.span;
    result.sectionName = date.sectionName;
    if (labels[date.block] !== 'byline' && labels[date.block] !== 'headline' && labels[date.block] !== 'body') labels[date.block] = 'dateline';
  }

  collectSiteEvidence(blocks, labels, evidence);
  result.outlet = decideOutlet(evidence);
  result.sections = buildSections(splitLines(text), blocks, labels);
  result.score = newsScore(blocks, labels, result);
  return result;
}

/** The classifier's labels, with what is fixed about a page: its first line is the title, folder furniture is boilerplate. */
function labelBlocks(blocks: Block[], keys: string[], frequency: LineFrequency | undefined, m: BlockModel): BlockLabel[] {
  const labels = m.decode(blockFeatures(blocks, frequency, keys)).map((i) => m.labels[i]);
  labels[0] = 'headline';
  if (frequency) {
    for (let i = 1; i < blocks.length; i++) {
      if (frequency(keys[i]) >= FOLDER_BOILERPLATE_ARTICLES) labels[i] = 'boilerplate';
    }
  }
  // A headline line inside the prose that is not the title again is a subheading of the article.
  const titleKey = foldForComparison(blocks[0].text.slice(0, 400));
  for (let i = 1; i < blocks.length; i++) {
    if (labels[i] === 'headline' && blocks[i].text.length > 400) labels[i] = 'body';
    else if (labels[i] === 'headline' && !titleKey.includes(keys[i]) && labels[i - 1] === 'body') labels[i] = 'body';
  }
  // A photo credit among the header lines is a caption, whatever its length.
  const firstBody = labels.indexOf('body');
  for (let i = 1; i < (firstBody < 0 ? blocks.length : firstBody + 1); i++) {
    if (blocks[i].text.length <= 1500 && CAPTION_MARKERS.test(blocks[i].text)) labels[i] = 'caption';
  }
  // Sign-off lines close the article's text and are not part of it ("Reuters contributed to this report.",
  // "From The Epoch Times", "Free America Network Articles").
  for (let i = labels.lastIndexOf('body'); i > 0 && labels[i] === 'body' && SIGN_OFF.test(blocks[i].text) && wordCount(blocks[i].text, 14) <= 12; i--) {
    labels[i] = 'boilerplate';
  }
  // Site furniture after the article's last paragraph ("Leave a Reply", "Next Post") ends the article.
  let lastBody = labels.lastIndexOf('body');
  for (let i = 1; i < lastBody; i++) {
    if (labels[i - 1] === 'body' && FOOTER_TRIGGER.test(blocks[i].text) && !labels.slice(i + 1).some((l, k) => l === 'body' && blocks[i + 1 + k].text.length > 200)) {
      for (let k = i; k <= lastBody; k++) labels[k] = 'boilerplate';
      lastBody = i - 1;
      break;
    }
  }
  return labels;
}

interface HeadlineFound {
  text: string;
  span: Span;
  /** Authors the title names in a segment of its own ("… | by John C. Welch | Medium"). */
  authors: AuthorFound[];
}

/**
 * The title line without its site suffix ("… | The New York Times"; the suffix is outlet evidence), or the page's
 * own headline line when the title holds it with more around it.
 */
function readHeadline(blocks: Block[], keys: string[], labels: BlockLabel[], evidence: OutletEvidence[], common: IsCommonWord | undefined): HeadlineFound {
  const title = blocks[0];
  const segments: { text: string; start: number }[] = [];
  let last = 0;
  for (const m of title.text.length <= 400 ? title.text.matchAll(TITLE_SEPARATOR) : []) {
    segments.push({ text: title.text.slice(last, m.index), start: last });
    last = m.index + m[0].length;
  }
  segments.push({ text: title.text.slice(last), start: last });
  // Every segment after the first may name the site ("… - News - The Register-Guard - Eugene, OR"), the last first.
  for (let k = segments.length - 1; k >= 1; k--) evidence.push({ kind: 'titleSuffix', text: segments[k].text });
  const authors: AuthorFound[] = [];
  for (const seg of segments.slice(1)) {
    if (/^by\s/i.test(seg.text)) authors.push(...readBylines({ ...title, text: seg.text, start: title.start + seg.start, end: title.start + seg.start + seg.text.length }, false, evidence, common));
  }
  // The page's own headline: a later line the title contains, most of it, that is not a teaser of another story.
  const titleKey = foldForComparison(title.text.slice(0, 400));
  let own: Block | undefined;
  for (let i = 1; i < Math.min(blocks.length, 200); i++) {
    const b = blocks[i];
    if (b.text.length > 300 || labels[i] === 'body' && b.text.length > 120) continue;
    const key = keys[i];
    if (key.length < 8 || wordCount(key) < 2 || !titleKey.includes(key)) continue;
    if (key === titleKey) return { text: title.text, span: { start: title.start, end: title.end }, authors };
    if (key.length >= titleKey.length * 0.4 && (!own || b.text.length > own.text.length)) own = b;
  }
  if (own && segments.length > 1) {
    const i = own.index;
    if (labels[i] !== 'body') labels[i] = 'headline';
    // The same words as the title writes them, when the title opens with them (its quotes and dashes).
    const head = title.text.slice(0, own.text.length);
    if (foldForComparison(head) === foldForComparison(own.text)) return { text: head, span: { start: title.start, end: title.start + head.length }, authors };
    return { text: own.text, span: { start: own.start, end: own.end }, authors };
  }
  // Drop short trailing segments (site names, dates) while what stays reads as a headline. A dash may also
  // attribute a headline ("Choose hope over fear - Kennedy"): after a dash, only a segment the page supports as a
  // site name goes (a known outlet, a domain, or a name the page's own short lines repeat).
  let keep = segments.length;
  const separators = [...(title.text.length <= 400 ? title.text.matchAll(TITLE_SEPARATOR) : [])].map((m) => m[0].trim());
  while (keep > 1) {
    const tail = segments[keep - 1].text.trim();
    const head = segments.slice(0, keep - 1).map((s) => s.text).join(' ');
    if (wordCount(tail, 10) > 6 || wordCount(head, 10) < 2) break;
    const dateLike = /^[\d\s./:-]+$/.test(tail) || datesInLine(tail).length > 0 || /^by\s/i.test(tail);
    const strong = !/^[-–—]+$/.test(separators[keep - 2] ?? '-');
    // A scraped page (one with site furniture) ends its title with the site's name even when nothing else
    // names it: its last segment goes, whatever the dash.
    const scraped = keep === segments.length && labels.filter((l) => l === 'boilerplate').length >= 2;
    if (!dateLike && !strong && !scraped && !siteNameSupported(tail, blocks)) break;
    keep--;
  }
  const end = keep === segments.length ? title.text.length : segments[keep - 1].start + segments[keep - 1].text.length;
  const cut = title.text.slice(0, end).trim();
  return { text: cut, span: { start: title.start, end: title.start + cut.length }, authors };
}

function siteNameSupported(tail: string, blocks: Block[]): boolean {
  if (lookUpOutlet(tail, true) || /^[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.[a-z]{2,}$/iu.test(tail)) return true;
  if (tail.length < 3) return false;
  for (let i = 1; i < blocks.length; i++) {
    const t = blocks[i].text;
    if (t.length <= 120 && t.includes(tail) && wordCount(t, 20) <= 14) return true;
  }
  return false;
}

function collectSiteEvidence(blocks: Block[], labels: BlockLabel[], evidence: OutletEvidence[]): void {
  const lastBody = labels.lastIndexOf('body');
  const prompted: { name: string; alone: boolean }[] = [];
  for (let i = 1; i < blocks.length; i++) {
    const line = blocks[i].text;
    if (line.length > MAX_FURNITURE_LENGTH) continue;
    // Lines of the site's own furniture name it, known or not, when two lines agree (one could be a teaser's);
    // the classifier may read such a prompt as prose, so its label does not matter.
    const opening = SITE_PROMPT.exec(line);
    const prompt = opening ? PROMPTED_NAME.exec(line.slice(opening[0].length)) : null;
    if (prompt) prompted.push({ name: prompt[1].replace(/[.!:]$/, ''), alone: /^more from\s/i.test(line) && labels[i] === 'boilerplate' });
    if (labels[i] === 'body') continue;
    const from = FROM_OUTLET.exec(line);
    if (from && i > lastBody) evidence.push({ kind: 'from', text: from[1] });
    const site = SITE_ARTICLES.exec(line);
    if (site) evidence.push({ kind: 'siteName', text: site[1] });
    const copyright = COPYRIGHT_OUTLET.exec(line);
    if (copyright && !/^(?:copyright|all|the)$/i.test(copyright[1].trim())) {
      evidence.push({ kind: 'copyright', text: copyright[1].replace(/\s+(?:inc|ltd|llc|plc|gmbh|s\.a|limited|media group|group)\.?$/i, '') });
    }
    // A newsletter names its site only when the name is a known outlet ("Sign up for NTD Daily").
    const letter = NEWSLETTER_OUTLET.exec(line);
    const named = letter ? [letter[1], letter[1].split(/\s+/)[0]] : /\bnewsletter\b/i.test(line) ? [line.split(/\s+/)[0]] : [];
    for (const n of named) if (lookUpOutlet(n)) evidence.push({ kind: 'siteName', text: n });
    // Lines of the site's own furniture name it, known or not, when two of them agree (one could be a teaser's).
    // A short line that is a known outlet's name is the site's name (a masthead, a logo's text).
    if (line.length <= 40 && wordCount(line, 6) <= 4 && lookUpOutlet(line)) evidence.push({ kind: 'siteName', text: line });
  }
  for (const { name, alone } of prompted) {
    if (lookUpOutlet(name) || alone || furnitureMentions(name, blocks) >= 2) evidence.push({ kind: 'siteName', text: name });
  }
}

/** How many of the page's short lines (up to two) name `name` as a whole word. */
function furnitureMentions(name: string, blocks: Block[]): number {
  let n = 0;
  for (let i = 0; i < blocks.length && n < 2; i++) {
    const t = blocks[i].text;
    if (t.length > MAX_FURNITURE_LENGTH) continue;
    const at = t.indexOf(name);
    if (at >= 0 && !/[\p{L}\d]/u.test(t[at + name.length] ?? '') && !/[\p{L}\d]/u.test(t[at - 1] ?? '')) n++;
  }
  return n;
}

function sectionKind(label: BlockLabel, index: number, afterBody: boolean): SectionKind {
  switch (label) {
    case 'headline':
      return index === 0 ? 'headline' : 'repeatedHeadline';
    case 'boilerplate':
      return afterBody ? 'footer' : 'boilerplate';
    default:
      return label;
  }
}

/**
 * Turns block labels into sections: runs of body lines with no blank line between become one paragraph; the
 * boilerplate after the last paragraph is one footer block; other boilerplate runs are one block each.
 */
function buildSections(lines: TextLine[], blocks: Block[], labels: BlockLabel[]): ArticleSection[] {
  const sections: ArticleSection[] = [];
  const lastBody = labels.lastIndexOf('body');
  let open: ArticleSection | undefined;
  let prevLine = -2;
  for (const b of blocks) {
    const kind = sectionKind(labels[b.index], b.index, lastBody >= 0 && b.index > lastBody);
    const adjacent = b.line === prevLine + 1 || !lines.slice(prevLine + 1, b.line).some((l) => l.trimmed);
    const extend = open && open.kind === kind && (kind === 'footer' || kind === 'boilerplate' || (kind === 'body' && b.line === prevLine + 1 && adjacent));
    if (extend && open) open.end = b.end;
    else {
      open = { kind, start: b.start, end: b.end };
      sections.push(open);
    }
    prevLine = b.line;
  }
  return sections;
}

/** 0..1: a headline-like first line, paragraphs of prose, news furniture, and nothing code-like. */
function newsScore(blocks: Block[], labels: BlockLabel[], article: ParsedArticle): number {
  let score = 0;
  const headlineWords = wordCount(blocks[0].text, 40);
  if (headlineWords >= 2 && headlineWords <= 30 && !CODE_LINE.test(blocks[0].text)) score += 0.2;
  let prose = 0;
  let proseWords = 0;
  let code = 0;
  const sample = blocks.slice(0, 400);
  for (const b of sample) {
    const t = b.text.length > 2000 ? b.text.slice(0, 2000) : b.text;
    const words = wordCount(t, 400);
    if (labels[b.index] === 'body' && words >= 15 && SENTENCE_END.test(t) && /^["“‘'(\p{Lu}0-9£$]/u.test(t)) {
      prose++;
      proseWords += words;
    }
    if (CODE_LINE.test(t)) code++;
  }
  // Three paragraphs of prose, or two long ones, are what an article body looks like.
  score += prose >= 3 || (prose === 2 && proseWords >= 120) ? 0.45 : prose * 0.15;
  if (article.authors.length || article.date || article.outlet) score += 0.2;
  if (/[“”]|"[^"\n]{3,}"/.test(blocks.slice(0, 60).map((b) => b.text.slice(0, 500)).join('\n'))) score += 0.15;
  const codeShare = code / Math.max(1, sample.length);
  if (codeShare > 0.15) score -= codeShare;
  return Math.max(0, Math.min(1, Math.round(score * 100) / 100));
}

export { looksLikePersonName } from './bylines';
