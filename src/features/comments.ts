import * as vscode from 'vscode';
import {
  type AnchorResult, type Annotation, AnnotationStore, type ArticleTarget, type Motivation, StoreFileError, type TextEdit,
  type TextQuoteSelector, anchorTarget, articleTargetOf, createAnnotation, exportFromStore, importIntoStore, isReply,
  laterStamp, normalizeTags, parseAnnotationDocument, quoteSelectorOf, reanchorAfterEdits, reanchorChangedText, reviseAnnotation, selectorsFor, tagsOf,
  textOf, threadsOf, toAnnotationCollection, toCsv, toMarkdown, verdictOf,
} from '../core/annotations';
import { WorkspaceFsStoreHost } from './annotationStoreHost';
import type { NewsAnnotation, NewsAnnotationSource } from './newsViewModel';
import { type Correction, type CorrectionRequest, correctionsOf, createCorrection } from '../core/annotations/corrections';

/** Id of the comment controller (menus test it in `commentController == ...`). */
export const COMMENT_CONTROLLER_ID = 'newsAnnotator.comments';

/** Languages whose documents can be annotated. */
const ANNOTATABLE_LANGUAGES = new Set(['news-article', 'plaintext']);

const DEFAULT_RATING_SCALE = ['True', 'Mostly true', 'Half true', 'Mostly false', 'False', 'Unproven'];

/** What the comments feature needs from the rest of the extension. */
export interface CommentsDeps {
  /** The sidebar's view model, which lists the annotations (optional). */
  readonly newsViewModel?: { setAnnotationSource(source: NewsAnnotationSource): vscode.Disposable };
  /** The cross-file index, which applies the corrections stored as annotations (optional). */
  readonly corrections?: { applyAnnotationCorrections(corrections: readonly Correction[]): void };
}

/** Where a correction made from the sidebar goes: an article (URI string) and, for a mention, its range. */
export interface CorrectionPlace {
  readonly uri: string;
  readonly start?: number;
  readonly end?: number;
}

/** A correction stored from the sidebar: the article's URI string and the annotation's id. */
export interface StoredCorrection {
  readonly uri: string;
  readonly id: string;
}

/** Where an annotation is in an open document, and the quote that describes the text there now. */
interface LiveAnchor {
  readonly result: AnchorResult;
  /** Selector of the current text at the anchor (moves with edits); undefined for an orphan. */
  readonly quote?: TextQuoteSelector;
  /** The stored target it was computed from: a different one (changed elsewhere) means re-anchor. */
  readonly targetKey: string;
}

/** One comment of a thread: an annotation (the root or a reply). */
class AnnotationComment implements vscode.Comment {
  mode = vscode.CommentMode.Preview;
  constructor(
    readonly annotation: Annotation,
    public body: string | vscode.MarkdownString,
    readonly author: vscode.CommentAuthorInformation,
    readonly label: string | undefined,
    readonly timestamp: Date,
    readonly contextValue: string,
  ) {}
}

/**
 * Annotations as comments (Comments API) on news articles: add on a selection or a line, reply,
 * edit, delete, resolve and reopen, tags (`#tag` in the text, or the Tags… action), a motivation
 * (comment, question, assessment with a verdict); anchors follow edits in the editor and the store
 * is merged when it changes on disk.
 */
class AnnotationComments implements vscode.Disposable, NewsAnnotationSource {
  private readonly controller = vscode.comments.createCommentController(COMMENT_CONTROLLER_ID, 'News annotations');
  private readonly stores = new Map<string, AnnotationStore>();
  private readonly storeSubscriptions: vscode.Disposable[] = [];
  /** By document URI, then annotation id. */
  private readonly anchors = new Map<string, Map<string, LiveAnchor>>();
  /** By document URI, then root annotation id. */
  private readonly threads = new Map<string, Map<string, vscode.CommentThread>>();
  private readonly threadIds = new WeakMap<vscode.CommentThread, { uri: string; id: string }>();
  /** Anchors of articles that are not open, computed from the file on disk, for the sidebar. */
  private readonly closedAnchors = new Map<string, Map<string, { target: ArticleTarget; result: AnchorResult }>>();
  /** The text those anchors were computed on (undefined: the file could not be read). */
  private readonly closedTexts = new Map<string, string | undefined>();
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
      vscode.workspace.onDidChangeTextDocument((e) => this.followEdits(e)),
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

  /** Hands every stored correction to the index (it re-applies them after each build). */
  private publishCorrections(): void {
    if (!this.deps.corrections) return;
    const all: Annotation[] = [];
    for (const store of this.stores.values()) for (const article of this.knownArticles(store)) all.push(...store.annotationsOf(article));
    this.deps.corrections.applyAnnotationCorrections(correctionsOf(all));
  }

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
    const byArticle = new Map<string, { located: NonNullable<ReturnType<AnnotationComments['locate']>>; document: vscode.TextDocument; annotations: Annotation[] }>();
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
    for (const map of this.threads.values()) for (const thread of map.values()) thread.dispose();
    this.threads.clear();
    this.anchors.clear();
    this.closedAnchors.clear();
    this.closedTexts.clear();
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
        const live = this.anchors.get(uri);
        for (const annotation of store.annotationsOf(article)) {
          const target = articleTargetOf(annotation);
          if (!target) continue;
          const result = live?.get(annotation.id)?.result ?? this.closedAnchors.get(uri)?.get(annotation.id)?.result;
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

  private readonly articlesLoaded = new WeakMap<AnnotationStore, Set<string>>();

  // ---- stores ---------------------------------------------------------------------------------

  private storeFor(folder: vscode.WorkspaceFolder): AnnotationStore {
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
    const uri = vscode.Uri.joinPath(folder.uri, ...article.split('/'));
    let text: string | undefined;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      text = undefined;
    }
    const key = uri.toString();
    const targets = store.annotationsOf(article).flatMap((annotation) => {
      const target = articleTargetOf(annotation);
      return target ? [{ id: annotation.id, target }] : [];
    });
    // From the text last seen, so a change on disk (a pull) moves the anchors it did not touch.
    const previous = this.closedAnchors.get(key) ?? new Map<string, { target: ArticleTarget; result: AnchorResult }>();
    const results = text === undefined
      ? new Map<string, AnchorResult>(targets.map(({ id }) => [id, { kind: 'orphan', reason: 'not-found' }]))
      : reanchorChangedText(this.closedTexts.get(key), text, targets, previous);
    this.closedAnchors.set(key, new Map(targets.map(({ id, target }) => [id, { target, result: results.get(id) as AnchorResult }])));
    this.closedTexts.set(key, text);
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
  private locate(uri: vscode.Uri): { folder: vscode.WorkspaceFolder; store: AnnotationStore; article: string } | undefined {
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
    const uri = document.uri.toString();
    const text = document.getText();
    const anchors = this.anchors.get(uri) ?? new Map<string, LiveAnchor>();
    this.anchors.set(uri, anchors);
    const annotations = store.annotationsOf(article);
    for (const annotation of annotations) {
      const target = articleTargetOf(annotation);
      if (!target) continue;
      const targetKey = JSON.stringify(target);
      if (anchors.get(annotation.id)?.targetKey === targetKey) continue;
      anchors.set(annotation.id, liveAnchor(text, anchorTarget(text, target), targetKey));
    }
    const threads = this.threads.get(uri) ?? new Map<string, vscode.CommentThread>();
    this.threads.set(uri, threads);
    const { threads: grouped } = threadsOf(annotations);
    const seen = new Set<string>();
    for (const { root, replies } of grouped) {
      const anchor = anchors.get(root.id);
      if (!anchor) continue;
      seen.add(root.id);
      let thread = threads.get(root.id);
      const wholeArticle = !articleTargetOf(root)?.selector;
      const range = wholeArticle ? new vscode.Range(0, 0, 0, 0) : rangeOf(document, anchor.result);
      if (!thread) {
        thread = this.controller.createCommentThread(document.uri, range, []);
        threads.set(root.id, thread);
        this.threadIds.set(thread, { uri, id: root.id });
      } else if (!thread.range || !thread.range.isEqual(range)) {
        thread.range = range;
      }
      this.fillThread(thread, root, replies, anchor.result);
    }
    for (const [id, thread] of threads) {
      if (!seen.has(id)) {
        thread.dispose();
        threads.delete(id);
        anchors.delete(id);
      }
    }
    this.changeEmitter.fire();
  }

  private fillThread(thread: vscode.CommentThread, root: Annotation, replies: readonly Annotation[], anchor: AnchorResult): void {
    const editing = new Set(thread.comments.filter((c) => c.mode === vscode.CommentMode.Editing).map((c) => (c as AnnotationComment).annotation.id));
    thread.comments = [root, ...replies].map((a) => {
      const comment = toComment(a, a === root ? 'root' : 'reply');
      if (editing.has(a.id)) comment.mode = vscode.CommentMode.Editing;
      return comment;
    });
    const resolved = root.status === 'resolved';
    const orphaned = anchor.kind === 'orphan';
    thread.state = resolved ? vscode.CommentThreadState.Resolved : vscode.CommentThreadState.Unresolved;
    thread.contextValue = `${resolved ? 'resolved' : 'open'}${orphaned ? '-orphaned' : ''}`;
    thread.label = orphaned
      ? `Orphaned: “${shorten(quoteSelectorOf(articleTargetOf(root) as ArticleTarget)?.exact ?? '')}” is no longer in the text (Re-attach to a selection)`
      : `${motivationLabel(root)}${anchor.kind === 'fuzzy' ? ' · passage changed since annotated' : ''}`;
    thread.canReply = true;
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    for (const thread of this.threads.get(key)?.values() ?? []) thread.dispose();
    this.threads.delete(key);
    this.anchors.delete(key);
  }

  /** Moves the anchors of a document through its edits (a touched anchor is re-evaluated). */
  private followEdits(event: vscode.TextDocumentChangeEvent): void {
    const uri = event.document.uri.toString();
    const anchors = this.anchors.get(uri);
    if (!anchors || event.contentChanges.length === 0) return;
    // Changes of one event do not overlap; applied from the last to the first, each offset holds.
    const edits: TextEdit[] = [...event.contentChanges]
      .sort((a, b) => b.rangeOffset - a.rangeOffset)
      .map((c) => ({ offset: c.rangeOffset, deletedLength: c.rangeLength, insertedText: c.text }));
    const text = event.document.getText();
    const threads = this.threads.get(uri);
    for (const [id, anchor] of anchors) {
      if (anchor.result.kind === 'orphan' || !anchor.quote || !anchor.targetKey.includes('"selector"')) continue;
      const result = reanchorAfterEdits(anchor.result, anchor.quote, edits, text);
      const next = liveAnchor(text, result, anchor.targetKey);
      anchors.set(id, next);
      const thread = threads?.get(id);
      if (thread) {
        thread.range = rangeOf(event.document, result);
        if (result.kind === 'orphan' || anchor.result.kind !== result.kind) void this.render(event.document);
      }
    }
  }

  /** On save, stores selectors that describe the saved text for annotations whose passage moved. */
  private async persistAnchors(document: vscode.TextDocument): Promise<void> {
    const located = this.locate(document.uri);
    const anchors = this.anchors.get(document.uri.toString());
    if (!located || !anchors) return;
    const text = document.getText();
    const moved: Annotation[] = [];
    for (const annotation of located.store.annotationsOf(located.article)) {
      const target = articleTargetOf(annotation);
      const anchor = anchors.get(annotation.id);
      if (!target?.selector || !anchor || anchor.result.kind === 'orphan') continue;
      const selector = selectorsFor(text, anchor.result.start, anchor.result.end);
      if (JSON.stringify(selector) === JSON.stringify(target.selector)) continue;
      // One millisecond newer: enough to replace the stale selectors, while any real edit made
      // elsewhere since (stamped with its own time) still wins over following the text.
      const revised: Annotation = { ...annotation, modified: laterStamp(annotation.modified, new Date(0)), target: { source: target.source, selector } };
      anchors.set(annotation.id, { ...anchor, targetKey: JSON.stringify(revised.target) });
      moved.push(revised);
    }
    if (moved.length > 0) await this.guard(located.store.put(located.article, moved));
  }

  // ---- actions --------------------------------------------------------------------------------

  /** Creates the root annotation of a new thread (or a reply on an existing one). */
  async submit(reply: vscode.CommentReply, motivation: Motivation): Promise<void> {
    const ids = this.threadIds.get(reply.thread);
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

  /** Shows a comment's new mode or body (VS Code reads a thread's comments by value). */
  refreshComment(comment: AnnotationComment): void {
    for (const map of this.threads.values()) {
      for (const thread of map.values()) if (thread.comments.includes(comment)) thread.comments = [...thread.comments];
    }
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

  async exportTo(format: 'jsonld' | 'csv' | 'md', destination: vscode.Uri): Promise<number> {
    const parts: string[] = [];
    let count = 0;
    const all = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const items = await exportFromStore(this.storeFor(folder), async (article) => {
        const uri = vscode.Uri.joinPath(folder.uri, ...article.split('/'));
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (open) return open.getText();
        try {
          return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        } catch {
          return undefined;
        }
      });
      all.push(...items);
      count += items.length;
    }
    parts.push(format === 'csv' ? toCsv(all) : format === 'md' ? toMarkdown(all) : `${JSON.stringify(toAnnotationCollection(all), null, 2)}\n`);
    await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(parts.join('')));
    return count;
  }

  async importFrom(file: vscode.Uri, folder: vscode.WorkspaceFolder): Promise<number> {
    const json: unknown = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)));
    const annotations = parseAnnotationDocument(json, folder.uri.toString());
    try {
      return (await importIntoStore(this.storeFor(folder), annotations)).imported;
    } finally {
      // Also after a partial import: what was written shows.
      await this.loadAll();
    }
  }

  /** Live anchors of a document, for the integration tests (internal command). */
  /** The live comment thread of a root annotation in an open article. */
  threadOf(uri: string, id: string): vscode.CommentThread | undefined {
    return this.threads.get(uri)?.get(id);
  }

  anchorsOf(uri: string): { id: string; kind: string; start?: number; end?: number }[] {
    return [...(this.anchors.get(uri) ?? new Map<string, LiveAnchor>())].map(([id, a]) => ({
      id, kind: a.result.kind, ...(a.result.kind === 'orphan' ? {} : { start: a.result.start, end: a.result.end }),
    }));
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
      console.error(`News Annotator: ${message}`);
      void vscode.window.showErrorMessage(`News Annotator: ${message}`);
      return false;
    }
  }
}

function liveAnchor(text: string, result: AnchorResult, targetKey: string): LiveAnchor {
  if (result.kind === 'orphan') return { result, targetKey };
  return { result, targetKey, quote: selectorsFor(text, result.start, result.end)[0] };
}

function rangeOf(document: vscode.TextDocument, result: AnchorResult): vscode.Range {
  if (result.kind === 'orphan') return new vscode.Range(0, 0, 0, 0);
  return new vscode.Range(document.positionAt(result.start), document.positionAt(result.end));
}

function toComment(annotation: Annotation, role: 'root' | 'reply'): AnnotationComment {
  const tags = tagsOf(annotation);
  const verdict = verdictOf(annotation);
  const label = [verdict ? `Verdict: ${verdict}` : undefined, tags.length > 0 ? tags.map((t) => `#${t}`).join(' ') : undefined, annotation.modified !== annotation.created ? 'edited' : undefined]
    .filter(Boolean).join(' · ') || undefined;
  return new AnnotationComment(
    annotation,
    textOf(annotation) || correctionText(annotation),
    { name: annotation.creator?.name ?? 'Unknown' },
    label,
    new Date(annotation.created),
    `${role}${annotation.motivation === 'replying' ? '' : `-${annotation.motivation}`}`,
  );
}

/** What a correction says, for its comment (it has no text of its own). */
function correctionText(annotation: Annotation): string {
  const [correction] = correctionsOf([{ ...annotation, status: 'open' }]);
  if (!correction) return '';
  switch (correction.kind) {
    case 'setType': return `Marked as ${correction.entityType.toLowerCase()}`;
    case 'notAnEntity': return correction.scope === 'workspace' ? 'Not an entity (in every article)' : 'Not an entity (in this article)';
    case 'mergeWith': return `Same entity as ${correction.canonicalName}`;
    case 'split': return correction.newName ? `A different entity: ${correction.newName}` : 'A different entity from the others of this name';
    case 'setOutlet': return `Outlet: ${correction.outlet}`;
  }
}

function motivationLabel(annotation: Annotation): string {
  switch (annotation.motivation) {
    case 'questioning': return 'Question';
    case 'assessing': return `Assessment${verdictOf(annotation) ? `: ${verdictOf(annotation)}` : ''}`;
    case 'tagging': return 'Tags';
    case 'classifying':
    case 'editing': return 'Correction';
    default: return 'Comment';
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

function hashTags(text: string): string[] {
  return normalizeTags([...text.matchAll(/(?:^|\s)#([\p{L}\p{N}_-]+)/gu)].map((m) => m[1] as string));
}

function shorten(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function ratingScale(): string[] {
  const configured = vscode.workspace.getConfiguration('newsAnnotator').get<unknown>('ratingScale');
  return Array.isArray(configured) && configured.every((x) => typeof x === 'string') && configured.length > 0 ? configured : DEFAULT_RATING_SCALE;
}

/** The author: the `newsAnnotator.author` setting, else git's user.name of the folder's repository. */
async function authorFor(folder: vscode.WorkspaceFolder): Promise<{ creator?: string }> {
  const configured = vscode.workspace.getConfiguration('newsAnnotator', folder.uri).get<string>('author')?.trim();
  if (configured) return { creator: configured };
  try {
    const config = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, '.git', 'config')));
    const name = gitUserName(config);
    return name ? { creator: name } : {};
  } catch {
    return {};
  }
}

/** `name` of the `[user]` section of a git config file. */
export function gitUserName(config: string): string | undefined {
  let inUser = false;
  for (const raw of config.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('[')) inUser = /^\[user\]$/i.test(line);
    else if (inUser) {
      const match = /^name\s*=\s*(.+)$/i.exec(line);
      if (match) return (match[1] as string).replace(/^"(.*)"$/, '$1').trim() || undefined;
    }
  }
  return undefined;
}

function toVscodeDisposable(d: { dispose(): void }): vscode.Disposable {
  return new vscode.Disposable(() => d.dispose());
}

/** Registers the comments feature and its commands. */
/** Records corrections made outside an editor (the sidebar's context menus). */
export interface CorrectionRecorder {
  correctAt(request: CorrectionRequest, places: readonly CorrectionPlace[]): Promise<StoredCorrection[]>;
}

/** The comments feature's registration; `corrections` lets the sidebar record corrections through it. */
export interface CommentsRegistration extends vscode.Disposable {
  readonly corrections: CorrectionRecorder;
  /** Re-anchors the annotations of an article that changed on disk (the article file watcher calls it). */
  followDiskChange(uri: vscode.Uri): Promise<void>;
}

export function registerComments(_context: vscode.ExtensionContext, deps: CommentsDeps = {}): CommentsRegistration {
  const comments = new AnnotationComments(deps);
  const commentOf = (arg: unknown) => (arg instanceof AnnotationComment ? arg : undefined);
  const register = vscode.commands.registerCommand;
  const disposables: vscode.Disposable[] = [
    comments,
    register('newsAnnotator.createAnnotation', (reply: vscode.CommentReply) => comments.submit(reply, 'commenting')),
    register('newsAnnotator.createQuestion', (reply: vscode.CommentReply) => comments.submit(reply, 'questioning')),
    register('newsAnnotator.createAssessment', (reply: vscode.CommentReply) => comments.submit(reply, 'assessing')),
    register('newsAnnotator.replyAnnotation', (reply: vscode.CommentReply) => comments.submit(reply, 'replying')),
    register('newsAnnotator.editAnnotation', (arg: unknown) => {
      const comment = commentOf(arg);
      if (!comment) return;
      comment.mode = vscode.CommentMode.Editing;
      comments.refreshComment(comment);
    }),
    register('newsAnnotator.saveAnnotation', (arg: unknown) => {
      const comment = commentOf(arg);
      if (!comment) return undefined;
      const text = typeof comment.body === 'string' ? comment.body : comment.body.value;
      comment.mode = vscode.CommentMode.Preview;
      return comments.revise(comment, (current) => ({
        body: [
          ...(text ? [{ type: 'TextualBody' as const, value: text, purpose: current.motivation === 'questioning' ? 'questioning' as const : current.motivation === 'replying' ? 'replying' as const : 'commenting' as const, format: 'text/plain' as const }] : []),
          ...current.body.filter((b) => b.purpose === 'assessing' || b.purpose === 'classifying' || b.purpose === 'editing' || b.purpose === 'identifying'),
          ...normalizeTags([...tagsOf(current), ...hashTags(text)]).map((value) => ({ type: 'TextualBody' as const, value, purpose: 'tagging' as const })),
        ],
      }));
    }),
    register('newsAnnotator.cancelEditAnnotation', (arg: unknown) => {
      const comment = commentOf(arg);
      if (!comment) return;
      comment.body = textOf(comment.annotation);
      comment.mode = vscode.CommentMode.Preview;
      comments.refreshComment(comment);
    }),
    register('newsAnnotator.setAnnotationTags', async (arg: unknown) => {
      const comment = commentOf(arg);
      if (!comment) return;
      const input = await vscode.window.showInputBox({ title: 'Tags', prompt: 'Separated by spaces or commas (#verify #claim #source, or your own)', value: tagsOf(comment.annotation).map((t) => `#${t}`).join(' ') });
      if (input === undefined) return;
      const tags = normalizeTags(input.split(/[\s,]+/));
      await comments.revise(comment, (current) => ({ body: [...current.body.filter((b) => b.purpose !== 'tagging'), ...tags.map((value) => ({ type: 'TextualBody' as const, value, purpose: 'tagging' as const }))] }));
    }),
    register('newsAnnotator.deleteAnnotation', (arg: unknown) => {
      const comment = commentOf(arg);
      return comment ? comments.remove(comment) : undefined;
    }),
    register('newsAnnotator.resolveAnnotation', (thread: vscode.CommentThread) => comments.setStatus(thread, 'resolved')),
    register('newsAnnotator.reopenAnnotation', (thread: vscode.CommentThread) => comments.setStatus(thread, 'open')),
    register('newsAnnotator.reattachAnnotation', (arg?: vscode.CommentThread | string) => comments.reattach(typeof arg === 'string' || (arg && 'comments' in arg) ? arg : undefined)),
    // Arguments (a format and a destination URI) skip the dialogs: for keybindings, tasks and tests.
    register('newsAnnotator.exportAnnotations', async (formatArg?: 'jsonld' | 'csv' | 'md', destinationArg?: string) => {
      if (formatArg && destinationArg) return comments.exportTo(formatArg, vscode.Uri.parse(destinationArg));
      const picked = await vscode.window.showQuickPick([
        { label: 'W3C JSON-LD (AnnotationCollection)', format: 'jsonld' as const, ext: 'jsonld' },
        { label: 'CSV (a row per annotation)', format: 'csv' as const, ext: 'csv' },
        { label: 'Markdown report (by article)', format: 'md' as const, ext: 'md' },
      ], { title: 'Export annotations as' });
      if (!picked) return;
      const folder = vscode.workspace.workspaceFolders?.[0];
      const destination = await vscode.window.showSaveDialog({ ...(folder ? { defaultUri: vscode.Uri.joinPath(folder.uri, `annotations.${picked.ext}`) } : {}), filters: { [picked.label]: [picked.ext] } });
      if (!destination) return;
      const count = await comments.exportTo(picked.format, destination);
      void vscode.window.showInformationMessage(`News Annotator: exported ${count} annotation(s) to ${vscode.workspace.asRelativePath(destination)}.`);
      return count;
    }),
    // An optional file URI (tests, scripts) stands in for the open dialog.
    register('newsAnnotator.importAnnotations', async (fileArg?: string) => {
      const folder = vscode.workspace.workspaceFolders?.length === 1 ? vscode.workspace.workspaceFolders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Import into which folder?' });
      if (!folder) return;
      const [file] = typeof fileArg === 'string' ? [vscode.Uri.parse(fileArg)] : (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'W3C annotations': ['json', 'jsonld'] } })) ?? [];
      if (!file) return;
      try {
        const count = await comments.importFrom(file, folder);
        void vscode.window.showInformationMessage(`News Annotator: imported ${count} annotation(s).`);
        return count;
      } catch (err) {
        void vscode.window.showErrorMessage(`News Annotator: ${vscode.workspace.asRelativePath(file)}: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
      }
    }),
    register('newsAnnotator.markAsPerson', () => comments.correct({ kind: 'setType', entityType: 'Person' })),
    register('newsAnnotator.markAsOrganization', () => comments.correct({ kind: 'setType', entityType: 'Organization' })),
    register('newsAnnotator.markAsPlace', () => comments.correct({ kind: 'setType', entityType: 'Place' })),
    register('newsAnnotator.markNotAnEntity', () => comments.correct({ kind: 'notAnEntity' })),
    register('newsAnnotator.mergeEntityWith', async () => {
      const canonicalName = (await vscode.window.showInputBox({ title: 'Merge with…', prompt: 'The name of the entity this mention is (for example Meng Wanzhou)' }))?.trim();
      if (canonicalName) await comments.correct({ kind: 'mergeWith', canonicalName });
    }),
    register('newsAnnotator.splitEntity', async () => {
      const newName = await vscode.window.showInputBox({ title: 'Split', prompt: 'Optional: a name for the separate entity this mention is' });
      if (newName !== undefined) await comments.correct({ kind: 'split', ...(newName.trim() ? { newName: newName.trim() } : {}) });
    }),
    register('newsAnnotator.setOutlet', async () => {
      const outlet = (await vscode.window.showInputBox({ title: 'Set outlet', prompt: 'The outlet that published this article' }))?.trim();
      if (outlet) await comments.correct({ kind: 'setOutlet', outlet });
    }),
    // Internal (hidden from the palette): the integration tests drive the feature through these.
    register('newsAnnotator.annotateRange', async (uri: string, start: number, end: number, text: string, motivation: Motivation = 'commenting', verdict?: string) => {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      return (await comments.annotate(document, start, end, text, motivation, verdict))?.id;
    }),
    register('newsAnnotator.annotationThread', (uri: string, id: string) => comments.threadOf(uri, id)),
    register('newsAnnotator.annotationAnchors', (uri: string) => comments.anchorsOf(uri)),
    register('newsAnnotator.reloadAnnotations', () => comments.reload()),
  ];
  if (deps.newsViewModel) disposables.push(deps.newsViewModel.setAnnotationSource(comments));
  void comments.loadAll().catch((err: unknown) => {
    void vscode.window.showErrorMessage(`News Annotator: could not read the annotations: ${err instanceof Error ? err.message : String(err)}`);
  });
  const registration = vscode.Disposable.from(...disposables);
  return Object.assign(registration, {
    corrections: { correctAt: (request: CorrectionRequest, places: readonly CorrectionPlace[]) => comments.correctAt(request, places) },
    followDiskChange: (uri: vscode.Uri) => comments.followDiskChange(uri),
  });
}
