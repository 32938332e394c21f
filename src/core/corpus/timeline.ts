import type { ArticleRecord, IndexedEntity } from '../index';
import type { Span } from '../types';

/** What the timeline reads of the workspace index. */
export interface TimelineSource {
  files(): string[];
  article(file: string): ArticleRecord | undefined;
  outletOf(file: string): string | null;
  entitiesInFile(file: string): { entity: IndexedEntity }[];
}

/** An article on the time axis (undated articles have a null `date` and sit in the list only). */
export interface TimelineArticle {
  file: string;
  headline: string;
  /** Publication date `YYYY-MM-DD` from the dateline, or null. */
  date: string | null;
  outlet: string;
  /** Where the date is written (the dateline), else the headline's start: a click opens the text there. */
  span: Span;
  /** Indexes into {@link TimelineData.entities} of the people, organizations and places it mentions. */
  entities: number[];
}

/** A dated event: a time expression the extractor resolved to a calendar value, in its article. */
export interface TimelineEvent {
  file: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  value: string;
  /** The expression as written ("last Tuesday"). */
  text: string;
  /** Its range in the article's text. */
  start: number;
  end: number;
  /** Index into {@link TimelineData.articles} of its article. */
  article: number;
}

/** Everything the timeline draws. */
export interface TimelineData {
  articles: TimelineArticle[];
  events: TimelineEvent[];
  outlets: string[];
  /** Entities named in the articles, most mentioned first: `[id, name, type]`. */
  entities: [string, string, string][];
}

/** The lane of an article with no known outlet. */
export const UNKNOWN_OUTLET = '(unknown outlet)';

const CALENDAR = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/**
 * Articles and dated events of the workspace for the timeline: articles by outlet at their parsed
 * date, every DATE expression with a calendar value as an event of its article (the dateline's own
 * date is the article's marker, not an event). Sorted by date, then file, so the drawing is the same
 * for the same index.
 */
export function buildTimeline(source: TimelineSource): TimelineData {
  const entityIndex = new Map<string, number>();
  const entityList: IndexedEntity[] = [];
  const articles: TimelineArticle[] = [];
  const events: TimelineEvent[] = [];
  for (const file of source.files()) {
    const record = source.article(file);
    if (!record) continue;
    const dateline = record.date ? record.dates.find((d) => d.value === record.date && d.type === 'DATE') : undefined;
    const ids = new Set<number>();
    for (const { entity } of source.entitiesInFile(file)) {
      let i = entityIndex.get(entity.id);
      if (i === undefined) {
        i = entityList.push(entity) - 1;
        entityIndex.set(entity.id, i);
      }
      ids.add(i);
    }
    const articleIndex = articles.push({
      file,
      headline: record.headline ?? file,
      date: record.date,
      outlet: source.outletOf(file) ?? UNKNOWN_OUTLET,
      span: dateline ? { start: dateline.start, end: dateline.end } : { start: 0, end: 0 },
      entities: [...ids],
    }) - 1;
    for (const date of record.dates) {
      if (date === dateline || date.type !== 'DATE' || !date.value || !CALENDAR.test(date.value)) continue;
      events.push({ file, value: date.value, text: date.text, start: date.start, end: date.end, article: articleIndex });
    }
  }
  // Entities most mentioned first; articles keep their indexes into this order.
  const order = entityList.map((_, i) => i).sort((a, b) => entityList[b].mentionCount - entityList[a].mentionCount || (entityList[a].name < entityList[b].name ? -1 : 1));
  const rank = new Map(order.map((old, i) => [old, i]));
  for (const a of articles) a.entities = a.entities.map((i) => rank.get(i)!).sort((x, y) => x - y);
  const sortedArticles = articles.map((a, i) => ({ a, i })).sort((x, y) => compareDates(x.a.date, y.a.date) || (x.a.file < y.a.file ? -1 : 1));
  const articleRank = new Map(sortedArticles.map(({ i }, k) => [i, k]));
  for (const e of events) e.article = articleRank.get(e.article)!;
  events.sort((x, y) => compareDates(x.value, y.value) || (x.file < y.file ? -1 : x.file > y.file ? 1 : x.start - y.start));
  return {
    articles: sortedArticles.map(({ a }) => a),
    events,
    outlets: [...new Set(articles.map((a) => a.outlet))].sort((a, b) => Number(a === UNKNOWN_OUTLET) - Number(b === UNKNOWN_OUTLET) || (a < b ? -1 : 1)),
    entities: order.map((i) => [entityList[i].id, entityList[i].name, entityList[i].type]),
  };
}

/** Undated (null) last. */
function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** A TimelineJS date object. */
export interface TimelineJsDate {
  year: number;
  month?: number;
  day?: number;
}

/** A TimelineJS slide (https://timeline.knightlab.com/docs/json-format.html). */
export interface TimelineJsSlide {
  start_date: TimelineJsDate;
  text: { headline: string; text: string };
  group: string;
  unique_id: string;
}

/** A TimelineJS timeline: `title` and `events`. */
export interface TimelineJs {
  title: { text: { headline: string; text: string } };
  events: TimelineJsSlide[];
}

/**
 * The timeline in TimelineJS's JSON format: one slide per dated article (grouped by outlet) and one
 * per dated event (grouped by its article's outlet). TimelineJS renders `headline` and `text` as
 * HTML, so article text is escaped; `label` turns an index file key into what the reader should see.
 */
export function toTimelineJs(data: TimelineData, title: string, label: (file: string) => string = (f) => f): TimelineJs {
  const events: TimelineJsSlide[] = [];
  data.articles.forEach((a, i) => {
    if (!a.date) return;
    events.push({ start_date: timelineJsDate(a.date), text: { headline: escapeHtml(a.headline), text: escapeHtml(`${a.outlet} · ${label(a.file)}`) }, group: a.outlet, unique_id: `article-${i}` });
  });
  data.events.forEach((e, i) => {
    const a = data.articles[e.article];
    events.push({ start_date: timelineJsDate(e.value), text: { headline: escapeHtml(e.text), text: escapeHtml(`In “${a.headline}” (${a.outlet} · ${label(a.file)})`) }, group: a.outlet, unique_id: `event-${i}` });
  });
  const undated = data.articles.filter((a) => !a.date).length;
  return {
    title: { text: { headline: escapeHtml(title), text: escapeHtml(`${data.articles.length} articles (${undated} undated), ${data.events.length} dated events`) } },
    events,
  };
}

function timelineJsDate(value: string): TimelineJsDate {
  const [year, month, day] = value.split('-').map(Number);
  return { year, ...(month ? { month } : {}), ...(day ? { day } : {}) };
}

/** Escapes text for HTML (element content and attribute values). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
