import type { CopyGroup, CopyOf } from '../corpus/copies';
import type { DateMention, QuoteMention } from '../types';
import type { ArticleRecord, IndexedMention } from './articleRecord';
import type { IndexedEntity } from './entityGraph';
import { IndexIngestion, type AnalyzeArticle, type SkippedFile, type WorkspaceIndexOptions } from './ingestion';
import type { WorkspaceHost } from './host';
import { DayLookup, QuoteCatalogue, SpeakerLookup } from './lookups';
import { compareStrings, nameKey } from './names';
import { compareQuotes, quoteWords, sameStatement, type WordDifference } from './quoteSimilarity';

export type { AnalyzeArticle, ArticleAnalysisResult, BuildResult, IndexProgress, IndexUpdate, RecordChange, SkippedFile, WorkspaceIndexOptions } from './ingestion';

/** A mention with the file it is in. */
export interface MentionLocation {
  file: string;
  mention: IndexedMention;
}

/** A date mention with its file. */
export interface DateLocation {
  file: string;
  date: DateMention;
}

/** A quote with its file and the entity id of its speaker (null when it resolves to none). */
export interface QuoteLocation {
  file: string;
  quote: QuoteMention;
  speakerId: string | null;
}

/** The same statement in another article. */
export interface SimilarQuote extends QuoteLocation {
  similarity: number;
  differences: WordDifference[];
}

/** Counts of an entity's mentions. */
export interface MentionCounts {
  perArticle: { file: string; count: number }[];
  perOutlet: { outlet: string; count: number }[];
}

/**
 * The cross-file index of a workspace's articles: entities linked across articles, dates by day,
 * quotes by speaker and statement, outlets, copies. Ingestion (build, updates, snapshot) is
 * `IndexIngestion` (`ingestion.ts`); the lookups by day, by speaker and the quote catalogue
 * (`lookups.ts`) follow its record changes; this class answers the queries.
 */
export class WorkspaceIndex extends IndexIngestion {
  private readonly byDay = new DayLookup(this.onDidChangeRecord);
  private readonly bySpeaker = new SpeakerLookup(this.onDidChangeRecord);
  private readonly quoteCatalogue = new QuoteCatalogue(this.onDidChangeRecord, () => this.graph.files(), (file) => this.graph.record(file));

  constructor(host: WorkspaceHost, analyze: AnalyzeArticle, options: WorkspaceIndexOptions) {
    super(host, analyze, options);
  }

  override dispose(): void {
    this.byDay.dispose();
    this.bySpeaker.dispose();
    this.quoteCatalogue.dispose();
    super.dispose();
  }

  // ---- queries -----------------------------------------------------------------------------

  /** Indexed files, sorted. */
  files(): string[] {
    return [...this.graph.files()].sort();
  }

  /** The index record of a file. */
  article(file: string): ArticleRecord | undefined {
    return this.graph.record(file);
  }

  /** Files skipped (unreadable, binary, not UTF-8) with the reason. */
  skipped(): SkippedFile[] {
    return [...this.skippedFiles].map(([path, reason]) => ({ path, reason }));
  }

  /** The outlet of a file: a user correction, else what the parser found. */
  outletOf(file: string): string | null {
    const override = this.outletOverrides.get(file);
    return override !== undefined ? override : (this.graph.record(file)?.outlet ?? null);
  }

  /** Outlets with their files, by name. Articles with no known outlet are left out. */
  outlets(): { name: string; files: string[] }[] {
    const byOutlet = new Map<string, string[]>();
    for (const file of this.files()) {
      const outlet = this.outletOf(file);
      if (!outlet) continue;
      const list = byOutlet.get(outlet);
      if (list) list.push(file);
      else byOutlet.set(outlet, [file]);
    }
    return [...byOutlet].map(([name, files]) => ({ name, files })).sort((a, b) => compareStrings(a.name, b.name));
  }

  /** Every entity, most mentioned first. */
  entities(): readonly IndexedEntity[] {
    return this.graph.allEntities();
  }

  /** An entity by id. */
  entity(id: string): IndexedEntity | undefined {
    return this.graph.entity(id);
  }

  /** The entity a name refers to across the workspace ("Ren", "Mr. Ren Zhengfei"), if any. */
  entityNamed(name: string): IndexedEntity | undefined {
    const id = this.graph.entityIdOfKey(nameKey(name));
    return id === null ? undefined : this.graph.entity(id);
  }

  /** The mention at `offset` in `file` and its entity, or undefined. */
  entityAt(file: string, offset: number): { mention: IndexedMention; entity: IndexedEntity } | undefined {
    const mentions = this.graph.mentionsIn(file);
    const mention = findAt(mentions, offset);
    if (!mention) return undefined;
    const id = this.graph.entityIdOfKey(mention.key);
    const entity = id === null ? undefined : this.graph.entity(id);
    return entity ? { mention, entity } : undefined;
  }

  /** The file's entity mentions with their entities, by offset. */
  entitiesInFile(file: string): { mention: IndexedMention; entity: IndexedEntity }[] {
    const out: { mention: IndexedMention; entity: IndexedEntity }[] = [];
    for (const mention of this.graph.mentionsIn(file)) {
      const id = this.graph.entityIdOfKey(mention.key);
      const entity = id === null ? undefined : this.graph.entity(id);
      if (entity) out.push({ mention, entity });
    }
    return out;
  }

  /** Every mention of an entity, by file then offset. */
  mentionsOf(id: string): MentionLocation[] {
    const keys = new Set(this.graph.membersOf(id));
    const entity = this.graph.entity(id);
    const out: MentionLocation[] = [];
    for (const file of entity?.files ?? []) {
      for (const mention of this.graph.mentionsIn(file)) if (keys.has(mention.key)) out.push({ file, mention });
    }
    return out;
  }

  /** The entity's mentions in one file (document highlights), by offset. */
  mentionsInFile(id: string, file: string): IndexedMention[] {
    const keys = new Set(this.graph.membersOf(id));
    return this.graph.mentionsIn(file).filter((m) => keys.has(m.key));
  }

  /** The first mention: in the earliest-dated article (undated last, then by path), earliest offset. */
  firstMention(id: string): MentionLocation | undefined {
    // One pass for the minimum: a hover must not sort thousands of files.
    let best: { file: string; date: string } | undefined;
    for (const file of this.graph.entity(id)?.files ?? []) {
      const date = this.graph.record(file)?.date ?? '9999';
      if (!best || date < best.date || (date === best.date && file < best.file)) best = { file, date };
    }
    const first = best && this.mentionsInFile(id, best.file)[0];
    return best && first ? { file: best.file, mention: first } : undefined;
  }

  /** Mentions per file and per outlet, most first. */
  mentionCounts(id: string): MentionCounts {
    const perFile = this.graph.fileCounts(id);
    const perOutlet = new Map<string, number>();
    for (const [file, count] of perFile) {
      const outlet = this.outletOf(file) ?? '(unknown outlet)';
      perOutlet.set(outlet, (perOutlet.get(outlet) ?? 0) + count);
    }
    return {
      perArticle: [...perFile].map(([file, count]) => ({ file, count })).sort((a, b) => b.count - a.count || compareStrings(a.file, b.file)),
      perOutlet: [...perOutlet].map(([outlet, count]) => ({ outlet, count })).sort((a, b) => b.count - a.count || compareStrings(a.outlet, b.outlet)),
    };
  }

  /** Quotes whose speaker is the entity, in file order (at most `limit`). */
  quotesBy(id: string, limit = Infinity): QuoteLocation[] {
    const members = this.graph.membersOf(id);
    const files = new Set<string>();
    for (const k of members) for (const f of this.bySpeaker.filesOf(k)) files.add(f);
    const out: QuoteLocation[] = [];
    // With a limit (a hover's first few quotes) files are taken as they come, not all sorted first.
    const ordered = limit === Infinity ? [...files].sort() : files;
    for (const file of ordered) {
      const record = this.graph.record(file);
      if (!record) continue;
      for (let i = 0; i < record.quotes.length && out.length < limit; i++) {
        const key = record.speakerKeys[i];
        if (key !== null && this.graph.entityIdOfKey(key) === id) out.push({ file, quote: record.quotes[i], speakerId: id });
      }
      if (out.length >= limit) break;
    }
    return out;
  }

  /** The entity id of a quote's speaker, or null. */
  speakerOf(file: string, quote: QuoteMention): string | null {
    const record = this.graph.record(file);
    const i = record ? record.quotes.indexOf(quote) : -1;
    const key = record && i >= 0 ? record.speakerKeys[i] : quote.speakerName ? nameKey(quote.speakerName) : null;
    return key ? this.graph.entityIdOfKey(key) : null;
  }

  /** The quote at `offset` in `file`. */
  quoteAt(file: string, offset: number): QuoteLocation | undefined {
    const quote = this.graph.record(file)?.quotes.find((q) => offset >= q.start && offset < q.end);
    return quote ? { file, quote, speakerId: this.speakerOf(file, quote) } : undefined;
  }

  /** The date mention at `offset` in `file`. */
  dateAt(file: string, offset: number): DateMention | undefined {
    return this.graph.record(file)?.dates.find((d) => offset >= d.start && offset < d.end);
  }

  /** Date mentions resolved to `day` (`YYYY-MM-DD`) in every file (or every file but `exceptFile`). */
  datesOnDay(day: string, exceptFile?: string): DateLocation[] {
    const out: DateLocation[] = [];
    for (const [file, dates] of this.byDay.datesOn(day)) {
      if (file === exceptFile) continue;
      for (const date of dates) out.push({ file, date });
    }
    return out.sort((a, b) => compareStrings(a.file, b.file) || a.date.start - b.date.start);
  }

  /**
   * The same statement quoted in other articles: word-level similarity (or one quote a fragment of
   * the other), with the differences listed; best first.
   */
  similarQuotes(file: string, quote: QuoteMention, limit = 10): SimilarQuote[] {
    const catalog = this.quoteCatalogue.get();
    const words = quoteWords(quote.text);
    const votes = new Map<number, number>();
    for (const w of new Set(words)) {
      if (w.length < 3) continue;
      for (const ref of catalog.byWord.get(w) ?? []) votes.set(ref, (votes.get(ref) ?? 0) + 1);
    }
    const needed = Math.max(2, Math.floor(new Set(words.filter((w) => w.length >= 3)).size * 0.4));
    const out: SimilarQuote[] = [];
    for (const [ref, shared] of votes) {
      if (shared < needed) continue;
      const other = catalog.refs[ref];
      if (other.file === file) continue;
      const comparison = compareQuotes(quote.text, other.quote.text);
      if (!sameStatement(comparison, words.length, other.words.length)) continue;
      out.push({ file: other.file, quote: other.quote, speakerId: this.speakerOf(other.file, other.quote), similarity: comparison.similarity, differences: comparison.differences });
    }
    return out.sort((a, b) => b.similarity - a.similarity || compareStrings(a.file, b.file)).slice(0, limit);
  }

  /** Groups of wire copies and near-duplicates (two or more articles), largest first; the first file of each is its origin. */
  copyGroups(): readonly CopyGroup[] {
    return this.copyIndex.groups();
  }

  /** The other articles found to be copies of `file`, closest first. */
  copiesOf(file: string): CopyOf[] {
    return this.copyIndex.copiesOf(file);
  }

  /** The number of independent origins among `files`: a group of copies counts once. */
  originCount(files: Iterable<string>): number {
    return this.copyIndex.originCount(files);
  }

  /** Entities whose name or alias matches `query` (prefix of a word first, then substring). */
  searchEntities(query: string, limit = 200): IndexedEntity[] {
    const q = query.trim().toLowerCase();
    const all = this.graph.allEntities();
    if (!q) return all.slice(0, limit);
    const scored: { entity: IndexedEntity; score: number }[] = [];
    for (const entity of all) {
      let best = 0;
      for (const n of [entity.name, ...entity.aliases]) {
        const lower = n.toLowerCase();
        const at = lower.indexOf(q);
        if (at < 0) continue;
        const score = lower === q ? 3 : at === 0 || lower[at - 1] === ' ' ? 2 : 1;
        if (score > best) best = score;
      }
      if (best) scored.push({ entity, score: best });
    }
    return scored.sort((a, b) => b.score - a.score || b.entity.mentionCount - a.entity.mentionCount).slice(0, limit).map((s) => s.entity);
  }
}

/** The mention covering `offset` (end inclusive, so a cursor right after a name still finds it). */
function findAt(mentions: readonly IndexedMention[], offset: number): IndexedMention | undefined {
  let lo = 0;
  let hi = mentions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = mentions[mid];
    if (offset < m.start) hi = mid - 1;
    else if (offset > m.end) lo = mid + 1;
    else return m;
  }
  return undefined;
}
