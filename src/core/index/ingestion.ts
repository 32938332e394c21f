import { CopyIndex, copySignature, decodeSignature, encodeSignature, type CopySignature } from '../corpus/copies';
import { decodeArticleBytes } from '../decode';
import { buildArticleRecord, createStringInterner, internRecord, type ArticleRecord } from './articleRecord';
import type { IndexCorrection } from '../corrections/indexForm';
import { EntityGraph } from './entityGraph';
import { FolderLineCounts } from './folderLines';
import { Emitter, type CancellationSignal, type Disposable, type Event } from '../events';
import { hashBytes, type FileChange, type WorkspaceHost } from './host';
import { readSnapshot, writeSnapshot } from './snapshot';

export type { AnalyzeArticle, ArticleAnalysisResult, BuildResult, IndexProgress, IndexUpdate, RecordChange, SkippedFile, WorkspaceIndexOptions } from './indexTypes';
import type { AnalyzeArticle, ArticleAnalysisResult, BuildResult, IndexProgress, IndexUpdate, RecordChange, WorkspaceIndexOptions } from './indexTypes';

/** What indexing one file did; `superseded`: a later update of the file took over. */
type IngestOutcome = 'analysed' | 'cached' | 'unchanged' | 'skipped' | 'superseded';
/**
 * An analysis still running: resolves to the step that indexes its result, so a build can apply
 * results in file order (entity linking sees the same sequence whatever order workers finish in).
 */
type PendingIngest = Promise<() => IngestOutcome>;

const BUILD_UPDATE_INTERVAL_MS = 1000;


/**
 * The ingestion half of the workspace index: builds in time slices that yield to the host,
 * cancellable, seeded from a snapshot keyed by content hash and model version; each file change
 * re-analyses that file only (the latest update of a file wins: generations), and the records are
 * kept in the entity graph. `onDidChangeRecord` tells the lookups (`lookups.ts`) which record came
 * and went, as Foam's graph follows its workspace; `onDidUpdate` tells the views.
 */
export class IndexIngestion implements Disposable {
  protected readonly graph = new EntityGraph();
  private readonly updateEmitter = new Emitter<IndexUpdate>();
  private readonly progressEmitter = new Emitter<IndexProgress>();
  private readonly recordEmitter = new Emitter<RecordChange>();
  protected readonly skippedFiles = new Map<string, string>();
  protected readonly outletOverrides = new Map<string, string | null>();
  protected readonly copyIndex = new CopyIndex((file) => this.graph.record(file)?.date ?? null);
  private readonly findCopies: boolean;
  private cached = new Map<string, ArticleRecord>();
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
  /** Fires as soon as a file's record is set, replaced or removed (before `onDidUpdate`, which batches). */
  readonly onDidChangeRecord: Event<RecordChange> = this.recordEmitter.event;

  constructor(protected readonly host: WorkspaceHost, private readonly analyze: AnalyzeArticle, options: WorkspaceIndexOptions) {
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

  /** The known files (indexed or skipped) inside the folder `path` names, if it names one. */
  private filesUnder(path: string): string[] {
    const prefix = path.endsWith('/') ? path : `${path}/`;
    return [...new Set([...this.graph.files(), ...this.skippedFiles.keys()])].filter((file) => file.startsWith(prefix));
  }

  /** Follows the host's watcher: each change re-indexes only the file it names. */
  watch(): Disposable {
    this.watcher?.dispose();
    const subscription = this.host.onDidChangeFile?.((change: FileChange) => {
      if (change.kind === 'deleted') {
        // A deleted folder is one event for the folder alone: its articles go with it.
        for (const file of this.filesUnder(change.path)) this.removeFile(file);
        this.removeFile(change.path);
      } else if (change.kind === 'renamed') {
        const moved = this.filesUnder(change.oldPath);
        if (moved.length) {
          for (const file of moved) this.renameFile(file, change.path + file.slice(change.oldPath.length));
          return;
        }
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
    this.updateEmitter.fire({ changed: indexed, removed: [] });
  }

  dispose(): void {
    this.watcher?.dispose();
    this.updateEmitter.dispose();
    this.progressEmitter.dispose();
    this.recordEmitter.dispose();
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
      // Its lines still count toward the folder's furniture, which the files analysed now are read against.
      const text = decodeArticleBytes(bytes);
      if (text.ok) this.folderLines.set(path, text.text);
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
    const before = this.graph.record(path);
    // The snapshot's text form of the signature is read once; the copy index holds it from then on.
    const fromSnapshot = signature === undefined && this.findCopies ? decodeSignature(record.copySignature) : null;
    // Deleted only when there (a delete would turn every record into a slower dictionary-mode object).
    if (record.copySignature !== undefined) delete record.copySignature;
    this.copyIndex.set(path, signature ?? fromSnapshot);
    this.graph.setArticle(path, internRecord(record, this.intern));
    this.recordEmitter.fire({ path, before, after: this.graph.record(path) });
  }

  private forget(path: string): void {
    this.folderLines.delete(path);
    this.analysedFurniture.delete(path);
    const before = this.graph.record(path);
    if (before === undefined) return;
    this.graph.setArticle(path, null);
    this.copyIndex.remove(path);
    this.recordEmitter.fire({ path, before, after: undefined });
  }
}

function tooLarge(size: number, limit: number): string {
  const format = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${Math.ceil(n / 1e3)} kB`);
  return `too large to index (${format(size)}; the limit is ${format(limit)})`;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
