/**
 * Annotations as comments (Comments API) on news articles: the stores of the workspace folders,
 * the threads of open documents, their anchors, and the actions the commands run (add, reply,
 * edit, delete, resolve, re-attach, correct). The sidebar lists what this holds.
 */
import * as vscode from 'vscode';
import {
  type Annotation, AnnotationStore, type ArticleTarget, type Motivation, StoreFileError, articleTargetOf, createAnnotation,
  isReply, quoteSelectorOf, reviseAnnotation, selectorsFor, tagsOf, textOf, threadsOf,
} from '../../core/annotations';
import { type CorrectionRequest, correctionsOf, createCorrection } from '../../core/corrections';
import { WorkspaceFsStoreHost } from '../annotationStoreHost';
import type { NewsAnnotation, NewsAnnotationSource } from '../newsViewModel';
import { authorFor } from './author';
import type { CommentsDeps, CorrectionPlace, StoredCorrection } from './deps';
import { ArticleAnchors } from './liveAnchors';
import { AnnotationComment, COMMENT_CONTROLLER_ID, CommentThreads, hashTags } from './threads';
import { shorten } from '../labels';
import { silentLogger } from '../../core/logger';

/** Languages whose documents can be annotated. */
const ANNOTATABLE_LANGUAGES = new Set(['news-article', 'plaintext']);

const DEFAULT_RATING_SCALE = ['True', 'Mostly true', 'Half true', 'Mostly false', 'False', 'Unproven'];

/** Folder, store and article path of a document of a workspace folder. */
interface Located {
  readonly folder: vscode.WorkspaceFolder;
  readonly store: AnnotationStore;
  readonly article: string;
}

/**
 * Add on a selection or a line, reply, edit, delete, resolve and reopen, tags (`#tag` in the text,
 * or the Tags… action), a motivation (comment, question, assessment with a verdict); anchors follow
 * edits in the editor and the store is merged when it changes on disk.
 */
export class AnnotationComments implements vscode.Disposable, NewsAnnotationSource {
  private readonly controller = vscode.comments.createCommentController(COMMENT_CONTROLLER_ID, 'News annotations');
  private readonly stores = new Map<string, AnnotationStore>();
  private readonly storeSubscriptions: vscode.Disposable[] = [];
  private readonly anchors = new ArticleAnchors();
  readonly threads = new CommentThreads(this.controller);
  private readonly articlesLoaded = new WeakMap<AnnotationStore, Set<string>>();
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly deps: CommentsDeps) {
    this.controller.commentingRangeProvider = {
      provideCommentingRanges: (document) => this.isAnnotatable(document) ? [new vscode.Range(0, 0, Math.max(0, document.lineCount - 1), 0)] : [],
    };
    this.controller.options = { placeHolder: 'Comment (use #tags), or ask, or assess…', prompt: 'Annotate this passage' };
    this.disposables.push(
      this.controller,
      this.changeEmitter,
      vscode.workspace.onDidOpenTextDocument((d) => void this.render(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      vscode.workspace.onDidChangeTextDocument((e) => this.anchors.follow(e, this.threads, (d) => void this.render(d))),
      vscode.workspace.onDidSaveTextDocument((d) => void this.persistAnchors(d)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.loadAll()),
    );
  }

  dispose(): void {
    for (const d of [...this.disposables, ...this.storeSubscriptions]) d.dispose();
    for (const store of this.stores.values()) store.dispose();
  }

  /** Reads every store of every folder and shows the threads of open documents. */
  async loadAll(): Promise<void> {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const store = this.storeFor(folder);
      await store.loadAll();
      for (const article of await store.articles()) await this.anchorClosed(folder, store, article);
    }
    await Promise.all(vscode.workspace.textDocuments.map((d) => this.render(d)));
    this.publishCorrections();
    this.changeEmitter.fire();
  }

  /**
   * Hands every stored correction to the index (it re-applies them after each build), only when
   * they changed: a comment, a reply or a resolved question leaves the index alone.
   */
  private publishCorrections(): void {
    if (!this.deps.corrections) return;
    const all: Annotation[] = [];
    for (const store of this.stores.values()) for (const article of this.knownArticles(store)) all.push(...store.annotationsOf(article));
    const corrections = correctionsOf(all);
    const key = JSON.stringify(corrections);
    if (key === this.publishedCorrections) return;
    this.publishedCorrections = key;
    this.deps.corrections.applyAnnotationCorrections(corrections);
  }

  /** The corrections last handed to the index (JSON), to publish only a change. */
  private publishedCorrections: string | undefined;

  /**
   * Records a correction on the selection (or the word under the cursor) of the active article, or
   * on the whole article for "Set outlet".
   */
  async correct(request: CorrectionRequest): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const located = editor && this.locate(editor.document.uri);
    if (!editor || !located) {
      void vscode.window.showInformationMessage('News Annotator: open an article of the workspace to correct it.');
      return;
    }
    let target: ArticleTarget = { source: located.article };
    if (request.kind !== 'setOutlet') {
      const range = editor.selection.isEmpty ? editor.document.getWordRangeAtPosition(editor.selection.active) : editor.selection;
      if (!range || range.isEmpty) {
        void vscode.window.showInformationMessage('News Annotator: select the entity mention to correct.');
        return;
      }
      const text = editor.document.getText();
      target = { source: located.article, selector: selectorsFor(text, editor.document.offsetAt(range.start), editor.document.offsetAt(range.end)) };
    }
    const annotation = createCorrection(request, target, (await authorFor(located.folder)).creator);
    if (await this.guard(located.store.put(located.article, [annotation]))) await this.render(editor.document);
  }

  /**
   * Records a correction at each of `places` (the sidebar's entities and articles): a mention range,
   * or the whole article when `start` is absent or for "Set outlet". One store write per article.
   * Resolves to the corrections stored (article URI and annotation id); a place outside the
   * workspace folders is skipped with a message.
   */
  async correctAt(request: CorrectionRequest, places: readonly CorrectionPlace[]): Promise<StoredCorrection[]> {
    const byArticle = new Map<string, { located: Located; document: vscode.TextDocument; annotations: Annotation[] }>();
    for (const place of places) {
      const uri = vscode.Uri.parse(place.uri);
      const located = this.locate(uri);
      if (!located) {
        void vscode.window.showInformationMessage(`News Annotator: ${vscode.workspace.asRelativePath(uri)} is not in a workspace folder, so it cannot be corrected.`);
        continue;
      }
      const key = uri.toString();
      let entry = byArticle.get(key);
      // The live text (unsaved edits included): the index's offsets are those of the open document.
      if (!entry) byArticle.set(key, (entry = { located, document: await vscode.workspace.openTextDocument(uri), annotations: [] }));
      const text = entry.document.getText();
      const whole = request.kind === 'setOutlet' || place.start === undefined;
      const target: ArticleTarget = whole
        ? { source: located.article }
        : { source: located.article, selector: selectorsFor(text, place.start!, place.end ?? place.start!) };
      entry.annotations.push(createCorrection(request, target, (await authorFor(located.folder)).creator));
    }
    const stored: StoredCorrection[] = [];
    for (const { located, document, annotations } of byArticle.values()) {
      if (!(await this.guard(located.store.put(located.article, annotations)))) continue;
      stored.push(...annotations.map((a) => ({ uri: document.uri.toString(), id: a.id })));
      await this.render(document);
    }
    return stored;
  }

  /** Drops everything in memory and reads the stores again, as a reloaded window would. */
  async reload(): Promise<void> {
    this.threads.dispose();
    this.anchors.clear();
    for (const d of this.storeSubscriptions.splice(0)) d.dispose();
    for (const store of this.stores.values()) store.dispose();
    this.stores.clear();
    await this.loadAll();
  }

  // ---- sidebar source -------------------------------------------------------------------------

  annotations(): readonly NewsAnnotation[] {
    const listed: NewsAnnotation[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const store = this.stores.get(folder.uri.toString());
      if (!store) continue;
      for (const article of this.knownArticles(store)) {
        const uri = vscode.Uri.joinPath(folder.uri, ...article.split('/')).toString();
        for (const annotation of store.annotationsOf(article)) {
          const target = articleTargetOf(annotation);
          if (!target) continue;
          const result = this.anchors.resultOf(uri, annotation.id);
          const orphaned = result?.kind === 'orphan';
          const range = result && result.kind !== 'orphan' && target.selector ? { start: result.start, end: result.end } : undefined;
          listed.push({
            id: annotation.id, uri, source: target.source, ...(range ? { range } : {}),
            quote: quoteSelectorOf(target)?.exact ?? '', text: textOf(annotation), tags: tagsOf(annotation), orphaned,
          });
        }
      }
    }
    return listed;
  }

  private knownArticles(store: AnnotationStore): string[] {
    return [...new Set(this.articlesLoaded.get(store) ?? [])];
  }

  // ---- stores ---------------------------------------------------------------------------------

  storeFor(folder: vscode.WorkspaceFolder): AnnotationStore {
    const key = folder.uri.toString();
    let store = this.stores.get(key);
    if (!store) {
      const created = new AnnotationStore(new WorkspaceFsStoreHost(folder.uri));
      store = created;
      this.stores.set(key, created);
      this.articlesLoaded.set(created, new Set());
      created.watch();
      this.storeSubscriptions.push(
        toVscodeDisposable(created.onDidChange((article) => {
          this.articlesLoaded.get(created)?.add(article);
          void this.onStoreChanged(folder, created, article);
        })),
        toVscodeDisposable(created.onDidReportError((error) => {
          void vscode.window.showErrorMessage(`News Annotator: ${error.message}. Other annotations keep working.`);
        })),
      );
    }
    return store;
  }

  private async onStoreChanged(folder: vscode.WorkspaceFolder, store: AnnotationStore, article: string): Promise<void> {
    const uri = vscode.Uri.joinPath(folder.uri, ...article.split('/'));
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (document) await this.render(document);
    else await this.anchorClosed(folder, store, article);
    this.publishCorrections();
    this.changeEmitter.fire();
  }

  private async anchorClosed(folder: vscode.WorkspaceFolder, store: AnnotationStore, article: string): Promise<void> {
    this.articlesLoaded.get(store)?.add(article);
    await this.anchors.anchorClosed(vscode.Uri.joinPath(folder.uri, ...article.split('/')), store.annotationsOf(article));
  }

  /**
   * Follows a change of a file on disk made outside the editor (a pull, another program): the
   * annotations of an article that is not open are re-anchored and the views told. An open
   * document follows its own reload through its edits instead.
   */
  async followDiskChange(uri: vscode.Uri): Promise<void> {
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return;
    const located = this.locate(uri);
    if (!located || !this.articlesLoaded.get(located.store)?.has(located.article)) return;
    await this.anchorClosed(located.folder, located.store, located.article);
    this.changeEmitter.fire();
  }

  /** Folder, store and article path of a document, when it belongs to a workspace folder. */
  private locate(uri: vscode.Uri): Located | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || !uri.path.startsWith(`${folder.uri.path}/`)) return undefined;
    return { folder, store: this.storeFor(folder), article: uri.path.slice(folder.uri.path.length + 1) };
  }

  private isAnnotatable(document: vscode.TextDocument): boolean {
    return ANNOTATABLE_LANGUAGES.has(document.languageId) && this.locate(document.uri) !== undefined;
  }

  // ---- threads --------------------------------------------------------------------------------

  /** Anchors the annotations of an open document and brings its threads up to date. */
  async render(document: vscode.TextDocument): Promise<void> {
    if (!this.isAnnotatable(document)) return;
    const located = this.locate(document.uri);
    if (!located) return;
    const { store, article } = located;
    await store.load(article);
    this.articlesLoaded.get(store)?.add(article);
    const annotations = store.annotationsOf(article);
    const anchors = this.anchors.anchorOpen(document, annotations);
    const dropped = this.threads.sync(document, threadsOf(annotations).threads, anchors);
    this.anchors.drop(document.uri.toString(), dropped);
    this.changeEmitter.fire();
  }

  private forget(uri: vscode.Uri): void {
    this.threads.forget(uri.toString());
    this.anchors.forgetOpen(uri.toString());
  }

  /** On save, stores selectors that describe the saved text for annotations whose passage moved. */
  private async persistAnchors(document: vscode.TextDocument): Promise<void> {
    const located = this.locate(document.uri);
    if (!located) return;
    const moved = this.anchors.moved(document, located.store.annotationsOf(located.article));
    if (moved.length > 0) await this.guard(located.store.put(located.article, moved));
  }

  // ---- actions --------------------------------------------------------------------------------

  /** Creates the root annotation of a new thread (or a reply on an existing one). */
  async submit(reply: vscode.CommentReply, motivation: Motivation): Promise<void> {
    const ids = this.threads.idsOf(reply.thread);
    if (ids) {
      await this.addReply(ids.uri, ids.id, reply.text);
      return;
    }
    const document = await vscode.workspace.openTextDocument(reply.thread.uri);
    const located = this.locate(document.uri);
    if (!located || !reply.thread.range) {
      void vscode.window.showErrorMessage('News Annotator: only files inside a workspace folder can be annotated.');
      return;
    }
    let verdict: string | undefined;
    if (motivation === 'assessing') {
      verdict = await vscode.window.showQuickPick(ratingScale(), { title: 'Verdict', placeHolder: 'Rate the claim in this passage' });
      if (verdict === undefined) return;
    }
    let start = document.offsetAt(reply.thread.range.start);
    let end = document.offsetAt(reply.thread.range.end);
    if (start === end) {
      // A line comment: the line's text, without surrounding blanks.
      const line = document.lineAt(reply.thread.range.start.line);
      start = document.offsetAt(line.range.start) + line.firstNonWhitespaceCharacterIndex;
      end = document.offsetAt(line.range.end);
    }
    // The thread VS Code opened for the draft gives way to the one render() keeps in step with the store.
    reply.thread.dispose();
    await this.annotate(document, start, end, reply.text, motivation, verdict);
  }

  /** Adds an annotation on `[start, end)` of an open document; returns it, or undefined when the store refused. */
  async annotate(document: vscode.TextDocument, start: number, end: number, text: string, motivation: Motivation, verdict?: string, extraTags: readonly string[] = []): Promise<Annotation | undefined> {
    const located = this.locate(document.uri);
    if (!located) return undefined;
    const annotation = createAnnotation({
      motivation,
      text,
      tags: [...hashTags(text), ...extraTags],
      ...(verdict !== undefined ? { verdict } : {}),
      ...(await authorFor(located.folder)),
      target: { source: located.article, selector: selectorsFor(document.getText(), start, end) },
    });
    if (!(await this.guard(located.store.put(located.article, [annotation])))) return undefined;
    await this.render(document);
    return annotation;
  }

  private async addReply(uri: string, rootId: string, text: string): Promise<void> {
    const located = this.locate(vscode.Uri.parse(uri));
    if (!located) return;
    const reply = createAnnotation({ motivation: 'replying', text, tags: hashTags(text), ...(await authorFor(located.folder)), target: rootId });
    await this.guard(located.store.put(located.article, [reply]));
  }

  async revise(comment: AnnotationComment, change: (annotation: Annotation) => Partial<Annotation>): Promise<void> {
    const found = this.findStore(comment.annotation.id);
    if (!found) return;
    const current = found.store.find(comment.annotation.id)?.annotation ?? comment.annotation;
    await this.guard(found.store.put(found.article, [reviseAnnotation(current, change(current))]));
  }

  async remove(comment: AnnotationComment): Promise<void> {
    const found = this.findStore(comment.annotation.id);
    if (!found) return;
    // Deleting a root deletes its thread: replies without it would be strays.
    const ids = isReply(comment.annotation)
      ? [comment.annotation.id]
      : [comment.annotation.id, ...found.store.annotationsOf(found.article).filter((a) => threadRootId(found.store, a) === comment.annotation.id).map((a) => a.id)];
    await this.guard(found.store.remove(found.article, ids));
  }

  async setStatus(thread: vscode.CommentThread, status: 'open' | 'resolved'): Promise<void> {
    const root = (thread.comments[0] as AnnotationComment | undefined)?.annotation;
    if (!root) return;
    await this.revise(thread.comments[0] as AnnotationComment, () => ({ status }));
  }

  /**
   * Re-attaches an orphan (a thread, an annotation id from the sidebar, or one picked from the active
   * article's orphans) to the active editor's selection.
   */
  async reattach(arg: vscode.CommentThread | string | undefined): Promise<void> {
    let root = typeof arg === 'string'
      ? this.findStore(arg)?.store.find(arg)?.annotation
      : (arg?.comments[0] as AnnotationComment | undefined)?.annotation;
    const editor = vscode.window.activeTextEditor;
    const rootTarget = root && articleTargetOf(root);
    const onItsArticle = editor && rootTarget && this.locate(editor.document.uri)?.article === rootTarget.source;
    if (!editor || editor.selection.isEmpty || (root && !onItsArticle)) {
      if (root && rootTarget && !onItsArticle) {
        const found = this.findStore(root.id);
        const folder = vscode.workspace.workspaceFolders?.find((f) => this.stores.get(f.uri.toString()) === found?.store);
        if (folder) await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, ...rootTarget.source.split('/')));
      }
      void vscode.window.showInformationMessage('News Annotator: select the passage to re-attach the annotation to, then run Re-attach again.');
      return;
    }
    if (!root) {
      const orphans = this.annotations().filter((a) => a.orphaned && a.uri === editor.document.uri.toString());
      const picked = await vscode.window.showQuickPick(orphans.map((o) => ({ label: `“${shorten(o.quote)}”`, description: o.text, id: o.id })), { title: 'Re-attach which orphaned annotation?' });
      if (!picked) return;
      root = this.findStore(picked.id)?.store.find(picked.id)?.annotation;
    }
    const found = root && this.findStore(root.id);
    const target = root && articleTargetOf(root);
    if (!root || !found || !target) return;
    const text = editor.document.getText();
    const start = editor.document.offsetAt(editor.selection.start);
    const end = editor.document.offsetAt(editor.selection.end);
    const revised = reviseAnnotation(root, { target: { source: target.source, selector: selectorsFor(text, start, end) } });
    if (await this.guard(found.store.put(found.article, [revised]))) await this.render(editor.document);
  }

  /** Live anchors of a document, for the integration tests (internal command). */
  anchorsOf(uri: string): { id: string; kind: string; start?: number; end?: number }[] {
    return this.anchors.anchorsOf(uri);
  }

  private findStore(id: string): { store: AnnotationStore; article: string } | undefined {
    for (const store of this.stores.values()) {
      const found = store.find(id);
      if (found) return { store, article: found.article };
    }
    return undefined;
  }

  /** Runs a store write; a refusal (unreadable store file, lock) is shown, never thrown at VS Code. */
  private async guard(write: Promise<void>): Promise<boolean> {
    try {
      await write;
      return true;
    } catch (err) {
      const message = err instanceof StoreFileError ? err.message : `could not save the annotation: ${err instanceof Error ? err.message : String(err)}`;
      (this.deps.logger ?? silentLogger).error(message);
      void vscode.window.showErrorMessage(`News Annotator: ${message}`);
      return false;
    }
  }
}

function threadRootId(store: AnnotationStore, annotation: Annotation): string | undefined {
  let current: Annotation | undefined = annotation;
  const seen = new Set<string>();
  while (current && typeof current.target === 'string' && !seen.has(current.id)) {
    seen.add(current.id);
    const parentId: string = current.target;
    const parent = store.find(parentId)?.annotation;
    if (!parent || typeof parent.target !== 'string') return parentId;
    current = parent;
  }
  return undefined;
}

function ratingScale(): string[] {
  const configured = vscode.workspace.getConfiguration('newsAnnotator').get<unknown>('ratingScale');
  return Array.isArray(configured) && configured.every((x) => typeof x === 'string') && configured.length > 0 ? configured : DEFAULT_RATING_SCALE;
}

function toVscodeDisposable(d: { dispose(): void }): vscode.Disposable {
  return new vscode.Disposable(() => d.dispose());
}
