import * as vscode from 'vscode';
import { parseArticle } from '../core/article';
import type { IndexedEntity, WorkspaceIndex } from '../core/index';
import { decodeArticleBytes } from '../core/decode';
import type { DateMention, Outlet, Span } from '../core/types';

/**
 * What the News sidebar shows, as plain data (URIs as strings, offsets into the article text) so the
 * tree providers depend on this small interface rather than on how the corpus is indexed.
 */

/** One article of the workspace. */
export interface NewsArticle {
  /** The document URI, `uri.toString()`. */
  readonly uri: string;
  /** The path relative to the workspace folder (or the file name). */
  readonly label: string;
  readonly headline: string | null;
  readonly date: string | null;
  readonly authors: readonly string[];
  readonly outlet: Outlet | null;
  readonly headlineSpan: Span | null;
  /** Where the same story also appears (wire copies): the other copies' outlets, else their paths. */
  readonly alsoPublishedBy?: readonly string[];
}

/** The four groups of the Entities view. */
export type NewsEntityKind = 'person' | 'organization' | 'place' | 'date';

/** Where something appears: an article and a range, with the line around it for display. */
export interface NewsLocation extends Span {
  readonly uri: string;
  /** The text at the range, as written. */
  readonly text: string;
  /** One line of context around the range, whitespace collapsed. */
  readonly snippet: string;
}

/** One entity across the workspace (a date entity is one calendar value). */
export interface NewsEntity {
  /** Stable across refreshes: kind and canonical name. */
  readonly key: string;
  readonly kind: NewsEntityKind;
  readonly name: string;
  /** Other forms as written (surname alone, titles), not spelling variants. */
  readonly aliases: readonly string[];
  /** Spelling variants linked to this entity (Meng Wenzhou for Meng Wanzhou). */
  readonly variants: readonly string[];
  readonly mentionCount: number;
  /** Number of distinct articles that mention it. */
  readonly articleCount: number;
}

/** One direct quotation in one article. */
export interface NewsQuote extends NewsLocation {
  /** The person it resolves to, else the speaker as written, else null. */
  readonly speaker: string | null;
}

/** One annotation, as the Annotations view lists it. */
export interface NewsAnnotation {
  readonly id: string;
  /** The annotated article's URI, or null when its file is not in the workspace. */
  readonly uri: string | null;
  /** The target's `source` (relative path), for display when `uri` is null. */
  readonly source: string;
  /** Current range in the article, absent for a whole-article annotation or an orphan. */
  readonly range?: Span;
  /** The annotated passage as last seen. */
  readonly quote: string;
  readonly text: string;
  readonly tags: readonly string[];
  /** True when the passage could not be found in the current text. */
  readonly orphaned: boolean;
}

/** Indexing progress, for the status bar. */
export interface NewsIndexProgress {
  readonly done: number;
  readonly total: number;
}

/** The sidebar's source of truth. Views refresh on `onDidChange`, never by scanning files themselves. */
export interface NewsViewModel {
  readonly onDidChange: vscode.Event<void>;
  readonly onDidChangeProgress: vscode.Event<NewsIndexProgress | undefined>;
  /** Undefined when no indexing is under way. */
  readonly progress: NewsIndexProgress | undefined;
  articles(): readonly NewsArticle[];
  article(uri: string): NewsArticle | undefined;
  entities(): readonly NewsEntity[];
  /** An entity's mentions, by article then offset (built when the entity is expanded; may read texts). */
  mentionsOf(entity: NewsEntity): readonly NewsLocation[] | Thenable<readonly NewsLocation[]>;
  /** The entity (or date) with a mention covering `offset` in the article at `uri`. */
  entityAt(uri: string, offset: number): NewsEntity | undefined;
  quotes(): readonly NewsQuote[];
  annotations(): readonly NewsAnnotation[];
  /** Independent origins among articles (a group of wire copies counts once); absent: every article counts. */
  originCount?(uris: Iterable<string>): number;
  /** Re-lists the workspace and indexes what changed (the Refresh command); views never call it on their own. */
  refresh?(): Promise<void>;
}

const SNIPPET_WIDTH = 90;

/** The line around `[start, end)`, cut to about {@link SNIPPET_WIDTH} characters centred on the range. */
export function snippetAround(text: string, start: number, end: number): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline < 0 ? text.length : newline;
  const room = Math.max(0, SNIPPET_WIDTH - (end - start));
  const from = Math.max(lineStart, start - Math.floor(room / 2));
  const to = Math.min(lineEnd, end + Math.ceil(room / 2));
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > lineStart ? '…' : ''}${body}${to < lineEnd ? '…' : ''}`;
}

/** Files whose text the index-backed model reads at once. */
const EXTRAS_READ_BATCH = 16;
/** Texts kept for snippets (the articles of the last few expanded entities), least recently used out. */
const TEXT_CACHE_SIZE = 64;

/** What {@link IndexNewsViewModel} needs of the workspace index service. */
export interface IndexServiceLike {
  readonly index: WorkspaceIndex;
  whenReady(): Promise<void>;
  /** Re-lists the workspace and indexes what changed. */
  rebuild?(): Promise<void>;
}

/** What the index record leaves out and the sidebar shows: syndication and the headline's range. */
interface ArticleExtras {
  via: string | null;
  headlineSpan: Span | null;
}

/**
 * A {@link NewsViewModel} over the shared workspace index (its files are URI strings). Entities,
 * variants, outlet corrections and quotes come from the index; each changed file is parsed once
 * more after the index's update event for what the index does not keep ("via" of a syndicated
 * article, the headline's range), and texts are read again for snippets when an entity is
 * expanded. Refreshes follow `onDidUpdate` only.
 */
export class IndexNewsViewModel implements NewsViewModel, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly progressEmitter = new vscode.EventEmitter<NewsIndexProgress | undefined>();
  private readonly extras = new Map<string, ArticleExtras>();
  private readonly texts = new Map<string, string>();
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter, this.progressEmitter];
  private currentProgress: NewsIndexProgress | undefined;
  private cachedArticles: NewsArticle[] | undefined;
  private cachedEntities: { list: NewsEntity[]; byKey: Map<string, NewsEntity>; dates: Map<string, { file: string; date: DateMention }[]> } | undefined;
  private cachedQuotes: NewsQuote[] | undefined;
  private annotationSource: NewsAnnotationSource | undefined;
  /** Serialises extra reads so an older read never lands after a newer one. */
  private reading: Promise<void> = Promise.resolve();

  readonly onDidChange = this.changeEmitter.event;
  readonly onDidChangeProgress = this.progressEmitter.event;

  constructor(private readonly service: IndexServiceLike) {
    const index = service.index;
    this.disposables.push(
      index.onDidUpdate(({ changed, removed }) => {
        for (const file of [...removed, ...changed]) this.texts.delete(file);
        for (const file of removed) this.extras.delete(file);
        this.invalidate();
        // Shown at once from the index; snippets and syndication follow when the texts are read.
        this.changeEmitter.fire();
        this.loadExtras(changed);
      }),
      index.onDidProgress((progress) => this.setProgress(progress.done < progress.total ? { done: progress.done, total: progress.total } : undefined)),
    );
    this.loadExtras(index.files());
    // The first build is under way from the start: "indexing" rather than "no articles" until it ends.
    this.currentProgress = { done: 0, total: 0 };
    void service.whenReady().then(() => this.setProgress(undefined), () => this.setProgress(undefined));
  }

  get progress(): NewsIndexProgress | undefined {
    return this.currentProgress;
  }

  /** Annotations come from the annotations feature; until one is attached the view lists none. */
  setAnnotationSource(source: NewsAnnotationSource): vscode.Disposable {
    this.annotationSource = source;
    const subscription = source.onDidChange(() => this.changeEmitter.fire());
    this.changeEmitter.fire();
    return new vscode.Disposable(() => {
      subscription.dispose();
      if (this.annotationSource === source) this.annotationSource = undefined;
    });
  }

  articles(): readonly NewsArticle[] {
    return (this.cachedArticles ??= this.service.index.files().flatMap((file) => {
      const article = this.article(file);
      return article ? [article] : [];
    }));
  }

  article(uri: string): NewsArticle | undefined {
    const index = this.service.index;
    const record = index.article(uri);
    if (!record) return undefined;
    const outlet = index.outletOf(uri);
    const extras = this.extras.get(uri);
    return {
      uri,
      label: vscode.workspace.asRelativePath(vscode.Uri.parse(uri)),
      headline: record.headline,
      date: record.date,
      authors: record.authors,
      // A user's "Set outlet" correction replaces the parsed outlet, and its syndication with it.
      outlet: outlet ? { name: outlet, via: outlet === record.outlet ? (extras?.via ?? null) : null } : null,
      headlineSpan: extras?.headlineSpan ?? null,
      alsoPublishedBy: [...new Set(index.copiesOf(uri).map((c) => index.outletOf(c.file) ?? vscode.workspace.asRelativePath(vscode.Uri.parse(c.file))))],
    };
  }

  originCount(uris: Iterable<string>): number {
    return this.service.index.originCount(uris);
  }

  entities(): readonly NewsEntity[] {
    return this.entityTable().list;
  }

  async mentionsOf(entity: NewsEntity): Promise<readonly NewsLocation[]> {
    const found: { file: string; span: Span; written: string }[] = entity.kind === 'date'
      ? (this.entityTable().dates.get(entity.key) ?? []).map(({ file, date }) => ({ file, span: date, written: date.text }))
      : this.service.index.mentionsOf(entity.key).map(({ file, mention }) => ({ file, span: mention, written: mention.text }));
    const texts = new Map<string, string | undefined>();
    for (const file of new Set(found.map((f) => f.file))) texts.set(file, await this.textOf(file));
    return found.map(({ file, span, written }) => {
      const text = texts.get(file);
      return { uri: file, start: span.start, end: span.end, text: written, snippet: text ? snippetAround(text, span.start, span.end) : written };
    });
  }

  entityAt(uri: string, offset: number): NewsEntity | undefined {
    const index = this.service.index;
    const table = this.entityTable();
    const hit = index.entityAt(uri, offset);
    if (hit) return table.byKey.get(hit.entity.id);
    const date = index.dateAt(uri, offset);
    return date?.value && date.type === 'DATE' ? table.byKey.get(`date:${date.value}`) : undefined;
  }

  quotes(): readonly NewsQuote[] {
    if (this.cachedQuotes) return this.cachedQuotes;
    const index = this.service.index;
    this.cachedQuotes = index.files().flatMap((file) => (index.article(file)?.quotes ?? []).map((quote): NewsQuote => {
      const speakerId = index.speakerOf(file, quote);
      const speaker = (speakerId && index.entity(speakerId)?.name) || quote.speakerName || quote.speakerText;
      return { uri: file, start: quote.start, end: quote.end, text: quote.text, snippet: quote.text.replace(/\s+/g, ' ').trim(), speaker: speaker ?? null };
    }));
    return this.cachedQuotes;
  }

  annotations(): readonly NewsAnnotation[] {
    return this.annotationSource?.annotations() ?? [];
  }

  /** Resolves once the texts of every file updated so far have been read (snippets, syndication). */
  settled(): Promise<void> {
    return this.reading;
  }

  async refresh(): Promise<void> {
    await (this.service.rebuild ? this.service.rebuild() : this.service.whenReady());
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private entityTable(): NonNullable<IndexNewsViewModel['cachedEntities']> {
    if (this.cachedEntities) return this.cachedEntities;
    const index = this.service.index;
    const list: NewsEntity[] = index.entities().map((e: IndexedEntity): NewsEntity => ({
      key: e.id,
      kind: e.type,
      name: e.name,
      aliases: e.aliases.filter((a) => !e.variants.includes(a)),
      variants: e.variants,
      mentionCount: e.mentionCount,
      articleCount: e.files.length,
    }));
    // Dates by calendar day; their snippets are made only when a day is expanded.
    const dates = new Map<string, { file: string; date: DateMention }[]>();
    const forms = new Map<string, Set<string>>();
    for (const file of index.files()) {
      for (const date of index.article(file)?.dates ?? []) {
        if (date.type !== 'DATE' || !date.value) continue;
        const key = `date:${date.value}`;
        const mentions = dates.get(key) ?? [];
        if (!mentions.length) {
          dates.set(key, mentions);
          forms.set(key, new Set());
        }
        mentions.push({ file, date });
        if (date.text !== date.value) forms.get(key)!.add(date.text);
      }
    }
    for (const [key, mentions] of dates) {
      list.push({ key, kind: 'date', name: key.slice('date:'.length), aliases: [...forms.get(key)!], variants: [], mentionCount: mentions.length, articleCount: new Set(mentions.map((m) => m.file)).size });
    }
    this.cachedEntities = { list, byKey: new Map(list.map((e) => [e.key, e])), dates };
    return this.cachedEntities;
  }

  /** The file's text, from the small cache or read again; undefined when it cannot be read. */
  private async textOf(file: string): Promise<string | undefined> {
    let text = this.texts.get(file);
    if (text !== undefined) {
      this.texts.delete(file);
    } else {
      try {
        const decoded = decodeArticleBytes(await vscode.workspace.fs.readFile(vscode.Uri.parse(file)));
        if (!decoded.ok) return undefined;
        text = decoded.text;
      } catch {
        return undefined;
      }
    }
    this.texts.set(file, text);
    if (this.texts.size > TEXT_CACHE_SIZE) this.texts.delete(this.texts.keys().next().value!);
    return text;
  }

  private loadExtras(files: readonly string[]): void {
    if (!files.length) return;
    this.reading = this.reading.then(async () => {
      for (let i = 0; i < files.length; i += EXTRAS_READ_BATCH) {
        await Promise.all(files.slice(i, i + EXTRAS_READ_BATCH).map((file) => this.readExtras(file)));
      }
      this.invalidate();
      this.changeEmitter.fire();
    });
  }

  private async readExtras(file: string): Promise<void> {
    try {
      const decoded = decodeArticleBytes(await vscode.workspace.fs.readFile(vscode.Uri.parse(file)));
      if (!decoded.ok) return;
      const parsed = parseArticle(decoded.text);
      this.extras.set(file, { via: parsed.outlet?.via ?? null, headlineSpan: parsed.headlineSpan });
    } catch {
      this.extras.delete(file); // gone since the index read it; its next update says so
    }
  }

  private invalidate(): void {
    this.cachedArticles = undefined;
    this.cachedEntities = undefined;
    this.cachedQuotes = undefined;
  }

  private setProgress(progress: NewsIndexProgress | undefined): void {
    this.currentProgress = progress;
    this.progressEmitter.fire(progress);
  }
}

/** Where the annotations shown in the sidebar come from (the annotations feature). */
export interface NewsAnnotationSource {
  readonly onDidChange: vscode.Event<unknown>;
  annotations(): readonly NewsAnnotation[];
}

/** Internal command (hidden from the palette) that opens an article and selects `[start, end)`. */
export const OPEN_MENTION_COMMAND = 'newsAnnotator.openMention';

/** The command a tree leaf runs on click to open `location` at its range. */
export function openCommandFor(location: { uri: string; start: number; end: number }, title = 'Open'): vscode.Command {
  return { command: OPEN_MENTION_COMMAND, title, arguments: [location.uri, location.start, location.end] };
}

/** Registers {@link OPEN_MENTION_COMMAND}: arguments are a URI string and UTF-16 offsets. */
export function registerOpenMentionCommand(): vscode.Disposable {
  return vscode.commands.registerCommand(OPEN_MENTION_COMMAND, async (uri: string, start = 0, end = start) => {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const selection = new vscode.Range(document.positionAt(start), document.positionAt(end));
    return vscode.window.showTextDocument(document, { selection, preview: true });
  });
}
