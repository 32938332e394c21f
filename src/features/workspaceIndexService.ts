import * as vscode from 'vscode';
import type { Correction } from '../core/corrections';
import { indexCorrectionsFrom, WorkspaceIndex, type FileChange, type WorkspaceHost } from '../core/index';
import type { AnalysisBackend } from './analysisBackend';

/** Globs of news-article files: the language's filename patterns; `newsAnnotator.filePatterns` adds more. */
const ARTICLE_GLOBS = ['**/[0-9][0-9][0-9]_*.txt', '**/*.news.txt'];
const EXCLUDE_GLOB = '**/{node_modules,.git,.vscode-test}/**';
/** A save burst or a tool writing in pieces: re-index a file once it has been quiet this long. */
const FILE_DEBOUNCE_MS = 250;
/** Typing: re-index an open article's unsaved text after this pause (hovers follow within a second). */
const EDIT_DEBOUNCE_MS = 300;
/** Persist the cache at most this often after changes. */
const SAVE_DEBOUNCE_MS = 5000;
const CACHE_FILE = 'workspace-index.json';
/** A listing made ahead (at activation) serves the first build only this soon after it started. */
const PREFETCH_FRESH_MS = 5000;

function articleGlob(): string {
  const extra = vscode.workspace.getConfiguration('newsAnnotator').get<string[]>('filePatterns') ?? [];
  return `{${[...ARTICLE_GLOBS, ...extra].join(',')}}`;
}

/** The index's host over `vscode.workspace.fs` and a file watcher with a per-file debounce. */
class VsCodeWorkspaceHost implements WorkspaceHost {
  private prefetched: { readonly at: number; readonly listing: Promise<string[]> } | undefined;

  /**
   * Starts listing the workspace now; the next `listFiles` call within {@link PREFETCH_FRESH_MS}
   * takes this listing. The file search is a round trip through the workbench's search service
   * (0.3-1.2 s measured on the seeds), so it runs at activation and while the model loads instead of
   * after. (A file created between this listing and the watcher's start is indexed on its next change
   * or rebuild; the freshness limit keeps that window short.)
   */
  prefetch(): void {
    if (this.prefetched && Date.now() - this.prefetched.at < PREFETCH_FRESH_MS) return;
    const listing = this.search();
    listing.catch(() => undefined); // a failure is seen by the listFiles call that takes it
    this.prefetched = { at: Date.now(), listing };
  }

  listFiles(): Promise<string[]> {
    const prefetched = this.prefetched;
    this.prefetched = undefined;
    return prefetched && Date.now() - prefetched.at < PREFETCH_FRESH_MS ? prefetched.listing : this.search();
  }

  private async search(): Promise<string[]> {
    const uris = await vscode.workspace.findFiles(articleGlob(), EXCLUDE_GLOB);
    return uris.map((u) => u.toString()).sort();
  }

  async readFile(path: string): Promise<Uint8Array> {
    return vscode.workspace.fs.readFile(vscode.Uri.parse(path));
  }

  onDidChangeFile(listener: (change: FileChange) => void): vscode.Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher(articleGlob());
    const pending = new Map<string, ReturnType<typeof setTimeout>>();
    const later = (uri: vscode.Uri, kind: 'created' | 'changed' | 'deleted') => {
      const path = uri.toString();
      clearTimeout(pending.get(path));
      pending.set(path, setTimeout(() => {
        pending.delete(path);
        listener({ kind, path });
      }, FILE_DEBOUNCE_MS));
    };
    // The article glob never matches a folder, and deleting a folder reports the folder alone.
    const folders = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);
    const renames = vscode.workspace.onDidRenameFiles((e) => {
      for (const { oldUri, newUri } of e.files) listener({ kind: 'renamed', oldPath: oldUri.toString(), path: newUri.toString() });
    });
    return vscode.Disposable.from(
      watcher,
      renames,
      watcher.onDidCreate((u) => later(u, 'created')),
      watcher.onDidChange((u) => later(u, 'changed')),
      watcher.onDidDelete((u) => later(u, 'deleted')),
      folders,
      folders.onDidDelete((u) => later(u, 'deleted')),
      new vscode.Disposable(() => pending.forEach((t) => clearTimeout(t))),
    );
  }
}

/**
 * Owns the workspace index in the extension: analyses through the shared analysis backend (worker
 * threads on the desktop, so the build leaves the extension host free), seeds the index from the cache in
 * extension storage (keyed by model version and content hashes), builds it in the background with
 * progress in the status area, follows the watcher and unsaved edits of open articles, and saves
 * the cache after changes.
 */
export class WorkspaceIndexService implements vscode.Disposable {
  readonly index: WorkspaceIndex;
  private readonly disposables: vscode.Disposable[] = [];
  private backend: AnalysisBackend | undefined;
  private modelVersion = 'unloaded';
  private readonly ready: Promise<void>;
  private resolveReady: () => void = () => undefined;
  private started = false;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly editTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private cancelBuild: vscode.CancellationTokenSource | undefined;
  private annotationCorrections: readonly Correction[] = [];
  private readonly host = new VsCodeWorkspaceHost();
  /** Articles indexed of those listed while a build runs; undefined when no build runs. */
  private buildProgress: { done: number; total: number | undefined } | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly loadBackend: () => Promise<AnalysisBackend>,
    // The documents already open at construction (a test passes its own to start from a clean slate).
    openDocuments: () => readonly vscode.TextDocument[] = () => vscode.workspace.textDocuments,
    /** Where the build's timings go (the extension's log channel). */
    private readonly log?: vscode.LogOutputChannel,
  ) {
    this.index = new WorkspaceIndex(
      this.host,
      (text, folder) => {
        // Nothing is indexed before start() has the backend; this only guards the type.
        if (!this.backend) return Promise.reject(new Error('the analysis backend is not ready'));
        return this.backend.analyze(text, folder);
      },
      { modelVersion: 'pending', sliceMs: 20 },
    );
    this.disposables.push(this.index);
    this.ready = new Promise<void>((resolve) => (this.resolveReady = resolve));
    // Activation from any plain-text file must stay cheap: the index (file listing, model, worker
    // pool) starts only once an article is open, or on a News command/refresh (ensureStarted).
    if (openDocuments().some(isArticleDocument)) this.ensureStarted();
    else {
      const waiting = vscode.workspace.onDidOpenTextDocument((d) => {
        if (isArticleDocument(d)) this.ensureStarted();
      });
      this.disposables.push(waiting);
    }
  }

  /** Whether the index has started (read-only probe for tests and the `newsAnnotator.indexState` command). */
  get state(): 'idle' | 'started' {
    return this.started ? 'started' : 'idle';
  }

  /**
   * Lists the workspace's articles ahead of the first build (a file search only: no model, no
   * workers), so an article opened right after activation does not wait for the listing.
   */
  prefetchListing(): void {
    if (!this.started) this.host.prefetch();
  }

  /**
   * While the index is being built (from the first article opened until the build is done): how many
   * articles are indexed of how many (`total` undefined until the workspace is listed). Undefined
   * once built, or before anything started.
   */
  get building(): { readonly done: number; readonly total: number | undefined } | undefined {
    return this.buildProgress;
  }

  /** Starts the index once (the first article, a News view or command); later calls do nothing. */
  ensureStarted(): void {
    if (this.started) return;
    this.started = true;
    this.buildProgress = { done: 0, total: undefined };
    this.start()
      .catch((err: unknown) => this.log?.error('the workspace index could not start', err))
      .finally(() => {
        this.buildProgress = undefined;
        this.resolveReady();
      });
  }

  /** Resolves once the first build is done (or failed: the index then holds what it could do). */
  whenReady(): Promise<void> {
    return this.ready;
  }

  private async start(): Promise<void> {
    const started = Date.now();
    // Listing, model and cache do not wait on one another: the first hover card waits on the slowest.
    this.host.prefetch();
    const [backend, cached] = await Promise.all([this.loadBackend(), this.readCache()]);
    this.backend = backend;
    this.modelVersion = backend.modelVersion;
    this.index.setModelVersion(this.modelVersion);
    if (cached) this.index.loadSnapshot(cached);
    this.log?.info(`index: analysis backend ready after ${Date.now() - started} ms${cached ? ', cache read' : ''}`);
    this.disposables.push(
      this.index.watch(),
      this.index.onDidUpdate(() => this.scheduleSave()),
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e.document)),
      // Closing an article with unsaved edits leaves the file on disk as the truth again.
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.languageId === 'news-article' && d.uri.scheme !== 'untitled') void this.index.updateFile(d.uri.toString());
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rebuild()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('newsAnnotator.filePatterns')) void this.rebuild();
      }),
    );
    await this.rebuild();
  }

  /** Re-lists the workspace and indexes what changed, with progress in the window's status area. */
  async rebuild(): Promise<void> {
    if (!this.started) {
      // A refresh before any article: starting builds the index once.
      this.ensureStarted();
      return this.ready;
    }
    this.cancelBuild?.cancel();
    const source = (this.cancelBuild = new vscode.CancellationTokenSource());
    const started = Date.now();
    this.buildProgress ??= { done: 0, total: undefined };
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'News: indexing articles' }, async (progress) => {
      const subscription = this.index.onDidProgress((p) => {
        this.buildProgress = { done: p.done, total: p.total };
        progress.report({ message: `${p.done}/${p.total}` });
      });
      try {
        const result = await this.index.build(source.token);
        this.log?.info(`index: ${result.indexed} article(s) in ${Date.now() - started} ms (${result.analysed} analysed, ${result.fromCache} from the cache)`);
      } catch (err) {
        // Listing the workspace failed (a folder gone mid-scan): the index keeps what it had.
        this.log?.error('indexing failed', err);
      } finally {
        subscription.dispose();
      }
    });
    // A newer rebuild (cancelling this one) is still running: it clears the state when done.
    if (this.cancelBuild === source) this.buildProgress = undefined;
    if (this.annotationCorrections.length) this.applyAnnotationCorrections(this.annotationCorrections);
    this.scheduleSave();
  }

  /**
   * Applies the corrections stored as annotations (merge, split, not an entity, type, outlet); the
   * annotations feature calls this whenever its store changes. Kept and re-applied after each build,
   * since a correction names a file by its path relative to a workspace folder.
   */
  applyAnnotationCorrections(corrections: readonly Correction[]): void {
    this.annotationCorrections = corrections;
    const known = new Set(this.index.files());
    const pathOf = (source: string) => {
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        const path = vscode.Uri.joinPath(folder.uri, source).toString();
        if (known.has(path)) return path;
      }
      return undefined;
    };
    this.index.applyCorrections(indexCorrectionsFrom(corrections, pathOf));
  }

  private onEdit(document: vscode.TextDocument): void {
    if (document.languageId !== 'news-article' || document.uri.scheme === 'output') return;
    const path = document.uri.toString();
    clearTimeout(this.editTimers.get(path));
    this.editTimers.set(path, setTimeout(() => {
      this.editTimers.delete(path);
      void this.index.updateText(path, document.getText());
    }, EDIT_DEBOUNCE_MS));
  }

  private cacheUri(): vscode.Uri {
    return vscode.Uri.joinPath(this.context.storageUri ?? this.context.globalStorageUri, CACHE_FILE);
  }

  private async readCache(): Promise<string | undefined> {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(this.cacheUri()));
    } catch {
      return undefined; // no cache yet
    }
  }

  private scheduleSave(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.saveCache(), SAVE_DEBOUNCE_MS);
  }

  /** Writes the snapshot beside, then renames over the old one, so a crash never leaves half a cache. */
  private async saveCache(): Promise<void> {
    const target = this.cacheUri();
    const temp = target.with({ path: `${target.path}.tmp` });
    try {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
      await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(this.index.snapshot()));
      await vscode.workspace.fs.rename(temp, target, { overwrite: true });
    } catch {
      // A cache that cannot be written only costs a slower next start.
    }
  }

  dispose(): void {
    this.cancelBuild?.cancel();
    clearTimeout(this.saveTimer);
    this.editTimers.forEach((t) => clearTimeout(t));
    if (this.modelVersion !== 'unloaded') void this.saveCache();
    this.disposables.forEach((d) => d.dispose());
  }
}

function isArticleDocument(document: vscode.TextDocument): boolean {
  return document.languageId === 'news-article';
}

/** Creates the workspace index service over the shared analysis backend; its disposal saves the cache. */
export function registerWorkspaceIndexService(context: vscode.ExtensionContext, loadBackend: () => Promise<AnalysisBackend>, log?: vscode.LogOutputChannel): WorkspaceIndexService {
  const service = new WorkspaceIndexService(context, loadBackend, undefined, log);
  service.prefetchListing();
  return service;
}
