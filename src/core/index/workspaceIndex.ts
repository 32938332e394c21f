import { CopyIndex, copySignature, decodeSignature, encodeSignature, type CopyGroup, type CopyOf, type CopySignature } from '../corpus/copies';
import { decodeArticleBytes } from '../decode';
import type { ArticleAnalysis, DateMention, ParsedArticle, QuoteMention } from '../types';
import { buildArticleRecord, createStringInterner, internRecord, type ArticleRecord, type IndexedMention } from './articleRecord';
import type { IndexCorrection } from '../corrections/indexForm';
import { EntityGraph, type IndexedEntity } from './entityGraph';
import { FolderLineCounts, type FolderLineHints } from './folderLines';
import { Emitter, type CancellationSignal, type Disposable, type Event } from './events';
import { hashBytes, type FileChange, type WorkspaceHost } from './host';
import { compareStrings, nameKey } from './names';
import { compareQuotes, quoteWords, sameStatement, type WordDifference } from './quoteSimilarity';
import { readSnapshot, writeSnapshot } from './snapshot';

/** One article's parse and extraction. */
export interface ArticleAnalysisResult {
  article: ParsedArticle;
  analysis: ArticleAnalysis;
}

/**
 * Parses and analyses one article's text: the real pipeline in-thread, a pool of worker threads
 * (asynchronous), or a fake in tests. A thrown error or rejected promise skips that file only. `folder`
 * tells how many other articles of the workspace hold each of its lines (for `parseArticle`'s
 * `lineFrequency`: the site's repeated furniture is boilerplate).
 */
export type AnalyzeArticle = (text: string, folder?: FolderLineHints) => ArticleAnalysisResult | Promise<ArticleAnalysisResult>;

/** How the index runs. */
export interface WorkspaceIndexOptions {
  /** Identifies the analyser; a cache written by another version is not reused. */
  modelVersion: string;
  /** Milliseconds of work before yielding to the host's event loop (default 15). */
  sliceMs?: number;
  /** How to yield (default: a zero-delay timer, so the extension host keeps serving requests). */
  yieldToHost?: () => Promise<void>;
  /** Files read at once during a build (default 16). */
  readConcurrency?: number;
  /**
   * Asynchronous analyses kept in flight during a build (default 16). Results are applied in file
   * order, so a long article at the head holds back those behind it: with a few in flight only, the
   * workers of a pool then run dry.
   */
  analysisConcurrency?: number;
  /** Larger files are skipped with a reason rather than analysed for seconds (default 5 MB). */
  maxFileBytes?: number;
  /** Finds wire copies and near-duplicates (default true; the bench turns it off to compare). */
  copies?: boolean;
}

/** What changed in the index: views and semantic tokens refresh on it. */
export interface IndexUpdate {
  /** Files (re)indexed. */
  changed: string[];
  /** Files no longer indexed. */
  removed: string[];
}

/** Progress of a build. */
export interface IndexProgress {
  done: number;
  total: number;
}

/** A file the index could not read or decode, and why. */
export interface SkippedFile {
  path: string;
  reason: string;
}

/** The outcome of `build()`. */
export interface BuildResult {
  /** Files indexed in all (analysed, from cache or unchanged). */
  indexed: number;
  analysed: number;
  fromCache: number;
  skipped: SkippedFile[];
  cancelled: boolean;
}

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

/** What indexing one file did; `superseded`: a later update of the file took over. */
type IngestOutcome = 'analysed' | 'cached' | 'unchanged' | 'skipped' | 'superseded';
/**
 * An analysis still running: resolves to the step that indexes its result, so a build can apply
 * results in file order (entity linking sees the same sequence whatever order workers finish in).
 */
type PendingIngest = Promise<() => IngestOutcome>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const BUILD_UPDATE_INTERVAL_MS = 1000;

/**
 * The cross-file index of a workspace's articles: entities linked across articles, dates by day,
 * quotes by speaker and statement, outlets. Built in time slices that yield to the host, cancellable,
 * seeded from a snapshot keyed by content hash and model version; each file change re-analyses that
 * file only and fires `onDidUpdate`.
 */
export class WorkspaceIndex implements Disposable {
  private readonly graph = new EntityGraph();
  private readonly updateEmitter = new Emitter<IndexUpdate>();
  private readonly progressEmitter = new Emitter<IndexProgress>();
  private readonly skippedFiles = new Map<string, string>();
  private readonly outletOverrides = new Map<string, string | null>();
  private readonly byDay = new Map<string, Map<string, DateMention[]>>();
  private readonly bySpeaker = new Map<string, Set<string>>();
  private readonly copyIndex = new CopyIndex((file) => this.graph.record(file)?.date ?? null);
  private readonly findCopies: boolean;
  private cached = new Map<string, ArticleRecord>();
  private quoteCatalog: { refs: { file: string; quote: QuoteMention; words: string[] }[]; byWord: Map<string, number[]> } | null = null;
  private readonly sliceMs: number;
  private readonly yieldToHost: () => Promise<void>;
  private readonly readConcurrency: number;
  private readonly analysisConcurrency: number;
  private readonly maxFileBytes: number;
  /** Per file, the latest update started: an older analysis finishing later is dropped. */
  private readonly updateGeneration = new Map<string, number>();
  /** Strings shared by all records (names recur across thousands of articles). */
  private readonly intern = createStringInterner();
  /** Lines repeated across the workspace's articles, and which of them each file was analysed knowing as furniture. */
  private readonly folderLines = new FolderLineCounts();
  private readonly analysedFurniture = new Map<string, string>();
  private nextGeneration = 0;
  private watcher: Disposable | undefined;
  private modelVersion: string;

  /** Fires after files are (re)indexed or removed. */
  readonly onDidUpdate: Event<IndexUpdate> = this.updateEmitter.event;
  /** Fires during `build()`. */
  readonly onDidProgress: Event<IndexProgress> = this.progressEmitter.event;

  constructor(private readonly host: WorkspaceHost, private readonly analyze: AnalyzeArticle, options: WorkspaceIndexOptions) {
    this.modelVersion = options.modelVersion;
    this.sliceMs = options.sliceMs ?? 15;
    this.yieldToHost = options.yieldToHost ?? (() => new Promise((resolve) => setTimeout(resolve, 0)));
    this.readConcurrency = options.readConcurrency ?? 16;
    this.analysisConcurrency = Math.max(1, options.analysisConcurrency ?? 16);
    this.maxFileBytes = options.maxFileBytes ?? 5_000_000;
    this.findCopies = options.copies ?? true;
  }

  // ---- building and updating -------------------------------------------------------------

  /**
   * Sets the analyser's version once it is known (a host that loads its model after creating the
   * index). Call before `loadSnapshot`; records already indexed are kept.
   */
  setModelVersion(version: string): void {
    this.modelVersion = version;
  }

  /** Seeds the index with a snapshot's records (used by `build()` when hashes match). False if refused. */
  loadSnapshot(json: string): boolean {
    const records = readSnapshot(json, this.modelVersion);
    if (!records) return false;
    this.cached = records;
    return true;
  }

  /** The index as snapshot JSON (records of every indexed file). */
  snapshot(): string {
    const entries: [string, ArticleRecord][] = [];
    for (const file of this.graph.files()) {
      const record = this.graph.record(file) as ArticleRecord;
      const signature = this.copyIndex.signature(file);
      entries.push([file, signature ? { ...record, copySignature: encodeSignature(signature) } : record]);
    }
    return writeSnapshot(entries, this.modelVersion);
  }

  /**
   * Indexes every file the host lists (and forgets files it no longer lists). Unchanged files are
   * kept, files whose hash matches the snapshot are taken from it, the rest are analysed. Yields to
   * the host between slices; stops early when `signal` is cancelled (what is done stays done).
   */
  async build(signal?: CancellationSignal): Promise<BuildResult> {
    const files = await this.host.listFiles();
    const listed = new Set(files);
    const removed = [...this.graph.files()].filter((f) => !listed.has(f));
    for (const f of removed) this.forget(f);
    const result: BuildResult = { indexed: 0, analysed: 0, fromCache: 0, skipped: [], cancelled: false };
    let changed: string[] = [];
    let sliceStart = Date.now();
    let lastUpdate = sliceStart;
    // Outcomes in file order; an analysis still running is a promise at its place in the queue.
    const queue: { path: string; outcome: IngestOutcome | PendingIngest }[] = [];
    const count = (path: string, outcome: IngestOutcome) => {
      if (outcome === 'skipped' || outcome === 'superseded') return;
      result.indexed++;
      if (outcome === 'analysed') result.analysed++;
      if (outcome === 'cached') result.fromCache++;
      if (outcome !== 'unchanged') changed.push(path);
    };
    /** Settles queued outcomes in order until at most `keep` analyses are in flight. */
    const drain = async (keep: number) => {
      while (queue.length && (queue.length > keep || !(queue[0].outcome instanceof Promise))) {
        const { path, outcome } = queue.shift()!;
        count(path, outcome instanceof Promise ? (await outcome)() : outcome);
      }
    };
    for (let i = 0; i < files.length; i += this.readConcurrency) {
      if (signal?.isCancellationRequested) {
        result.cancelled = true;
        break;
      }
      const batch = files.slice(i, i + this.readConcurrency);
      const reads = await Promise.all(batch.map((path) => this.host.readFile(path).then((bytes) => ({ path, bytes }), (err: unknown) => ({ path, error: describe(err) }))));
      for (const read of reads) {
        if (signal?.isCancellationRequested) break;
        if ('error' in read) {
          this.skip(read.path, read.error);
          continue;
        }
        queue.push({ path: read.path, outcome: this.ingest(read.path, read.bytes) });
        await drain(this.analysisConcurrency);
      }
      if (Date.now() - sliceStart >= this.sliceMs) {
        this.progressEmitter.fire({ done: Math.min(i + batch.length, files.length) - queue.length, total: files.length });
        // Views rebuild their lists on an update: during a build, tell them at most once a second.
        if (changed.length && Date.now() - lastUpdate >= BUILD_UPDATE_INTERVAL_MS) {
          this.updateEmitter.fire({ changed, removed: [] });
          changed = [];
          lastUpdate = Date.now();
        }
        await this.yieldToHost();
        sliceStart = Date.now();
      }
    }
    // Analyses already running finish and count, also after a cancellation: that work is done.
    await drain(0);
    if (signal?.isCancellationRequested) result.cancelled = true;
    // Files read early in the build did not know the furniture the later ones share: analyse them again.
    if (!result.cancelled) {
      for (const path of [...this.analysedFurniture.keys()]) {
        if (signal?.isCancellationRequested) break;
        if (this.folderLines.boilerplateKeys(path).join('\n') === this.analysedFurniture.get(path)) continue;
        if ((await this.reanalyse(path)) === 'analysed' && !changed.includes(path)) changed.push(path);
      }
    }
    this.cached = new Map(); // the snapshot has served; live records are the truth now
    this.progressEmitter.fire({ done: result.cancelled ? result.indexed : files.length, total: files.length });
    if (changed.length || removed.length) this.updateEmitter.fire({ changed, removed });
    result.skipped = [...this.skippedFiles].map(([path, reason]) => ({ path, reason }));
    return result;
  }

  /** Reads and analyses one indexed file again, whatever its hash (the folder's furniture changed). */
  private async reanalyse(path: string): Promise<IngestOutcome> {
    let bytes: Uint8Array;
    try {
      bytes = await this.host.readFile(path);
    } catch (err) {
      this.skip(path, describe(err));
      return 'skipped';
    }
    const decoded = decodeArticleBytes(bytes);
    if (!decoded.ok) {
      this.skip(path, decoded.reason);
      return 'skipped';
    }
    const hash = this.host.contentHash ? this.host.contentHash(bytes) : hashBytes(bytes);
    const outcome = this.analyseInto(path, hash, decoded.text, this.startUpdate(path));
    return outcome instanceof Promise ? (await outcome)() : outcome;
  }

  /** Re-reads and re-indexes one file (created or changed on disk). */
  async updateFile(path: string): Promise<void> {
    let bytes: Uint8Array;
    try {
      bytes = await this.host.readFile(path);
    } catch (err) {
      this.skip(path, describe(err));
      this.updateEmitter.fire({ changed: [], removed: [path] });
      return;
    }
    const outcome = this.ingest(path, bytes);
    this.fireOutcome(path, outcome instanceof Promise ? (await outcome)() : outcome);
  }

  /**
   * Re-indexes one file from text held by the editor (unsaved edits), without reading it. With an
   * in-thread analyser the index is updated before this returns; with an asynchronous one when the
   * promise resolves (a later update of the same file wins over an earlier one still running).
   */
  updateText(path: string, text: string): Promise<void> {
    const bytes = new TextEncoder().encode(text);
    const generation = this.startUpdate(path);
    if (bytes.length > this.maxFileBytes) {
      this.updateGeneration.delete(path);
      this.skip(path, tooLarge(bytes.length, this.maxFileBytes));
      this.updateEmitter.fire({ changed: [], removed: [path] });
      return Promise.resolve();
    }
    const hash = hashBytes(bytes);
    if (this.graph.record(path)?.hash === hash) {
      this.updateGeneration.delete(path);
      return Promise.resolve();
    }
    const outcome = this.analyseInto(path, hash, text, generation);
    if (outcome instanceof Promise) return outcome.then((indexResult) => this.fireOutcome(path, indexResult()));
    this.fireOutcome(path, outcome);
    return Promise.resolve();
  }

  private fireOutcome(path: string, outcome: IngestOutcome): void {
    if (outcome === 'skipped') this.updateEmitter.fire({ changed: [], removed: [path] });
    else if (outcome === 'analysed' || outcome === 'cached') this.updateEmitter.fire({ changed: [path], removed: [] });
  }

  private startUpdate(path: string): number {
    const generation = ++this.nextGeneration;
    this.updateGeneration.set(path, generation);
    return generation;
  }

  /** Forgets one file. */
  removeFile(path: string): void {
    if (this.updateGeneration.has(path)) this.startUpdate(path); // an analysis still running is dropped
    const known = this.graph.record(path) !== undefined;
    this.forget(path);
    this.skippedFiles.delete(path);
    if (known) this.updateEmitter.fire({ changed: [], removed: [path] });
  }

  /** Moves a file's record to its new path without analysing it again. */
  renameFile(oldPath: string, newPath: string): void {
    const record = this.graph.record(oldPath);
    const signature = this.copyIndex.signature(oldPath) ?? null;
    this.forget(oldPath);
    if (record) this.setRecord(newPath, record, signature);
    const outlet = this.outletOverrides.get(oldPath);
    if (outlet !== undefined) {
      this.outletOverrides.delete(oldPath);
      this.outletOverrides.set(newPath, outlet);
    }
    this.updateEmitter.fire({ changed: record ? [newPath] : [], removed: [oldPath] });
  }

  /** Follows the host's watcher: each change re-indexes only the file it names. */
  watch(): Disposable {
    this.watcher?.dispose();
    const subscription = this.host.onDidChangeFile?.((change: FileChange) => {
      if (change.kind === 'deleted') this.removeFile(change.path);
      else if (change.kind === 'renamed') {
        this.renameFile(change.oldPath, change.path);
        void this.updateFile(change.path);
      } else void this.updateFile(change.path);
    });
    this.watcher = subscription ?? { dispose: () => undefined };
    return this.watcher;
  }

  /**
   * Applies the user's corrections (the complete current list: merge, split, not-an-entity, set
   * outlet), replacing earlier ones, and fires an update for the files whose outlet or entities
   * they change (none when the list is the one in force).
   */
  applyCorrections(corrections: readonly IndexCorrection[]): void {
    const outlets = new Map<string, string | null>();
    for (const c of corrections) if (c.kind === 'setOutlet') outlets.set(c.file, c.outlet);
    const changed = new Set<string>();
    for (const file of new Set([...this.outletOverrides.keys(), ...outlets.keys()])) {
      if (this.outletOverrides.get(file) !== outlets.get(file) || this.outletOverrides.has(file) !== outlets.has(file)) changed.add(file);
    }
    this.outletOverrides.clear();
    for (const [file, outlet] of outlets) this.outletOverrides.set(file, outlet);
    for (const file of this.graph.setCorrections(corrections.filter((c) => c.kind !== 'setOutlet'))) changed.add(file);
    const indexed = [...changed].filter((file) => this.graph.record(file));
    if (indexed.length === 0) return;
    this.quoteCatalog = null;
    this.updateEmitter.fire({ changed: indexed, removed: [] });
  }

  dispose(): void {
    this.watcher?.dispose();
    this.updateEmitter.dispose();
    this.progressEmitter.dispose();
  }

  private ingest(path: string, bytes: Uint8Array): IngestOutcome | PendingIngest {
    const generation = this.startUpdate(path);
    const outcome = this.ingestBytes(path, bytes, generation);
    // Settled at once: nothing of this file is in flight any more.
    if (!(outcome instanceof Promise) && this.updateGeneration.get(path) === generation) this.updateGeneration.delete(path);
    return outcome;
  }

  private ingestBytes(path: string, bytes: Uint8Array, generation: number): IngestOutcome | PendingIngest {
    const hash = this.host.contentHash ? this.host.contentHash(bytes) : hashBytes(bytes);
    if (this.graph.record(path)?.hash === hash) return 'unchanged';
    const cached = this.cached.get(path);
    if (cached?.hash === hash) {
      this.skippedFiles.delete(path);
      this.setRecord(path, cached);
      return 'cached';
    }
    if (bytes.length > this.maxFileBytes) {
      this.skip(path, tooLarge(bytes.length, this.maxFileBytes));
      return 'skipped';
    }
    const decoded = decodeArticleBytes(bytes);
    if (!decoded.ok) {
      this.skip(path, decoded.reason);
      return 'skipped';
    }
    return this.analyseInto(path, hash, decoded.text, generation);
  }

  /**
   * Analyses `text` and indexes the result as `path`, unless another update of `path` started
   * meanwhile. A synchronous analysis is applied at once, an asynchronous one when the caller runs
   * the step it resolves to; a failure skips the file with its reason.
   */
  private analyseInto(path: string, hash: string, text: string, generation: number): IngestOutcome | PendingIngest {
    const apply = (result: ArticleAnalysisResult): IngestOutcome => {
      if (this.updateGeneration.get(path) !== generation) return 'superseded';
      this.setRecord(path, buildArticleRecord(hash, result.article, result.analysis), this.findCopies ? copySignature(text, result.article) : null);
      this.updateGeneration.delete(path);
      this.skippedFiles.delete(path);
      return 'analysed';
    };
    const fail = (err: unknown): IngestOutcome => {
      if (this.updateGeneration.get(path) !== generation) return 'superseded';
      this.updateGeneration.delete(path);
      this.skip(path, `analysis failed: ${describe(err)}`);
      return 'skipped';
    };
    let pending: ArticleAnalysisResult | Promise<ArticleAnalysisResult>;
    try {
      this.folderLines.set(path, text);
      this.analysedFurniture.set(path, this.folderLines.boilerplateKeys(path).join('\n'));
      pending = this.analyze(text, this.folderLines.hints(path));
    } catch (err) {
      return fail(err);
    }
    if (!(pending instanceof Promise)) {
      try {
        return apply(pending);
      } catch (err) {
        return fail(err);
      }
    }
    return pending.then(
      (result) => () => {
        try {
          return apply(result);
        } catch (err) {
          return fail(err);
        }
      },
      (err: unknown) => () => fail(err),
    );
  }

  private skip(path: string, reason: string): void {
    this.forget(path);
    this.skippedFiles.set(path, reason);
  }

  /** `signature` undefined: the one a snapshot record carries, if any. */
  private setRecord(path: string, record: ArticleRecord, signature?: CopySignature | null): void {
    this.unindexLookups(path);
    // The snapshot's text form of the signature is read once; the copy index holds it from then on.
    const fromSnapshot = signature === undefined && this.findCopies ? decodeSignature(record.copySignature) : null;
    // Deleted only when there (a delete would turn every record into a slower dictionary-mode object).
    if (record.copySignature !== undefined) delete record.copySignature;
    this.copyIndex.set(path, signature ?? fromSnapshot);
    this.graph.setArticle(path, internRecord(record, this.intern));
    for (const date of record.dates) {
      if (!date.value || !DAY.test(date.value)) continue;
      let files = this.byDay.get(date.value);
      if (!files) this.byDay.set(date.value, (files = new Map()));
      const list = files.get(path);
      if (list) list.push(date);
      else files.set(path, [date]);
    }
    for (const key of record.speakerKeys) {
      if (key === null) continue;
      let files = this.bySpeaker.get(key);
      if (!files) this.bySpeaker.set(key, (files = new Set()));
      files.add(path);
    }
    this.quoteCatalog = null;
  }

  private forget(path: string): void {
    this.folderLines.delete(path);
    this.analysedFurniture.delete(path);
    if (this.graph.record(path) === undefined) return;
    this.unindexLookups(path);
    this.graph.setArticle(path, null);
    this.copyIndex.remove(path);
    this.quoteCatalog = null;
  }

  private unindexLookups(path: string): void {
    for (const key of this.graph.record(path)?.speakerKeys ?? []) {
      const files = key === null ? undefined : this.bySpeaker.get(key);
      files?.delete(path);
      if (files && !files.size) this.bySpeaker.delete(key as string);
    }
    for (const date of this.graph.record(path)?.dates ?? []) {
      const files = date.value ? this.byDay.get(date.value) : undefined;
      if (!files) continue;
      files.delete(path);
      if (!files.size) this.byDay.delete(date.value as string);
    }
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
    for (const k of members) for (const f of this.bySpeaker.get(k) ?? []) files.add(f);
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
    for (const [file, dates] of this.byDay.get(day) ?? []) {
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
    const catalog = this.quotes();
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

  private quotes(): NonNullable<WorkspaceIndex['quoteCatalog']> {
    if (this.quoteCatalog) return this.quoteCatalog;
    const refs: { file: string; quote: QuoteMention; words: string[] }[] = [];
    const byWord = new Map<string, number[]>();
    for (const file of this.graph.files()) {
      for (const quote of this.graph.record(file)?.quotes ?? []) {
        const words = quoteWords(quote.text);
        const ref = refs.push({ file, quote, words }) - 1;
        for (const w of new Set(words)) {
          if (w.length < 3) continue;
          const list = byWord.get(w);
          if (list) list.push(ref);
          else byWord.set(w, [ref]);
        }
      }
    }
    this.quoteCatalog = { refs, byWord };
    return this.quoteCatalog;
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

function tooLarge(size: number, limit: number): string {
  const format = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${Math.ceil(n / 1e3)} kB`);
  return `too large to index (${format(size)}; the limit is ${format(limit)})`;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
