import type { ArticleAnalysis, DateMention, EntityMention, EntityType, ParsedArticle, QuoteMention, Span } from '../types';
import { nameKey, withoutTitles } from './names';

/** Entity types the index links across articles (MISC, such as "Chinese", is not an entity to follow). */
export type IndexedEntityType = Exclude<EntityType, 'misc'>;

/** One entity mention as the index keeps it. */
export interface IndexedMention extends Span {
  type: IndexedEntityType;
  /** The text as written. */
  text: string;
  /** The article-level canonical name without titles (`Ren` -> `Ren Zhengfei`). */
  name: string;
  /** The cross-article matching key of `name` (see `nameKey`). */
  key: string;
  roles: string[];
}

/** What the index keeps of one article: small, serialisable, enough for every query. */
export interface ArticleRecord {
  /** Content hash of the bytes this record was analysed from. */
  hash: string;
  headline: string | null;
  date: string | null;
  /** The outlet as parsed; a user correction can override it in the index. */
  outlet: string | null;
  authors: string[];
  /** Sorted by start. */
  mentions: IndexedMention[];
  dates: DateMention[];
  quotes: QuoteMention[];
  /** Name key of each quote's speaker (parallel to `quotes`): its resolved name, else the mention at its span. */
  speakerKeys: (string | null)[];
  /** Only in a snapshot: the body's copy signature as text (`encodeSignature`); the index keeps it elsewhere. */
  copySignature?: string;
}

/** The role the index gives a byline author. */
export const AUTHOR_ROLE = 'author';

/**
 * Builds the index record of one article from the parser's and the extractor's results. Mentions
 * in the byline and dateline are dropped (a byline "FAN Editor" is not an organization; the parsed
 * authors come back as people); a headline mention counts only when the body names it too (title
 * case makes "Says Company Does" look like a name); a leading word the article tags alone as a MISC
 * or place ("Chinese Huawei") is cut off.
 */
export function buildArticleRecord(hash: string, article: ParsedArticle, analysis: ArticleAnalysis): ArticleRecord {
  const excluded = article.sections.filter((s) => s.kind === 'byline' || s.kind === 'dateline' || s.kind === 'caption' || s.kind === 'footer' || s.kind === 'boilerplate' || s.kind === 'repeatedHeadline');
  const notProse = article.sections.filter((s) => s.kind === 'caption' || s.kind === 'footer' || s.kind === 'boilerplate' || s.kind === 'repeatedHeadline');
  const headline = article.sections.filter((s) => s.kind === 'headline');
  const inside = (m: Span, spans: readonly Span[]) => spans.some((s) => m.start >= s.start && m.end <= s.end);
  const modifiers = new Set(analysis.entities.filter((e) => e.type === 'misc' || e.type === 'place').map((e) => e.text.toLowerCase()));

  const candidates: IndexedMention[] = [];
  for (const entity of analysis.entities) {
    if (entity.type === 'misc' || inside(entity, excluded)) continue;
    const mention = toIndexedMention(entity, modifiers);
    if (mention) candidates.push(mention);
  }
  const bodyKeys = new Set(candidates.filter((m) => !inside(m, headline)).map((m) => m.key));
  const mentions = candidates.filter((m) => !inside(m, headline) || bodyKeys.has(m.key));

  article.authors.forEach((author, i) => {
    const span = article.authorSpans[i];
    const key = nameKey(author);
    if (!span || !key) return;
    mentions.push({ start: span.start, end: span.end, type: 'person', text: author, name: withoutTitles(author), key, roles: [AUTHOR_ROLE] });
  });
  mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  const quotes = analysis.quotes.filter((q) => !inside(q, notProse));

  return {
    hash,
    headline: article.headline,
    date: article.date,
    outlet: article.outlet?.name ?? null,
    authors: [...article.authors],
    mentions,
    // The dateline's date stays: it is a day the article mentions.
    dates: analysis.dates.filter((d) => !inside(d, notProse)),
    quotes,
    speakerKeys: quotes.map((q) => speakerKey(q, mentions)),
  };
}

function toIndexedMention(entity: EntityMention, modifiers: ReadonlySet<string>): IndexedMention | null {
  let { start, text, name } = entity;
  const firstSpace = text.search(/\s/);
  // "Chinese Huawei": the first word is a modifier the article uses on its own, not part of the name.
  if (entity.type !== 'person' && firstSpace > 0 && modifiers.has(text.slice(0, firstSpace).toLowerCase())) {
    const rest = text.slice(firstSpace).trimStart();
    start = entity.end - rest.length;
    text = rest;
    name = rest;
  }
  const clean = withoutTitles(name);
  const key = nameKey(clean);
  if (!key || !/\p{Lu}/u.test(clean)) return null;
  return { start, end: entity.end, type: entity.type as IndexedEntityType, text, name: clean, key, roles: [...entity.roles] };
}

function speakerKey(quote: QuoteMention, mentions: readonly IndexedMention[]): string | null {
  const named = quote.speakerName ? nameKey(quote.speakerName) : '';
  if (named) return named;
  const speaker = quote.speaker;
  const mention = speaker && mentions.find((m) => m.start < speaker.end && speaker.start < m.end);
  return mention ? mention.key : null;
}

/** Hands out one shared copy of each equal string. */
export type StringInterner = (value: string) => string;

/** A string interner over a map (grows with the distinct strings it sees: names, roles, keys). */
export function createStringInterner(): StringInterner {
  const strings = new Map<string, string>();
  return (value) => {
    const known = strings.get(value);
    if (known !== undefined) return known;
    strings.set(value, value);
    return value;
  };
}

const NO_ROLES: string[] = [];

/**
 * Makes a record share the strings that recur across articles (names, keys, mention texts, roles,
 * date values, speakers, cues, outlets) and one empty roles list, in place. Records arrive as fresh
 * copies (from a worker's message or a snapshot), so without this every one of 20,000 articles
 * would hold its own "Tony Blair". Returns the record.
 */
export function internRecord(record: ArticleRecord, intern: StringInterner): ArticleRecord {
  const orNull = (value: string | null) => (value === null ? null : intern(value));
  record.outlet = orNull(record.outlet);
  record.date = orNull(record.date);
  record.authors = record.authors.map(intern);
  for (const m of record.mentions) {
    m.type = intern(m.type) as IndexedEntityType;
    m.text = intern(m.text);
    m.name = intern(m.name);
    m.key = intern(m.key);
    m.roles = m.roles.length ? m.roles.map(intern) : NO_ROLES;
  }
  for (const d of record.dates) {
    d.type = intern(d.type) as DateMention['type'];
    d.text = intern(d.text);
    d.value = orNull(d.value);
  }
  for (const q of record.quotes) {
    q.speakerText = orNull(q.speakerText);
    q.speakerName = orNull(q.speakerName);
    q.cue = orNull(q.cue);
  }
  record.speakerKeys = record.speakerKeys.map(orNull);
  return record;
}
